// Benchmark: event queries on a store of a million events (issue 4's target: p95 < 50 ms for a query in-process
// and over HTTP, < 300 ms for the whole `sitrep events` command). Not a test: it measures and prints.
//
//   npm run bench:query [-- --events N] [--runs N] [--cli-runs N] [--db FILE] [--only a,b,c] [--merged]
//
// The store is generated on the first run (bench/synthetic-store.ts; a few minutes for a million events) into the
// temporary folder and reused afterwards. For each typical filter it prints p50/p95/max of (a) `store.listEvents`
// in-process, (b) `GET /events` over HTTP from `src/api/serve.ts` on a free loopback port, and (c) the whole
// `node bin/sitrep.js events --db FILE …` command, process start to exit.
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createApp } from '../src/api/app.ts';
import { startServer } from '../src/api/serve.ts';
import { openStore } from '../src/store/open.ts';
import type { EventFilter } from '../src/store/store.ts';
import { syntheticStore } from './synthetic-store.ts';

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '40' },
    'cli-runs': { type: 'string', default: '8' },
    db: { type: 'string' },
    only: { type: 'string' },
    merged: { type: 'boolean', default: false },
  },
});
const eventCount = Number(args.events);
const runs = Number(args.runs);
const cliRuns = Number(args['cli-runs']);
const dbPath = args.db ?? join(tmpdir(), `sitrep-bench-${eventCount}.db`);
const log = (line: string) => process.stdout.write(`${line}\n`);

log(`store: ${dbPath} (${eventCount} events)`);
const generation = performance.now();
const synthetic = syntheticStore(dbPath, eventCount, log);
const v = synthetic.vocabulary;
if (!synthetic.generatedNow) log('  reused');

const openStarted = performance.now();
const store = openStore(dbPath);
log(`open (with any migration): ${(performance.now() - openStarted).toFixed(0)} ms`);
if (synthetic.generatedNow) log(`generation: ${((performance.now() - generation) / 1000).toFixed(0)} s`);

// Filters an analyst types: the most reported actor and one far down the tail, the busiest and a quiet country …
const common = v.actors[0] as (typeof v.actors)[number];
const second = v.actors[1] as (typeof v.actors)[number];
const rare = v.actors[420] as (typeof v.actors)[number];
const place = v.places[0] as (typeof v.places)[number];
const quietPlace = v.places[2500] as (typeof v.places)[number];
interface Case {
  name: string;
  filter: EventFilter;
  /** Ask for the page after the first. */
  secondPage?: boolean;
}
const cases: Case[] = [
  { name: 'none', filter: {} },
  { name: 'type ASSAULT', filter: { type: 'ASSAULT' } },
  { name: 'type SANCTION (rare)', filter: { type: 'SANCTION' } },
  { name: 'since/until one month', filter: { since: '2022-03-01', until: '2022-03-31' } },
  { name: 'since (recent)', filter: { since: '2024-12-01' } },
  { name: 'until (old)', filter: { until: '2020-02-01' } },
  { name: `actor common "${common.short}"`, filter: { actor: common.short } },
  { name: `actor full name "${common.name}"`, filter: { actor: common.name } },
  { name: `actor rare "${rare.short}"`, filter: { actor: rare.short } },
  { name: 'actor absent', filter: { actor: 'Nosuchgroupname' } },
  { name: 'actor generic "gunmen"', filter: { actor: 'gunmen' } },
  { name: 'country IRQ', filter: { country: 'IRQ' } },
  { name: 'country FJI (quiet)', filter: { country: 'FJI' } },
  {
    name: `dyad ${common.short}:${second.country}`,
    filter: { dyad: { actor: common.short, recipient: second.country } },
  },
  { name: `dyad ${rare.short}:${common.short}`, filter: { dyad: { actor: rare.short, recipient: common.short } } },
  { name: 'mode drone', filter: { mode: 'drone' } },
  { name: `near ${place.name} 25 km`, filter: { near: { lat: place.lat, lon: place.lon, km: 25 } } },
  { name: `near ${quietPlace.name} 5 km`, filter: { near: { lat: quietPlace.lat, lon: quietPlace.lon, km: 5 } } },
  { name: `text common "${v.words[0]}"`, filter: { text: v.words[0] as string } },
  { name: `text rare "${v.words[3000]}"`, filter: { text: v.words[3000] as string } },
  { name: 'text two words', filter: { text: `${v.words[5]} ${v.words[40]}` } },
  {
    name: 'ASSAULT + IRQ + since 2023',
    filter: { type: 'ASSAULT', country: 'IRQ', since: '2023-01-01' },
  },
  {
    name: 'actor common + one month',
    filter: { actor: common.short, since: '2022-03-01', until: '2022-03-31' },
  },
  { name: 'actor rare + ASSAULT', filter: { actor: rare.short, type: 'ASSAULT' } },
  { name: 'text common + PROTEST', filter: { text: v.words[0] as string, type: 'PROTEST' } },
  { name: 'near + mode + year', filter: { near: { lat: place.lat, lon: place.lon, km: 50 }, since: '2023-01-01' } },
  { name: 'none, second page', filter: {}, secondPage: true },
  { name: 'actor common, second page', filter: { actor: common.short }, secondPage: true },
  { name: 'country IRQ, second page', filter: { country: 'IRQ' }, secondPage: true },
];
const only = args.only?.split(',').map((s) => s.trim().toLowerCase());
const selected = only ? cases.filter((c) => only.some((o) => c.name.toLowerCase().includes(o))) : cases;

