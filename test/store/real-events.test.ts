// Store.iterateRealEvents: each merged event once with its members, other events alone, filtered by date and type.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openStore } from '../../src/store/open.ts';
import { documentOf, eventOf } from './contract.ts';

const ATTACK = 'Gunmen attacked a police checkpoint near Baqubah on Tuesday, killing two officers, police said.';

function storeWithMerge() {
  const store = openStore(':memory:');
  // Two outlets report one attack on the same day and place: one merged event.
  for (const [doc, outlet] of [
    ['wire', 'Desert Wire'],
    ['post', 'Tigris Post'],
  ] as const) {
    store.putDocument(documentOf(doc, `${ATTACK} (${outlet})`, { outlet }), [
      eventOf({
        id: `ev-${doc}`,
        document: doc,
        date: '2024-04-30',
        actor: ['Islamic State', 'Islamic State', 'IMG'],
        recipient: ['police', 'police', 'IRQ'],
        placeCountry: 'IRQ',
      }),
    ]);
  }
  store.putDocument(documentOf('rally', 'Teachers rallied in Basra on Thursday.'), [
    eventOf({
      id: 'ev-rally',
      document: 'rally',
      type: 'PROTEST',
      date: '2024-05-02',
      actor: ['teachers', 'teachers', 'IRQ'],
    }),
    eventOf({
      id: 'ev-old',
      document: 'rally',
      type: 'PROTEST',
      date: '2023-01-10',
      actor: ['teachers', 'teachers', 'IRQ'],
    }),
    eventOf({
      id: 'ev-undated',
      document: 'rally',
      type: 'PROTEST',
      date: null,
      actor: ['teachers', 'teachers', 'IRQ'],
    }),
  ]);
  store.rebuildMerged();
  return store;
}

const summary = (items: Iterable<{ records: { id: string }[]; merged: { id: string } | null }>) =>
  [...items].map((item) => [item.merged === null ? 'single' : 'merged', item.records.map((r) => r.id).sort()]);

test('store: iterateRealEvents gives a merged event once with its members, and the others alone', () => {
  const store = storeWithMerge();
  const all = summary(store.iterateRealEvents());
  assert.equal(all.length, 4);
  assert.deepEqual(
    all.filter(([kind]) => kind === 'merged'),
    [['merged', ['ev-post', 'ev-wire']]],
  );
  const merged = [...store.iterateRealEvents()].find((item) => item.merged !== null);
  assert.equal(merged?.merged?.id, store.getMergedForEvent('ev-wire')?.id);
  store.close();
});

test('store: iterateRealEvents filters by date (undated events kept) and type', () => {
  const store = storeWithMerge();
  const ids = (filter: Parameters<typeof store.iterateRealEvents>[0]) =>
    [...store.iterateRealEvents(filter)].flatMap((item) => item.records.map((r) => r.id)).sort();
  assert.deepEqual(ids({ since: '2024-01-01' }), ['ev-post', 'ev-rally', 'ev-undated', 'ev-wire']);
  assert.deepEqual(ids({ until: '2023-12-31' }), ['ev-old', 'ev-undated']);
  assert.deepEqual(ids({ type: 'PROTEST', since: '2024-05-01', until: '2024-05-31' }), ['ev-rally', 'ev-undated']);
  assert.throws(() => [...store.iterateRealEvents({ since: 'May 2024' })], /since must be a date/);
  store.close();
});

test('store: iterateRealEvents leaves out events a reviewer rejected', () => {
  const store = storeWithMerge();
  store.review('ev-rally', [{ action: 'reject', reviewer: 'analyst', note: 'a school event, not a protest' }]);
  const ids = [...store.iterateRealEvents({ type: 'PROTEST' })].flatMap((item) => item.records.map((r) => r.id));
  assert.deepEqual(ids.sort(), ['ev-old', 'ev-undated']);
  store.close();
});

test('store: latestEventDay is the latest start of a dated event not rejected, of a type when given', () => {
  const store = storeWithMerge();
  assert.equal(store.latestEventDay(), '2024-05-02');
  assert.equal(store.latestEventDay('ASSAULT'), '2024-04-30');
  assert.equal(store.latestEventDay('AID'), null);
  store.review('ev-rally', [{ action: 'reject', reviewer: 'analyst' }]);
  assert.equal(store.latestEventDay(), '2024-04-30');
  store.close();
});
