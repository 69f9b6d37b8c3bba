// `sitrep review`, `show` with reviews, `events --include-rejected` and `sitrep reextract`, run in this process
// against a database ingested from a report written for this test; reextract once with a lexicon that lost a word
// (a copy of data/ edited here) and once with the bundled one, to see a review orphaned and taken back.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { main } from '../src/cli/main.ts';
import type { EventRecord } from '../src/core/record.ts';
import { DEFAULT_DATA_DIR } from '../src/resources/load.ts';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-review-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'review.db');

const REPORT = `---
title: Checkpoint attacked; teachers rally
url: https://example.org/test/review-diyala
outlet: Test Wire
published: 2024-05-02
---
BAQUBAH, May 2 (Test Wire) - Gunmen attacked a police checkpoint near Baqubah on Tuesday, killing two officers, police said. Separately, hundreds of teachers rallied in Basra on Wednesday to demand unpaid salaries.
`;

/** Runs `sitrep ARGS` in this process, with stdout and stderr captured (strings only: the test runner's pass). */
async function sitrep(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const streams = [
    [process.stdout, (text: string) => (out += text)],
    [process.stderr, (text: string) => (err += text)],
  ] as const;
  const saved = streams.map(([stream]) => stream.write);
  for (const [stream, sink] of streams) {
    const write = stream.write;
    stream.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      if (typeof chunk !== 'string') return write.call(stream, chunk, ...rest);
      sink(chunk);
      return true;
    }) as typeof stream.write;
  }
  try {
    const code = await main(['node', 'sitrep', ...args]);
    return { code, out, err };
  } finally {
    streams.forEach(([stream], i) => {
      stream.write = saved[i] as typeof stream.write;
    });
  }
}

async function events(...args: string[]): Promise<EventRecord[]> {
  const run = await sitrep('events', '--db', db, '--json', ...args);
  assert.equal(run.code, 0, run.err);
  return JSON.parse(run.out) as EventRecord[];
}

let assault = '';
let rally = '';

before(async () => {
  const file = join(dir, 'diyala.md');
  writeFileSync(file, REPORT);
  const run = await sitrep('ingest', file, '--db', db);
  assert.equal(run.code, 0, run.err);
  const stored = await events();
  assault = stored.find((e) => e.type === 'ASSAULT')?.id ?? '';
  rally = stored.find((e) => e.type === 'PROTEST')?.id ?? '';
  assert.ok(assault && rally, `an assault and a protest: ${stored.map((e) => e.type).join(', ')}`);
});

