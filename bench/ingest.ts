// Benchmark: `sitrep ingest` at scale against bare extraction. `npm run bench:ingest [-- REPORTS]` (default 10000).
// Builds a corpus of REPORTS reports from examples/NN-*.md (each copy with its own id and url, published a week
// later than the copy before, and a line of its own so that content hashes differ), then measures and prints:
// - bare extraction in this process, on one core, in batches of 64 (`extractBatch`, as bench/extract.ts), in
//   documents/s: the best bare extraction, the yardstick ingest is held to;
// - the whole ingest as a user runs it (`node bin/sitrep.js ingest DIR --db FILE`: start-up, reading, extraction
//   in worker threads, one transaction per document into a temp file database, the merged rebuild), with the
//   default worker count (one per core but one) and with --workers 1 (everything in one thread), in documents/s
//   and as a share of bare extraction (target ≥ 80 %);
// - the same command with --dry-run (start-up, reading, extraction in the same threads, nothing stored): what the
//   ingest would do if storing cost nothing, so the share of it the real run keeps is what storing costs;
// - the merged rebuild on the stored events, timed on its own, with the pairs blocking compares;
// - peak memory (RSS) of each phase. Not a test.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { toStore } from '../src/cli/commands/ingest.ts';
import { defaultWorkers } from '../src/cli/extract-pool.ts';
import type { DocumentInput, EventRecord } from '../src/core/record.ts';
import { extractBatch } from '../src/extract/pipeline.ts';
import { ingested } from '../src/ingest/document.ts';
import { splitFrontMatter } from '../src/ingest/text.ts';
import { blockedPairs } from '../src/merge/blocking.ts';
import { DEFAULT_COMPATIBILITY } from '../src/merge/compatible.ts';
import { linkedComponents } from '../src/merge/merge.ts';
import { loadResources } from '../src/resources/load.ts';
import { openStore } from '../src/store/open.ts';

const REPORTS = Number(process.argv[2] ?? 10_000);
const work = mkdtempSync(join(tmpdir(), 'sitrep-bench-ingest-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

// The corpus, written as files the way a user would have it on disk.
const examples = readdirSync('examples')
  .filter((f) => /^\d+-.*\.md$/.test(f))
  .sort()
  .map((f) => ({ name: f, text: readFileSync(`examples/${f}`, 'utf8') }));
const corpusDir = join(work, 'corpus');
mkdirSync(corpusDir);
const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
let bytes = 0;
for (let i = 0; i < REPORTS; i++) {
  const copy = Math.floor(i / examples.length);
  const { name, text } = examples[i % examples.length] as { name: string; text: string };
  // A week later per copy keeps every weekday the reports name ("on Monday") true to their publication date.
  const varied = text
    .replace(/^published: (\d{4}-\d{2}-\d{2})$/m, (_, day: string) => `published: ${addDays(day, 7 * copy)}`)
    .replace(/^url: (.+)$/m, (_, url: string) => `url: ${url}?copy=${copy}`)
    .replace(/\s*$/, `\n\nDesk note ${copy}: no further details were available.\n`);
  writeFileSync(join(corpusDir, `c${String(copy).padStart(5, '0')}-${name}`), varied);
  bytes += Buffer.byteLength(varied);
}
console.log(`corpus: ${REPORTS} reports, ${(bytes / 1024 / 1024).toFixed(1)} MB, from ${examples.length} examples`);

const rate = (n: number, seconds: number) => `${Math.round(n / seconds).toLocaleString('en')} documents/s`;
const mb = (b: number) => `${Math.round(b / 1024 / 1024)} MB`;

// 1. Bare extraction, in this process, on one core, in batches as bench/extract.ts times it.
const BATCH = 64;
let peak = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 50);
const docs: DocumentInput[] = readdirSync(corpusDir)
  .sort()
  .map((f) => {
    const doc = splitFrontMatter(f, readFileSync(join(corpusDir, f), 'utf8'), { id: f, published: null });
    if (doc instanceof Error) throw doc;
    return doc;
  });
const loadStart = performance.now();
const resources = loadResources();
const loadSeconds = (performance.now() - loadStart) / 1000;
// The first documents' events are kept, to time storing them alone below.
const kept: { doc: DocumentInput; events: EventRecord[] }[] = [];
let bareEvents = 0;
const bareStart = performance.now();
const bareCpu = process.cpuUsage();
for (let i = 0; i < docs.length; i += BATCH) {
  const batch = docs.slice(i, i + BATCH);
  extractBatch(batch, resources).forEach(({ events }, k) => {
    bareEvents += events.length;
    if (kept.length < 1000) kept.push({ doc: batch[k] as DocumentInput, events });
  });
}
const bareSeconds = (performance.now() - bareStart) / 1000;
const { user, system } = process.cpuUsage(bareCpu);
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
console.log(
  `bare extraction (in process, one core, batches of ${BATCH}): ${rate(REPORTS, bareSeconds)}, ${bareEvents} events, ${bareSeconds.toFixed(1)} s, peak RSS ${mb(peak)}`,
);
console.log(
  `  (${((user + system) / 1e6 / bareSeconds).toFixed(2)} cores busy on average: the share of the machine it got)`,
);
console.log(`  (resources built in ${loadSeconds.toFixed(1)} s before it; every ingest run below pays that too)`);

// Storing alone: the first documents with their events, one transaction each, into a fresh file database.
const storeOnly = openStore(join(work, 'store-only.db'));
const toPut = kept.map(({ doc, events }) => ({ document: toStore(ingested(doc, doc.id, 'markdown')), events }));
const storeStart = performance.now();
for (const { document, events } of toPut) storeOnly.putDocument(document, events);
const storeSeconds = (performance.now() - storeStart) / 1000;
storeOnly.close();
console.log(`storing alone (${kept.length} documents with their events): ${rate(kept.length, storeSeconds)}`);

// 2. The whole ingest, as a child process; its peak memory is the kernel's high-water mark of its resident set.
async function ingest(
  db: string,
  workers: number | null,
  dryRun = false,
): Promise<{ seconds: number; peak: number; cpu: number; tail: string }> {
  const args = [
    'bin/sitrep.js',
    'ingest',
    corpusDir,
    '--db',
    db,
    ...(workers === null ? [] : ['--workers', `${workers}`]),
    ...(dryRun ? ['--dry-run'] : []),
  ];
  const start = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let tail = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    tail = (tail + chunk).slice(-2000);
  });
  let high = 0;
  let cpu = 0;
  const poll = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      high = Math.max(high, Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024);
      // utime and stime, in clock ticks (100 a second): fields 14 and 15, after the command name in parentheses.
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      cpu = (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      // not started yet, or gone
    }
  }, 100);
  const code = await new Promise<number | null>((done) => child.on('exit', done));
  clearInterval(poll);
  const seconds = (performance.now() - start) / 1000;
  if (code !== 0) throw new Error(`ingest exited with ${code}:\n${tail}`);
  return { seconds, peak: high, cpu, tail };
}

