import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Actor, EventRecord } from '../core/record.ts';
import type { GoldDocument } from './gold.ts';
import { namesSame, scoreDocument, scoreFields, summarise } from './score.ts';

const actor = (text: string, country: string | null = null): Actor => ({
  text,
  name: text,
  id: null,
  country,
  sector: null,
  acled: null,
  kind: 'generic',
  span: { start: 0, end: text.length },
  refersTo: null,
});

function record(over: Partial<EventRecord>): EventRecord {
  return {
    id: 'e1',
    document: 'd1',
    type: 'ASSAULT',
    mode: 'aerial',
    context: [],
    intensity: -9.5,
    quad: 4,
    cameo: { root: '19', goldstein: -10 },
    acled: { event_type: 'Explosions/Remote violence', sub_event_type: 'Air/drone strike' },
    actor: [actor('U.S. warplanes', 'USA')],
    recipient: [actor('militia sites', 'IRQ')],
    date: {
      start: '2024-03-10',
      end: '2024-03-10',
      precision: 'day',
      text: 'on Sunday',
      basis: 'explicit',
      span: null,
    },
    place: {
      text: 'near Qaim',
      name: 'Al Qaim',
      feature: 'town',
      country: 'IRQ',
      countries: ['IRQ'],
      admin1: 'Anbar',
      lat: 34.37,
      lon: 41.09,
      precision: 2,
      span: null,
    },
    count: { min: 2, max: 2 },
    killed: { min: 3, max: null },
    injured: null,
    victims: [],
    claim: {
      status: 'reported',
      via: ['Desert Wire'],
      sources: [{ text: 'two officials', anonymous: true, count: 2, kind: 'official' }],
    },
    modality: 'asserted',
    links: [],
    evidence: [
      {
        sentence: 0,
        start: 0,
        end: 60,
        text: 'U.S. warplanes carried out two strikes on militia sites near Qaim on Sunday.',
        trigger: null,
      },
    ],
    provenance: { extractor: 'test', fields: {} },
    confidence: 0.8,
    ...over,
  };
}

const gold: GoldDocument = {
  id: 'd1',
  text: '…',
  events: [
    {
      id: 'strikes',
      type: 'ASSAULT',
      mode: 'aerial',
      evidence: ['two strikes on militia sites'],
      actor: { names: ['U.S. warplanes', 'United States'], country: 'USA' },
      recipient: { names: ['militia sites'], country: 'IRQ' },
      date: { start: '2024-03-10', end: '2024-03-10' },
      place: { names: ['Al Qaim'], country: 'IRQ', lat: 34.38, lon: 41.0, admin1: 'Anbar' },
      killed: 3,
      count: 2,
      claim: { status: 'reported', via: ['Desert Wire'], anonymousSources: 2 },
    },
    { id: 'vow', type: 'THREATEN', evidence: ['vowed'], required: true },
    { id: 'old', type: 'ASSAULT', evidence: ['in 2019'], required: false },
  ],
};

test('eval: names are the same without case and punctuation, and with a few more words', () => {
  assert.ok(namesSame('U.S. forces', 'US forces'));
  assert.ok(namesSame("Reuter's", 'Reuters'));
  assert.ok(namesSame('militias', 'Iran-backed militias'));
  assert.ok(!namesSame('militias', 'the many small Iran-backed Iraqi Shia militias of the south'));
  assert.ok(!namesSame('Iran', 'Iraq'));
});

test('eval: every field of a right record is right', () => {
  const fields = scoreFields(record({}), gold.events[0] as GoldDocument['events'][number]);
  assert.deepEqual(
    Object.entries(fields).filter(([, ok]) => !ok),
    [],
  );
});

test('eval: wrong fields are caught one by one', () => {
  const wrong = record({
    date: { start: '2024-03-09', end: '2024-03-10', precision: 'range', text: null, basis: 'inherited', span: null },
    killed: null,
    recipient: [actor('Iraqi army', 'IRQ'), actor('police', 'IRQ'), actor('militia sites', 'IRQ')],
    claim: { status: 'reported', via: [], sources: [] },
  });
  const fields = scoreFields(wrong, gold.events[0] as GoldDocument['events'][number]);
  assert.equal(fields.date, false, 'a range wider than the gold window');
  assert.equal(fields.killed, false, 'no prediction counts as 0');
  assert.equal(fields.recipient, false, 'padding the list fails');
  assert.equal(fields['claim.via'], false);
  assert.equal(fields['claim.anonymousSources'], false);
  assert.equal(fields.actor, true);
});

test('eval: pairing, precision and recall; optional gold events neither missed nor spurious', () => {
  const predicted = [
    record({}),
    record({
      id: 'e2',
      type: 'PROTEST',
      evidence: [{ sentence: 1, start: 0, end: 5, text: 'Crowds marched.', trigger: null }],
    }),
  ];
  const score = scoreDocument(gold, predicted);
  assert.equal(score.pairs.length, 1);
  assert.deepEqual(
    score.missed.map((g) => g.id),
    ['vow'],
  );
  assert.deepEqual(
    score.spurious.map((e) => e.id),
    ['e2'],
  );
  const summary = summarise([score], [gold]);
  assert.equal(summary.precision, 0.5);
  assert.equal(summary.recall, 0.5);
  assert.equal(summary.fields.date?.matched.accuracy, 1);
});

test('eval: evidence decides which gold event a prediction may pair with', () => {
  const elsewhere = record({
    evidence: [{ sentence: 3, start: 0, end: 10, text: 'Another raid hit a farm.', trigger: null }],
  });
  assert.equal(scoreDocument(gold, [elsewhere]).pairs.length, 0);
});
