// Reviews in the store: each decision kept with who and when; the event read as reviewed (overrides applied with
// their provenance, the extracted record kept); rejected events left out of listings; bad decisions refused whole,
// naming the field; and reviews that outlive a document's events being replaced. Reports are invented.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { SitrepError } from '../../src/core/errors.ts';
import type { EventRecord } from '../../src/core/record.ts';
import { openStore } from '../../src/store/open.ts';
import type { ReviewedEvent, ReviewInput } from '../../src/store/review.ts';
import { SETTABLE_FIELDS } from '../../src/store/review-fields.ts';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.ts';
import { migrate } from '../../src/store/sqlite/sqlite-store.ts';
import { documentOf, eventOf } from './contract.ts';
import { clockStore, eventIn, REPORT } from './review-helpers.ts';

const by = (reviewer: string, input: Omit<ReviewInput, 'reviewer'>): ReviewInput => ({ ...input, reviewer });

/** A store holding REPORT with an assault (sentence 0), a protest (1) and an arrest (2). */
function reviewed() {
  const store = clockStore();
  const assault = eventIn('raid', REPORT, 0, 'attacked', {
    actor: ['Gunmen', 'gunmen', null],
    recipient: ['police', 'police', 'IRQ'],
    placeCountry: 'IRQ',
  });
  const rally = eventIn('raid', REPORT, 1, 'rallied', { type: 'PROTEST', mode: 'demo', date: '2024-04-30' });
  const arrest = eventIn('raid', REPORT, 2, 'arrested', { type: 'COERCE', mode: 'arrest', date: '2024-05-01' });
  store.putDocument(documentOf('raid', REPORT), [assault, rally, arrest]);
  return { store, assault, rally, arrest };
}

test('review: a decision is kept with who, when and why, and the event reads as reviewed', () => {
  const { store, assault } = reviewed();
  const { decisions, event } = store.review(assault.id, [
    by('ana', { action: 'set', field: 'killed', value: '3', note: 'hospital: a third officer died' }),
    by('ana', { action: 'confirm' }),
  ]);
  assert.deepEqual(
    decisions.map((d) => [d.action, d.field, d.value, d.reviewer, d.at, d.note, d.orphanedAt]),
    [
      ['set', 'killed', { min: 3, max: 3 }, 'ana', '2024-05-03T08:01:00.000Z', 'hospital: a third officer died', null],
      ['confirm', null, null, 'ana', '2024-05-03T08:01:00.000Z', null, null],
    ],
  );
  assert.deepEqual(event.killed, { min: 3, max: 3 });
  assert.equal(event.review?.status, 'confirmed');
  assert.equal(event.review?.decidedBy, 'ana');
  assert.deepEqual(
    event.review?.overrides.map((o) => [o.field, o.value, o.extracted, o.by]),
    [['killed', { min: 3, max: 3 }, { min: 2, max: 2 }, 'ana']],
  );
  assert.equal(
    event.provenance.fields.killed,
    'reviewer: ana, 2024-05-03T08:01:00.000Z — hospital: a third officer died',
  );
  // Read back, listed, and with its history; the other fields as extracted.
  const read = store.getEvent(assault.id) as ReviewedEvent;
  assert.deepEqual(read, event);
  assert.deepEqual(
    store.listEvents({ document: 'raid' }).events.find((e) => e.id === assault.id),
    event,
  );
  const { review: _review, killed: _killed, provenance: _p, ...rest } = read;
  const { killed: _k, provenance: _p2, ...extractedRest } = assault;
  assert.deepEqual(rest, extractedRest);
  // A later reviewer's reject wins; the history keeps both, oldest first.
  store.review(assault.id, [by('ben', { action: 'reject', note: 'a re-run of last year’s story' })]);
  const history = store.reviewHistory(assault.id);
  assert.deepEqual(
    history.map((d) => [d.action, d.reviewer, d.at]),
    [
      ['set', 'ana', '2024-05-03T08:01:00.000Z'],
      ['confirm', 'ana', '2024-05-03T08:01:00.000Z'],
      ['reject', 'ben', '2024-05-03T08:02:00.000Z'],
    ],
  );
  const rejected = store.getEvent(assault.id);
  assert.equal(rejected?.review?.status, 'rejected');
  assert.equal(rejected?.review?.reason, 'a re-run of last year’s story');
  assert.equal(rejected?.review?.decisions, 3);
  // A note alone changes no state but is kept.
  store.review(assault.id, [by('cem', { action: 'note', note: 'ask the desk' })]);
  assert.equal(store.getEvent(assault.id)?.review?.status, 'rejected');
  assert.equal(store.reviewHistory(assault.id).at(-1)?.note, 'ask the desk');
});

