import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addMonths, dayOf, isoOf, latestMonthDay, parseIsoDay, weekdayOf, weekOf } from './calendar.ts';
import { resolveDateReference } from './find.ts';

test('dates: weekOf gives the ISO week, Monday to Sunday', () => {
  const rows: [string, string, string][] = [
    ['2021-07-13', '2021-07-12', '2021-07-18'], // a Tuesday
    ['2021-07-12', '2021-07-12', '2021-07-18'], // a Monday
    ['2021-07-18', '2021-07-12', '2021-07-18'], // a Sunday
    ['2021-01-01', '2020-12-28', '2021-01-03'], // across the year
  ];
  for (const [date, start, end] of rows) assert.deepEqual(weekOf(date), { start, end }, date);
  assert.throws(() => weekOf('13 July 2021'));
});

test('dates: calendar arithmetic', () => {
  assert.equal(weekdayOf(dayOf(2021, 7, 13)), 2);
  assert.equal(weekdayOf(dayOf(1970, 1, 1)), 4);
  assert.equal(isoOf(addMonths(dayOf(2021, 1, 31), 1)), '2021-02-28');
  assert.equal(isoOf(addMonths(dayOf(2021, 3, 15), -3)), '2020-12-15');
  assert.equal(isoOf(latestMonthDay(12, 20, dayOf(2021, 1, 5))), '2020-12-20');
  assert.equal(isoOf(latestMonthDay(3, 3, dayOf(2021, 7, 13))), '2021-03-03');
  assert.equal(isoOf(latestMonthDay(2, 29, dayOf(2021, 7, 13))), '2021-02-28');
  assert.equal(parseIsoDay('2021-07-13T08:30:00Z'), dayOf(2021, 7, 13));
  assert.equal(parseIsoDay('2021-02-30'), null);
  assert.equal(parseIsoDay(null), null);
});

test('dates: resolveDateReference resolves a phrase on its own', () => {
  const rows: [string, string | null, { start: string; end: string } | null, string | null][] = [
    ['last week', '2021-07-13', { start: '2021-07-05', end: '2021-07-11' }, 'week'],
    ['June 27', '2021-07-13', { start: '2021-06-27', end: '2021-06-27' }, 'day'],
    ['in early 2020', null, { start: '2020-01-01', end: '2020-04-30' }, 'year'],
    ['the first half of 2021', null, { start: '2021-01-01', end: '2021-06-30' }, 'range'],
    ['yesterday', null, null, null],
    ['four attacks', '2021-07-13', null, null],
  ];
  for (const [text, published, range, precision] of rows) {
    const got = resolveDateReference(text, published);
    assert.deepEqual(got?.range ?? null, range, text);
    assert.equal(got?.precision ?? null, precision, text);
  }
});
