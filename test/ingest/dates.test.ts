import assert from 'node:assert/strict';
import { test } from 'node:test';
import { publicationDate } from '../../src/ingest/dates.ts';

/** [a date as a page, feed or export writes it, the publication date] */
const rows: [string | null, string | null][] = [
  ['2024-03-12', '2024-03-12'],
  ['2024-03-12T23:30:00-05:00', '2024-03-12'],
  ['2024-02-04T07:05:00', '2024-02-04'],
  ['Tue, 12 Mar 2024 23:30:00 -0500', '2024-03-12'],
  ['12 March 2024', '2024-03-12'],
  ['March 12, 2024', '2024-03-12'],
  ['Sept. 3, 2021', '2021-09-03'],
  ['2021-02-30', null],
  ['2021-13-01', null],
  ['yesterday', null],
  ['', null],
  [null, null],
];

for (const [value, expected] of rows) {
  test(`dates: ${JSON.stringify(value)} → ${expected}`, () => {
    assert.equal(publicationDate(value), expected);
  });
}
