// A small store with one merged event, for the tests of listing and exporting real-world events. Invented reports.
import assert from 'node:assert/strict';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { documentOf, eventOf } from './contract.ts';

/** Two wires report one raid near Baqubah a day apart; a third report has an unrelated raid and a rally. */
export function mergedStore(path: string, candidateLimit?: number): Store {
  const store = openSqliteStore(path, candidateLimit === undefined ? {} : { candidateLimit });
  const raid = (id: string, document: string, date: string) =>
    eventOf({
      id,
      document,
      date,
      placeCountry: 'IRQ',
      actor: ['Islamic State fighters', 'Islamic State', 'SYR'],
      recipient: ['the police', 'Iraqi police', 'IRQ'],
    });
  store.putDocument(documentOf('wire-a', 'Militants stormed a police post near Baqubah on Sunday.'), [
    raid('a1', 'wire-a', '2024-05-05'),
    eventOf({ id: 'a2', document: 'wire-a', type: 'PROTEST', date: '2024-05-01', placeCountry: 'IRQ' }),
  ]);
  store.putDocument(
    documentOf('wire-b', 'A police post near Baqubah came under attack late Saturday.', { outlet: 'B' }),
    [raid('b1', 'wire-b', '2024-05-04')],
  );
  store.putDocument(documentOf('wire-c', 'Gunmen raided a market in Mosul on Friday.', { outlet: 'C' }), [
    eventOf({ id: 'c1', document: 'wire-c', date: '2024-05-03', placeCountry: 'IRQ', at: [36.34, 43.13] }),
  ]);
  assert.deepEqual(store.rebuildMerged(), { merged: 1, events: 2 });
  return store;
}
