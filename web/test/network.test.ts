import './setup.ts';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { layoutNetwork, NETWORK_SIZE, renderNetwork, toneColour } from '../src/views/network.ts';
import { fixtureNetwork } from './fixtures.ts';
import { click, recordingHandlers } from './setup.ts';

test('network: a node per actor, an edge per directed pair, filters on click', () => {
  const handlers = recordingHandlers();
  const figure = renderNetwork(fixtureNetwork(), handlers);
  assert.deepEqual(
    [...figure.querySelectorAll('.node text')].map((label) => label.textContent),
    ['Ashur Brigades', 'police', 'tribal elders'],
  );
  const edges = [...figure.querySelectorAll('path.edge')];
  assert.deepEqual(
    edges.map((edge) => edge.getAttribute('stroke')),
    [toneColour(-1), toneColour(1)],
  );
  assert.ok(Number(edges[0]?.getAttribute('stroke-width')) > Number(edges[1]?.getAttribute('stroke-width')));
  click(edges[0] ?? null);
  click(figure.querySelector('.node'));
  assert.deepEqual(handlers.calls.filters, [
    { dyad: 'Ashur Brigades:police', actor: '' },
    { actor: 'Ashur Brigades', dyad: '' },
  ]);
});

test('network: the layout is the same every time and stays inside the drawing', () => {
  const first = layoutNetwork(fixtureNetwork()).nodes.map((node) => [node.x, node.y]);
  const second = layoutNetwork(fixtureNetwork()).nodes.map((node) => [node.x, node.y]);
  assert.deepEqual(first, second);
  for (const [x, y] of first) {
    assert.ok((x ?? -1) >= 0 && (x ?? -1) <= NETWORK_SIZE.width && (y ?? -1) >= 0 && (y ?? -1) <= NETWORK_SIZE.height);
  }
});

test('network: at the country level an edge filters by codes', () => {
  const handlers = recordingHandlers();
  const network = {
    ...fixtureNetwork(),
    level: 'country' as const,
    nodes: [
      { id: 'IRQ', name: 'Iraq', country: 'IRQ', events: 3 },
      { id: 'TUR', name: 'Turkey', country: 'TUR', events: 3 },
    ],
    edges: [{ source: 'TUR', target: 'IRQ', events: 3, conflict: 3, cooperation: 0, tone: -1 }],
  };
  click(renderNetwork(network, handlers).querySelector('path.edge'));
  assert.deepEqual(handlers.calls.filters, [{ dyad: 'TUR:IRQ', actor: '' }]);
});
