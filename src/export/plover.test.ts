import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventOf } from '../../test/store/contract.ts';
import { createPloverWriter, ploverRecord } from './plover.ts';

const OPTIONS = {
  codedDate: '2024-06-01',
  timestamp: 0,
  countryName: (iso3: string) => (iso3 === 'IRQ' ? 'Iraq' : null),
};

test('plover: the fields of the PLOVER JSON table, filled from the record', () => {
  const event = {
    ...eventOf({ id: 'e1', document: 'd', placeCountry: 'IRQ', recipient: ['police', 'Iraqi police', 'IRQ'] }),
    mode: 'firearms',
  };
  const r = ploverRecord(event, OPTIONS);
  const expected: [string, unknown][] = [
    ['id', 'e1'],
    ['date', '2024-05-01'],
    ['enddate', '2024-05-01'],
    ['event', ['ASSAULT']],
    ['mode', ['firearms']],
    ['context', []],
    ['quad_code', 4],
    ['event_scale', -9],
    ['coded_date', '2024-06-01'],
    ['actor', []],
    [
      'recipient',
      [{ code: 'IRQ', sector: null, entity_text: 'police', identifier_id: null, identifier_text: 'Iraqi police' }],
    ],
    ['event_text', ['Sentence 0 of d.']],
    ['text_info', { sequence: 0, start: 0, end: 50 }],
  ];
  for (const [key, value] of expected) assert.deepEqual((r as Record<string, unknown>)[key], value, key);
  assert.equal(r.event_loc?.country, 'Iraq');
  assert.equal(r.event_loc?.country_code, 'IRQ');
  assert.equal(r.event_loc?.lat, 33.75);
  assert.ok(!('text' in r), 'the story text is not exported');
  const line = createPloverWriter(OPTIONS).write(event);
  assert.ok(line.endsWith('\n'));
  assert.deepEqual(JSON.parse(line), JSON.parse(JSON.stringify(r)));
});
