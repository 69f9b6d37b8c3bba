// Escalation trends: for every directed dyad at the chosen level and every week, the merged events counted once,
// conflict and cooperation apart, with a breakout flag (breakout.ts). A pure function of the events handed in.
import type { PloverType } from '../core/ontology/plover.ts';
import { breakoutReasons, DEFAULT_BREAKOUT_RULE } from './breakout.ts';
import { type Dyad, type DyadQuery, dyadKey, dyadMatches, dyadsOf } from './dyads.ts';
import { type AnalysisEvent, type CountedEvent, toAnalysisEvent } from './input.ts';
import { type ActorHierarchy, EMPTY_HIERARCHY } from './levels.ts';
import { addEvent, emptyTally, rounded, type Tally } from './stats.ts';
import type { AnalysisLevel, BreakoutRule, DyadTrend, TrendsResponse } from './types.ts';
import { addWeeks, weekOf, weeksBetween } from './weeks.ts';

export interface TrendsOptions {
  level?: AnalysisLevel;
  /** Days (YYYY-MM-DD): the weeks holding them and those between are shown. */
  since?: string;
  until?: string;
  /** Weeks shown when `since` is not given, ending at `until` or at the latest event's week (default 26). */
  weeks?: number;
  dyad?: DyadQuery;
  type?: PloverType;
  /** Dyads shown, gravest first (default 20). */
  limit?: number;
  hierarchy?: ActorHierarchy;
  rule?: BreakoutRule;
}

export const DEFAULT_TREND_WEEKS = 26;
export const DEFAULT_TREND_LIMIT = 20;

interface DyadSeries {
  dyad: Dyad;
  /** Tallies by week index (from the first history week), only of weeks with events. */
  byWeek: Map<number, Tally>;
  /** The weeks shown only. */
  total: Tally;
}

/** The same events, read once, as analysis events: the ones to count and the ones left out, by reason. */
export function readEvents(counted: Iterable<CountedEvent>, type: PloverType | undefined) {
  const events: AnalysisEvent[] = [];
  const notAsserted: AnalysisEvent[] = [];
  for (const item of counted) {
    const event = toAnalysisEvent(item);
    if (event === null || (type !== undefined && event.type !== type)) continue;
    (event.asserted ? events : notAsserted).push(event);
  }
  return { events, notAsserted };
}

export function computeTrends(counted: Iterable<CountedEvent>, options: TrendsOptions = {}): TrendsResponse {
  const level = options.level ?? 'actor';
  const rule = options.rule ?? DEFAULT_BREAKOUT_RULE;
  const hierarchy = options.hierarchy ?? EMPTY_HIERARCHY;
  const { events, notAsserted } = readEvents(counted, options.type);
  const weekly = events.filter((e) => e.week !== null);
  const latest = weekly.reduce<string | null>(
    (max, e) => (max === null || (e.week as string) > max ? e.week : max),
    null,
  );
  const untilWeek = options.until !== undefined ? weekOf(options.until) : latest;
  const sinceWeek =
    options.since !== undefined
      ? weekOf(options.since)
      : untilWeek === null
        ? null
        : addWeeks(untilWeek, -((options.weeks ?? DEFAULT_TREND_WEEKS) - 1));
  const summary = { events: 0, dyads: 0, undated: 0, imprecise: 0, notAsserted: 0, unattributed: 0 };
  if (sinceWeek === null || untilWeek === null) {
    summary.undated = events.filter((e) => e.date === null).length;
    return { level, since: null, until: null, weeks: [], dyads: [], summary, rule: { ...rule } };
  }
  const shown = weeksBetween(sinceWeek, untilWeek);
  const historyStart = addWeeks(sinceWeek, -rule.window);
  const all = weeksBetween(historyStart, untilWeek);
  const index = new Map(all.map((w, i) => [w, i]));
  // Weeks before the earliest event read are weeks nobody reported on, not quiet weeks (breakout.ts).
  const earliest = weekly.reduce<string | null>(
    (min, e) => (min === null || (e.week as string) < min ? e.week : min),
    null,
  );
  const observedFrom = earliest === null ? all.length : Math.max(0, index.get(earliest) ?? 0);

  const lastDay = addWeeks(untilWeek, 1);
  const inRange = (e: AnalysisEvent) => e.date !== null && e.date.end >= sinceWeek && e.date.start < lastDay;
  summary.undated = events.filter((e) => e.date === null).length;
  summary.imprecise = events.filter((e) => e.week === null && inRange(e)).length;
  summary.notAsserted = notAsserted.filter(inRange).length;

  const series = new Map<string, DyadSeries>();
  const countedIds = new Set<string>();
  const offset = all.length - shown.length;
  for (const event of weekly) {
    const i = index.get(event.week as string);
    if (i === undefined) continue;
    // No one on either side: an event, but no dyad's.
    if (event.actors.length === 0 && event.recipients.length === 0) {
      if (i >= offset) summary.unattributed += 1;
      continue;
    }
    for (const dyad of dyadsOf(event, level, hierarchy)) {
      if (options.dyad !== undefined && !dyadMatches(dyad, options.dyad)) continue;
      const key = dyadKey(dyad);
      let entry = series.get(key);
      if (entry === undefined) {
        entry = { dyad, byWeek: new Map(), total: emptyTally() };
        series.set(key, entry);
      }
      let tally = entry.byWeek.get(i);
      if (tally === undefined) {
        tally = emptyTally();
        entry.byWeek.set(i, tally);
      }
      addEvent(tally, event);
      if (i >= offset) {
        addEvent(entry.total, event);
        countedIds.add(event.id);
      }
    }
  }

  // Sorted and cut first, so that weeks are laid out and judged only for the dyads returned.
  const ranked = [...series.entries()]
    .filter(([, s]) => s.total.events > 0)
    .sort(
      ([ka, a], [kb, b]) =>
        b.total.conflict.intensity - a.total.conflict.intensity ||
        b.total.events - a.total.events ||
        ka.localeCompare(kb),
    );
  const trends: DyadTrend[] = ranked
    .slice(0, options.limit ?? DEFAULT_TREND_LIMIT)
    .map(([, { dyad, byWeek, total }]) => {
      const weeks = all.map((_, i) => byWeek.get(i));
      const reasons = breakoutReasons(
        weeks.map((w) => ({ events: w?.conflict.events ?? 0, peak: w?.conflict.peak ?? 0 })),
        observedFrom,
        rule,
      );
      const out = shown.map((week, j) => {
        const reason = reasons[offset + j] ?? null;
        return {
          week,
          ...rounded(weeks[offset + j] ?? emptyTally()),
          breakout: reason !== null,
          breakoutReason: reason,
        };
      });
      const flagged = out.filter((w) => w.breakout);
      return {
        source: dyad.source,
        target: dyad.target,
        totals: { ...rounded(total), breakouts: flagged.length },
        lastBreakout: flagged.at(-1)?.week ?? null,
        weeks: out,
      };
    });
  summary.events = countedIds.size;
  summary.dyads = ranked.length;
  return {
    level,
    since: sinceWeek,
    until: untilWeek,
    weeks: shown,
    dyads: trends,
    summary,
    rule: { ...rule },
  };
}