test('review: each settable field, as text, becomes the value the event reads with', () => {
  const cases: [string, string, (e: ReviewedEvent) => unknown, unknown][] = [
    ['killed', '3-5', (e) => e.killed, { min: 3, max: 5 }],
    ['killed', '3..5', (e) => e.killed, { min: 3, max: 5 }],
    ['injured', '10+', (e) => e.injured, { min: 10, max: null }],
    ['killed', 'none', (e) => e.killed, null],
    ['count', '2', (e) => e.count, { min: 2, max: 2 }],
    ['type', 'protest', (e) => [e.type, e.quad, e.cameo.root, e.mode], ['PROTEST', 4, '14', null]],
    ['mode', 'drone', (e) => [e.mode, e.cameo.root, e.intensity], ['drone', '19', -9.5]],
    ['modality', 'hypothetical', (e) => [e.modality, e.acled], ['hypothetical', null]],
    [
      'date',
      '2024-04-28..2024-04-30',
      (e) => [e.date?.start, e.date?.end, e.date?.precision, e.date?.text],
      ['2024-04-28', '2024-04-30', 'range', null],
    ],
    ['date', '2024-04-29', (e) => [e.date?.start, e.date?.end, e.date?.precision], ['2024-04-29', '2024-04-29', 'day']],
    [
      'date.start',
      '2024-04-27',
      (e) => [e.date?.start, e.date?.end, e.date?.precision],
      ['2024-04-27', '2024-05-01', 'range'],
    ],
    ['place.name', 'Muqdadiyah', (e) => [e.place?.name, e.place?.text], ['Muqdadiyah', null]],
    ['place.country', 'syr', (e) => [e.place?.country, e.place?.countries], ['SYR', ['SYR']]],
    ['place.admin1', 'Diyala', (e) => e.place?.admin1, 'Diyala'],
    ['place.point', '33.98, 44.93', (e) => [e.place?.lat, e.place?.lon], [33.98, 44.93]],
    ['place.lat', '-33.5', (e) => e.place?.lat, -33.5],
    ['place.precision', '3', (e) => e.place?.precision, 3],
    ['place', 'none', (e) => e.place, null],
    ['claim.status', 'Denied', (e) => e.claim.status, 'denied'],
    [
      'actor',
      'Islamic State; Iraqi army (irq)',
      (e) => e.actor.map((a) => [a.name, a.country, a.kind]),
      [
        ['Islamic State', null, 'reviewed'],
        ['Iraqi army', 'IRQ', 'reviewed'],
      ],
    ],
    // A name the extractor had keeps what the lexicon said of it.
    ['actor', 'gunmen', (e) => e.actor.map((a) => [a.name, a.text, a.kind]), [['gunmen', 'Gunmen', 'generic']]],
    ['recipient', 'none', (e) => e.recipient, []],
  ];
  for (const [field, value, read, expected] of cases) {
    const { store, assault } = reviewed();
    const { event } = store.review(assault.id, [by('ana', { action: 'set', field, value })]);
    assert.deepEqual(read(event), expected, `${field}=${value}`);
    assert.deepEqual(read(store.getEvent(assault.id) as ReviewedEvent), expected, `${field}=${value}, read back`);
    assert.equal(event.review?.status, 'unreviewed', `${field}=${value}: setting a field does not confirm`);
    store.close();
  }
});

