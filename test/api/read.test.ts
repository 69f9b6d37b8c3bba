// The API's read routes, in-process against an in-memory store: filters, pages, one event, actors, documents, the
// OpenAPI description, and the errors (404, validation) as JSON.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { appWith, filledStore, getJson } from './helpers.ts';

const store = filledStore();
const app = appWith(store);
after(() => store.close());

const ids = async (query: string): Promise<string[]> => {
  const { status, body } = await getJson(app, `/events${query}`);
  assert.equal(status, 200, JSON.stringify(body));
  return body.events.map((e: { id: string }) => e.id);
};

test('api GET /events: every event, latest first, with no next page', async () => {
  const { status, body } = await getJson(app, '/events');
  assert.equal(status, 200);
  assert.deepEqual(
    body.events.map((e: { id: string }) => e.id),
    ['ev-rally', 'ev-checkpoint', 'ev-checkpoint-2', 'ev-convoy'],
  );
  assert.equal(body.next, null);
});

test('api GET /events: the filters of `sitrep events`', async () => {
  const rows: [string, string[]][] = [
    ['?type=PROTEST', ['ev-rally']],
    ['?type=assault&country=irq', ['ev-checkpoint', 'ev-checkpoint-2', 'ev-convoy']],
    ['?actor=gunmen', ['ev-checkpoint', 'ev-checkpoint-2']],
    ['?dyad=gunmen:army', ['ev-checkpoint-2']],
    ['?dyad=USA:militia', ['ev-convoy']],
    ['?mode=drone', ['ev-convoy']],
    ['?since=2024-04-25&until=2024-04-30', ['ev-checkpoint']],
    ['?near=34.39,40.99&within=30', ['ev-convoy']],
    ['?text=teachers%20salaries', ['ev-rally']],
    ['?country=SYR', []],
  ];
  for (const [query, expected] of rows) assert.deepEqual(await ids(query), expected, query);
});

test('api GET /events: cursor pagination walks every event once', async () => {
  const seen: string[] = [];
  let next: string | null = null;
  let pages = 0;
  do {
    const query: string = next === null ? '?limit=3' : `?limit=3&cursor=${encodeURIComponent(next)}`;
    const { status, body } = await getJson(app, `/events${query}`);
    assert.equal(status, 200);
    assert.ok(body.events.length <= 3);
    seen.push(...body.events.map((e: { id: string }) => e.id));
    next = body.next;
    pages++;
  } while (next !== null && pages < 10);
  assert.equal(pages, 2);
  assert.deepEqual(seen, ['ev-rally', 'ev-checkpoint', 'ev-checkpoint-2', 'ev-convoy']);
});

test('api GET /events: bad input is a 400 naming the field', async () => {
  const rows: [string, string][] = [
    ['?since=2024-13-45', 'since'],
    ['?until=yesterday', 'until'],
    ['?limit=0', 'limit'],
    ['?limit=1001', 'limit'],
    ['?limit=ten', 'limit'],
    ['?near=91,0&within=5', 'near'],
    ['?near=33.3&within=5', 'near'],
    ['?near=33.3,44.3', 'near'],
    ['?near=33.3,44.3&within=-4', 'within'],
    ['?type=SKIRMISH', 'type'],
    ['?country=IRAQ', 'country'],
    ['?dyad=militia', 'dyad'],
    ['?colour=red', 'colour'],
    ['?cursor=not-a-cursor', 'cursor'],
  ];
  for (const [query, field] of rows) {
    const { status, body } = await getJson(app, `/events${query}`);
    assert.equal(status, 400, query);
    assert.equal(body.error.code, 'INVALID_REQUEST', query);
    assert.match(body.error.message, new RegExp(field), query);
  }
});

test('api GET /events/:id: the record, its provenance, its mentions and its merged event', async () => {
  const { status, body } = await getJson(app, '/events/ev-checkpoint');
  assert.equal(status, 200);
  assert.equal(body.event.id, 'ev-checkpoint');
  assert.deepEqual(body.provenance.fields, { type: 'trigger:attacked' });
  assert.equal(body.provenance.document.id, 'checkpoint');
  assert.equal(body.provenance.document.outlet, 'Test Wire');
  assert.deepEqual(
    body.mentions.map((m: { sentence: number }) => m.sentence),
    [0, 1],
  );
  assert.equal(body.merged, null);
  const missing = await getJson(app, '/events/no-such-event');
  assert.equal(missing.status, 404);
  assert.equal(missing.body.error.code, 'NOT_FOUND');
});

test('api GET /actors: distinct actors with counts, most events first', async () => {
  const { status, body } = await getJson(app, '/actors?limit=2');
  assert.equal(status, 200);
  assert.deepEqual(body.actors[0], { name: 'gunmen', country: null, events: 2, asActor: 2, asRecipient: 0 });
  assert.equal(body.actors.length, 2);
  assert.equal((await getJson(app, '/actors?limit=0')).status, 400);
});

test('api GET /documents/:id: the stored document, or a 404', async () => {
  const { status, body } = await getJson(app, '/documents/rally');
  assert.equal(status, 200);
  assert.equal(body.document.id, 'rally');
  assert.match(body.document.text, /teachers rallied/);
  const missing = await getJson(app, '/documents/nothing-here');
  assert.equal(missing.status, 404);
  assert.equal(missing.body.error.code, 'NOT_FOUND');
});

test('api: unknown routes and methods are a 404 in JSON', async () => {
  for (const [method, path] of [
    ['GET', '/nowhere'],
    ['GET', '/events/a/b'],
    ['DELETE', '/events/ev-rally'],
  ] as const) {
    const response = await app.request(path, { method });
    assert.equal(response.status, 404, `${method} ${path}`);
    assert.match(response.headers.get('content-type') ?? '', /json/);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'NOT_FOUND');
  }
});

test('api GET /openapi.json: OpenAPI 3.1 listing every route', async () => {
  const { status, body } = await getJson(app, '/openapi.json');
  assert.equal(status, 200);
  assert.equal(body.openapi, '3.1.0');
  assert.deepEqual(Object.keys(body.paths).sort(), [
    '/actors',
    '/documents',
    '/documents/{id}',
    '/events',
    '/events/{id}',
    '/events/{id}/review',
    '/network',
    '/openapi.json',
    '/trends',
  ]);
  assert.ok(body.paths['/documents'].post);
  assert.ok(body.paths['/events'].get.parameters.some((p: { name: string }) => p.name === 'cursor'));
});
