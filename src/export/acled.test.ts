import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventOf } from '../../test/store/contract.ts';
import type { EventRecord } from '../core/record.ts';
import { ACLED_COLUMNS, acledRow, createAcledWriter, disorderType, timePrecision } from './acled.ts';

const OPTIONS = { codedDate: '2024-06-01', timestamp: 1717200000, countryName: () => 'Iraq' };

function withAcled(event: EventRecord, sub: string, type: string, inter: [number | null, number | null]): EventRecord {
  return {
    ...event,
    acled: { event_type: type, sub_event_type: sub },
    actor: event.actor.map((a) => ({ ...a, acled: inter[0] })),
    recipient: event.recipient.map((a) => ({ ...a, acled: inter[1] })),
  };
}

test('acled: time_precision from the date precision', () => {
  const date = (precision: NonNullable<EventRecord['date']>['precision'], start: string, end: string) =>
    ({ start, end, precision, text: null, basis: 'explicit', span: null }) as const;
  const cases: [EventRecord['date'], number | null][] = [
    [date('day', '2024-05-01', '2024-05-01'), 1],
    [date('week', '2024-05-01', '2024-05-07'), 2],
    [date('month', '2024-05-01', '2024-05-31'), 3],
    [date('year', '2024-01-01', '2024-12-31'), 3],
    [date('range', '2024-05-01', '2024-05-03'), 2],
    [date('range', '2024-05-01', '2024-05-20'), 3],
    [null, null],
  ];
  for (const [d, expected] of cases) assert.equal(timePrecision(d), expected, JSON.stringify(d));
});

test('acled: disorder types by event and sub-event type', () => {
  const cases: [Parameters<typeof disorderType>[0], string, string][] = [
    ['Battles', 'Armed clash', 'Political violence'],
    ['Explosions/Remote violence', 'Air/drone strike', 'Political violence'],
    ['Violence against civilians', 'Attack', 'Political violence'],
    ['Protests', 'Peaceful protest', 'Demonstrations'],
    ['Protests', 'Excessive force against protesters', 'Political violence; Demonstrations'],
    ['Riots', 'Violent demonstration', 'Demonstrations'],
    ['Riots', 'Mob violence', 'Political violence'],
    ['Strategic developments', 'Arrests', 'Strategic developments'],
  ];
  for (const [type, sub, expected] of cases) assert.equal(disorderType(type, sub), expected, `${type}/${sub}`);
});

test('acled: a row with ACLED column names and codes; no row for an event without an ACLED type', () => {
  const base = eventOf({
    id: 'e1',
    document: 'd',
    placeCountry: 'IRQ',
    actor: ['Gunmen', 'gunmen', null],
    recipient: ['villagers', 'civilians', 'IRQ'],
  });
  const row = acledRow(withAcled(base, 'Attack', 'Violence against civilians', [3, 7]), OPTIONS);
  assert.ok(row);
  const expected: [keyof typeof row, unknown][] = [
    ['event_id_cnty', 'IRQ-e1'],
    ['event_date', '2024-05-01'],
    ['year', 2024],
    ['time_precision', 1],
    ['disorder_type', 'Political violence'],
    ['event_type', 'Violence against civilians'],
    ['sub_event_type', 'Attack'],
    ['actor1', 'gunmen'],
    ['inter1', 3],
    ['actor2', 'civilians'],
    ['inter2', 7],
    ['interaction', 37],
    ['civilian_targeting', 'Civilian targeting'],
    ['iso', null],
    ['country', 'Iraq'],
    ['location', 'Baqubah'],
    ['latitude', 33.75],
    ['longitude', 44.64],
    ['geo_precision', 2],
    ['source', 'Test Wire'],
    ['fatalities', 2],
    ['timestamp', 1717200000],
  ];
  for (const [key, value] of expected) assert.equal(row[key], value, key);
  // The lower actor type first; a lone actor is its type times ten.
  assert.equal(acledRow(withAcled(base, 'Armed clash', 'Battles', [8, 1]), OPTIONS)?.interaction, 18);
  assert.equal(
    acledRow(withAcled({ ...base, recipient: [] }, 'Armed clash', 'Battles', [2, null]), OPTIONS)?.interaction,
    20,
  );
  assert.equal(acledRow(base, OPTIONS), null);
  const writer = createAcledWriter(OPTIONS);
  assert.equal(writer.begin(), `${ACLED_COLUMNS.join(',')}\r\n`);
  assert.equal(writer.write(base), '');
  assert.equal(writer.write(withAcled(base, 'Attack', 'Violence against civilians', [3, 7])).split(',').length, 31);
});
