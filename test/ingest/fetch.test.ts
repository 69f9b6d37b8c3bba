// The fetcher against a server on 127.0.0.1 (reached only with allowPrivate or an allow-listed address), and its
// refusals. No test leaves the loopback interface: refused URLs are refused before any connection.
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { InputError } from '../../src/core/errors.ts';
import { forbiddenAddressKind } from '../../src/ingest/address.ts';
import { type FetchedResource, type FetchOptions, fetchUrl } from '../../src/ingest/fetch.ts';
import { readInputs } from '../../src/ingest/read.ts';
import { asDocument, collect } from './helpers.ts';

const ARTICLE =
  '<!doctype html><html><head><title>Dam opened</title><meta property="og:site_name" content="Loop News">' +
  '<meta property="article:published_time" content="2024-06-01T10:00:00Z"></head><body><article>' +
  '<p>Engineers opened the floodgates of the Varn dam on Saturday, officials said.</p>' +
  '<p>Join our Telegram channel for more.</p></article></body></html>';
const FEED =
  '<?xml version="1.0"?><rss version="2.0"><channel><title>Loop Feed</title>' +
  '<item><title>One</title><link>/one</link><description>First item text.</description></item>' +
  '<item><title>Two</title><link>/two</link><description>Second item text.</description></item></channel></rss>';

let base = '';
let port = 0;
const seen: { path: string; headers: IncomingHttpHeaders }[] = [];

