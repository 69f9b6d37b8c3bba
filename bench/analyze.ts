// Benchmark: escalation analytics over a synthetic store (bench/synthetic-store.ts). Not a test: it measures and
// prints. For each query: the time to read the real-world events from the store alone, and the whole
// `trendsFrom` / `networkFrom` (read + count), median and max of N runs.
//
//   node --import tsx bench/analyze.ts [--events N] [--runs N] [--db FILE] [--merged]
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { networkFrom, trendsFrom } from '../src/analyze/query.ts';
import { openStore } from '../src/store/open.ts';
import type { RealEventFilter } from '../src/store/store.ts';
import { syntheticStore } from './synthetic-store.ts';

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '5' },
    db: { type: 'string' },
    merged: { type: 'boolean', default: false },
  },
});
const events = Number(args.events);
const runs = Number(args.runs);
const path = args.db ?? join(tmpdir(), `sitrep-bench-${events}.db`);
const made = syntheticStore(path, events, (line) => process.stdout.write(`${line}\n`));
const store = openStore(made.path);
if (args.merged) {
  const started = performance.now();
  const result = store.rebuildMerged();
  process.stdout.write(
    `rebuildMerged: ${result.merged} merged events of ${result.events} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
}

function time(label: string, run: () => unknown): void {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    run();
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  const median = ms[Math.floor(ms.length / 2)] as number;
  process.stdout.write(
    `${label.padEnd(58)} median ${median.toFixed(0).padStart(6)} ms   max ${(ms.at(-1) as number).toFixed(0).padStart(6)} ms\n`,
  );
}

const read = (filter: RealEventFilter) => () => {
  let n = 0;
  for (const _ of store.iterateRealEvents(filter)) n++;
  return n;
};
let count = 0;
for (const _ of store.iterateRealEvents()) count++;
process.stdout.write(`${made.path}: ${count} real-world events, ${runs} runs each\n`);

time('read every event (iterateRealEvents)', read({}));
time('trends: last 26 weeks, actor level', () => trendsFrom(store, { weeks: 26 }));
time('trends: last 26 weeks, country level', () => trendsFrom(store, { weeks: 26, level: 'country' }));
time('read one year (since/until)', read({ since: '2023-01-01', until: '2023-12-31' }));
time('trends: one year, actor level', () => trendsFrom(store, { since: '2023-01-01', until: '2023-12-31' }));
time('trends: one year, ASSAULT only', () =>
  trendsFrom(store, { since: '2023-01-01', until: '2023-12-31', type: 'ASSAULT' }),
);
time('network: one year, actor level', () => networkFrom(store, { since: '2023-01-01', until: '2023-12-31' }));
time('network: everything, country level', () => networkFrom(store, { level: 'country' }));
store.close();
