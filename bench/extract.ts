// Benchmark: extraction throughput against wink-nlp's bare tokenisation (with part-of-speech) of the same text.
// `npm run bench:extract [-- MEGABYTES] [--rounds N] [--warmup N]` (default 5 MB, 5 rounds, 10 warm-up passes).
// Prints documents/s, tokens/s and peak memory; not a test.
// Extraction is timed twice: in batches (`extractBatch`, as bulk extraction runs, like the yardstick over the
// whole corpus) and document by document (`extractEvents`, as a single report through the API is read).
// Both sides first read the examples WARMUP times, so that neither is timed while V8 still compiles it (the
// extractor is far more code than wink's tokeniser and takes longer to reach its steady speed); then each round
// times every side once over the whole corpus, one after the other, so that a slower moment of a shared machine
// falls on both sides of a round. The share is the median of the rounds' own shares (each round compares the two
// sides timed next to each other); the throughputs are each side's median over the rounds.
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import type { DocumentInput } from '../src/core/record.ts';
import { extractBatch, extractEvents } from '../src/extract/pipeline.ts';
import { splitFrontMatter } from '../src/ingest/text.ts';
import { loadResources } from '../src/resources/load.ts';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '5' }, warmup: { type: 'string', default: '10' } },
});
const megabytes = Number(positionals[0] ?? 5);
const rounds = Number(args.rounds);
const warmup = Number(args.warmup);
const examples = readdirSync('examples')
  .filter((f) => f.endsWith('.md') && f !== 'README.md')
  .map((f) => {
    const doc = splitFrontMatter(f, readFileSync(`examples/${f}`, 'utf8'), { id: f, published: null });
    if (doc instanceof Error) throw doc;
    return doc;
  });

// The corpus: the examples again and again, each copy with its own id, until it reaches the size asked for.
const corpus: DocumentInput[] = [];
let bytes = 0;
for (let copy = 0; bytes < megabytes * 1024 * 1024; copy++) {
  for (const doc of examples) {
    corpus.push({ ...doc, id: `${doc.id}#${copy}` });
    bytes += Buffer.byteLength(doc.text);
  }
}

let peak = process.memoryUsage().rss;
const sample = () => {
  peak = Math.max(peak, process.memoryUsage().rss);
};
const sampler = setInterval(sample, 50);

const loadStart = performance.now();
const resources = loadResources();
const loadMs = performance.now() - loadStart;

// The yardstick: bare tokenisation with part-of-speech by wink-nlp with its default annotations (the target was
// set against it). The sentence stage itself runs wink with fewer annotations (sentences and part of speech only),
// so its own tokenisation is timed too, for reference.
const yardstick = winkNLP(model);
const its = yardstick.its;
for (let pass = 0; pass < warmup; pass++) {
  for (const doc of examples) {
    yardstick.readDoc(doc.text).tokens().out(its.pos);
    resources.nlp.readDoc(doc.text).tokens().out(resources.nlp.its.pos);
    extractEvents(doc, resources);
  }
  extractBatch(examples, resources);
}

/** Seconds `run` takes over the corpus. */
const timed = (run: () => void): number => {
  const start = performance.now();
  run();
  sample();
  return (performance.now() - start) / 1000;
};
const BATCH = 64;
let tokens = 0;
let events = 0;
let singleEvents = 0;
const times = { bare: [] as number[], lean: [] as number[], batch: [] as number[], single: [] as number[] };
for (let round = 0; round < rounds; round++) {
  tokens = 0;
  events = 0;
  singleEvents = 0;
  times.bare.push(
    timed(() => {
      for (const doc of corpus) tokens += yardstick.readDoc(doc.text).tokens().out(its.pos).length;
    }),
  );
  times.lean.push(
    timed(() => {
      for (const doc of corpus) resources.nlp.readDoc(doc.text).tokens().out(resources.nlp.its.pos);
    }),
  );
  // Bulk extraction: batches of reports, each stage over the whole batch before the next (see `extractBatch`).
  times.batch.push(
    timed(() => {
      for (let i = 0; i < corpus.length; i += BATCH) {
        for (const extraction of extractBatch(corpus.slice(i, i + BATCH), resources)) {
          events += extraction.events.length;
        }
        sample();
      }
    }),
  );
  times.single.push(
    timed(() => {
      for (const [i, doc] of corpus.entries()) {
        singleEvents += extractEvents(doc, resources).events.length;
        if (i % 50 === 0) sample();
      }
    }),
  );
  const share = (side: number[]) => `${(((times.bare[round] ?? 0) / (side[round] ?? 1)) * 100).toFixed(1)}%`;
  console.log(`round ${round + 1}: batches ${share(times.batch)}, document by document ${share(times.single)}`);
}
clearInterval(sampler);
sample();
if (singleEvents !== events) throw new Error(`batches gave ${events} events, single documents ${singleEvents}`);
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? Number.NaN;
const bareSeconds = median(times.bare);
const leanSeconds = median(times.lean);
const seconds = median(times.batch);
const singleSeconds = median(times.single);
const shareOf = (side: number[]) => median(times.bare.map((bare, round) => bare / (side[round] ?? Number.NaN)));

const mb = bytes / 1024 / 1024;
const rate = (n: number, s: number) => Math.round(n / s).toLocaleString('en');
console.log(
  `corpus: ${corpus.length} reports, ${mb.toFixed(1)} MB, ${tokens.toLocaleString('en')} tokens (resources built in ${Math.round(loadMs)} ms); ` +
    `medians of ${rounds} rounds after ${warmup} warm-up passes over the examples`,
);
console.log(
  `wink-nlp tokenisation + POS: ${rate(corpus.length, bareSeconds)} reports/s, ${rate(tokens, bareSeconds)} tokens/s`,
);
console.log(`  (with only the annotations the sentence stage runs: ${rate(corpus.length, leanSeconds)} reports/s)`);
console.log(
  `sitrep extraction:           ${rate(corpus.length, seconds)} reports/s, ${rate(tokens, seconds)} tokens/s, ${events} events (batches of ${BATCH})`,
);
console.log(
  `extraction keeps ${(shareOf(times.batch) * 100).toFixed(1)}% of bare tokenisation throughput (target ≥ 25%; ` +
    `median of the rounds; ${((bareSeconds / seconds) * 100).toFixed(1)}% from the median times)`,
);
console.log(`  (${((leanSeconds / seconds) * 100).toFixed(1)}% of the sentence stage's own tokenisation)`);
console.log(
  `  document by document: ${rate(corpus.length, singleSeconds)} reports/s, ${(shareOf(times.single) * 100).toFixed(1)}% of bare tokenisation throughput`,
);
console.log(`peak memory (RSS): ${Math.round(peak / 1024 / 1024)} MB (target < 1024 MB)`);
