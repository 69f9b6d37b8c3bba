import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildNetwork } from './network.ts';
import { merged, type PartySpec, single } from './testing.ts';

const MILITIA: PartySpec = ['kh', "Kata'ib Hezbollah", 'IRQ'];
const US: PartySpec = ['us-forces', 'U.S. forces', 'USA'];
const IRAQ: PartySpec = ['iraq-gov', 'Iraqi government', 'IRQ'];

const EVENTS = [
  single({ id: 'r1', date: '2024-03-04', actor: [MILITIA], recipient: [US] }),
  single({ id: 'r2', date: '2024-03-11', actor: [MILITIA], recipient: [US] }),
  single({ id: 's1', mode: 'aerial', date: '2024-03-12', actor: [US], recipient: [MILITIA] }),
  single({ id: 'm1', type: 'CONSULT', date: '2024-03-12', actor: [US], recipient: [IRAQ] }),
  single({ id: 'm2', type: 'AGREE', date: '2024-03-13', actor: [US], recipient: [IRAQ] }),
  single({ id: 'a1', type: 'ACCUSE', date: '2024-03-14', actor: [US], recipient: [IRAQ] }),
  // A rocket attack with no named target: not an edge.
  single({ id: 'lone', date: '2024-03-14', actor: [MILITIA] }),
  // Two reports of one strike: one event.
  merged('merged-strike', [
    { id: 'w', mode: 'drone', date: '2024-03-15', actor: [US], recipient: [MILITIA] },
    { id: 'c', mode: 'drone', date: '2024-03-15', actor: [US], recipient: [MILITIA] },
  ]),
];

test('network: edges weighted by events, directed, with conflict, cooperation and tone', () => {
  const network = buildNetwork(EVENTS);
  assert.deepEqual(
    network.edges.map((e) => [e.source, e.target, e.events, e.conflict, e.cooperation, e.tone]),
    [
      ['us-forces', 'iraq-gov', 3, 1, 2, 0.333],
      // Equal weights: the more conflict first, then by source and target.
      ['kh', 'us-forces', 2, 2, 0, -1],
      ['us-forces', 'kh', 2, 2, 0, -1],
    ],
  );
  assert.deepEqual(
    network.nodes.map((n) => [n.id, n.name, n.country, n.events]),
    [
      ['us-forces', 'U.S. forces', 'USA', 7],
      ['kh', "Kata'ib Hezbollah", 'IRQ', 4],
      ['iraq-gov', 'Iraqi government', 'IRQ', 3],
    ],
  );
});

test('network: a period, a type, a dyad and a limit select the edges', () => {
  const march11 = buildNetwork(EVENTS, { since: '2024-03-11', until: '2024-03-12' });
  assert.deepEqual(
    march11.edges.map((e) => [e.source, e.target, e.events]),
    [
      ['kh', 'us-forces', 1],
      ['us-forces', 'kh', 1],
      ['us-forces', 'iraq-gov', 1],
    ],
  );
  assert.equal(buildNetwork(EVENTS, { type: 'CONSULT' }).edges.length, 1);
  const dyad = buildNetwork(EVENTS, { dyad: { source: 'USA', target: 'hezbollah' } });
  assert.deepEqual(
    dyad.nodes.map((n) => [n.id, n.events]),
    [
      ['kh', 4],
      ['us-forces', 4],
    ],
  );
  const top = buildNetwork(EVENTS, { limit: 1 });
  assert.deepEqual(
    top.nodes.map((n) => n.id),
    ['us-forces', 'iraq-gov'],
  );
});

test('network: at the country level, both sides of one country are one node', () => {
  const network = buildNetwork(EVENTS, { level: 'country' });
  assert.deepEqual(
    network.edges.map((e) => [e.source, e.target, e.events]),
    [
      ['USA', 'IRQ', 5],
      ['IRQ', 'USA', 2],
    ],
  );
});
