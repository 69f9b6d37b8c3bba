// `sitrep events --merged` and `sitrep export --merged`: one row per real-world event, on a small store with one
// merged event (two wires report one raid) and two events no other report has.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { mergedStore } from './store/merged-fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-merged-'));
const db = join(dir, 'merged.db');
let mergedId = '';
before(() => {
  const store = mergedStore(db);
  mergedId = store.getMergedForEvent('a1')?.id ?? '';
  store.close();
});
after(() => rmSync(dir, { recursive: true, force: true }));

function sitrep(...args: string[]) {
  const run = spawnSync(process.execPath, ['bin/sitrep.js', ...args, '--db', db], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

test('sitrep events --merged: the merged event once with its counts, the others alone', () => {
  const table = sitrep('events', '--merged');
  assert.match(table, /art\/out\/src/);
  const rows = table.split('\n').filter((line) => /^\S+\s+2024-/.test(line));
  assert.equal(rows.length, 3, table);
  assert.ok(rows[0]?.startsWith(mergedId.slice(0, 10)), table);
  assert.match(rows[0] ?? '', /2\/2\/2$/);
  assert.match(rows[1] ?? '', /^c1\s.*1\/1\/1$/);
  assert.match(table, /3 real-world events, 1 merged across reports/);
  // Without --merged both reports of the raid are listed.
  assert.match(sitrep('events'), /\n4 events\n/);
  const json = JSON.parse(sitrep('events', '--merged', '--json', '--type', 'ASSAULT'));
  assert.deepEqual(
    json.map((e: { id: string }) => e.id),
    [mergedId, 'c1'],
  );
  assert.deepEqual(json[0].merged.members.map((m: { event: string }) => m.event).sort(), ['a1', 'b1']);
});

test('sitrep export --merged: JSON Lines with counts and the merged event; CSV rows of the merged fields', () => {
  const lines = sitrep('export', '--merged', '--format', 'jsonl')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  assert.deepEqual(
    lines.map((l) => [l.id, l.reports.articles, l.merged === null]),
    [
      [mergedId, 2, false],
      ['c1', 1, true],
      ['a2', 1, true],
    ],
  );
  const csv = sitrep('export', '--merged', '--format', 'csv').trim().split('\r\n');
  assert.equal(csv.length, 4);
  assert.ok(csv[1]?.startsWith(`${mergedId},`), csv[1]);
});
