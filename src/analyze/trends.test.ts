import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CountedEvent } from './input.ts';
import { buildHierarchy } from './levels.ts';
import { merged, type PartySpec, single } from './testing.ts';
import { computeTrends } from './trends.ts';
import type { DyadTrend, TrendsResponse } from './types.ts';

const MILITIA: PartySpec = ['kh', "Kata'ib Hezbollah", 'IRQ'];
const NUJABA: PartySpec = ['nujaba', 'Harakat al-Nujaba', 'IRQ'];
const US: PartySpec = ['us-forces', 'U.S. forces', 'USA'];
const IRAQ: PartySpec = ['iraq-gov', 'Iraqi government', 'IRQ'];

const find = (result: TrendsResponse, source: string, target: string): DyadTrend => {
  const dyad = result.dyads.find((d) => d.source.key === source && d.target.key === target);
  assert.ok(dyad, `a dyad ${source} → ${target}`);
  return dyad;
};
const week = (dyad: DyadTrend, monday: string) => {
  const found = dyad.weeks.find((w) => w.week === monday);
  assert.ok(found, `week ${monday}`);
  return found;
};

test('trends: weeks are Mondays across a year end; Sunday 31 December is the last week of the year', () => {
  const result = computeTrends(
    [
      single({ id: 'a', date: '2023-12-31', actor: [MILITIA], recipient: [US] }),
      single({ id: 'b', date: '2024-01-01', actor: [MILITIA], recipient: [US] }),
      single({ id: 'c', date: '2024-01-07', actor: [MILITIA], recipient: [US] }),
    ],
    { since: '2023-12-20', until: '2024-01-10' },
  );
  assert.deepEqual(result.weeks, ['2023-12-18', '2023-12-25', '2024-01-01', '2024-01-08']);
  assert.equal(result.since, '2023-12-18');
  const dyad = find(result, 'kh', 'us-forces');
  assert.deepEqual(
    dyad.weeks.map((w) => w.events),
    [0, 1, 2, 0],
  );
});

test('trends: conflict and cooperation kept apart — a meeting does not reduce an airstrike week', () => {
  const strike = single({
    id: 'strike',
    type: 'ASSAULT',
    mode: 'aerial',
    date: '2024-03-05',
    actor: [US],
    recipient: [MILITIA],
    killed: 3,
  });
  const meeting = single({ id: 'meet', type: 'CONSULT', date: '2024-03-06', actor: [US], recipient: [MILITIA] });
  const alone = find(computeTrends([strike], { since: '2024-03-04', until: '2024-03-10' }), 'us-forces', 'kh');
  const both = find(computeTrends([strike, meeting], { since: '2024-03-04', until: '2024-03-10' }), 'us-forces', 'kh');
  const w = week(both, '2024-03-04');
  assert.deepEqual(w.conflict, week(alone, '2024-03-04').conflict);
  assert.deepEqual(w.conflict, { events: 1, material: 1, intensity: 9.5, peak: 9.5, goldstein: -10 });
  assert.deepEqual(w.cooperation, { events: 1, material: 0, intensity: 2.5, peak: 2.5, goldstein: 1 });
  assert.equal(w.events, 2);
  assert.deepEqual(w.byType, { ASSAULT: 1, CONSULT: 1 });
  assert.equal(w.killed, 3);
});

test('trends: directions are kept apart', () => {
  const result = computeTrends(
    [
      single({ id: 'r1', date: '2024-03-04', actor: [MILITIA], recipient: [US] }),
      single({ id: 'r2', date: '2024-03-05', actor: [MILITIA], recipient: [US] }),
      single({ id: 's1', mode: 'aerial', date: '2024-03-06', actor: [US], recipient: [MILITIA] }),
    ],
    { since: '2024-03-04', until: '2024-03-10' },
  );
  assert.equal(find(result, 'kh', 'us-forces').totals.events, 2);
  assert.equal(find(result, 'us-forces', 'kh').totals.events, 1);
  assert.equal(result.dyads.length, 2);
});

test('trends: a merged event counts once, with its merged casualties; singletons count as themselves', () => {
  const report = { type: 'ASSAULT' as const, date: '2024-03-05', actor: [MILITIA], recipient: [US], killed: 5 };
  const result = computeTrends(
    [
      merged(
        'merged-1',
        [
          { id: 'wire', ...report },
          { id: 'copy', ...report },
          { id: 'own', ...report, killed: 2 },
        ],
        {
          min: 2,
        },
      ),
      single({ id: 'other', date: '2024-03-07', actor: [MILITIA], recipient: [US], killed: 1 }),
    ],
    { since: '2024-03-04', until: '2024-03-10' },
  );
  const dyad = find(result, 'kh', 'us-forces');
  assert.equal(dyad.totals.events, 2);
  assert.equal(dyad.totals.killed, 3);
  assert.equal(result.summary.events, 2);
});

test('trends: one event with two actors counts once per dyad, and once for the parent they share', () => {
  const hierarchy = buildHierarchy(
    [
      { id: 'kh', name: "Kata'ib Hezbollah", country: 'IRQ', relations: [{ type: 'part_of', target: 'iri' }] },
      { id: 'nujaba', name: 'Harakat al-Nujaba', country: 'IRQ', relations: [{ type: 'part_of', target: 'iri' }] },
      { id: 'iri', name: 'Islamic Resistance in Iraq', country: 'IRQ' },
    ],
    [{ iso3: 'USA', name: 'United States' }],
  );
  const events: CountedEvent[] = [
    single({ id: 'joint', date: '2024-03-05', actor: [MILITIA, NUJABA], recipient: [US] }),
    single({ id: 'alone', date: '2024-03-06', actor: [NUJABA], recipient: [US] }),
  ];
  const range = { since: '2024-03-04', until: '2024-03-10', hierarchy };
  const byActor = computeTrends(events, { ...range, level: 'actor' });
  assert.equal(find(byActor, 'kh', 'us-forces').totals.events, 1);
  assert.equal(find(byActor, 'nujaba', 'us-forces').totals.events, 2);
  const byParent = computeTrends(events, { ...range, level: 'parent' });
  assert.deepEqual(
    byParent.dyads.map((d) => [d.source.key, d.target.key, d.totals.events]),
    [['iri', 'us-forces', 2]],
  );
  const byCountry = computeTrends(events, { ...range, level: 'country' });
  assert.deepEqual(
    byCountry.dyads.map((d) => [d.source.name, d.target.name, d.totals.events]),
    [['IRQ', 'United States', 2]],
  );
});

