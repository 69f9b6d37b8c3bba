// Re-extraction as a library function, with stand-in extractors (the real one runs in test/cli-review.test.ts):
// what it reports added, removed and changed, where reviews go, a failing document, and a dry run.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DocumentInput, EventRecord } from '../../src/core/record.ts';
import { type ExtractDocument, reextract } from '../../src/store/reextract.ts';
import { documentOf } from './contract.ts';
import { clockStore, eventIn, REPORT } from './review-helpers.ts';

const OTHER = 'Police dispersed a sit-in outside the governorate building on Sunday with tear gas.';

/** The first extractor: an assault and a protest from REPORT, a protest from OTHER. */
const first: ExtractDocument = (input) =>
  input.id === 'raid'
    ? [
        eventIn('raid', REPORT, 0, 'attacked', { actor: ['Gunmen', 'gunmen', null] }),
        eventIn('raid', REPORT, 1, 'rallied', { type: 'PROTEST', mode: 'demo' }),
      ]
    : [eventIn('sit-in', OTHER, 0, 'sit-in', { type: 'PROTEST', mode: 'demo' })];

function stored() {
  const store = clockStore();
  for (const [id, text] of [
    ['raid', REPORT],
    ['sit-in', OTHER],
  ] as const) {
    const doc = documentOf(id, text);
    store.putDocument(doc, first({ id, text }));
  }
  return store;
}

test('reextract: the same extractor changes nothing, and every review stays where it was', () => {
  const store = stored();
  const [assault] = first({ id: 'raid', text: REPORT });
  store.review(assault?.id ?? '', [{ action: 'confirm', reviewer: 'ana' }]);
  const report = reextract(store, first);
  assert.deepEqual(report.totals, {
    documents: 2,
    changedDocuments: 0,
    failed: 0,
    before: 3,
    after: 3,
    added: 0,
    removed: 0,
    changed: 0,
    fields: {},
    reattached: 1,
    moved: 0,
    orphaned: 0,
  });
  assert.equal(store.getEvent(assault?.id ?? '')?.review?.status, 'confirmed');
  assert.deepEqual(report.merged, { merged: 0, events: 0 });
});

test('reextract: a new extractor — events added, removed, changed field by field; reviews moved or orphaned', () => {
  const store = stored();
  const [assault, rally] = first({ id: 'raid', text: REPORT });
  store.review(assault?.id ?? '', [
    { action: 'set', field: 'killed', value: '3', reviewer: 'ana' },
    { action: 'confirm', reviewer: 'ana' },
  ]);
  store.review(rally?.id ?? '', [{ action: 'reject', reviewer: 'ben', note: 'not part of the conflict' }]);
  // The new lexicon reads "attacked" as COERCE (a new id), says four were killed, drops the rally, adds the arrest.
  const second: ExtractDocument = (input: DocumentInput): readonly EventRecord[] =>
    input.id === 'raid'
      ? [
          {
            ...eventIn('raid', REPORT, 0, 'attacked', { type: 'COERCE', actor: ['Gunmen', 'gunmen', null] }),
            killed: { min: 4, max: 4 },
          },
          eventIn('raid', REPORT, 2, 'arrested', { type: 'COERCE', mode: 'arrest' }),
        ]
      : first(input);
  const report = reextract(store, second);
  const raid = report.documents.find((d) => d.document === 'raid');
  const newAssault = 'raid:COERCE:7';
  assert.deepEqual(
    [raid?.before, raid?.after, raid?.added, raid?.removed],
    [2, 2, [`raid:COERCE:${REPORT.indexOf('arrested')}`], [rally?.id]],
  );
  assert.deepEqual(raid?.changed, [{ id: assault?.id, newId: newAssault, fields: ['type', 'killed'] }]);
  assert.deepEqual(raid?.reviews.reattached, [{ from: assault?.id, to: newAssault, decisions: 2, how: 'trigger' }]);
  assert.deepEqual(
    raid?.reviews.orphaned.map((o) => [o.event, o.decisions]),
    [[rally?.id, 1]],
  );
  assert.equal(report.totals.changedDocuments, 1);
  assert.deepEqual(report.totals.fields, { type: 1, killed: 1 });
  assert.deepEqual([report.totals.moved, report.totals.orphaned], [1, 1]);
  // The reviewer's value still stands over the new extraction, which the override now says it replaced.
  const event = store.getEvent(newAssault);
  assert.deepEqual(event?.killed, { min: 3, max: 3 });
  assert.deepEqual(event?.review?.overrides[0]?.extracted, { min: 4, max: 4 });
  assert.equal(event?.type, 'COERCE');
  assert.deepEqual(
    store.orphanedReviews().map((d) => [d.eventId, d.action, d.reviewer]),
    [[rally?.id, 'reject', 'ben']],
  );
});

