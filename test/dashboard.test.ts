// The dashboard in a real browser (Debian's chromium driven by playwright-core): the bundled examples and one
// hostile report are ingested into a temporary database and served on a free port; the test loads the dashboard,
// filters to one dyad, opens an event and checks what a person would see, checks that the hostile report's tags are
// shown as text and run nothing, and that no request left the server. Screenshots go to test-artifacts/.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '../src/api/app.ts';
import { type RunningServer, startServer } from '../src/api/serve.ts';
import { openStore } from '../src/store/open.ts';
import type { Store } from '../src/store/store.ts';
import { buildDashboard } from '../web/build.ts';
import { CHROMIUM, launchChromium } from './chromium.ts';

const ARTIFACTS = 'test-artifacts';
const skip = existsSync(CHROMIUM)
  ? false
  : `${CHROMIUM} is missing: the browser test needs Debian's chromium (apt-get install -y chromium; .ci/run installs it)`;

// Written for this test: a report whose title, outlet and body carry markup that must never become markup.
const HOSTILE = `---
title: "Checkpoint attack near Baqubah <script>alert('title')</script>"
outlet: "Test Desk <img src=x onerror=alert(2)>"
published: 2024-06-03
url: https://example.org/hostile-checkpoint
---
BAQUBAH, Iraq, June 3 (Test Desk) - Gunmen attacked a police checkpoint near Baqubah on Sunday <script>alert('body')</script>, killing two officers, police said.
`;

let dir = '';
let store: Store;
let server: RunningServer;
let browser: Browser;
let page: Page;
const requests: string[] = [];
const problems: string[] = [];
const dialogs: string[] = [];

