// The timeline: above, conflict intensity per week for the chosen dyads (GET /trends; a ring marks a breakout
// week); below, on the same weeks, the listed events as marks at their PLOVER intensity, and the links reports
// state between them ("in retaliation for", "followed") drawn as arrows from the action to the reaction.
import { scaleLinear, scaleUtc } from 'd3-scale';
import { line } from 'd3-shape';
import { arrowDefs, h, on, s } from '../dom.ts';
import { eventTitle, TYPE_COLOURS } from '../format.ts';
import type { DyadTrend, EventRecord, Link, TrendsResponse } from '../types.ts';
import type { ViewHandlers } from './handlers.ts';

export const TIMELINE_SIZE = {
  width: 960,
  trend: 150,
  marks: 110,
  margin: { left: 44, right: 12, top: 10, bottom: 22 },
};
export const MAX_DYADS = 6;
const DYAD_COLOURS = ['#d62728', '#1f77b4', '#ff7f0e', '#2ca02c', '#9467bd', '#8c564b'];

const DAY = 86_400_000;
const time = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

export function dyadLabel(dyad: DyadTrend): string {
  return `${dyad.source.name} → ${dyad.target.name}`;
}

/** Who acted first: "B after A" and "B in response to A" are A → B; "A before B" is A → B. */
export function chainDirection(from: string, link: Link): [string, string] {
  return link.relation === 'before' ? [from, link.event] : [link.event, from];
}

export interface TimelineData {
  trends: TrendsResponse;
  events: readonly EventRecord[];
}

export function renderTimeline(data: TimelineData, handlers: ViewHandlers & { dyadFilter(dyad: DyadTrend): void }) {
  const { trends } = data;
  const { width, trend: trendHeight, marks: marksHeight, margin } = TIMELINE_SIZE;
  const height = margin.top + trendHeight + 16 + marksHeight + margin.bottom;
  const first = trends.weeks[0];
  const last = trends.weeks[trends.weeks.length - 1];
  if (!first || !last) return h('p', { class: 'empty' }, 'No dated event in these filters.');
  const x = scaleUtc()
    .domain([time(first), time(last) + 7 * DAY])
    .range([margin.left, width - margin.right]);
  // A dyad with no named party on either side ("someone attacked someone") is no pair to follow.
  const dyads = trends.dyads
    .filter((dyad) => dyad.source.key !== 'none' || dyad.target.key !== 'none')
    .slice(0, MAX_DYADS);
  const peak = Math.max(1, ...dyads.flatMap((dyad) => dyad.weeks.map((week) => week.conflict.intensity)));
  const y = scaleLinear()
    .domain([0, peak])
    .nice()
    .range([margin.top + trendHeight, margin.top]);
  const marksTop = margin.top + trendHeight + 16;
  const yMark = scaleLinear()
    .domain([-10, 10])
    .range([marksTop + marksHeight, marksTop]);
  const mid = (week: string) => x(time(week) + 3.5 * DAY);

  const svg = s('svg', { class: 'timeline', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'timeline' });
  svg.appendChild(axes(x, y, yMark, { width, margin, trendTop: margin.top, trendHeight, marksTop, marksHeight }));

  const trendLine = line<{ week: string; value: number }>()
    .x((point) => mid(point.week))
    .y((point) => y(point.value));
  dyads.forEach((dyad, i) => {
    const colour = DYAD_COLOURS[i % DYAD_COLOURS.length] as string;
    const points = dyad.weeks.map((week) => ({ week: week.week, value: week.conflict.intensity }));
    const group = s('g', { class: 'dyad-line', 'data-dyad': dyadLabel(dyad) });
    group.appendChild(s('path', { d: trendLine(points) ?? '', stroke: colour, fill: 'none', class: 'trend' }));
    for (const week of dyad.weeks) {
      if (week.events === 0) continue;
      const dot = s(
        'circle',
        {
          class: week.breakout ? 'week breakout' : 'week',
          cx: mid(week.week).toFixed(1),
          cy: y(week.conflict.intensity).toFixed(1),
          r: week.breakout ? 5 : 2.5,
          stroke: colour,
          fill: week.breakout ? 'none' : colour,
        },
        s(
          'title',
          {},
          `${dyadLabel(dyad)}, week of ${week.week}: ${week.events} events, conflict intensity ${week.conflict.intensity.toFixed(1)}` +
            (week.breakoutReason ? ` — breakout: ${week.breakoutReason}` : ''),
        ),
      );
      on(dot, 'click', () => handlers.dyadFilter(dyad));
      group.appendChild(dot);
    }
    svg.appendChild(group);
  });

  // Event marks, and the chains between those that are shown.
  const [start, end] = x.domain().map((d) => d.getTime()) as [number, number];
  const shown = data.events.filter(
    (event) => event.date && time(event.date.start) >= start && time(event.date.start) < end,
  );
  const at = new Map<string, [number, number]>();
  for (const event of shown) {
    const date = event.date;
    if (!date) continue;
    at.set(event.id, [x((time(date.start) + time(date.end) + DAY) / 2), yMark(event.intensity)]);
  }
  const chains = s('g', { class: 'chains' });
  for (const event of shown) {
    for (const link of event.links) {
      const [from, to] = chainDirection(event.id, link);
      const a = at.get(from);
      const b = at.get(to);
      if (!a || !b) continue;
      // Bow each link to one side, so a reaction on the same day as its cause still shows as an arc.
      const length = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
      const bow = Math.max(14, length / 4);
      const cx = (a[0] + b[0]) / 2 + ((b[1] - a[1]) / length) * bow;
      const cy = (a[1] + b[1]) / 2 - ((b[0] - a[0]) / length) * bow;
      // End at the target mark's rim, so the arrow head is not hidden under it.
      const toControl = Math.hypot(b[0] - cx, b[1] - cy) || 1;
      const tip: [number, number] = [b[0] + ((cx - b[0]) / toControl) * 5, b[1] + ((cy - b[1]) / toControl) * 5];
      chains.appendChild(
        s(
          'path',
          {
            class: `chain chain-${link.relation}`,
            d: `M${a[0].toFixed(1)},${a[1].toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ${tip[0].toFixed(1)},${tip[1].toFixed(1)}`,
            'marker-end': link.relation === 'coincides' ? null : 'url(#chain-arrow)',
            'data-from': from,
            'data-to': to,
          },
          s('title', {}, `"${link.text}": ${link.relation.replace('_', ' ')}`),
        ),
      );
    }
  }
  svg.appendChild(arrowDefs('chain-arrow'));
  svg.appendChild(chains);
  const marks = s('g', { class: 'event-marks' });
  for (const event of shown) {
    const point = at.get(event.id);
    if (!point) continue;
    const mark = s(
      'circle',
      {
        class: 'event-mark',
        cx: point[0].toFixed(1),
        cy: point[1].toFixed(1),
        r: 4,
        fill: TYPE_COLOURS[event.type],
        'data-event': event.id,
        tabindex: 0,
      },
      s('title', {}, eventTitle(event)),
    );
    on(mark, 'click', () => handlers.openEvent(event.id));
    marks.appendChild(mark);
  }
  svg.appendChild(marks);

  const legend = h(
    'ul',
    { class: 'dyad-legend' },
    ...dyads.map((dyad, i) => {
      const key = h('span', { class: 'line-key', 'aria-hidden': 'true' });
      key.style.background = DYAD_COLOURS[i % DYAD_COLOURS.length] as string;
      return h(
        'li',
        {},
        on(
          h('button', { type: 'button', class: 'dyad-button', title: 'filter to this dyad' }, key, dyadLabel(dyad)),
          'click',
          () => handlers.dyadFilter(dyad),
        ),
        ` ${dyad.totals.events} events${dyad.totals.breakouts > 0 ? `, ${dyad.totals.breakouts} breakout weeks` : ''}`,
      );
    }),
  );
  const hiddenMarks = data.events.length - shown.length;
  return h(
    'figure',
    { class: 'timeline-view' },
    svg,
    h(
      'figcaption',
      {},
      legend,
      h(
        'p',
        { class: 'note' },
        `Lines: conflict intensity per week (PLOVER magnitude summed) of the ${dyads.length} gravest of ${trends.summary.dyads} dyads; ` +
          `rings: breakout weeks. Marks: ${shown.length} listed events by their intensity (−10 … +10)` +
          (hiddenMarks > 0 ? `, ${hiddenMarks} outside these weeks or undated` : '') +
          '; arrows: stated links, action → reaction.',
      ),
    ),
  );
}

