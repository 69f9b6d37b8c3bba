import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventOf } from '../../test/store/contract.ts';
import { CSV_COLUMNS, createCsvWriter, csvField, csvRow } from './csv.ts';

test('csv fields are quoted only when RFC 4180 needs it', () => {
  const cases: [string | number | null, string][] = [
    ['plain', 'plain'],
    [12.5, '12.5'],
    [null, ''],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "no"', '"say ""no"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
    [' padded', '" padded"'],
    ['=1+1', '=1+1'],
  ];
  for (const [value, expected] of cases) assert.equal(csvField(value), expected, JSON.stringify(value));
  assert.equal(csvRow(['a', null, 'b,c']), 'a,,"b,c"\r\n');
});

test('csv: a header, then a row per event with the main fields flattened', () => {
  const writer = createCsvWriter();
  const event = eventOf({
    id: 'e1',
    document: 'doc',
    placeCountry: 'IRQ',
    actor: ['Gunmen', 'gunmen', null],
    recipient: ['police', 'Iraqi police', 'IRQ'],
  });
  assert.equal(writer.begin(), `${CSV_COLUMNS.join(',')}\r\n`);
  const row = writer.write(event).replace(/\r\n$/, '').split(',');
  const field = (name: (typeof CSV_COLUMNS)[number]) => row[CSV_COLUMNS.indexOf(name)];
  assert.equal(row.length, CSV_COLUMNS.length);
  const expected: [(typeof CSV_COLUMNS)[number], string][] = [
    ['id', 'e1'],
    ['date_start', '2024-05-01'],
    ['date_precision', 'day'],
    ['type', 'ASSAULT'],
    ['actors', 'gunmen'],
    ['recipients', 'Iraqi police'],
    ['country', 'IRQ'],
    ['place', 'Baqubah'],
    ['lat', '33.75'],
    ['lon', '44.64'],
    ['geo_precision', '2'],
    ['killed_min', '2'],
    ['injured_min', ''],
    ['claim_status', 'reported'],
    ['via', 'Test Wire'],
    ['sources', 'police'],
    ['evidence', 'Sentence 0 of doc.'],
  ];
  for (const [name, value] of expected) assert.equal(field(name), value, name);
  assert.equal(writer.end(), '');
});
