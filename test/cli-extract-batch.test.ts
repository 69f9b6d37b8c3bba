// `sitrep extract --input FILE.jsonl --jsonl` extracts in batches: each document's line is exactly what extraction
// of that document alone gives, in input order, and a bad line is reported where it stands among them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { DocumentInput } from '../src/core/record.ts';
import { extractEvents } from '../src/extract/pipeline.ts';
import { loadResources } from '../src/resources/load.ts';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-extract-batch-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// Invented reports, varied enough to give different events; 45 of them, more than one batch.
const towns = ['Baqubah', 'Kidal', 'Goma', 'Maiduguri', 'Kherson', 'Bannu', 'Djibo'];
const openings = [
  (town: string, i: number) =>
    `Gunmen attacked a police checkpoint near ${town} on Tuesday, killing ${(i % 4) + 2} officers, police said.`,
  (town: string) => `Thousands of people marched through ${town} on Sunday to protest against rising bread prices.`,
  (town: string, i: number) =>
    `Soldiers arrested ${i + 3} suspected militants in a raid outside ${town} on Friday, the army said.`,
  (town: string) => `Rebels shelled an army base near ${town} on Monday; the government vowed to respond.`,
];
const documents: DocumentInput[] = Array.from({ length: 45 }, (_, i) => ({
  id: `r${i}`,
  text: (openings[i % openings.length] as (town: string, i: number) => string)(towns[i % towns.length] ?? '', i),
  published: `2024-06-${String((i % 20) + 1).padStart(2, '0')}`,
}));
// Bad lines among them: line 11 is not JSON, line 38 has no text.
const lines = documents.map((doc) => JSON.stringify(doc));
lines.splice(10, 0, '{"id": "broken", "text": ');
lines.splice(37, 0, JSON.stringify({ id: 'no-text' }));
const input = join(dir, 'reports.jsonl');
writeFileSync(input, `${lines.join('\n')}\n`);

test('cli extract --jsonl: in batches, every line as extraction alone gives it, bad lines reported in place', () => {
  // Standard output and standard error into one file, so that their order is kept.
  const outPath = join(dir, 'out.txt');
  const fd = openSync(outPath, 'w');
  const run = spawnSync(process.execPath, ['bin/sitrep.js', 'extract', '--input', input, '--jsonl'], {
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const out = readFileSync(outPath, 'utf8').trim().split('\n');
  assert.equal(run.status, 1, out.slice(-5).join('\n'));
  const resources = loadResources();
  const expected = documents.map((doc) => JSON.stringify({ id: doc.id, events: extractEvents(doc, resources).events }));
  expected.splice(10, 0, `sitrep: skipped ${input}:11: not valid JSON`);
  expected.splice(37, 0, `sitrep: skipped ${input}:38: text:`);
  assert.equal(out.length, expected.length + 1, 'a line per document and per bad line, then the summary');
  out.forEach((line, i) => {
    const want = expected[i];
    if (want === undefined) assert.match(line, /^sitrep: 45 documents, \d+ events, 2 skipped$/);
    else if (want.startsWith('sitrep: skipped')) assert.ok(line.startsWith(want), `line ${i + 1}: ${line}`);
    else assert.equal(line, want, `line ${i + 1}`);
  });
  assert.ok(
    expected.some((line) => line.includes('"type":"ASSAULT"')),
    'the reports give events',
  );
});
