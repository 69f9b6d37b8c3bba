// POST /documents: off without a token, 401 without the right one, a size limit, validation; a stored document comes
// back intact, hostile text included; and once with the real extractor.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Extract } from '../../src/api/app.ts';
import { extractEvents } from '../../src/extract/pipeline.ts';
import { openStore } from '../../src/store/open.ts';
import { testResources } from '../helpers.ts';
import { eventOf } from '../store/contract.ts';
import { appWith, getJson, TOKEN } from './helpers.ts';

/** A stand-in extractor: one assault a document, the same parties and place each time, so reports of it merge. */
const fakeExtract: Extract = (input) => [
  eventOf({
    id: `ev-${input.id}`,
    document: input.id,
    date: '2024-05-01',
    actor: ['Gunmen', 'gunmen', null],
    recipient: ['police', 'police', 'IRQ'],
    placeCountry: 'IRQ',
  }),
];

const post = (
  app: ReturnType<typeof appWith>,
  body: unknown,
  headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` },
) =>
  app.request('/documents', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const REPORT = { id: 'market', text: 'Gunmen attacked a market in Baqubah on Wednesday, police said.' };

test('api POST /documents: off (404) when the app has no token', async () => {
  const store = openStore(':memory:');
  const app = appWith(store, { extract: fakeExtract });
  const response = await post(app, REPORT);
  assert.equal(response.status, 404);
  assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'INGEST_DISABLED');
  assert.equal(store.stats().documents, 0);
  store.close();
});

test('api POST /documents: 401 without the bearer token or with a wrong one', async () => {
  const store = openStore(':memory:');
  const app = appWith(store, { extract: fakeExtract, token: TOKEN });
  for (const headers of [
    {},
    { authorization: 'Bearer wrong' },
    { authorization: TOKEN },
    { authorization: 'Bearer ' },
  ]) {
    const response = await post(app, REPORT, headers);
    assert.equal(response.status, 401, JSON.stringify(headers));
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'UNAUTHORIZED');
    assert.equal(response.headers.get('www-authenticate'), 'Bearer');
  }
  assert.equal(store.stats().documents, 0);
  store.close();
});

test('api POST /documents: stored with its events, readable back; the same text again changes nothing', async () => {
  const store = openStore(':memory:');
  const app = appWith(store, { extract: fakeExtract, token: TOKEN });
  const response = await post(app, { ...REPORT, outlet: 'Test Wire', published: '2024-05-02' });
  assert.equal(response.status, 201);
  assert.equal(response.headers.get('location'), '/documents/market');
  const created = (await response.json()) as { id: string; events: { id: string }[] };
  assert.equal(created.id, 'market');
  assert.deepEqual(
    created.events.map((e) => e.id),
    ['ev-market'],
  );
  const { body } = await getJson(app, '/documents/market');
  assert.equal(body.document.text, REPORT.text);
  assert.equal(body.document.outlet, 'Test Wire');
  assert.equal((await getJson(app, '/events/ev-market')).status, 200);

  const again = await post(app, { ...REPORT, id: 'market-copy' });
  assert.equal(again.status, 200);
  assert.equal(((await again.json()) as { unchanged: boolean }).unchanged, true);
  assert.equal(store.stats().documents, 1);

  // A second report of the same attack: the merged events are rebuilt, and the event shows its merged event.
  assert.equal((await post(app, { id: 'market-2', text: `${REPORT.text} Two were hurt.` })).status, 201);
  const shown = await getJson(app, '/events/ev-market');
  assert.ok(shown.body.merged, 'a merged event');
  assert.deepEqual(shown.body.merged.members.map((m: { event: string }) => m.event).sort(), [
    'ev-market',
    'ev-market-2',
  ]);
  store.close();
});

test('api POST /documents: bad bodies are refused with their status', async () => {
  const store = openStore(':memory:');
  const app = appWith(store, { extract: fakeExtract, token: TOKEN, maxBodyBytes: 64 * 1024 });
  const rows: [unknown, number, string][] = [
    ['{"text": "unterminated', 400, 'INVALID_JSON'],
    [{ id: 'x' }, 400, 'INVALID_REQUEST'],
    [{ text: '   ' }, 400, 'INVALID_REQUEST'],
    [{ text: 'A report.', published: '12 May 2024' }, 400, 'INVALID_REQUEST'],
    [{ text: 'A report.', extra: true }, 400, 'INVALID_REQUEST'],
    [{ text: 'x'.repeat(65 * 1024) }, 413, 'PAYLOAD_TOO_LARGE'],
  ];
  for (const [body, status, code] of rows) {
    const response = await post(app, body);
    assert.equal(response.status, status, String(body).slice(0, 40));
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, code);
  }
  const plain = await app.request('/documents', {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/plain' },
    body: 'A report.',
  });
  assert.equal(plain.status, 415);
  assert.equal(store.stats().documents, 0);
  store.close();
});

test('api POST /documents: the default limit is 1 MB', async () => {
  const store = openStore(':memory:');
  const app = appWith(store, { extract: fakeExtract, token: TOKEN });
  const response = await post(app, { text: 'word '.repeat(220_000) });
  assert.equal(response.status, 413);
  assert.equal(store.stats().documents, 0);
  store.close();
});

test('api POST /documents: a hostile document is stored and returned intact, and harms nothing', async () => {
  const store = openStore(':memory:');
  const app = appWith(store, { extract: fakeExtract, token: TOKEN });
  const text =
    "<script>alert('x')</script> Gunmen attacked'); DROP TABLE events; -- a checkpoint \u0000 near <b>Baqubah</b> " +
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal placeholder is part of the hostile text.
    '" OR 1=1 -- ${process.exit()} 🚩';
  const id = "x'); DROP TABLE documents; --";
  const response = await post(app, { id, text, title: '<img src=x onerror=alert(1)>' });
  assert.equal(response.status, 201);
  const { status, body } = await getJson(app, `/documents/${encodeURIComponent(id)}`);
  assert.equal(status, 200);
  assert.equal(body.document.id, id);
  assert.equal(body.document.text, text);
  assert.equal(body.document.title, '<img src=x onerror=alert(1)>');
  const events = await getJson(app, '/events?text=DROP%20TABLE');
  assert.equal(events.status, 200);
  assert.equal(events.body.events.length, 1);
  assert.equal(store.stats().events, 1);
  store.close();
});

test('api POST /documents: with the real extractor, a short report becomes stored events', async () => {
  const store = openStore(':memory:');
  const extract: Extract = (input) => extractEvents(input, testResources()).events;
  const app = appWith(store, { extract, token: TOKEN });
  const response = await post(app, {
    id: 'ambush',
    published: '2024-06-05',
    outlet: 'Test Wire',
    text: 'Militants ambushed an army patrol near Kirkuk on Tuesday, killing three soldiers, officials said.',
  });
  assert.equal(response.status, 201);
  const created = (await response.json()) as { events: { id: string; type: string }[] };
  assert.ok(created.events.length >= 1, 'at least one event');
  const listed = await getJson(app, '/events?since=2024-06-01');
  assert.deepEqual(listed.body.events.map((e: { id: string }) => e.id).sort(), created.events.map((e) => e.id).sort());
  store.close();
});
