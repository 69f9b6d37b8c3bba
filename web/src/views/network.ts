// The actor network: who acts on whom (GET /network), laid out by a force simulation run to rest before drawing
// (seeded, so the same data draws the same picture). Edge width is the number of events, its colour the tone
// (red conflict … blue cooperation). A node filters to its actor, an edge to its dyad.
import {
  forceCenter,
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  type SimulationNodeDatum,
} from 'd3-force';
import { arrowDefs, h, on, s } from '../dom.ts';
import type { AnalysisLevel, NetworkEdge, NetworkResponse } from '../types.ts';
import type { ViewHandlers } from './handlers.ts';

export const NETWORK_SIZE = { width: 560, height: 380 };
/** More nodes than this do not read; the heaviest are kept. */
export const MAX_NODES = 40;

interface Node extends SimulationNodeDatum {
  id: string;
  name: string;
  country: string | null;
  events: number;
}

/** What a node is called in a filter: at the country level its code, else its name. */
export function filterTerm(node: { id: string; name: string }, level: AnalysisLevel): string {
  return level === 'country' ? node.id : node.name;
}

/** −1 (all conflict) red … +1 (all cooperation) blue. */
export function toneColour(tone: number): string {
  const t = Math.max(-1, Math.min(1, tone));
  const red = [200, 40, 40];
  const blue = [40, 90, 200];
  const grey = [150, 150, 150];
  const [from, to, k] = t < 0 ? [grey, red, -t] : [grey, blue, t];
  const mix = from.map((value, i) => Math.round(value + ((to[i] as number) - value) * k));
  return `rgb(${mix.join(',')})`;
}

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

export function layoutNetwork(network: NetworkResponse): {
  nodes: Node[];
  edges: (NetworkEdge & { a: Node; b: Node })[];
} {
  const nodes: Node[] = [...network.nodes]
    .sort((a, b) => b.events - a.events || a.id.localeCompare(b.id))
    .slice(0, MAX_NODES)
    .map((node) => ({ ...node }));
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const edges = network.edges.flatMap((edge) => {
    const a = byId.get(edge.source);
    const b = byId.get(edge.target);
    return a && b && a !== b ? [{ ...edge, a, b }] : [];
  });
  const { width, height } = NETWORK_SIZE;
  const simulation = forceSimulation(nodes)
    .randomSource(seeded(42))
    .force('link', forceLink(edges.map((edge) => ({ source: edge.a, target: edge.b }))).distance(70))
    .force('charge', forceManyBody().strength(-160))
    .force(
      'collide',
      forceCollide<Node>((node) => nodeRadius(node.events) + 4),
    )
    .force('center', forceCenter(width / 2, height / 2))
    .stop();
  simulation.tick(300);
  for (const node of nodes) {
    node.x = Math.max(50, Math.min(width - 50, node.x ?? width / 2));
    node.y = Math.max(16, Math.min(height - 16, node.y ?? height / 2));
  }
  return { nodes, edges };
}

export function nodeRadius(events: number): number {
  return Math.min(24, 4 + 2 * Math.sqrt(events));
}

export function renderNetwork(network: NetworkResponse, handlers: ViewHandlers): HTMLElement {
  if (network.nodes.length === 0) return h('p', { class: 'empty' }, 'No actor pairs in these events.');
  const { nodes, edges } = layoutNetwork(network);
  const { width, height } = NETWORK_SIZE;
  const most = Math.max(1, ...edges.map((edge) => edge.events));
  const svg = s(
    'svg',
    { class: 'network', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'actor network' },
    arrowDefs('arrow'),
  );
  const lines = s('g', { class: 'edges' });
  for (const edge of edges) {
    const { a, b } = edge;
    const [ax, ay, bx, by] = [a.x ?? 0, a.y ?? 0, b.x ?? 0, b.y ?? 0];
    const length = Math.hypot(bx - ax, by - ay) || 1;
    // Stop at the target's rim so the arrow head shows; bend slightly so A→B and B→A do not overlap.
    const end = nodeRadius(b.events) + 2;
    const tx = bx - ((bx - ax) / length) * end;
    const ty = by - ((by - ay) / length) * end;
    const mx = (ax + tx) / 2 + ((ty - ay) / length) * 12;
    const my = (ay + ty) / 2 - ((tx - ax) / length) * 12;
    const line = s(
      'path',
      {
        class: 'edge',
        d: `M${ax.toFixed(1)},${ay.toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${tx.toFixed(1)},${ty.toFixed(1)}`,
        stroke: toneColour(edge.tone),
        'stroke-width': (1 + 5 * (edge.events / most)).toFixed(1),
        'marker-end': 'url(#arrow)',
        'data-dyad': `${edge.source}>${edge.target}`,
      },
      s(
        'title',
        {},
        `${a.name} → ${b.name}: ${edge.events} events (${edge.conflict} conflict, ${edge.cooperation} cooperation)`,
      ),
    );
    on(line, 'click', () =>
      handlers.setFilters({ dyad: `${filterTerm(a, network.level)}:${filterTerm(b, network.level)}`, actor: '' }),
    );
    lines.appendChild(line);
  }
  svg.appendChild(lines);
  const dots = s('g', { class: 'nodes' });
  for (const node of nodes) {
    const group = s(
      'g',
      { class: 'node', transform: `translate(${(node.x ?? 0).toFixed(1)},${(node.y ?? 0).toFixed(1)})`, tabindex: 0 },
      s('circle', { r: nodeRadius(node.events).toFixed(1) }),
      s('text', { y: -nodeRadius(node.events) - 3, 'text-anchor': 'middle' }, node.name),
      s('title', {}, `${node.name}${node.country ? ` (${node.country})` : ''}: ${node.events} events`),
    );
    on(group, 'click', () => handlers.setFilters({ actor: filterTerm(node, network.level), dyad: '' }));
    dots.appendChild(group);
  }
  svg.appendChild(dots);
  const hidden = network.nodes.length - nodes.length;
  return h(
    'figure',
    { class: 'network-view' },
    svg,
    h(
      'figcaption',
      { class: 'note' },
      `${nodes.length} actors, ${edges.length} directed pairs${hidden > 0 ? ` (${hidden} smaller actors left out)` : ''}` +
        ` from ${network.since ?? 'the first event'} to ${network.until ?? 'the latest'}; ` +
        'width: events; colour: red conflict … blue cooperation. Click an actor or a pair to filter.',
    ),
  );
}