test('review: a bad decision is refused whole, with a message naming the field and the reason', () => {
  const cases: [Partial<ReviewInput>, RegExp][] = [
    [{ action: 'set', field: 'killed', value: 'three' }, /^killed: "three" is not a count or range/],
    [{ action: 'set', field: 'killed', value: '5-3' }, /^killed: "5-3" is a range whose upper end is below/],
    [{ action: 'set', field: 'colour', value: 'red' }, /"colour" is not a field a reviewer can set \(type, mode/],
    [{ action: 'set', field: 'date', value: '2024-05-04..2024-05-01' }, /^date: .* ends before it starts/],
    [{ action: 'set', field: 'date', value: '2024-02-30' }, /^date: "2024-02-30" is not a date/],
    [{ action: 'set', field: 'date.end', value: '2024-04-01' }, /^date: 2024-05-01\.\.2024-04-01 ends before/],
    [{ action: 'set', field: 'place.country', value: 'Iraq' }, /^place\.country: "Iraq" is not an ISO 3166 alpha-3/],
    [{ action: 'set', field: 'place.lat', value: '95' }, /^place\.lat: "95" is not a latitude/],
    [{ action: 'set', field: 'place.point', value: '33.1' }, /^place\.point: "33\.1" is not a point LAT,LON/],
    [{ action: 'set', field: 'place', value: 'Baghdad' }, /^place: "Baghdad" takes only "none"/],
    [{ action: 'set', field: 'mode', value: 'demo' }, /^mode: "demo" is not a mode of ASSAULT \(abduct/],
    [{ action: 'set', field: 'type', value: 'BOMBING' }, /^type: "BOMBING" is not a PLOVER type \(AGREE/],
    [{ action: 'set', field: 'claim', value: 'rumoured' }, /^claim: "rumoured" is not a claim status/],
    [{ action: 'set', field: 'killed' }, /^killed: set needs a value/],
    [{ action: 'set' }, /^set needs a field/],
    [{ action: 'unset', field: 'killed', value: '3' }, /^killed: unset takes no value/],
    [{ action: 'confirm', field: 'killed' }, /^confirm takes no field or value/],
    [{ action: 'note' }, /^a note-only decision needs a note/],
    [
      { action: 'approve' } as unknown as Partial<ReviewInput>,
      /^action must be one of confirm, reject, set, unset, note/,
    ],
    [{ action: 'confirm', reviewer: '  ' }, /^reviewer is empty/],
    [{ action: 'confirm', note: 'x'.repeat(4001) }, /^note is longer than 4000 characters/],
  ];
  const { store, assault } = reviewed();
  for (const [input, message] of cases) {
    // Each bad decision comes after a good one in the same call: neither is kept.
    const decisions = [by('ana', { action: 'set', field: 'injured', value: '4' }), { reviewer: 'ana', ...input }];
    assert.throws(
      () => store.review(assault.id, decisions as ReviewInput[]),
      (error: unknown) => {
        assert.ok(error instanceof SitrepError, String(error));
        assert.equal(error.code, 'REVIEW_INVALID', error.message);
        assert.match(error.message, message);
        return true;
      },
      JSON.stringify(input),
    );
  }
  assert.deepEqual(store.reviewHistory(assault.id), []);
  assert.deepEqual(store.getEvent(assault.id), assault);
  assert.throws(() => store.review('no-such-event', [by('ana', { action: 'confirm' })]), /no event no-such-event/);
  assert.throws(() => store.review(assault.id, []), /no decision given/);
  // A place the extractor did not find needs a name before coordinates.
  const { store: other, rally } = reviewed();
  assert.throws(
    () => other.review(rally.id, [by('ana', { action: 'set', field: 'place.lat', value: '30.5' })]),
    /place\.name: the place has no name/,
  );
  const { event } = other.review(rally.id, [
    by('ana', { action: 'set', field: 'place.name', value: 'Basra' }),
    by('ana', { action: 'set', field: 'place.point', value: '30.51,47.81' }),
  ]);
  assert.deepEqual([event.place?.name, event.place?.lat, event.place?.precision], ['Basra', 30.51, 1]);
});

test('review: listings leave rejected events out unless asked, and filter on the reviewed values', () => {
  const { store, assault, rally, arrest } = reviewed();
  const ids = (filter: Parameters<typeof store.listEvents>[0] = {}) =>
    store
      .listEvents(filter)
      .events.map((e) => e.id)
      .sort();
  store.review(rally.id, [by('ana', { action: 'reject', note: 'a rally, not an event of this conflict' })]);
  store.review(arrest.id, [by('ana', { action: 'confirm' })]);
  const cases: [Parameters<typeof store.listEvents>[0], string[]][] = [
    [{}, [arrest.id, assault.id].sort()],
    [{ review: 'all' }, [arrest.id, assault.id, rally.id].sort()],
    [{ review: 'rejected' }, [rally.id]],
    [{ review: 'confirmed' }, [arrest.id]],
    [{ review: 'unreviewed' }, [assault.id]],
    [{ type: 'PROTEST' }, []],
    [{ type: 'PROTEST', review: 'all' }, [rally.id]],
  ];
  for (const [filter, expected] of cases) assert.deepEqual(ids(filter), expected, JSON.stringify(filter));
  // The overrides are what the filters see.
  store.review(assault.id, [
    by('ben', { action: 'set', field: 'type', value: 'COERCE' }),
    by('ben', { action: 'set', field: 'place.country', value: 'SYR' }),
    by('ben', { action: 'set', field: 'actor', value: 'Islamic State' }),
    by('ben', { action: 'set', field: 'date', value: '2023-12-30' }),
  ]);
  const after: [Parameters<typeof store.listEvents>[0], string[]][] = [
    [{ type: 'COERCE' }, [arrest.id, assault.id].sort()],
    [{ type: 'ASSAULT' }, []],
    [{ country: 'SYR' }, [assault.id]],
    [{ actor: 'islamic state' }, [assault.id]],
    [{ actor: 'gunmen' }, []],
    [{ until: '2023-12-31' }, [assault.id]],
    [{ since: '2024-01-01' }, [arrest.id]],
  ];
  for (const [filter, expected] of after) assert.deepEqual(ids(filter), expected, JSON.stringify(filter));
  assert.deepEqual(
    store
      .listActors()
      .map((a) => a.name)
      .sort(),
    ['Islamic State', 'police'],
  );
  // Unset gives a field back to the extractor.
  store.review(assault.id, [by('ben', { action: 'unset', field: 'type' })]);
  assert.equal(store.getEvent(assault.id)?.type, 'ASSAULT');
  assert.deepEqual(ids({ type: 'ASSAULT' }), [assault.id]);
});

test('review: rejected events take no part in merged events', () => {
  const store = clockStore();
  const spec = {
    date: '2024-05-01',
    actor: ['Gunmen', 'gunmen', null] as [string, string, null],
    recipient: ['police', 'police', 'IRQ'] as [string, string, string],
    placeCountry: 'IRQ',
  };
  store.putDocument(documentOf('a', REPORT, { outlet: 'Wire A' }), [eventOf({ id: 'ev-a', document: 'a', ...spec })]);
  store.putDocument(documentOf('b', REPORT.replace('Tuesday', 'Tuesday '), { outlet: 'Wire B' }), [
    eventOf({ id: 'ev-b', document: 'b', ...spec }),
  ]);
  store.rebuildMerged();
  assert.ok(store.getMergedForEvent('ev-a'), 'two reports of one attack merge');
  store.review('ev-b', [by('ana', { action: 'reject' })]);
  store.rebuildMerged();
  assert.equal(store.getMergedForEvent('ev-a'), null);
});

test('review: decisions survive the document being put again or replaced, and go to the event with their evidence', () => {
  const { store, assault, rally } = reviewed();
  store.review(assault.id, [
    by('ana', { action: 'set', field: 'killed', value: '3' }),
    by('ana', { action: 'confirm', note: 'checked with the police statement' }),
  ]);
  store.review(rally.id, [by('ana', { action: 'reject' })]);
  const doc = documentOf('raid', REPORT);
  const keep = (e: EventRecord) =>
    eventIn('raid', REPORT, e.evidence[0]?.sentence ?? 0, e === rally ? 'rallied' : 'attacked', {
      ...(e === rally ? { type: 'PROTEST', mode: 'demo', date: '2024-04-30' } : {}),
      actor: ['Gunmen', 'gunmen', null],
    });
  // 1. The same document put again, the same events: the same ids.
  const again = store.putDocument(doc, [keep(assault), keep(rally)]);
  assert.deepEqual(again.reviews, {
    reattached: [
      { from: assault.id, to: assault.id, decisions: 2, how: 'same-id' },
      { from: rally.id, to: rally.id, decisions: 1, how: 'same-id' },
    ],
    orphaned: [],
  });
  assert.deepEqual(store.getEvent(assault.id)?.killed, { min: 3, max: 3 });
  assert.equal(store.getEvent(rally.id)?.review?.status, 'rejected');
  // 2. A new version at the same url, under another id, with a line added before: every offset and id moves.
  const edited = `UPDATED: a curfew was declared. ${REPORT}`;
  const v2 = documentOf('raid-v2', edited, { url: doc.url });
  const assault2 = eventIn('raid-v2', edited, 1, 'attacked');
  const curfew = eventIn('raid-v2', edited, 0, 'declared', { type: 'COERCE', mode: 'curfew' });
  const put = store.putDocument(v2, [curfew, assault2]);
  assert.deepEqual(put.replaced, ['raid']);
  assert.deepEqual(put.reviews?.reattached, [{ from: assault.id, to: assault2.id, decisions: 2, how: 'trigger' }]);
  assert.equal(put.reviews?.orphaned.length, 1);
  assert.equal(put.reviews?.orphaned[0]?.event, rally.id);
  assert.match(
    put.reviews?.orphaned[0]?.reason ?? '',
    /no event of the new extraction covers its evidence "Hours later/,
  );
  const moved = store.getEvent(assault2.id);
  assert.deepEqual([moved?.killed, moved?.review?.status], [{ min: 3, max: 3 }, 'confirmed']);
  assert.deepEqual(
    store.reviewHistory(assault2.id).map((d) => [d.action, d.documentId, d.orphanedAt]),
    [
      ['set', 'raid-v2', null],
      ['confirm', 'raid-v2', null],
    ],
  );
  // The orphan is kept, listed, and found under the id it was last attached to.
  assert.deepEqual(
    store.orphanedReviews().map((d) => [d.eventId, d.documentId, d.action, d.orphanedAt !== null]),
    // It moves with the document's lineage, so that a later version may take it back.
    [[rally.id, 'raid-v2', 'reject', true]],
  );
  assert.equal(store.reviewHistory(rally.id).length, 1);
  // 3. Orphans get another chance: a version that reports the rally again takes its review back.
  const rally3 = eventIn('raid-v3', REPORT, 1, 'rallied', { type: 'PROTEST' });
  const v3 = store.putDocument(documentOf('raid-v3', REPORT, { url: doc.url }), [rally3]);
  assert.deepEqual(v3.reviews?.reattached, [{ from: rally.id, to: rally3.id, decisions: 1, how: 'trigger' }]);
  assert.equal(store.getEvent(rally3.id)?.review?.status, 'rejected');
  assert.deepEqual(
    store.orphanedReviews().map((d) => d.eventId),
    [assault2.id, assault2.id],
  );
  // A document put with no reviewed events behind it says nothing of reviews.
  assert.deepEqual(store.putDocument(documentOf('other', 'Nothing happened.'), []), { replaced: [] });
});

test('review: re-attachment by trigger, then by sentence; two candidates in one sentence are an orphan, not a guess', () => {
  const text = 'Militants shelled and then stormed the village of Tal Hamar on Friday, residents said.';
  const base = eventIn('tal', text, 0, 'shelled', { id: 'old' });
  const cases: [string, EventRecord[], string | null, string][] = [
    // The trigger now read as another type: the id changes, the words are the same.
    ['retyped trigger', [eventIn('tal', text, 0, 'shelled', { type: 'COERCE', id: 'new' })], 'new', 'trigger'],
    // The old trigger folded into an event led by another word of the sentence.
    [
      'trigger folded in',
      [
        {
          ...eventIn('tal', text, 0, 'stormed', { id: 'new' }),
          evidence: [...eventIn('tal', text, 0, 'stormed').evidence, ...eventIn('tal', text, 0, 'shelled').evidence],
        },
      ],
      'new',
      'trigger',
    ],
    // Only the sentence is left, and one event of the same type in it.
    ['same sentence, same type', [eventIn('tal', text, 0, 'stormed', { id: 'new' })], 'new', 'sentence'],
    [
      'same sentence, one of two of the same type',
      [
        eventIn('tal', text, 0, 'stormed', { id: 'new' }),
        eventIn('tal', text, 0, 'said', { id: 'other', type: 'ACCUSE' }),
      ],
      'new',
      'sentence',
    ],
    [
      'two candidates alike',
      [eventIn('tal', text, 0, 'stormed', { id: 'x' }), eventIn('tal', text, 0, 'village', { id: 'y' })],
      null,
      'ambiguous: events x, y share its sentence',
    ],
    // Another type in the same sentence is another event ("residents said" is not the shelling).
    [
      'only another type left',
      [eventIn('tal', text, 0, 'said', { id: 'z', type: 'ACCUSE' })],
      null,
      'now holds only events of other types: z (ACCUSE)',
    ],
    ['nothing left', [], null, 'no event of the new extraction covers its evidence'],
  ];
  for (const [name, next, expected, how] of cases) {
    const store = clockStore();
    store.putDocument(documentOf('tal', text), [base]);
    store.review('old', [by('ana', { action: 'confirm' })]);
    const { reviews } = store.replaceEvents('tal', next);
    if (expected === null) {
      assert.deepEqual(reviews.reattached, [], name);
      assert.match(reviews.orphaned[0]?.reason ?? '', new RegExp(how.replace(/[()]/g, '\\$&')), name);
    } else {
      assert.deepEqual(reviews.reattached, [{ from: 'old', to: expected, decisions: 1, how }], name);
      assert.equal(store.getEvent(expected)?.review?.status, 'confirmed', name);
    }
    store.close();
  }
});

test('review: replaceEvents keeps the document, reports the events before, and a dry run changes nothing', () => {
  const { store, assault, rally } = reviewed();
  store.review(assault.id, [by('ana', { action: 'set', field: 'killed', value: '4' })]);
  const ingested = store.getDocument('raid')?.ingestedAt;
  const before = { page: store.listEvents({ review: 'all' }), orphans: store.orphanedReviews() };
  const dry = store.replaceEvents('raid', [rally], { dryRun: true });
  // The events before are as extracted, not as reviewed.
  assert.deepEqual(
    dry.before.find((e) => e.id === assault.id),
    assault,
  );
  assert.equal(dry.reviews.orphaned[0]?.event, assault.id);
  assert.deepEqual({ page: store.listEvents({ review: 'all' }), orphans: store.orphanedReviews() }, before);
  const real = store.replaceEvents('raid', [rally]);
  assert.deepEqual(real.reviews, dry.reviews);
  assert.deepEqual(
    store.listEvents({ review: 'all' }).events.map((e) => e.id),
    [rally.id],
  );
  assert.equal(store.getDocument('raid')?.ingestedAt, ingested);
  assert.throws(() => store.replaceEvents('missing', []), /no document missing/);
});

test('review: migration 4 opens a database of version 3 with its events unreviewed and reviewable', () => {
  const db = new Database(':memory:');
  migrate(db, MIGRATIONS.slice(0, 3));
  const event = eventOf({ id: 'old', document: 'd' });
  db.prepare(
    `INSERT INTO documents (id, url, content_hash, text, ingested_at) VALUES ('d', NULL, 'h', 'x', '2024-05-01T00:00:00Z')`,
  ).run();
  db.prepare(
    `INSERT INTO events (id, document_id, type, date_start, date_end, place_country, sort_key, record)
     VALUES ('old', 'd', 'ASSAULT', '2024-05-01', '2024-05-01', NULL, '2024-05-01', ?)`,
  ).run(JSON.stringify(event));
  migrate(db, MIGRATIONS);
  const row = db.prepare("SELECT review_status, extracted FROM events WHERE id = 'old'").get();
  assert.deepEqual(row, { review_status: 'unreviewed', extracted: null });
  db.close();
  // And through the store: the version is recorded, and the event can be reviewed.
  const store = openStore(':memory:');
  assert.ok(store.stats().schemaVersion >= 4);
  store.close();
});

test('review: docs/REVIEW.md lists every settable field', () => {
  const doc = readFileSync(new URL('../../docs/REVIEW.md', import.meta.url), 'utf8');
  for (const field of Object.keys(SETTABLE_FIELDS)) assert.ok(doc.includes(`\`${field}\``), field);
});
