// iterateEvents walks the store page by page through the cursor: every event once, in order, within `max`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { iterateEvents } from '../../src/store/iterate.ts';
import { openStore } from '../../src/store/open.ts';
import { documentOf, eventOf } from './contract.ts';

test('iterateEvents: pages of pageSize, every event once, latest first, stopping at max', () => {
  const store = openStore(':memory:');
  try {
    const events = Array.from({ length: 7 }, (_, i) =>
      eventOf({ id: `e${i}`, document: 'd', date: `2024-05-0${i + 1}`, placeCountry: i % 2 ? 'IRQ' : null }),
    );
    store.putDocument(documentOf('d', 'Seven invented events.'), events);
    const cases: [Parameters<typeof iterateEvents>[1], { max?: number; pageSize?: number }, number[], string[]][] = [
      [{}, { pageSize: 3 }, [3, 3, 1], ['e6', 'e5', 'e4', 'e3', 'e2', 'e1', 'e0']],
      [{}, { pageSize: 3, max: 4 }, [3, 1], ['e6', 'e5', 'e4', 'e3']],
      [{ country: 'IRQ' }, { pageSize: 2 }, [2, 1], ['e5', 'e3', 'e1']],
      [{ type: 'SANCTION' }, { pageSize: 2 }, [], []],
    ];
    for (const [filter, options, sizes, ids] of cases) {
      const pages = [...iterateEvents(store, filter, options)];
      assert.deepEqual(
        pages.map((p) => p.length),
        sizes,
      );
      assert.deepEqual(
        pages.flat().map((e) => e.id),
        ids,
      );
    }
  } finally {
    store.close();
  }
});