test('trends: negated, planned, undated, month-long and unattributed events are left out, and counted as such', () => {
  const result = computeTrends(
    [
      single({ id: 'real', date: '2024-03-05', actor: [MILITIA], recipient: [US] }),
      single({ id: 'denied', date: '2024-03-05', actor: [MILITIA], recipient: [US], modality: 'negated' }),
      single({ id: 'planned', date: '2024-03-06', actor: [MILITIA], recipient: [US], modality: 'future' }),
      single({ id: 'undated', date: null, actor: [MILITIA], recipient: [US] }),
      single({ id: 'march', date: ['2024-03-01', '2024-03-31'], actor: [MILITIA], recipient: [US] }),
      // "An explosion hit a market": no one named on either side.
      single({ id: 'blast', date: '2024-03-07' }),
    ],
    { since: '2024-03-04', until: '2024-03-10' },
  );
  assert.equal(find(result, 'kh', 'us-forces').totals.events, 1);
  assert.deepEqual(result.summary, { events: 1, dyads: 1, undated: 1, imprecise: 1, notAsserted: 2, unattributed: 1 });
});

test('trends: a merged event one report asserts counts, even when another hedges', () => {
  const report = { date: '2024-03-05', actor: [MILITIA], recipient: [US] };
  const result = computeTrends(
    [
      merged('m', [
        { id: 'x', ...report, modality: 'hypothetical' },
        { id: 'y', ...report },
      ]),
    ],
    { since: '2024-03-04', until: '2024-03-10' },
  );
  assert.equal(result.summary.events, 1);
});

test('trends: an event with no named target is a dyad with "(none)"', () => {
  const result = computeTrends([single({ id: 'r', date: '2024-03-05', actor: [MILITIA] })], {
    since: '2024-03-04',
    until: '2024-03-10',
  });
  assert.deepEqual(result.dyads[0]?.target, { key: 'none', name: '(none)', country: null, level: 'actor' });
});

test('trends: a dyad filter gives both directions; gravest first; limit', () => {
  const events = [
    single({ id: '1', mode: 'aerial', date: '2024-03-05', actor: [US], recipient: [MILITIA] }),
    single({ id: '2', type: 'THREATEN', date: '2024-03-05', actor: [MILITIA], recipient: [US] }),
    single({ id: '3', type: 'CONSULT', date: '2024-03-05', actor: [US], recipient: [IRAQ] }),
  ];
  const range = { since: '2024-03-04', until: '2024-03-10' };
  const filtered = computeTrends(events, { ...range, dyad: { source: 'hezbollah', target: 'USA' } });
  assert.deepEqual(
    filtered.dyads.map((d) => `${d.source.key}>${d.target.key}`),
    ['us-forces>kh', 'kh>us-forces'],
  );
  const limited = computeTrends(events, { ...range, limit: 1 });
  assert.equal(limited.dyads.length, 1);
  assert.equal(limited.summary.dyads, 3);
  assert.equal(limited.dyads[0]?.source.key, 'us-forces');
});

test('trends: without since, the last N weeks up to the latest event; weeks without events are zeros', () => {
  const result = computeTrends(
    [
      single({ id: 'old', date: '2023-06-01', actor: [MILITIA], recipient: [US] }),
      single({ id: 'new', date: '2024-03-05', actor: [MILITIA], recipient: [US] }),
    ],
    { weeks: 4 },
  );
  assert.deepEqual(result.weeks, ['2024-02-12', '2024-02-19', '2024-02-26', '2024-03-04']);
  assert.deepEqual(
    result.dyads[0]?.weeks.map((w) => w.events),
    [0, 0, 0, 1],
  );
  assert.equal(computeTrends([]).since, null);
});

test('trends: a breakout week is flagged with its reason, judged against weeks before `since`', () => {
  const events: CountedEvent[] = [];
  // One rocket attack a week for eight weeks, then six in one week.
  for (let i = 0; i < 8; i++) {
    const day = new Date(Date.UTC(2024, 0, 2 + 7 * i)).toISOString().slice(0, 10);
    events.push(single({ id: `w${i}`, date: day, actor: [MILITIA], recipient: [US] }));
  }
  for (let j = 0; j < 6; j++)
    events.push(single({ id: `surge${j}`, date: '2024-02-27', actor: [MILITIA], recipient: [US] }));
  const result = computeTrends(events, { since: '2024-02-26', until: '2024-03-03' });
  const dyad = find(result, 'kh', 'us-forces');
  assert.equal(dyad.lastBreakout, '2024-02-26');
  assert.equal(dyad.totals.breakouts, 1);
  assert.match(week(dyad, '2024-02-26').breakoutReason ?? '', /^6 conflict events, above 3\.0/);
  // The same weeks without the surge: nothing flagged.
  const calm = computeTrends(events.slice(0, 8), { since: '2024-01-01', until: '2024-03-03' });
  assert.equal(find(calm, 'kh', 'us-forces').totals.breakouts, 0);
});