test('reextract: a document the extractor fails on is left as stored and reported; the others go on', () => {
  const store = stored();
  const failing: ExtractDocument = (input) => {
    if (input.id === 'sit-in') throw new Error('lexicon entry without words');
    return first(input).slice(0, 1);
  };
  const report = reextract(store, failing);
  const sitIn = report.documents.find((d) => d.document === 'sit-in');
  assert.equal(sitIn?.error, 'extraction failed: lexicon entry without words');
  assert.equal(report.totals.failed, 1);
  assert.equal(report.totals.removed, 1);
  assert.equal(store.listEvents({ document: 'sit-in' }).events.length, 1);
  assert.equal(store.listEvents({ document: 'raid' }).events.length, 1);
});

test('reextract: in batches, a batch that throws is extracted again one by one; only the culprit is left', () => {
  const store = stored();
  const calls: string[][] = [];
  // A batch extractor that fails on any batch holding the sit-in, as a bug in one batch stage would.
  const batch = (inputs: readonly DocumentInput[]) => {
    calls.push(inputs.map((input) => input.id));
    if (inputs.some((input) => input.id === 'sit-in')) throw new Error('lexicon entry without words');
    return inputs.map((input) => first(input).slice(0, 1));
  };
  const report = reextract(store, { batch });
  assert.deepEqual(calls, [['raid', 'sit-in'], ['raid'], ['sit-in']], 'the whole batch first, then one by one');
  assert.deepEqual(
    report.documents.map((d) => [d.document, d.error]),
    [
      ['raid', null],
      ['sit-in', 'extraction failed: lexicon entry without words'],
    ],
  );
  assert.equal(store.listEvents({ document: 'raid' }).events.length, 1);
  assert.equal(store.listEvents({ document: 'sit-in' }).events.length, 1, 'left as stored');
  const sizes: number[] = [];
  const counted = (inputs: readonly DocumentInput[]) => {
    sizes.push(inputs.length);
    return inputs.map((input) => first(input));
  };
  assert.equal(reextract(store, { batch: counted }, { batchSize: 1 }).totals.failed, 0);
  assert.deepEqual(sizes, [1, 1], 'batches of the size asked for');
});

test('reextract: a dry run reports the same as the real run and stores nothing', () => {
  const store = stored();
  const [assault] = first({ id: 'raid', text: REPORT });
  store.review(assault?.id ?? '', [{ action: 'confirm', reviewer: 'ana' }]);
  const fewer: ExtractDocument = (input) => first(input).slice(1);
  const before = store.listEvents({ review: 'all' });
  const dry = reextract(store, fewer, { dryRun: true });
  assert.equal(dry.dryRun, true);
  assert.equal(dry.merged, null);
  assert.deepEqual(store.listEvents({ review: 'all' }), before);
  assert.deepEqual(store.orphanedReviews(), []);
  const seen: string[] = [];
  const real = reextract(store, fewer, { onDocument: (d, done, total) => seen.push(`${d.document} ${done}/${total}`) });
  assert.deepEqual(real.documents, dry.documents);
  assert.deepEqual(seen, ['raid 1/2', 'sit-in 2/2']);
  assert.equal(store.orphanedReviews().length, 1);
});
