// Store.listMerged: each real-world event once — a merged event in place of its members, the others alone — in the
// order and with the filters of listEvents, page by page. Reports and names are invented.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventFilter, MergedListing } from '../../src/store/store.ts';
import { mergedStore } from './merged-fixture.ts';

const label = (item: MergedListing) => (item.merged ? `merged(${item.event.id})` : item.event.id);

for (const [name, limit] of [
  ['from the events an index lists', undefined],
  ['walking', -1],
] as const) {
  test(`listMerged (${name}): a merged event once, where its latest selected member stands, with its counts`, () => {
    const store = mergedStore(':memory:', limit);
    try {
      const all = store.listMerged();
      assert.deepEqual(all.items.map(label), ['merged(a1)', 'c1', 'a2']);
      assert.equal(all.next, null);
      const merged = all.items[0]?.merged;
      assert.ok(merged);
      assert.deepEqual(merged.members.map((m) => m.event).sort(), ['a1', 'b1']);
      assert.equal(merged.articles, 2);
      assert.equal(merged.outlets, 2);
      // The filters of listEvents: a day only b1 has puts the merged event at b1; the rally alone.
      assert.deepEqual(store.listMerged({ until: '2024-05-04' }).items.map(label), ['merged(b1)', 'c1', 'a2']);
      assert.deepEqual(store.listMerged({ type: 'PROTEST' }).items.map(label), ['a2']);
      assert.deepEqual(store.listMerged({ actor: 'islamic state' }).items.map(label), ['merged(a1)']);
      assert.deepEqual(store.listMerged({ actor: 'no such group' }).items, []);
    } finally {
      store.close();
    }
  });

  test(`listMerged (${name}): pages of one list each real-world event once, the merged one not again`, () => {
    const store = mergedStore(':memory:', limit);
    try {
      const walk = (filter: EventFilter) => {
        const seen: string[] = [];
        let cursor: string | undefined;
        for (let pages = 0; pages < 10; pages++) {
          const page = store.listMerged({ ...filter, limit: 1, ...(cursor ? { cursor } : {}) });
          seen.push(...page.items.map(label));
          if (page.next === null) break;
          cursor = page.next;
        }
        return seen;
      };
      assert.deepEqual(walk({}), ['merged(a1)', 'c1', 'a2']);
      assert.deepEqual(walk({ country: 'IRQ' }), ['merged(a1)', 'c1', 'a2']);
      assert.throws(() => store.listMerged({ cursor: 'not-a-cursor' }));
    } finally {
      store.close();
    }
  });
}
