// The breakout rule: a week in which a dyad's conflict leaves its own recent range — more conflict events, or a
// graver one, than the weeks before it support. docs/ANALYTICS.md gives the rule and why its constants are these.
import type { BreakoutRule } from './types.ts';

export const DEFAULT_BREAKOUT_RULE: Readonly<BreakoutRule> = {
  window: 8,
  minHistory: 4,
  k: 2,
  sdFloor: 1,
  minEvents: 3,
  minPrior: 2,
  peakStep: 2,
};

/** One week of one dyad's conflict. */
export interface ConflictWeek {
  /** Conflict events. */
  events: number;
  /** The gravest conflict event's magnitude on the PLOVER scale (0 when none). */
  peak: number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const fmt = (x: number) => round1(x).toFixed(1);

/**
 * The breakout reason of each week of a series (null: no breakout). `observedFrom` is the index of the first week
 * the data covers at all: weeks before it are not quiet weeks, only weeks nobody reported on, so they never count
 * as history.
 *
 * Week t is judged against the `window` weeks before it that the data covers; it needs at least `minHistory` of
 * them. Then it is a breakout when either:
 * - count: it has at least `minEvents` conflict events and more than mean + k × max(sd, sdFloor) of those weeks
 *   ("6 attacks after weeks of none or one");
 * - gravity: those weeks held at least `minPrior` conflict events, and this week's gravest event is at least
 *   `peakStep` graver than their gravest ("an airstrike, 9.5, after weeks of threats, 3.5").
 */
export function breakoutReasons(
  series: readonly ConflictWeek[],
  observedFrom: number,
  rule: Readonly<BreakoutRule> = DEFAULT_BREAKOUT_RULE,
): (string | null)[] {
  return series.map((week, t) => {
    if (week.events === 0) return null;
    const history = series.slice(Math.max(observedFrom, t - rule.window), t);
    if (t < observedFrom || history.length < rule.minHistory) return null;
    const counts = history.map((w) => w.events);
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    const sd = Math.sqrt(counts.reduce((a, b) => a + (b - mean) ** 2, 0) / counts.length);
    const threshold = mean + rule.k * Math.max(sd, rule.sdFloor);
    const reasons: string[] = [];
    if (week.events >= rule.minEvents && week.events > threshold) {
      reasons.push(
        `${week.events} conflict events, above ${fmt(threshold)} (mean ${fmt(mean)} + ${rule.k} × sd ${fmt(
          Math.max(sd, rule.sdFloor),
        )} over the ${history.length} weeks before)`,
      );
    }
    const prior = counts.reduce((a, b) => a + b, 0);
    const worst = Math.max(...history.map((w) => w.peak));
    if (prior >= rule.minPrior && week.peak >= worst + rule.peakStep) {
      reasons.push(
        `an event of intensity ${fmt(week.peak)}, graver than the worst of the ${history.length} weeks before (${fmt(worst)})`,
      );
    }
    return reasons.length > 0 ? reasons.join('; ') : null;
  });
}
