// `sitrep ingest` end to end, on reports written for this test: a rerun adds nothing, a run killed with SIGKILL and
// run again ends exactly like an uninterrupted run, bad inputs are named with their reason and skipped.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-ingest-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const reports = join(dir, 'reports');
const bad = join(dir, 'bad');
mkdirSync(reports);
mkdirSync(bad);

// Invented reports, varied enough to give different events: 80 of them, so that a run lasts long enough to kill.
const towns = ['Baqubah', 'Kirkuk', 'Mosul', 'Ramadi', 'Tikrit', 'Samarra', 'Fallujah', 'Basra'];
const actors = ['Gunmen', 'Militants', 'Unidentified attackers', 'Insurgents'];
const targets = ['a police checkpoint', 'an army patrol', 'a market', 'a power station'];
const REPORTS = 80;
for (let i = 0; i < REPORTS; i++) {
  const town = towns[i % towns.length];
  const day = String((i % 27) + 1).padStart(2, '0');
  const text = [
    '---',
    `title: Attack near ${town} (${i})`,
    `url: https://example.org/test/${i}`,
    'outlet: Test Wire',
    `published: 2024-04-${day}`,
    '---',
    `${actors[i % actors.length]} attacked ${targets[i % targets.length]} near ${town} on Tuesday, killing ${(i % 5) + 2} people, police said.`,
    `Hours later, about ${100 + i} protesters marched in ${town} to demand better security, a local official said.`,
    '',
  ].join('\n');
  writeFileSync(join(reports, `report-${String(i).padStart(3, '0')}.md`), text);
}
writeFileSync(join(bad, 'empty.txt'), '');
writeFileSync(join(bad, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02]));
writeFileSync(join(bad, 'latin1.txt'), Buffer.from('Caf\xe9 bombing in Kabul killed three.', 'latin1'));
writeFileSync(
  join(bad, 'lines.jsonl'),
  `{"id": "broken", "text": \n${JSON.stringify({ id: 'jsonl-good', text: 'Rebels shelled an army base near Goma on Monday, killing four soldiers.', published: '2024-04-02' })}\n`,
);
const BAD_INPUTS = 4; // empty, binary, latin1, the broken line
const inputs = [reports, bad];

