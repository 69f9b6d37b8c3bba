// POST /events/:id/review and the review state on GET /events/:id and GET /events, in-process against the invented
// events of helpers.ts: off without a token, 401 without the right one, every bad body a 400 naming the field.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openStore } from '../../src/store/open.ts';
import { documentOf, eventOf } from '../store/contract.ts';
import { appWith, filledStore, getJson, TOKEN } from './helpers.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests walk the JSON answers field by field, as helpers.ts does.
const answer = async (response: Response): Promise<any> => response.json();

const post = (
  app: ReturnType<typeof appWith>,
  id: string,
  body: unknown,
  headers: Record<string, string> = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
) =>
  app.request(`/events/${encodeURIComponent(id)}/review`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

test('api POST /events/:id/review: off without a token, 401 without the right one, 415 for another media type', async () => {
  const store = filledStore();
  const decision = { action: 'confirm', reviewer: 'ana' };
  const off = await post(appWith(store), 'ev-convoy', decision);
  assert.equal(off.status, 404);
  assert.equal((await answer(off)).error.code, 'REVIEW_DISABLED');
  const app = appWith(store, { token: TOKEN });
  const cases: [Record<string, string>, number, string][] = [
    [{ 'content-type': 'application/json' }, 401, 'UNAUTHORIZED'],
    [{ authorization: 'Bearer wrong', 'content-type': 'application/json' }, 401, 'UNAUTHORIZED'],
    [{ authorization: `Basic ${TOKEN}`, 'content-type': 'application/json' }, 401, 'UNAUTHORIZED'],
    [{ authorization: `Bearer ${TOKEN}`, 'content-type': 'text/plain' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ];
  for (const [headers, status, code] of cases) {
    const response = await post(app, 'ev-convoy', decision, headers);
    assert.equal(response.status, status, JSON.stringify(headers));
    assert.equal((await answer(response)).error.code, code);
  }
  assert.deepEqual(store.reviewHistory('ev-convoy'), []);
});

test('api POST /events/:id/review: a bad body is a 400 naming the field; an unknown event a 404', async () => {
  const app = appWith(filledStore(), { token: TOKEN });
  const cases: [unknown, RegExp][] = [
    ['{not json', /not valid JSON/],
    [{ action: 'approve', reviewer: 'ana' }, /action/],
    [{ action: 'confirm' }, /reviewer/],
    [{ action: 'confirm', reviewer: 'ana', extra: 1 }, /extra/],
    [{ action: 'set', field: 'killed', value: 'many', reviewer: 'ana' }, /killed: "many" is not a count or range/],
    [
      { action: 'set', field: 'weather', value: 'rain', reviewer: 'ana' },
      /"weather" is not a field a reviewer can set/,
    ],
    [{ action: 'set', field: 'mode', value: 'demo', reviewer: 'ana' }, /mode: "demo" is not a mode of ASSAULT/],
    [{ action: 'note', reviewer: 'ana' }, /needs a note/],
  ];
  for (const [body, message] of cases) {
    const response = await post(app, 'ev-convoy', body);
    assert.equal(response.status, 400, JSON.stringify(body));
    const failure = await answer(response);
    assert.match(failure.error.message, message, JSON.stringify(body));
  }
  const missing = await post(app, 'no-such-event', { action: 'confirm', reviewer: 'ana' });
  assert.equal(missing.status, 404);
  assert.match((await answer(missing)).error.message, /no event no-such-event/);
});

test('api POST /events/:id/review: a decision is stored; the event shows it, and a rejected one leaves the list', async () => {
  const store = filledStore();
  const app = appWith(store, { token: TOKEN });
  const set = await post(app, 'ev-convoy', {
    action: 'set',
    field: 'killed',
    value: '4-6',
    note: 'the hospital counted four to six',
    reviewer: 'ana',
  });
  assert.equal(set.status, 201);
  const stored = await answer(set);
  assert.deepEqual(stored.event.killed, { min: 4, max: 6 });
  assert.equal(stored.review.overrides[0].field, 'killed');
  assert.deepEqual(stored.review.overrides[0].extracted, { min: 2, max: 2 });
  assert.equal(stored.decisions[0].reviewer, 'ana');
  assert.ok(!Number.isNaN(Date.parse(stored.decisions[0].at)));
  // A number is taken as its text.
  assert.equal(
    (await post(app, 'ev-convoy', { action: 'set', field: 'injured', value: 3, reviewer: 'ana' })).status,
    201,
  );
  assert.equal(
    (await post(app, 'ev-rally', { action: 'reject', reviewer: 'ben', note: 'a wage dispute' })).status,
    201,
  );

  const shown = await getJson(app, '/events/ev-convoy');
  assert.equal(shown.status, 200);
  assert.deepEqual(shown.body.event.killed, { min: 4, max: 6 });
  assert.deepEqual(shown.body.event.injured, { min: 3, max: 3 });
  assert.equal(shown.body.review.status, 'unreviewed');
  assert.deepEqual(
    shown.body.reviews.map((d: { action: string; field: string | null }) => [d.action, d.field]),
    [
      ['set', 'killed'],
      ['set', 'injured'],
    ],
  );
  assert.match(shown.body.provenance.fields.killed, /^reviewer: ana, .* — the hospital counted four to six$/);
  const rally = await getJson(app, '/events/ev-rally');
  assert.equal(rally.body.review.status, 'rejected');
  assert.equal(rally.body.review.reason, 'a wage dispute');
  const plain = await getJson(app, '/events/ev-checkpoint');
  assert.equal(plain.body.review, null);
  assert.deepEqual(plain.body.reviews, []);

  const ids = async (query: string) =>
    (await getJson(app, `/events${query}`)).body.events.map((e: { id: string }) => e.id).sort();
  assert.deepEqual(await ids(''), ['ev-checkpoint', 'ev-checkpoint-2', 'ev-convoy']);
  assert.deepEqual(await ids('?review=all'), ['ev-checkpoint', 'ev-checkpoint-2', 'ev-convoy', 'ev-rally']);
  assert.deepEqual(await ids('?review=rejected'), ['ev-rally']);
  const bad = await getJson(app, '/events?review=maybe');
  assert.equal(bad.status, 400);
  assert.match(bad.body.error.message, /review: not a review state/);
});

test('api POST /events/:id/review: rejecting one of two reports of an attack undoes their merged event', async () => {
  const store = openStore(':memory:');
  const spec = {
    date: '2024-05-01',
    actor: ['Gunmen', 'gunmen', null] as [string, string, null],
    recipient: ['police', 'police', 'IRQ'] as [string, string, string],
    placeCountry: 'IRQ',
  };
  for (const [id, outlet] of [
    ['first', 'Wire A'],
    ['second', 'Wire B'],
  ] as const) {
    const text = `Gunmen attacked a police post on Wednesday, ${outlet} reported.`;
    store.putDocument(documentOf(id, text, { outlet }), [eventOf({ id: `ev-${id}`, document: id, ...spec })]);
  }
  store.rebuildMerged();
  const app = appWith(store, { token: TOKEN });
  assert.ok((await getJson(app, '/events/ev-first')).body.merged, 'merged before');
  // A note changes nothing; the reject takes the second report out.
  assert.equal(
    (await post(app, 'ev-second', { action: 'note', note: 'same wire copy?', reviewer: 'ana' })).status,
    201,
  );
  assert.ok((await getJson(app, '/events/ev-first')).body.merged, 'a note changes nothing');
  assert.equal((await post(app, 'ev-second', { action: 'reject', reviewer: 'ana' })).status, 201);
  assert.equal((await getJson(app, '/events/ev-first')).body.merged, null);
  assert.equal((await post(app, 'ev-second', { action: 'confirm', reviewer: 'ben' })).status, 201);
  assert.ok((await getJson(app, '/events/ev-first')).body.merged, 'confirmed again, merged again');
});