function axes(
  x: ReturnType<typeof scaleUtc<number>>,
  y: ReturnType<typeof scaleLinear<number>>,
  yMark: ReturnType<typeof scaleLinear<number>>,
  frame: {
    width: number;
    margin: { left: number; right: number };
    trendTop: number;
    trendHeight: number;
    marksTop: number;
    marksHeight: number;
  },
): SVGGElement {
  const group = s('g', { class: 'axes' });
  const bottom = frame.marksTop + frame.marksHeight;
  for (const tick of x.ticks(8)) {
    const at = x(tick).toFixed(1);
    group.appendChild(s('line', { x1: at, x2: at, y1: frame.trendTop, y2: bottom, class: 'grid' }));
    group.appendChild(s('text', { x: at, y: bottom + 14, 'text-anchor': 'middle' }, tick.toISOString().slice(0, 10)));
  }
  for (const tick of y.ticks(4)) {
    const at = y(tick).toFixed(1);
    group.appendChild(
      s('line', { x1: frame.margin.left, x2: frame.width - frame.margin.right, y1: at, y2: at, class: 'grid' }),
    );
    group.appendChild(
      s('text', { x: frame.margin.left - 4, y: at, 'text-anchor': 'end', 'dominant-baseline': 'middle' }, tick),
    );
  }
  const zero = yMark(0).toFixed(1);
  group.appendChild(
    s('line', { x1: frame.margin.left, x2: frame.width - frame.margin.right, y1: zero, y2: zero, class: 'zero' }),
  );
  group.appendChild(
    s('text', { x: frame.margin.left - 4, y: yMark(10), 'text-anchor': 'end', 'dominant-baseline': 'hanging' }, '+10'),
  );
  group.appendChild(s('text', { x: frame.margin.left - 4, y: yMark(-10), 'text-anchor': 'end' }, '−10'));
  group.appendChild(
    s(
      'text',
      { x: frame.margin.left, y: frame.trendTop + 2, class: 'axis-title', 'dominant-baseline': 'hanging' },
      '  conflict intensity / week',
    ),
  );
  group.appendChild(
    s('text', { x: frame.margin.left, y: frame.marksTop - 3, class: 'axis-title' }, '  events (PLOVER intensity)'),
  );
  return group;
}