function ingest(db: string, ...args: string[]) {
  const run = spawnSync(process.execPath, ['bin/sitrep.js', 'ingest', ...inputs, '--db', db, ...args], {
    encoding: 'utf8',
    env: { ...process.env, SITREP_DB: '' },
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

/** Everything a run leaves that must not depend on how the run went: documents, events and their mentions. */
function dump(db: string) {
  const sqlite = new Database(db, { readonly: true });
  try {
    return {
      documents: sqlite.prepare('SELECT id, url, content_hash, published FROM documents ORDER BY id').all(),
      events: sqlite.prepare('SELECT id, document_id, record FROM events ORDER BY id').all(),
      mentions: sqlite
        .prepare(
          'SELECT e.id, m.sentence, m.start, m."end" FROM mentions m JOIN events e ON e.seq = m.event_seq ORDER BY 1, 2, 3',
        )
        .all(),
      ingestedAt: sqlite.prepare('SELECT id, ingested_at FROM documents ORDER BY id').all(),
    };
  } finally {
    sqlite.close();
  }
}

const reference = join(dir, 'reference.db');

test('cli ingest: stores every good document, names each bad input and why, and a rerun adds nothing', () => {
  const first = ingest(reference, '--workers', '2');
  assert.equal(first.code, 1, first.err);
  assert.match(first.out, /^ingest: 1 documents, \d+ events, 0 unchanged, 0 skipped — stored /m);
  assert.match(first.out, new RegExp(`${REPORTS + 1} documents stored .* ${BAD_INPUTS} skipped`));
  assert.match(first.out, /skipped:\n/);
  assert.match(first.out, /empty\.txt: the file is empty/);
  assert.match(first.out, /binary\.txt: binary content/);
  assert.match(first.out, /latin1\.txt: not valid UTF-8/);
  assert.match(first.out, /lines\.jsonl:1: not valid JSON/);
  const stored = dump(reference);
  assert.equal(stored.documents.length, REPORTS + 1);
  assert.ok(stored.events.length >= REPORTS, `${stored.events.length} events`);

  const second = ingest(reference);
  assert.equal(second.code, 1);
  assert.match(
    second.out,
    new RegExp(`0 documents stored .* 0 events, ${REPORTS + 1} unchanged, ${BAD_INPUTS} skipped`),
  );
  assert.deepEqual(dump(reference), stored);
});

test('cli ingest: --dry-run extracts what a run stores, names the bad inputs, and writes no database', () => {
  const db = join(dir, 'dry.db');
  const dry = ingest(db, '--dry-run');
  assert.equal(dry.code, 1, dry.err);
  assert.equal(existsSync(db), false, 'no database file');
  const events = dump(reference).events.length;
  assert.match(
    dry.out,
    new RegExp(
      `dry run, nothing stored: ${REPORTS + 1} documents extracted, ${events} events, 0 unchanged, ${BAD_INPUTS} skipped`,
    ),
  );
  assert.match(dry.out, /^ingest: 1 documents, \d+ events, 0 unchanged, 0 skipped — extracted /m);
  assert.match(dry.out, /binary\.txt: binary content/);
  assert.doesNotMatch(dry.out, /^database:/m);
});

test('cli ingest: a run killed with SIGKILL mid-ingest, then rerun, ends with exactly what one run stores', async (t) => {
  const db = join(dir, 'killed.db');
  const child = spawn(process.execPath, ['bin/sitrep.js', 'ingest', ...inputs, '--db', db], { stdio: 'ignore' });
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  let storedAtKill = -1;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && child.exitCode === null) {
    const count = documentCount(db);
    if (count >= 1) {
      child.kill('SIGKILL');
      storedAtKill = count;
      break;
    }
    await new Promise((wait) => setTimeout(wait, 5));
  }
  await exited;
  assert.ok(storedAtKill >= 1, 'the run was killed after its first document was stored');
  const partial = documentCount(db);
  assert.ok(partial < REPORTS + 1, `the run was killed before the end (${partial} documents stored)`);

  t.diagnostic(`killed with ${partial} of ${REPORTS + 1} documents stored`);
  const rerun = ingest(db);
  assert.equal(rerun.code, 1, rerun.err);
  assert.match(rerun.out, new RegExp(`${REPORTS + 1 - partial} documents stored .* ${partial} unchanged`));
  const { ingestedAt: _a, ...resumed } = dump(db);
  if (!existsSync(reference)) ingest(reference); // when this test runs alone
  const { ingestedAt: _b, ...uninterrupted } = dump(reference);
  assert.deepEqual(resumed, uninterrupted);
});

test('cli ingest: extraction in this thread (--workers 0) stores exactly what worker threads store', () => {
  const db = join(dir, 'one-thread.db');
  const run = ingest(db, '--workers', '0');
  assert.equal(run.code, 1, run.err);
  if (!existsSync(reference)) ingest(reference, '--workers', '2'); // when this test runs alone
  const { ingestedAt: _a, ...inProcess } = dump(db);
  const { ingestedAt: _b, ...threaded } = dump(reference);
  assert.deepEqual(inProcess, threaded);
});

test('cli ingest: a changed report at the same url replaces its earlier version and events', () => {
  const db = join(dir, 'changed.db');
  const one = join(dir, 'one');
  mkdirSync(one);
  const write = (body: string) =>
    writeFileSync(
      join(one, 'raid.md'),
      `---\ntitle: Raid\nurl: https://example.org/raid\npublished: 2024-05-02\n---\n${body}\n`,
    );
  write('Gunmen attacked a police checkpoint near Baqubah on Tuesday, killing two officers, police said.');
  const run = (path: string) =>
    spawnSync(process.execPath, ['bin/sitrep.js', 'ingest', path, '--db', db], { encoding: 'utf8' });
  assert.equal(run(one).status, 0);
  const before = dump(db);
  write('Hundreds of teachers protested outside the parliament in Baghdad on Wednesday over unpaid salaries.');
  const second = run(one);
  assert.equal(second.status, 0, second.stderr);
  assert.match(second.stdout, /1 documents stored \(1 replacing an earlier version\)/);
  const after = dump(db);
  assert.equal(after.documents.length, 1);
  const oldIds = new Set(before.events.map((e) => (e as { id: string }).id));
  assert.ok(after.events.length > 0);
  for (const event of after.events) assert.ok(!oldIds.has((event as { id: string }).id));
  assert.ok(after.events.every((e) => JSON.parse((e as { record: string }).record).type !== 'ASSAULT'));
});

function documentCount(db: string): number {
  if (!existsSync(db)) return 0;
  try {
    const sqlite = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (sqlite.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    } finally {
      sqlite.close();
    }
  } catch {
    return 0; // not created yet, or its schema not yet committed
  }
}