const cores = availableParallelism();
const workers = defaultWorkers();
const dry = await ingest(join(work, 'dry.db'), null, true);
const threaded = await ingest(join(work, 'threaded.db'), null);
console.log(
  `ingest, ${workers} worker thread${workers === 1 ? '' : 's'} (default, on ${cores} cores): ${rate(REPORTS, threaded.seconds)}, ${threaded.seconds.toFixed(1)} s, ` +
    `${((bareSeconds / threaded.seconds) * 100).toFixed(0)}% of bare extraction (target ≥ 80%), peak RSS ${mb(threaded.peak)}`,
);
console.log(
  `  the same with --dry-run (stores nothing): ${rate(REPORTS, dry.seconds)}, ${dry.seconds.toFixed(1)} s, ` +
    `${((bareSeconds / dry.seconds) * 100).toFixed(0)}% of bare extraction; storing keeps ` +
    `${((dry.seconds / threaded.seconds) * 100).toFixed(0)}% of it`,
);
// On a shared machine the threads may not get the cores: the CPU time the run got says how much it had.
const busy = (run: { seconds: number; cpu: number }) =>
  `CPU time ${run.cpu.toFixed(0)} s, ${(run.cpu / run.seconds).toFixed(2)} cores busy on average of ${cores}`;
console.log(`  ${busy(threaded)}`);
console.log(`  ${/sitrep ingest: .*/.exec(threaded.tail)?.[0] ?? '(no summary)'}`);
const single = await ingest(join(work, 'single.db'), 1);
console.log(
  `ingest, --workers 1 (in process): ${rate(REPORTS, single.seconds)}, ${single.seconds.toFixed(1)} s, ` +
    `${((bareSeconds / single.seconds) * 100).toFixed(0)}% of bare extraction, peak RSS ${mb(single.peak)}`,
);
console.log(`  ${busy(single)}`);

// 3. The merged rebuild on the stored events, on its own; and how many pairs blocking compares.
const store = openStore(join(work, 'threaded.db'));
const rebuildStart = performance.now();
const merged = store.rebuildMerged();
const rebuildSeconds = (performance.now() - rebuildStart) / 1000;
const { documents, events } = store.stats();
store.close();
const sqlite = new Database(join(work, 'threaded.db'), { readonly: true });
const records = (sqlite.prepare('SELECT record FROM events ORDER BY id').all() as { record: string }[]).map(
  (row) => JSON.parse(row.record) as EventRecord,
);
sqlite.close();
let visited = 0;
const linkStart = performance.now();
const components = linkedComponents(records, DEFAULT_COMPATIBILITY, (all, options, visit) =>
  blockedPairs(all, options, (i, j) => {
    visited++;
    visit(i, j);
  }),
);
const linkSeconds = (performance.now() - linkStart) / 1000;
const byType = new Map<string, number>();
for (const record of records) byType.set(record.type, (byType.get(record.type) ?? 0) + 1);
const everyPair = [...byType.values()].reduce((sum, n) => sum + (n * (n - 1)) / 2, 0);
console.log(
  `merged rebuild: ${rebuildSeconds.toFixed(2)} s for ${documents} documents, ${events} events → ${merged.merged} merged events ` +
    `(${merged.events} member events)`,
);
console.log(
  `  linking alone: ${linkSeconds.toFixed(2)} s, ${components.filter((c) => c.length > 1).length} components, ` +
    `${visited.toLocaleString('en')} pairs visited by blocking of ${everyPair.toLocaleString('en')} same-type pairs`,
);
