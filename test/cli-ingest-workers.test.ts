// `sitrep ingest` with extraction in worker threads, through a stand-in worker that fails on purpose: results are
// written in input order (two versions of one URL end with the later), a second copy of a text in flight is
// unchanged, and an extraction error or a crashed worker skips that document, with why, while the rest are stored.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { runIngest } from '../src/cli/commands/ingest.ts';

const FAULTY = new URL('./fixtures/faulty-extract-worker.ts', import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'sitrep-workers-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const reports = mkdtempSync(join(dir, 'reports-'));

const FILES: [string, string][] = [
  ['01-raid', '---\nurl: https://example.org/raid\n---\nGunmen raided a village near Kidal on Monday, residents said.'],
  ['02-unreadable', 'THROW: the stand-in extractor fails on this one.'],
  ['03-march', 'Thousands of farmers marched through Dhaka on Sunday to demand higher prices for rice.'],
  ['04-fatal', 'EXPLODE: the stand-in worker dies on this one.'],
  [
    '05-raid-updated',
    '---\nurl: https://example.org/raid\n---\nGunmen raided a village near Kidal on Monday, killing three people, residents said.',
  ],
  ['06-march-copy', 'Thousands of farmers marched through Dhaka on Sunday to demand higher prices for rice.'],
  ...Array.from({ length: 14 }, (_, i): [string, string] => [
    `${String(i + 7).padStart(2, '0')}-brief`,
    `Police in Lagos arrested ${i + 2} men on Friday over a string of robberies, a spokesman said.`,
  ]),
];
for (const [name, text] of FILES) writeFileSync(join(reports, `${name}.md`), `${text}\n`);

test('ingest with workers: input order kept, the later version of a URL kept, failures skipped with why', async () => {
  const db = join(dir, 'workers.db');
  let out = '';
  let err = '';
  const code = await runIngest(
    [reports],
    { db, workers: 2, published: '2024-05-06' },
    {
      stdout: { isTTY: false, write: (text: string) => (out += text) },
      stderr: { write: (text: string) => (err += text) },
      workerEntry: FAULTY,
    },
  );
  assert.equal(code, 1, err);
  const handled = [...out.matchAll(/ — (stored|unchanged|skipped) ([^\s:]+)/g)].map((m) => `${m[1]} ${m[2]}`);
  const names = FILES.map(([name]) => name);
  assert.deepEqual(
    handled,
    names.map((name) =>
      name === '02-unreadable' || name === '04-fatal'
        ? `skipped ${name}`
        : name === '06-march-copy'
          ? `unchanged ${name}`
          : `stored ${name}`,
    ),
    'one line per input, in input order',
  );
  assert.match(out, /stored 05-raid-updated \(0 events, replacing 01-raid\)/);
  assert.match(out, /skipped:\n {2}02-unreadable: extraction failed: no sentence could be read\n/);
  assert.match(out, / {2}04-fatal: the extraction worker crashed: it exited with code 3\n/);
  assert.match(
    out,
    /sitrep ingest: 17 documents stored \(1 replacing an earlier version\), 0 events, 1 unchanged, 2 skipped/,
  );

  const sqlite = new Database(db, { readonly: true });
  try {
    const ids = sqlite.prepare('SELECT id FROM documents ORDER BY id').all() as { id: string }[];
    const expected = names.filter((n) => !['01-raid', '02-unreadable', '04-fatal', '06-march-copy'].includes(n));
    assert.deepEqual(
      ids.map((row) => row.id),
      expected,
    );
  } finally {
    sqlite.close();
  }
});
