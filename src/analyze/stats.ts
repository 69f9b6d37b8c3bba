// Sums of a dyad's events, week by week and in total: counts by type, conflict and cooperation kept apart.
import type { AnalysisEvent } from './input.ts';
import type { SideStats, Tally } from './types.ts';

export type { Tally } from './types.ts';

const emptySide = (): SideStats => ({ events: 0, material: 0, intensity: 0, peak: 0, goldstein: 0 });

export const emptyTally = (): Tally => ({
  events: 0,
  byType: {},
  conflict: emptySide(),
  cooperation: emptySide(),
  killed: 0,
  injured: 0,
});

export function addEvent(tally: Tally, event: AnalysisEvent): void {
  tally.events += 1;
  tally.byType[event.type] = (tally.byType[event.type] ?? 0) + 1;
  const side = event.weight.side === 'conflict' ? tally.conflict : tally.cooperation;
  side.events += 1;
  if (event.weight.material) side.material += 1;
  side.intensity += event.weight.magnitude;
  side.peak = Math.max(side.peak, event.weight.magnitude);
  side.goldstein += event.weight.goldstein;
  tally.killed += event.killed;
  tally.injured += event.injured;
}

/** Sums of halves and tenths drift in binary (−7.2 × 3); one or two decimals are what the scales carry. */
export function rounded(tally: Tally): Tally {
  const side = (s: SideStats): SideStats => ({
    ...s,
    intensity: Math.round(s.intensity * 100) / 100,
    peak: Math.round(s.peak * 100) / 100,
    goldstein: Math.round(s.goldstein * 100) / 100,
  });
  return { ...tally, conflict: side(tally.conflict), cooperation: side(tally.cooperation) };
}
