import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addWeeks, weekOf, weeksBetween } from './weeks.ts';

test('weeks: a day goes in the ISO week of its Monday, across month and year ends', () => {
  const rows: [string, string][] = [
    ['2024-01-01', '2024-01-01'], // a Monday is its own week
    ['2024-01-07', '2024-01-01'], // Sunday closes the week
    ['2023-12-31', '2023-12-25'], // Sunday of the last week of 2023
    ['2021-01-03', '2020-12-28'], // ISO week 53 of 2020 runs into 2021
    ['2020-12-31', '2020-12-28'],
    ['2024-02-29', '2024-02-26'], // leap day
    ['2024-03-31', '2024-03-25'], // European daylight saving starts: no effect on UTC days
  ];
  for (const [day, monday] of rows) assert.equal(weekOf(day), monday, day);
});

test('weeks: every Monday between two days, over a year end', () => {
  assert.deepEqual(weeksBetween('2023-12-20', '2024-01-10'), ['2023-12-18', '2023-12-25', '2024-01-01', '2024-01-08']);
  assert.deepEqual(weeksBetween('2024-01-10', '2023-12-20'), []);
  assert.equal(addWeeks('2024-01-01', -1), '2023-12-25');
  assert.equal(addWeeks('2023-12-25', 53), '2024-12-30');
});