const server = createServer((request, response) => {
  const path = request.url ?? '/';
  seen.push({ path, headers: request.headers });
  const send = (status: number, type: string | null, body: string | Buffer, headers: Record<string, string> = {}) => {
    response.writeHead(status, { ...(type ? { 'content-type': type } : {}), ...headers });
    response.end(body);
  };
  switch (path) {
    case '/article':
      return send(200, 'text/html; charset=utf-8', ARTICLE);
    case '/feed':
      return send(200, 'application/rss+xml', FEED);
    case '/plain':
      return send(200, 'text/plain', 'Rain flooded the lower town on Sunday, residents said.\n');
    case '/untyped':
      return send(200, null, ARTICLE);
    case '/image':
      return send(200, 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    case '/missing':
      return send(404, 'text/html', 'not here');
    case '/redirect':
      return send(302, 'text/plain', '', { location: '/article' });
    case '/redirect-other-loopback':
      return send(301, 'text/plain', '', { location: `http://127.0.0.2:${port}/article` });
    case '/redirect-mapped':
      return send(307, 'text/plain', '', { location: `http://[::ffff:127.0.0.1]:${port}/article` });
    case '/loop':
      return send(302, 'text/plain', '', { location: '/loop' });
    case '/big-declared':
      return send(200, 'text/plain', 'x'.repeat(5000), { 'content-length': '5000' });
    case '/big-chunked': {
      response.writeHead(200, { 'content-type': 'text/plain' });
      for (let i = 0; i < 50; i++) response.write('y'.repeat(1000));
      return response.end();
    }
    case '/gzip':
      return send(200, 'text/html', gzipSync(ARTICLE), { 'content-encoding': 'gzip' });
    case '/gzip-bomb':
      return send(200, 'text/plain', gzipSync(Buffer.alloc(2_000_000, 0x61)), { 'content-encoding': 'gzip' });
    case '/slow':
      return; // never answers
    default:
      return send(404, 'text/plain', 'no route');
  }
});

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

const local: FetchOptions = { allowPrivate: true, timeoutMs: 3000 };

function fetched(result: FetchedResource | InputError): FetchedResource {
  if (result instanceof InputError) throw new Error(`expected a response, got ${result.code}: ${result.message}`);
  return result;
}

function refused(result: FetchedResource | InputError, code: string, reason: RegExp): void {
  assert.ok(result instanceof InputError, 'an InputError');
  assert.equal(result.code, code);
  assert.match(result.message, reason);
}

test('fetch: a page from the loopback server with allowPrivate', async () => {
  const page = fetched(await fetchUrl(`${base}/article`, local));
  assert.equal(page.status, 200);
  assert.equal(page.mediaType, 'text/html');
  assert.equal(page.charset, 'utf-8');
  assert.equal(page.body.toString(), ARTICLE);
  assert.equal(page.address, '127.0.0.1');
});

test('fetch: loopback, private and link-local URLs are refused without connecting', async () => {
  const before = seen.length;
  const urls: [string, RegExp][] = [
    [`${base}/article`, /127\.0\.0\.1, loopback address/],
    [`http://localhost:${port}/article`, /loopback/],
    [`http://[::1]:${port}/article`, /loopback/],
    [`http://[::ffff:127.0.0.1]:${port}/article`, /loopback \(IPv4 inside IPv6\)/],
    ['http://[::ffff:7f00:1]/', /loopback \(IPv4 inside IPv6\)/],
    ['http://[::ffff:10.0.0.8]/', /private \(IPv4 inside IPv6\)/],
    ['http://2130706433/', /loopback/],
    ['http://0x7f.1/', /loopback/],
    ['http://10.20.30.40/', /private/],
    ['http://192.168.1.1/', /private/],
    ['http://169.254.169.254/latest/meta-data/', /link-local/],
    ['http://[fe80::1]/', /link-local/],
    ['http://[fd00::1]/', /unique local/],
    ['http://0.0.0.0/', /unspecified/],
  ];
  for (const [url, reason] of urls) refused(await fetchUrl(url, { timeoutMs: 3000 }), 'INPUT_UNREADABLE', reason);
  assert.equal(seen.length, before, 'no request reached the server');
});

test('fetch: the resolved address is judged, and the name is still sent as Host', async () => {
  const lookup = async () => [{ address: '127.0.0.1', family: 4 }];
  refused(
    await fetchUrl(`http://news.example:${port}/article`, { lookup, timeoutMs: 3000 }),
    'INPUT_UNREADABLE',
    /refused to connect to news\.example:\d+ \(127\.0\.0\.1, loopback address\)/,
  );
  const page = fetched(
    await fetchUrl(`http://news.example:${port}/article`, { lookup, allowAddresses: ['127.0.0.1'], timeoutMs: 3000 }),
  );
  assert.equal(page.url, `http://news.example:${port}/article`);
  assert.equal(seen.at(-1)?.headers.host, `news.example:${port}`);
});

test('fetch: redirects are followed by hand and every hop is checked', async () => {
  const page = fetched(await fetchUrl(`${base}/redirect`, local));
  assert.equal(page.requestedUrl, `${base}/redirect`);
  assert.equal(page.url, `${base}/article`);
  // Allowed to reach 127.0.0.1 only: the hop to another loopback address is refused.
  const before = seen.length;
  refused(
    await fetchUrl(`${base}/redirect-other-loopback`, { allowAddresses: ['127.0.0.1'], timeoutMs: 3000 }),
    'INPUT_UNREADABLE',
    /refused to connect to 127\.0\.0\.2:\d+ \(127\.0\.0\.2, loopback address\)/,
  );
  refused(
    await fetchUrl(`${base}/redirect-mapped`, { allowAddresses: ['127.0.0.1'], timeoutMs: 3000 }),
    'INPUT_UNREADABLE',
    /::ffff:7f00:1, loopback \(IPv4 inside IPv6\)/,
  );
  assert.deepEqual(
    seen.slice(before).map((s) => s.path),
    ['/redirect-other-loopback', '/redirect-mapped'],
  );
  refused(await fetchUrl(`${base}/loop`, { ...local, maxRedirects: 3 }), 'INPUT_UNREADABLE', /more than 3 redirects/);
});

/** [path, options, code, reason] */
const failures: [string, FetchOptions, string, RegExp][] = [
  ['/image', local, 'INPUT_INVALID', /content type image\/png is not a document type/],
  ['/missing', local, 'INPUT_UNREADABLE', /HTTP 404 Not Found/],
  ['/big-declared', { ...local, maxBytes: 1000 }, 'INPUT_TOO_LARGE', /5000 bytes is over the 1000-byte limit/],
  ['/big-chunked', { ...local, maxBytes: 10_000 }, 'INPUT_TOO_LARGE', /over the 10000-byte limit/],
  ['/gzip-bomb', { ...local, maxBytes: 100_000 }, 'INPUT_TOO_LARGE', /over the 100000-byte limit/],
  ['/slow', { ...local, timeoutMs: 300 }, 'INPUT_UNREADABLE', /timed out after 300 ms/],
];

for (const [path, options, code, reason] of failures) {
  test(`fetch: ${path} is an InputError (${code})`, async () => {
    refused(await fetchUrl(`${base}${path}`, options), code, reason);
  });
}

test('fetch: not a URL, or not http(s)', async () => {
  refused(await fetchUrl('http://', local), 'INPUT_INVALID', /not a valid URL/);
  refused(await fetchUrl('file:///etc/passwd', local), 'INPUT_INVALID', /file: URLs are not fetched/);
});

test('fetch: a gzip body is decoded', async () => {
  assert.equal(fetched(await fetchUrl(`${base}/gzip`, local)).body.toString(), ARTICLE);
});

test('read: URLs through readInputs: a page, a feed, plain text, an untyped page, and a refusal', async () => {
  const items = await collect(
    readInputs([`${base}/article`, `${base}/feed`, `${base}/plain`, `${base}/untyped`, `${base}/image`], {
      allowPrivate: true,
      fetch: { timeoutMs: 3000 },
    }),
  );
  assert.equal(items.length, 6);
  const page = asDocument(items[0]);
  assert.deepEqual(page.input, {
    id: `${base}/article`,
    text: 'Engineers opened the floodgates of the Varn dam on Saturday, officials said.',
    published: '2024-06-01',
    outlet: 'Loop News',
    url: `${base}/article`,
    title: 'Dam opened',
  });
  assert.equal(page.provenance.source, `${base}/article`);
  const feed = [asDocument(items[1]), asDocument(items[2])];
  assert.deepEqual(
    feed.map((d) => [d.input.url, d.input.outlet, d.input.text, d.provenance.format]),
    [
      [`${base}/one`, 'Loop Feed', 'First item text.', 'rss'],
      [`${base}/two`, 'Loop Feed', 'Second item text.', 'rss'],
    ],
  );
  const plain = asDocument(items[3]);
  assert.deepEqual(
    [plain.input.text, plain.input.url, plain.provenance.format],
    ['Rain flooded the lower town on Sunday, residents said.\n', `${base}/plain`, 'text'],
  );
  assert.equal(asDocument(items[4]).provenance.format, 'html');
  assert.ok(items[5] instanceof InputError);
  assert.equal(items[5].code, 'INPUT_INVALID');

  const [refusal] = await collect(readInputs([`${base}/article`], { fetch: { timeoutMs: 3000 } }));
  assert.ok(refusal instanceof InputError);
  assert.match(refusal.message, /refused to connect/);
});

/** [address, why it is refused, or null for a public address] */
const addresses: [string, string | null][] = [
  ['127.0.0.1', 'loopback'],
  ['127.255.0.9', 'loopback'],
  ['10.1.2.3', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['172.32.0.1', null],
  ['192.168.1.1', 'private'],
  ['169.254.169.254', 'link-local'],
  ['100.64.0.1', 'shared (carrier-grade NAT)'],
  ['0.0.0.0', 'unspecified ("this network")'],
  ['224.0.0.1', 'multicast'],
  ['255.255.255.255', 'reserved'],
  ['198.51.100.7', 'documentation'],
  ['8.8.8.8', null],
  ['93.184.216.34', null],
  ['::1', 'loopback'],
  ['[::1]', 'loopback'],
  ['::', 'unspecified'],
  ['fe80::1%eth0', 'link-local'],
  ['febf:ffff::1', 'link-local'],
  ['fd12:3456::1', 'unique local (private)'],
  ['fc00::1', 'unique local (private)'],
  ['ff02::1', 'multicast'],
  ['2001:db8::1', 'documentation'],
  ['::ffff:127.0.0.1', 'loopback (IPv4 inside IPv6)'],
  ['::ffff:7f00:1', 'loopback (IPv4 inside IPv6)'],
  ['0:0:0:0:0:ffff:a9fe:a9fe', 'link-local (IPv4 inside IPv6)'],
  ['::ffff:8.8.8.8', null],
  ['::127.0.0.1', 'loopback (IPv4 inside IPv6)'],
  ['64:ff9b::10.0.0.1', 'private (IPv4 inside IPv6)'],
  ['64:ff9b::8.8.8.8', null],
  ['2002:c0a8:0101::1', 'private (IPv4 inside IPv6)'],
  ['2001:4860:4860::8888', null],
  ['2606:4700::1111', null],
  ['news.example', 'not an IP address'],
];

for (const [address, kind] of addresses) {
  test(`fetch: address ${address} is ${kind ?? 'public'}`, () => {
    assert.equal(forbiddenAddressKind(address), kind);
  });
}