test('sitrep review: decisions with who and why, the history, show, and rejected events left out of events', async () => {
  const set = await sitrep(
    'review',
    assault,
    '--set',
    'killed=3',
    '--set',
    'place.admin1=Diyala',
    '--confirm',
    '--note',
    'a third officer died in hospital',
    '--by',
    'ana',
    '--db',
    db,
  );
  assert.equal(set.code, 0, set.err);
  assert.match(set.out, /3 decisions recorded by ana/);
  assert.match(set.out, /status {5}confirmed by ana, \S+ — a third officer died in hospital/);
  assert.match(set.out, /override {3}killed = 3 \(extracted: 2; ana/);

  const history = await sitrep('review', assault, '--history', '--db', db);
  assert.equal(history.code, 0, history.err);
  assert.deepEqual(
    history.out
      .trim()
      .split('\n')
      .map((line) => line.split('  ').slice(1, 3)),
    [
      ['ana', 'set killed=3'],
      ['ana', 'set place.admin1=Diyala'],
      ['ana', 'confirm'],
    ],
  );

  const shown = await sitrep('show', assault, '--db', db);
  assert.equal(shown.code, 0, shown.err);
  assert.match(shown.out, /review:\n {2}status {5}confirmed by ana/);
  assert.match(shown.out, /killed +3\n +rule: reviewer: ana, \S+ — a third officer died in hospital/);
  assert.match(shown.out, /review history:\n.*ana {2}set killed=3/);

  // The reviewer from SITREP_REVIEWER when --by is not given.
  process.env.SITREP_REVIEWER = 'ben';
  try {
    const reject = await sitrep('review', rally, '--reject', '--note', 'a wage dispute', '--db', db);
    assert.equal(reject.code, 0, reject.err);
    assert.match(reject.out, /status {5}rejected by ben/);
  } finally {
    delete process.env.SITREP_REVIEWER;
  }
  assert.deepEqual(
    (await events()).map((e) => e.id),
    [assault],
  );
  assert.deepEqual((await events('--include-rejected')).map((e) => e.id).sort(), [assault, rally].sort());
  assert.deepEqual(
    (await events('--review', 'rejected')).map((e) => e.id),
    [rally],
  );
  const exported = await sitrep('export', '--format', 'jsonl', '--db', db);
  assert.equal(exported.code, 0, exported.err);
  const lines = exported.out.trim().split('\n');
  assert.equal(lines.length, 1);
  const record = JSON.parse(lines[0] ?? '{}');
  assert.deepEqual([record.id, record.killed, record.review.status], [assault, { min: 3, max: 3 }, 'confirmed']);
});

test('sitrep review: bad requests are refused with the reason, and change nothing', async () => {
  const cases: [string[], number, RegExp][] = [
    [[assault, '--set', 'killed=three'], 2, /killed: "three" is not a count or range \(4, 3-5, 10\+ or none\)/],
    [[assault, '--set', 'killed'], 2, /"killed" is not FIELD=VALUE/],
    [[assault, '--set', 'weather=rain'], 2, /"weather" is not a field a reviewer can set/],
    [[assault, '--set', 'mode=demo', '--confirm'], 2, /mode: "demo" is not a mode of ASSAULT/],
    [[assault, '--confirm', '--reject'], 2, /--confirm and --reject exclude each other/],
    [[assault], 2, /give --confirm, --reject, --set FIELD=VALUE, --unset FIELD or --note TEXT/],
    [['no-such-event', '--confirm'], 1, /no event no-such-event/],
    [[], 2, /give an EVENT_ID/],
  ];
  const before = (await sitrep('review', assault, '--history', '--db', db)).out;
  for (const [args, code, message] of cases) {
    const run = await sitrep('review', ...args, '--by', 'ana', '--db', db);
    assert.equal(run.code, code, `${args.join(' ')}: ${run.err}`);
    assert.match(run.err, message, args.join(' '));
  }
  assert.equal((await sitrep('review', assault, '--history', '--db', db)).out, before);
  const fields = await sitrep('review', '--fields');
  assert.equal(fields.code, 0);
  for (const field of ['type', 'killed', 'place.point', 'date.start', 'actor', 'claim']) {
    assert.match(fields.out, new RegExp(`\\n {2}${field.replace('.', '\\.')} +\\S`), field);
  }
});

test('sitrep reextract: a lexicon without "rally" orphans the rally’s review; the bundled one takes it back', async () => {
  const data = join(dir, 'data');
  cpSync(DEFAULT_DATA_DIR, data, { recursive: true });
  const triggers = join(data, 'triggers', 'events.yaml');
  const text = readFileSync(triggers, 'utf8');
  assert.ok(text.includes('demonstration|rally|march'), 'the rally trigger is where this test expects it');
  writeFileSync(triggers, text.replace('demonstration|rally|march', 'demonstration|march'));

  const poorer = await sitrep('reextract', '--db', db, '--data', data);
  assert.equal(poorer.code, 0, poorer.err);
  assert.match(poorer.out, /1 documents with extractor \S+ in [\d.]+ s; 1 changed, 0 failed/);
  assert.match(poorer.out, /events: 2 before, 1 after — 0 added, 1 removed, 0 changed/);
  assert.match(poorer.out, /reviews: 1 reviewed events re-attached \(0 to a new id\), 1 orphaned/);
  assert.match(poorer.out, new RegExp(`removed {2}${rally}`));
  assert.match(poorer.out, new RegExp(`orphaned 1 of ${rally}: no event of the new extraction covers its evidence`));
  // The assault kept its review; the rally's reject is kept as an orphan, and show says where it went.
  assert.equal((await events()).find((e) => e.id === assault)?.killed?.min, 3);
  const orphans = await sitrep('review', '--orphans', '--db', db);
  assert.match(orphans.out, /ben {2}reject {2}— a wage dispute {2}\[orphaned \S+: event \S+ vanished\]/);
  const gone = await sitrep('show', rally, '--db', db);
  assert.equal(gone.code, 1);
  assert.match(gone.err, /no event .* \(1 review decisions refer to it/);

  const dry = await sitrep('reextract', '--db', db, '--dry-run', '--json');
  assert.equal(dry.code, 0, dry.err);
  const report = JSON.parse(dry.out);
  assert.deepEqual([report.dryRun, report.totals.added, report.totals.reattached], [true, 1, 2]);
  assert.equal((await events('--include-rejected')).length, 1, 'a dry run stores nothing');

  const back = await sitrep('reextract', '--db', db);
  assert.equal(back.code, 0, back.err);
  assert.match(back.out, /events: 1 before, 2 after — 1 added, 0 removed, 0 changed/);
  assert.match(back.out, /merged events rebuilt/);
  assert.deepEqual(
    (await events('--review', 'rejected')).map((e) => e.id),
    [rally],
  );
  assert.equal((await sitrep('review', '--orphans', '--db', db)).out, 'no orphaned reviews\n');
});
