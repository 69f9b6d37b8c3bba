// The escalation panel: the dyads whose latest week of events broke out of their own recent range (the breakout
// rule of docs/ANALYTICS.md, computed by GET /trends), the most recent first, each with the reason in words.
import { h, on } from '../dom.ts';
import type { DyadTrend, DyadWeek, TrendsResponse } from '../types.ts';
import type { ViewHandlers } from './handlers.ts';
import { dyadLabel } from './timeline.ts';

export interface Escalation {
  dyad: DyadTrend;
  week: DyadWeek;
}

/** Dyads whose latest week with events is a breakout week, latest first, then gravest. */
export function escalations(trends: TrendsResponse): Escalation[] {
  const found: Escalation[] = [];
  for (const dyad of trends.dyads) {
    const latest = dyad.weeks.findLast((week) => week.events > 0);
    if (latest?.breakout) found.push({ dyad, week: latest });
  }
  return found.sort(
    (a, b) => b.week.week.localeCompare(a.week.week) || b.week.conflict.intensity - a.week.conflict.intensity,
  );
}

export function renderEscalation(
  trends: TrendsResponse,
  handlers: ViewHandlers & { dyadFilter(dyad: DyadTrend): void },
): HTMLElement {
  const found = escalations(trends);
  const checked = `${trends.dyads.length} dyads checked, weeks of ${trends.since} to ${trends.until}`;
  if (found.length === 0) {
    return h('p', { class: 'empty' }, `No dyad's latest week broke out (${checked}).`);
  }
  return h(
    'div',
    { class: 'escalation' },
    h(
      'ol',
      {},
      ...found.map(({ dyad, week }) =>
        h(
          'li',
          { class: 'escalation-item' },
          on(h('button', { type: 'button', class: 'dyad-button' }, dyadLabel(dyad)), 'click', () =>
            handlers.dyadFilter(dyad),
          ),
          h('span', { class: 'week' }, ` week of ${week.week}: `),
          h('span', { class: 'reason' }, week.breakoutReason ?? `${week.events} events`),
          week.killed > 0 || week.injured > 0
            ? h('span', { class: 'toll' }, ` (${week.killed} killed, ${week.injured} injured)`)
            : null,
        ),
      ),
    ),
    h('p', { class: 'note' }, checked),
  );
}
