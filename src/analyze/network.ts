// The actor network: actors (at the chosen level) as nodes, directed dyads as edges weighted by the events between
// them, each with its conflict and cooperation counts and a tone from −1 (all conflict) to +1 (all cooperation).
import type { PloverType } from '../core/ontology/plover.ts';
import { type DyadQuery, dyadKey, dyadMatches, dyadsOf } from './dyads.ts';
import type { CountedEvent } from './input.ts';
import { type ActorHierarchy, EMPTY_HIERARCHY, NONE_KEY } from './levels.ts';
import { readEvents } from './trends.ts';
import type { AnalysisLevel, NetworkEdge, NetworkNode, NetworkResponse } from './types.ts';

export interface NetworkOptions {
  level?: AnalysisLevel;
  /** Days (YYYY-MM-DD): events whose date range meets this period; without them undated events count too. */
  since?: string;
  until?: string;
  dyad?: DyadQuery;
  type?: PloverType;
  /** Edges kept, heaviest first (default 200). */
  limit?: number;
  hierarchy?: ActorHierarchy;
}

export const DEFAULT_NETWORK_LIMIT = 200;

export function buildNetwork(counted: Iterable<CountedEvent>, options: NetworkOptions = {}): NetworkResponse {
  const level = options.level ?? 'actor';
  const hierarchy = options.hierarchy ?? EMPTY_HIERARCHY;
  const { since, until } = options;
  const { events } = readEvents(counted, options.type);
  const nodes = new Map<string, NetworkNode>();
  const edges = new Map<string, NetworkEdge>();
  for (const event of events) {
    if (since !== undefined || until !== undefined) {
      if (event.date === null) continue;
      if ((since !== undefined && event.date.end < since) || (until !== undefined && event.date.start > until)) {
        continue;
      }
    }
    const touched = new Set<string>();
    // An event with no named side ("a rocket attack on the base") belongs to trends, not to a network of actors.
    for (const dyad of dyadsOf(event, level, hierarchy)) {
      if (dyad.source.key === NONE_KEY || dyad.target.key === NONE_KEY) continue;
      if (options.dyad !== undefined && !dyadMatches(dyad, options.dyad)) continue;
      const key = dyadKey(dyad);
      const edge = edges.get(key) ?? {
        source: dyad.source.key,
        target: dyad.target.key,
        events: 0,
        conflict: 0,
        cooperation: 0,
        tone: 0,
      };
      edge.events += 1;
      edge[event.weight.side] += 1;
      edges.set(key, edge);
      for (const side of [dyad.source, dyad.target]) {
        if (!nodes.has(side.key))
          nodes.set(side.key, { id: side.key, name: side.name, country: side.country, events: 0 });
        if (!touched.has(side.key)) {
          touched.add(side.key);
          (nodes.get(side.key) as NetworkNode).events += 1;
        }
      }
    }
  }
  const kept = [...edges.values()]
    .map((e) => ({ ...e, tone: Math.round(((e.cooperation - e.conflict) / e.events) * 1000) / 1000 }))
    .sort(
      (a, b) =>
        b.events - a.events ||
        b.conflict - a.conflict ||
        a.source.localeCompare(b.source) ||
        a.target.localeCompare(b.target),
    )
    .slice(0, options.limit ?? DEFAULT_NETWORK_LIMIT);
  const used = new Set(kept.flatMap((e) => [e.source, e.target]));
  return {
    level,
    since: since ?? null,
    until: until ?? null,
    nodes: [...nodes.values()]
      .filter((n) => used.has(n.id))
      .sort((a, b) => b.events - a.events || a.id.localeCompare(b.id)),
    edges: kept,
  };
}
