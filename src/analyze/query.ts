// Trends and the network straight from a store: reads the real-world events a query needs (with the trailing weeks
// the breakout rule looks back on) and hands them to the pure functions. The store is anything with
// `iterateRealEvents`, so this file imports no store code.
import type { PloverType } from '../core/ontology/plover.ts';
import { DEFAULT_BREAKOUT_RULE } from './breakout.ts';
import type { CountedEvent } from './input.ts';
import { buildNetwork, type NetworkOptions } from './network.ts';
import { computeTrends, DEFAULT_TREND_WEEKS, type TrendsOptions } from './trends.ts';
import type { NetworkResponse, TrendsResponse } from './types.ts';
import { addWeeks, weekOf } from './weeks.ts';

export interface RealEventSource {
  iterateRealEvents(filter?: { since?: string; until?: string; type?: PloverType }): Iterable<CountedEvent>;
  /** The latest day an event starts on: lets the last N weeks be read without reading everything. */
  latestEventDay?(type?: PloverType): string | null;
}

type Filter = Parameters<RealEventSource['iterateRealEvents']>[0] & {};

function filterOf(since: string | undefined, until: string | undefined, type: PloverType | undefined): Filter {
  return {
    ...(since === undefined ? {} : { since }),
    ...(until === undefined ? {} : { until }),
    ...(type === undefined ? {} : { type }),
  };
}

export function trendsFrom(source: RealEventSource, given: TrendsOptions = {}): TrendsResponse {
  const rule = given.rule ?? DEFAULT_BREAKOUT_RULE;
  let options = given;
  // The last N weeks: up to the latest event's week, found first, so only those weeks (and their history) are read.
  if (given.since === undefined && source.latestEventDay !== undefined) {
    const until = given.until ?? source.latestEventDay(given.type);
    if (until !== null) {
      const since = addWeeks(weekOf(until), -((given.weeks ?? DEFAULT_TREND_WEEKS) - 1));
      options = { ...given, since, until };
    }
  }
  // The first week shown is judged against the weeks before it, so those are read too.
  const since = options.since === undefined ? undefined : addWeeks(weekOf(options.since), -rule.window);
  const until = options.until === undefined ? undefined : addWeeks(weekOf(options.until), 1);
  return computeTrends(source.iterateRealEvents(filterOf(since, until, options.type)), options);
}

export function networkFrom(source: RealEventSource, options: NetworkOptions = {}): NetworkResponse {
  const { since, until, type } = options;
  return buildNetwork(source.iterateRealEvents(filterOf(since, until, type)), options);
}