const PAGE = 100;
function withCursor(c: Case): EventFilter {
  if (!c.secondPage) return c.filter;
  const first = store.listEvents({ ...c.filter, limit: PAGE });
  return first.next ? { ...c.filter, cursor: first.next } : c.filter;
}

function query(filter: EventFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (key === 'near' && filter.near) {
      params.set('near', `${filter.near.lat},${filter.near.lon}`);
      params.set('within', String(filter.near.km));
    } else if (key === 'dyad' && filter.dyad) params.set('dyad', `${filter.dyad.actor}:${filter.dyad.recipient}`);
    else params.set(key, String(value));
  }
  return params.toString();
}

function cliArgs(filter: EventFilter): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key === 'near' && filter.near)
      out.push('--near', `${filter.near.lat},${filter.near.lon}`, '--within', `${filter.near.km}`);
    else if (key === 'dyad' && filter.dyad) out.push('--dyad', `${filter.dyad.actor}:${filter.dyad.recipient}`);
    else if (key !== 'cursor' && key !== 'limit') out.push(`--${key}`, String(value));
  }
  return out;
}

interface Figures {
  p50: number;
  p95: number;
  max: number;
}
function figures(samples: number[]): Figures {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1) as number };
}
const show = (f: Figures, target: number) =>
  `${f.p50.toFixed(1).padStart(7)} ${f.p95.toFixed(1).padStart(7)} ${f.max.toFixed(1).padStart(7)}${f.p95 < target ? '  ' : ' !'}`;

const server = await startServer(createApp({ store }), { port: 0, hostname: '127.0.0.1' });
log(
  `\n${'filter'.padEnd(40)} ${'hits'.padStart(5)} | in-process p50/p95/max ms | HTTP p50/p95/max ms | CLI p50/p95/max ms`,
);
const fails: string[] = [];
try {
  for (const c of selected) {
    const filter = { ...withCursor(c), limit: PAGE };
    const hits = store.listEvents(filter).events.length;
    const inProcess: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      store.listEvents(filter);
      inProcess.push(performance.now() - t);
    }
    const http: number[] = [];
    const url = `${server.address}/events?${query(filter)}`;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      // A keep-alive connection the server closed while the in-process runs went on is retried once.
      const response = await fetch(url).catch(() => fetch(url));
      const body = (await response.json()) as { events?: unknown[] };
      http.push(performance.now() - t);
      if (!response.ok || !Array.isArray(body.events)) throw new Error(`GET ${url}: ${response.status}`);
    }
    const cli: number[] = [];
    // The command has no cursor option: the second-page cases are for the store and the API only.
    if (!c.secondPage) {
      for (let i = 0; i < cliRuns; i++) {
        const t = performance.now();
        const result = spawnSync(process.execPath, ['bin/sitrep.js', 'events', '--db', dbPath, ...cliArgs(c.filter)], {
          encoding: 'utf8',
        });
        cli.push(performance.now() - t);
        if (result.status !== 0) throw new Error(`sitrep events ${cliArgs(c.filter).join(' ')}: ${result.stderr}`);
      }
    }
    const [a, b] = [figures(inProcess), figures(http)];
    const cFig = cli.length > 0 ? figures(cli) : null;
    if (a.p95 >= 50) fails.push(`${c.name} (in-process)`);
    if (b.p95 >= 50) fails.push(`${c.name} (HTTP)`);
    if (cFig && cFig.p95 >= 300) fails.push(`${c.name} (CLI)`);
    log(
      `${c.name.slice(0, 40).padEnd(40)} ${String(hits).padStart(5)} | ${show(a, 50)} | ${show(b, 50)} | ${
        cFig ? show(cFig, 300) : '      –'
      }`,
    );
  }
} finally {
  await server.close();
}

// --merged: the real-world listing (Store.listMerged) over the same filters, in-process. The synthetic store has no
// merged events unless something rebuilt them, so this measures the listing's own cost over listEvents.
if (args.merged) {
  log(`\n${'listMerged filter'.padEnd(40)} ${'items'.padStart(5)} | in-process p50/p95/max ms`);
  for (const c of selected.filter((c) => !c.secondPage)) {
    const filter = { ...c.filter, limit: PAGE };
    const items = store.listMerged(filter).items.length;
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      store.listMerged(filter);
      samples.push(performance.now() - t);
    }
    log(`${c.name.slice(0, 40).padEnd(40)} ${String(items).padStart(5)} | ${show(figures(samples), 50)}`);
  }
}

// What a process costs before it queries: node alone, and `sitrep --version` (tsx and the command line).
const startup = (argv: string[]) => {
  const samples: number[] = [];
  for (let i = 0; i < cliRuns; i++) {
    const t = performance.now();
    spawnSync(process.execPath, argv, { encoding: 'utf8' });
    samples.push(performance.now() - t);
  }
  return figures(samples);
};
log(`\nprocess start, p50/p95/max ms: node -e '' ${show(startup(['-e', '']), 300)}`);
log(`                                sitrep --version ${show(startup(['bin/sitrep.js', '--version']), 300)}`);
log(
  fails.length === 0
    ? `\nall under target (p95 < 50 ms in-process and HTTP, < 300 ms CLI; ${runs} runs, ${cliRuns} CLI runs)`
    : `\nover target (!): ${fails.join('; ')}`,
);
store.close();
