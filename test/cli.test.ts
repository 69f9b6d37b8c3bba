// The command line end to end: bad inputs are named with their reason and the run goes on.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { EventRecordSchema } from '../src/core/record.ts';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

function sitrep(...args: string[]) {
  const run = spawnSync(process.execPath, ['bin/sitrep.js', ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

const good = file(
  'good.md',
  '---\ntitle: Raid\noutlet: Test Wire\npublished: 2024-05-02\n---\nGunmen attacked a police checkpoint near Baqubah on Tuesday, killing two officers, police said.\n',
);

test('cli: extract names each bad file and why, and still extracts the good one', () => {
  const empty = file('empty.txt', '');
  const binary = file('binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
  const latin1 = file('latin1.txt', Buffer.from('Caf\xe9 bombing in Kabul killed three.', 'latin1'));
  const huge = file('huge.txt', 'Protesters marched in the capital. '.repeat(620_000));
  const { code, out, err } = sitrep('extract', empty, binary, latin1, huge, good, '--json');
  assert.equal(code, 1);
  assert.match(err, new RegExp(`${empty}: the file is empty`));
  assert.match(err, new RegExp(`${binary}: binary content`));
  assert.match(err, new RegExp(`${latin1}: not valid UTF-8`));
  assert.match(err, new RegExp(`${huge}: .*over the .*limit`));
  const parsed = JSON.parse(out) as { id: string; events: unknown[] };
  assert.equal(parsed.id, 'good');
  assert.ok(parsed.events.length >= 1);
  for (const e of parsed.events) EventRecordSchema.parse(e);
});

test('cli: batch mode writes one line per good document, reports bad lines and goes on', () => {
  const batch = file(
    'batch.jsonl',
    [
      JSON.stringify({
        id: 'a',
        text: 'Militants ambushed an army convoy in Borno state on Monday, killing five soldiers.',
        published: '2024-06-04',
      }),
      '{"id": "broken", "text": ',
      JSON.stringify({ id: 'no-text' }),
      JSON.stringify({
        id: 'b',
        text: 'The two governments agreed to reopen the border crossing on Friday.',
        published: '2024-06-08',
        outlet: 'Test Wire',
      }),
    ].join('\n'),
  );
  const { code, out, err } = sitrep('extract', '--input', batch, '--jsonl');
  assert.equal(code, 1);
  assert.match(err, /batch\.jsonl:2: not valid JSON/);
  assert.match(err, /batch\.jsonl:3: text: /);
  const lines = out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: string; events: unknown[] });
  assert.deepEqual(
    lines.map((l) => l.id),
    ['a', 'b'],
  );
  for (const line of lines) for (const e of line.events) EventRecordSchema.parse(e);
  assert.ok(lines[0]?.events.length);
});

test('cli: the table names type, actors, date, place and sentence', () => {
  const { code, out } = sitrep('extract', good);
  assert.equal(code, 0);
  assert.match(out, /ASSAULT/);
  assert.match(out, /Gunmen → /);
  assert.match(out, /2024-04-30/);
  assert.match(out, /Baqubah/);
});

test('cli: eval prints precision, recall and per-field scores', () => {
  const gold = file(
    'gold.jsonl',
    `${JSON.stringify({ id: 'g1', text: 'Gunmen attacked a police checkpoint near Baqubah on Tuesday, killing two officers.', published: '2024-05-02', events: [{ type: 'ASSAULT', killed: 2, date: { start: '2024-04-30', end: '2024-04-30' } }] })}\n`,
  );
  const { code, out } = sitrep('eval', gold);
  assert.equal(code, 0);
  assert.match(out, /precision 100\.0% \(1\/1\)\s+recall 100\.0% \(1\/1\)/);
  assert.match(out, /killed\s+100\.0%/);
});

test('cli: extract reads a folder of mixed inputs, HTML included, choosing the reader by content', () => {
  const folder = mkdtempSync(join(dir, 'mixed-'));
  writeFileSync(
    join(folder, 'page.html'),
    '<html><head><title>Clashes in Kidal</title><meta property="article:published_time" content="2024-03-06T09:00:00Z"></head>' +
      '<body><article><h1>Clashes in Kidal</h1><p>Malian troops clashed with rebels near Kidal on Tuesday, killing six fighters, the army said.</p>' +
      '<p>Join our Telegram channel for breaking news.</p></article></body></html>',
  );
  writeFileSync(
    join(folder, 'note.md'),
    '---\npublished: 2024-03-06\n---\nPolice arrested 12 protesters in Bamako on Monday.\n',
  );
  const { code, out } = sitrep('extract', folder, '--jsonl');
  assert.equal(code, 0);
  const lines = out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: string; events: { type: string; date: { start: string } | null }[] });
  const page = lines.find((l) => l.id.includes('page'));
  assert.equal(page?.events[0]?.type, 'ASSAULT');
  assert.equal(page?.events[0]?.date?.start, '2024-03-05');
  assert.ok(lines.find((l) => l.id.includes('note'))?.events.some((e) => e.type === 'COERCE'));
});

test('cli: a reader that stops early (| head) ends the command quietly, without an error about the pipe', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-pipe-'));
  for (let i = 0; i < 300; i++) {
    writeFileSync(join(dir, `r${i}.md`), `Police dispersed a march of ${i + 20} students in the capital on Sunday.\n`);
  }
  const child = spawn(process.execPath, ['bin/sitrep.js', 'ingest', '--dry-run', '--workers', '0', dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  // The first line read, the pipe is closed, as `head -1` does.
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((done) => child.on('exit', done));
  assert.equal(code, 0, stderr);
  assert.doesNotMatch(stderr, /EPIPE|Unhandled/);
});
