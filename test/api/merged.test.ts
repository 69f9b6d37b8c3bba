// GET /events?merged=true: each real-world event once, in-process against the small merged store.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { mergedStore } from '../store/merged-fixture.ts';
import { appWith, getJson } from './helpers.ts';

const store = mergedStore(':memory:');
const app = appWith(store);
after(() => store.close());

test('api GET /events?merged=true: a merged event in place of its members, with its counts and members', async () => {
  const { status, body } = await getJson(app, '/events?merged=true');
  assert.equal(status, 200, JSON.stringify(body));
  const merged = store.getMergedForEvent('a1');
  assert.ok(merged);
  assert.deepEqual(
    body.events.map((e: { id: string }) => e.id),
    [merged.id, 'c1', 'a2'],
  );
  assert.deepEqual(body.events[0].reports, { articles: 2, outlets: 2, independentSources: 2 });
  assert.deepEqual(body.events[0].merged.members.map((m: { event: string }) => m.event).sort(), ['a1', 'b1']);
  assert.equal(body.events[1].merged, null);
  assert.deepEqual(body.events[1].reports, { articles: 1, outlets: 1, independentSources: 1 });
  // Pages through the cursor, and the filters still apply; merged=false is the plain listing.
  const first = await getJson(app, '/events?merged=true&limit=1');
  const second = await getJson(app, `/events?merged=true&limit=1&cursor=${first.body.next}`);
  assert.deepEqual(
    second.body.events.map((e: { id: string }) => e.id),
    ['c1'],
  );
  const plain = await getJson(app, '/events?merged=false&type=ASSAULT');
  assert.deepEqual(
    plain.body.events.map((e: { id: string }) => e.id),
    ['a1', 'b1', 'c1'],
  );
  const bad = await getJson(app, '/events?merged=yes');
  assert.equal(bad.status, 400);
  assert.match(bad.body.error.message, /merged/);
});
