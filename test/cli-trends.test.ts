// `sitrep trends` on a database of invented events: the table (sparklines, the breakout marker and its reason),
// --json equal to GET /trends, and bad options named.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type EventSpec, type PartySpec, record } from '../src/analyze/testing.ts';
import { createApp } from '../src/api/app.ts';
import { main } from '../src/cli/main.ts';
import { openStore } from '../src/store/open.ts';
import { documentOf } from './store/contract.ts';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-trends-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'trends.db');

const KH: PartySpec = ['kataib-hezbollah', "Kata'ib Hezbollah", 'IRQ'];
const US: PartySpec = ['us-armed-forces', 'United States Armed Forces', 'USA'];

before(() => {
  const store = openStore(db);
  const specs: EventSpec[] = [];
  // A rocket attack every other week from January, then six in the week of 26 February, and two U.S. airstrikes.
  for (let i = 0; i < 8; i += 2) {
    specs.push({
      id: `rocket-${i}`,
      date: new Date(Date.UTC(2024, 0, 3 + 7 * i)).toISOString().slice(0, 10),
      actor: [KH],
      recipient: [US],
    });
  }
  for (let j = 0; j < 6; j++)
    specs.push({ id: `surge-${j}`, date: '2024-02-28', actor: [KH], recipient: [US], injured: 1 });
  specs.push({ id: 'strike-1', mode: 'aerial', date: '2024-03-01', actor: [US], recipient: [KH], killed: 2 });
  specs.push({ id: 'strike-2', mode: 'drone', date: '2024-03-08', actor: [US], recipient: [KH], killed: 1 });
  specs.push({ id: 'talks', type: 'CONSULT', date: '2024-03-07', actor: [US], recipient: [KH] });
  for (const spec of specs) {
    const document = `report-${spec.id}`;
    store.putDocument(documentOf(document, `Report ${spec.id} on attacks on U.S. forces in Iraq.`), [
      record({ ...spec, document }),
    ]);
  }
  store.close();
});

async function sitrep(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const [write, writeErr] = [process.stdout.write, process.stderr.write];
  const capture = (into: (s: string) => void, original: typeof process.stdout.write, stream: NodeJS.WriteStream) =>
    ((chunk: string | Uint8Array, ...rest: never[]) => {
      if (typeof chunk !== 'string') return original.call(stream, chunk, ...rest);
      into(chunk);
      return true;
    }) as typeof process.stdout.write;
  process.stdout.write = capture((s) => (out += s), write, process.stdout);
  process.stderr.write = capture((s) => (err += s), writeErr, process.stderr);
  try {
    const code = await main(['node', 'sitrep', 'trends', '--db', db, ...args]);
    return { code, out, err };
  } finally {
    process.stdout.write = write;
    process.stderr.write = writeErr;
  }
}

test('sitrep trends: a row per dyad with a sparkline, totals and the breakout marker', async () => {
  const { code, out } = await sitrep('--since', '2024-01-01', '--until', '2024-03-10');
  assert.equal(code, 0);
  const lines = out.split('\n');
  assert.match(lines[0] ?? '', /^weeks 2024-01-01 to 2024-03-04 \(10;/);
  const militia = lines.find((l) => l.startsWith("Kata'ib Hezbollah → United States Armed Forces"));
  assert.ok(militia, out);
  // Ten weeks: an attack every other week, nothing in between, the surge as the full block.
  assert.ok(militia.includes('  ▂ ▂ ▂ ▂ █   '), militia);
  assert.match(militia, /\s10\s+10\s+0\s+90\s+9\s+0\s+6\s+▲ 2024-02-26$/);
  const strikes = lines.find((l) => l.startsWith("United States Armed Forces → Kata'ib Hezbollah"));
  assert.ok(strikes, out);
  assert.match(strikes, /\s3\s+2\s+1\s+19\s+9\.5\s+3\s+0$/);
  assert.match(out, /▲ 2024-02-26 Kata'ib Hezbollah → United States Armed Forces: 6 conflict events, above/);
  assert.match(out, /13 events \(a merged event once\) in 2 dyads/);
});

test('sitrep trends --json prints what GET /trends returns', async () => {
  const { code, out } = await sitrep('--json', '--level', 'country', '--dyad', 'IRQ:USA', '--weeks', '6');
  assert.equal(code, 0);
  const store = openStore(db);
  try {
    const { hierarchyFor } = await import('../src/cli/hierarchy.ts');
    const app = createApp({ store, hierarchy: hierarchyFor({}) });
    const response = await app.request('/trends?level=country&dyad=IRQ:USA&weeks=6');
    assert.deepEqual(JSON.parse(out), await response.json());
  } finally {
    store.close();
  }
});

test('sitrep trends: bad options and a missing database are named', async () => {
  const level = await sitrep('--level', 'faction');
  assert.equal(level.code, 2);
  assert.match(level.err, /--level must be one of actor, parent, backer, country, not "faction"/);
  const dyad = await sitrep('--dyad', 'militia');
  assert.equal(dyad.code, 2);
  assert.match(dyad.err, /--dyad: "militia" is not a dyad A:B/);
  const order = await sitrep('--since', '2024-03-01', '--until', '2024-02-01');
  assert.equal(order.code, 2);
  const missing = await main(['node', 'sitrep', 'trends', '--db', join(dir, 'none.db')]);
  assert.equal(missing, 1);
});
