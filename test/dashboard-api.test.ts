// The dashboard as the API serves it, in-process: its files under /, and the security headers on every response
// (a Content-Security-Policy that allows only the server itself, no inline script).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createApp } from '../src/api/app.ts';
import { openStore } from '../src/store/open.ts';
import { buildDashboard } from '../web/build.ts';

const dashboard = await buildDashboard();

function csp(response: Response): Map<string, string> {
  const header = response.headers.get('content-security-policy') ?? '';
  return new Map(
    header
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name as string, values.join(' ')]),
  );
}

test('dashboard: the page, its script, style sheet and basemap are served from the server itself', async () => {
  const app = createApp({ store: openStore(':memory:'), dashboard });
  const page = await app.request('/?dyad=Houthis:USA&event=abc');
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
  const html = await page.text();
  // Every script is a file of this server: none inline, none from elsewhere.
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.deepEqual(
    scripts.map(([, attributes, body]) => [attributes?.match(/src="([^"]+)"/)?.[1], body?.trim()]),
    [['/app.js', '']],
  );
  assert.doesNotMatch(html, /https?:\/\//, 'the page names no other host');
  const script = await app.request('/app.js');
  assert.equal(script.status, 200);
  assert.match(script.headers.get('content-type') ?? '', /javascript/);
  assert.doesNotMatch(await script.text(), /https?:\/\/(?!www\.w3\.org\/2000\/svg)/, 'the bundle fetches nothing else');
  const basemap = await app.request('/basemap.json');
  const topology = (await basemap.json()) as { type: string; objects: { countries?: { geometries: unknown[] } } };
  assert.equal(topology.type, 'Topology');
  assert.ok((topology.objects.countries?.geometries.length ?? 0) > 150, 'the Natural Earth countries');
  assert.equal((await app.request('/app.css')).status, 200);
});

test('dashboard: a Content-Security-Policy on every response allows only the server itself', async () => {
  const app = createApp({ store: openStore(':memory:'), dashboard });
  for (const path of ['/', '/events', '/no-such-path']) {
    const response = await app.request(path);
    const policy = csp(response);
    assert.equal(policy.get('default-src'), "'none'", path);
    assert.equal(policy.get('script-src'), "'self'", path);
    assert.equal(policy.get('connect-src'), "'self'", path);
    assert.equal(policy.get('style-src'), "'self'", path);
    assert.equal(policy.get('img-src'), "'self'", path);
    assert.equal(policy.get('frame-ancestors'), "'none'", path);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
  }
});

test('dashboard: without its files the server is the JSON API alone', async () => {
  const app = createApp({ store: openStore(':memory:') });
  const response = await app.request('/');
  assert.equal(response.status, 404);
  assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'NOT_FOUND');
});