before(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'sitrep-dashboard-'));
  const hostile = join(dir, 'hostile-checkpoint.md');
  writeFileSync(hostile, HOSTILE);
  const db = join(dir, 'dashboard.db');
  const reports = readdirSync('examples')
    .filter((name) => /^\d.*\.md$/.test(name))
    .map((name) => join('examples', name));
  const ingest = spawnSync(
    process.execPath,
    ['bin/sitrep.js', 'ingest', ...reports, 'examples/batch.jsonl', 'examples/escalation.jsonl', hostile, '--db', db],
    { encoding: 'utf8' },
  );
  assert.equal(ingest.status, 0, ingest.stderr);
  store = openStore(db);
  server = await startServer(createApp({ store, dashboard: await buildDashboard() }), {
    port: 0,
    hostname: '127.0.0.1',
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  mkdirSync(ARTIFACTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
  store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const OVERVIEW_READY = 'body[data-ready~="list"][data-ready~="map"][data-ready~="network"][data-ready~="timeline"]';

async function texts(selector: string): Promise<string[]> {
  return page.locator(selector).allTextContents();
}

test('dashboard: the overview shows the examples in every view', { skip }, async () => {
  await page.goto(`${server.address}/`);
  await page.waitForSelector(OVERVIEW_READY);
  assert.ok((await page.locator('tr.event-row').count()) >= 50, 'a page of events in the list');
  assert.ok((await page.locator('.map circle.mark').count()) >= 10, 'placed events on the map');
  assert.ok((await page.locator('.map .countries path').count()) > 150, 'the country shapes');
  assert.ok((await page.locator('.network .node').count()) >= 5, 'actors in the network');
  assert.ok((await page.locator('.timeline g.dyad-line').count()) >= 1, 'dyad lines in the timeline');
  assert.ok((await page.locator('.timeline circle.event-mark').count()) >= 10, 'event marks in the timeline');
  assert.ok((await page.locator('.timeline path.chain').count()) >= 1, 'a stated link drawn as a chain');
  // examples/escalation.jsonl: a faction's weekly attacks on U.S. forces, then a week of five, breaks out.
  const escalation = (await page.locator('#escalation-body').textContent()) ?? '';
  assert.match(escalation, /dyads checked/);
  assert.match(escalation, /Islamic Resistance in Iraq/);
  assert.match((await page.locator('#status').textContent()) ?? '', /events match/);
  await page.screenshot({ path: join(ARTIFACTS, 'dashboard-overview.png'), fullPage: true });
  // The list is a page at a time: "More" adds the next one (the examples hold more than a page).
  const firstPage = await page.locator('tr.event-row').count();
  await page.click('button.more');
  // Locators, not in-page expressions: the page's CSP forbids eval, which Playwright's string predicates use.
  await page.locator('tr.event-row').nth(firstPage).waitFor();
  assert.ok((await page.locator('.map circle.mark').count()) >= 10);
});

test('dashboard: filtering to one dyad narrows every view and the URL keeps it', { skip }, async () => {
  await page.fill('#filter-dyad', 'General Directorate of Intelligence:Islamic State');
  await page.click('.filter-bar button[type="submit"]');
  await page.waitForURL(/[?&]dyad=/);
  await page.waitForSelector('body[data-ready~="timeline"]');
  await page.waitForSelector(OVERVIEW_READY);
  const actors = await texts('tr.event-row td:nth-child(3)');
  const recipients = await texts('tr.event-row td:nth-child(4)');
  assert.ok(actors.length >= 1 && actors.length < 10, `a few events, not ${actors.length}`);
  for (const [i, actor] of actors.entries()) {
    assert.match(actor, /General Directorate of Intelligence/);
    assert.match(recipients[i] ?? '', /Islamic State/);
  }
  const lines = await page
    .locator('.timeline g.dyad-line')
    .evaluateAll((groups) => groups.map((group) => group.getAttribute('data-dyad') ?? ''));
  assert.ok(lines.length >= 1);
  for (const line of lines) assert.match(line, /General Directorate of Intelligence|Islamic State/);
  assert.equal(await page.inputValue('#filter-dyad'), 'General Directorate of Intelligence:Islamic State');
  await page.screenshot({ path: join(ARTIFACTS, 'dashboard-dyad.png'), fullPage: true });
});

test('dashboard: an event page shows the sentence with its spans marked, the claim chain and provenance', {
  skip,
}, async () => {
  await page.locator('tr.event-row').first().click();
  await page.waitForSelector('body[data-ready~="event"] .event-page');
  assert.match(new URL(page.url()).search, /event=/);
  assert.ok(await page.locator('#overview').isHidden());
  const sentence = page.locator('.evidence .sentence').first();
  assert.ok(await sentence.isVisible());
  assert.match((await sentence.textContent()) ?? '', /Islamic State/);
  const kinds = await page
    .locator('.evidence .sentence mark')
    .evaluateAll((marks) => marks.map((mark) => mark.getAttribute('data-kind')));
  for (const kind of ['actor', 'recipient', 'trigger', 'place', 'date'])
    assert.ok(kinds.includes(kind), `${kind} marked`);
  assert.match(
    (await page.locator('.evidence mark[data-kind="actor"]').first().textContent()) ?? '',
    /Taliban intelligence|General Directorate/,
  );
  assert.ok(await page.locator('.claim-steps .status').isVisible());
  assert.match((await page.locator('.claim-steps').textContent()) ?? '', /Kabul Monitor/);
  assert.match((await page.locator('tr[data-field="actor"] td.provenance').textContent()) ?? '', /lexicon:/);
  await page.click('.show-document');
  await page.waitForSelector('pre.document');
  assert.match((await page.locator('pre.document').textContent()) ?? '', /Islamic State/);
  assert.ok((await page.locator('pre.document mark').count()) >= 3, 'the event words marked in the whole report');
  await page.screenshot({ path: join(ARTIFACTS, 'dashboard-event.png'), fullPage: true });
  await page.click('.back');
  await page.waitForSelector(OVERVIEW_READY);
  assert.ok(await page.locator('#overview').isVisible());
  assert.doesNotMatch(new URL(page.url()).search, /event=/);
  assert.match(new URL(page.url()).search, /dyad=/);
});

test('dashboard: a report with script tags is shown as text and runs nothing', { skip }, async () => {
  const hostile = store.listEvents({ document: 'hostile-checkpoint' }).events[0];
  assert.ok(hostile, 'the hostile report gave an event');
  await page.goto(`${server.address}/?event=${hostile.id}`);
  await page.waitForSelector('body[data-ready~="event"] .event-page');
  assert.match(
    (await page.locator('.evidence .sentence').first().textContent()) ?? '',
    /<script>alert\('body'\)<\/script>/,
  );
  const report = (await page.locator('.report').textContent()) ?? '';
  assert.match(report, /<script>alert\('title'\)<\/script>/);
  assert.match(report, /<img src=x onerror=alert\(2\)>/);
  await page.click('.show-document');
  await page.waitForSelector('pre.document');
  assert.match((await page.locator('pre.document').textContent()) ?? '', /<script>alert\('body'\)<\/script>/);
  const injected = await page.evaluate<{ scripts: (string | null)[]; images: number }>(
    `({ scripts: [...document.scripts].map((script) => script.getAttribute('src')), images: document.images.length })`,
  );
  assert.deepEqual(injected, { scripts: ['/app.js'], images: 0 });
  await page.goto(`${server.address}/?text=Baqubah`);
  await page.waitForSelector(OVERVIEW_READY);
  assert.deepEqual(dialogs, [], 'no script of the report ran');
  await page.screenshot({ path: join(ARTIFACTS, 'dashboard-hostile.png'), fullPage: true });
});

test('dashboard: no request left the server, and the page logged no error', { skip }, () => {
  assert.ok(requests.length > 10);
  assert.deepEqual(
    requests.filter((url) => !url.startsWith(`${server.address}/`)),
    [],
  );
  assert.deepEqual(problems, []);
});
