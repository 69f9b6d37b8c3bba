// `sitrep ingest`: reports in, stored documents and events out. Extraction runs in a pool of worker threads (one
// per core but one by default, `--workers`), in batches; this thread reads the inputs, skips by content hash what
// is already stored, and is the one writer: each document is stored with its events in one transaction, in input order. A run killed
// at any point loses at most the documents in flight; a rerun skips, by content hash and before extraction,
// everything already stored, and so neither duplicates nor misses anything.
import { resolve } from 'node:path';
import type { IngestedDocument } from '../../ingest/document.ts';
import { type IngestItem, readInputs } from '../../ingest/read.ts';
import { openStore } from '../../store/open.ts';
import type { DocumentToStore, Store } from '../../store/store.ts';
import { databasePath } from '../database.ts';
import { BATCH_SIZE, createExtractPool, type Extraction, type ExtractPool } from '../extract-pool.ts';
import { emptyTally, type Progress, type ProgressStream, progressReporter, type Tally } from '../progress.ts';

export interface IngestOptions {
  db?: string;
  published?: string;
  allowPrivate?: boolean;
  data?: string;
  /** Extraction worker threads (default: one per core but one, at least one); 0 or 1 extract in this thread. */
  workers?: number;
  /**
   * Read and extract every input, store nothing: the database is neither opened nor created, so every document
   * counts as new (but a copy of one earlier in the same run is unchanged) and none as replacing another.
   */
  dryRun?: boolean;
}

/** Where the command writes (the process's streams, or a test's or a benchmark's), and the worker module. */
export interface IngestContext {
  stdout: ProgressStream;
  stderr: { write(text: string): unknown };
  /** The extraction worker's module (default: the real one); a test passes one that fails on purpose. */
  workerEntry?: URL;
}

export { databasePath } from '../database.ts';

/**
 * Documents read ahead of the writer, per extraction thread: 32 batches. The writer stores the documents of a batch
 * one after the other, reading no input meanwhile, so a worker must have enough queued to go on through that: with
 * three batches a thread the worker waited a fifth of the time, and an ingest of 10,000 reports took 21.6 s; with
 * ten 19.2 s, with 32 18.8 s (docs/BENCHMARKS.md). `MAX_IN_FLIGHT_CHARS` bounds the memory this holds.
 */
const IN_FLIGHT_PER_THREAD = 32 * BATCH_SIZE;

/** At most this much text in flight (documents read and not yet stored), however many documents that is. */
const MAX_IN_FLIGHT_CHARS = 64 * 1024 * 1024;

/** Inputs read ahead of the loop that admits them (on top of the in-flight window). */
const READ_AHEAD = 8;

/** An input on its way to the writer, in input order. */
type Pending =
  | { kind: 'skipped'; input: string; reason: string }
  | { kind: 'unchanged'; id: string }
  | { kind: 'extracting'; item: IngestedDocument; result: Promise<Extraction>; settled: boolean }
  // The same text as a document still in flight: stored by then (unchanged), or extracted once it is known not to be.
  | { kind: 'repeat'; item: IngestedDocument };

export async function runIngest(
  inputs: string[],
  options: IngestOptions,
  output: IngestContext = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  if (inputs.length === 0) {
    output.stderr.write('sitrep ingest: give one or more files, folders or URLs\n');
    return 2;
  }
  const dbPath = databasePath(options.db);
  let store: Store | null = null;
  try {
    if (!options.dryRun) store = openStore(dbPath);
  } catch (cause) {
    output.stderr.write(`sitrep ingest: cannot open the database ${dbPath}: ${(cause as Error).message}\n`);
    return 1;
  }
  const started = performance.now();
  const tally = emptyTally();
  const progress = progressReporter(tally, { stream: output.stdout });
  // Workers start, and build their resources, on the first document that needs extracting.
  const pool = createExtractPool({
    // `--workers 1` is one thread doing everything: this one.
    ...(options.workers !== undefined ? { workers: options.workers <= 1 ? 0 : options.workers } : {}),
    ...(options.data ? { data: options.data } : {}),
    ...(output.workerEntry ? { entry: output.workerEntry } : {}),
  });
  try {
    await ingestAll(inputs, options, { sink: store ?? dryRunSink(), pool, tally, progress });
  } catch (cause) {
    output.stderr.write(`sitrep ingest: ${(cause as Error).message}\n`);
    store?.close();
    return 1;
  } finally {
    progress.done();
    await pool.close();
  }
  const seconds = () => (performance.now() - started) / 1000;
  if (store === null) {
    output.stdout.write(`${counts(tally, seconds(), true)}${skippedLines(tally)}`);
    return tally.skipped.length > 0 ? 1 : 0;
  }
  // The merged events are derived from everything stored, so they are recomputed whole (docs/MERGE.md).
  const merged = store.rebuildMerged();
  const stats = store.stats();
  store.close();
  output.stdout.write(summary(tally, dbPath, stats, merged, seconds()));
  return tally.skipped.length > 0 ? 1 : 0;
}

/** Where the documents go: the store, or nowhere in a dry run. */
type Sink = Pick<Store, 'hasContent' | 'putDocument'> & { dryRun?: true };

/** A dry run's sink: stores nothing, and remembers the texts it was given, so that a second copy is unchanged. */
function dryRunSink(): Sink {
  const seen = new Set<string>();
  return {
    hasContent: (contentHash) => seen.has(contentHash),
    putDocument: (document) => {
      seen.add(document.contentHash);
      return { replaced: [] };
    },
    dryRun: true,
  };
}

interface Run {
  sink: Sink;
  pool: ExtractPool;
  tally: Tally;
  progress: Progress;
}

/** Reads, hands documents to the pool, and stores the results in input order with a bounded number in flight. */
async function ingestAll(inputs: string[], options: IngestOptions, run: Run): Promise<void> {
  const { pool } = run;
  const queue: Pending[] = [];
  // Hashes of the documents sent and not yet written: a second copy in the same run waits for the first.
  const inFlight = new Set<string>();
  const limit = Math.max(pool.batchSize, pool.threads * IN_FLIGHT_PER_THREAD);
  // Writes what is ready at the head of the queue, and waits for the head while more than `keep` are queued or they
  // hold too much text. Between two documents it lets the event loop turn, so that the workers' answers and the
  // reading of inputs that come asynchronously (URLs, feeds, exports) go on while this thread writes.
  let chars = 0;
  const flush = async (keep: number) => {
    for (
      let head = queue[0];
      head && (queue.length > keep || chars > MAX_IN_FLIGHT_CHARS || ready(head));
      head = queue[0]
    ) {
      queue.shift();
      chars -= textLength(head);
      await write(head, run, inFlight);
      await new Promise((next) => setImmediate(next));
    }
  };
  const items = readInputs(inputs, {
    published: options.published ?? null,
    allowPrivate: options.allowPrivate ?? false,
  });
  for await (const item of readAhead(items, READ_AHEAD)) {
    const pending = admit(item, run, inFlight);
    queue.push(pending);
    chars += textLength(pending);
    await flush(limit - 1);
  }
  // The last batch goes however small.
  pool.flush();
  await flush(0);
}

/** What becomes of an input read: skipped, already stored, a copy of one in flight, or sent to extraction. */
function admit(item: IngestItem, { sink, pool }: Run, inFlight: Set<string>): Pending {
  if (item instanceof Error) {
    return { kind: 'skipped', input: item.input, reason: item.message.slice(item.input.length + 2) || item.code };
  }
  if (sink.hasContent(item.provenance.contentHash)) return { kind: 'unchanged', id: item.input.id };
  if (inFlight.has(item.provenance.contentHash)) return { kind: 'repeat', item };
  inFlight.add(item.provenance.contentHash);
  const pending: Pending = { kind: 'extracting', item, result: pool.extract(item.input), settled: false };
  // Also marks a rejected result as handled: it is rethrown when the writer reaches it.
  pending.result.then(
    () => (pending.settled = true),
    () => (pending.settled = true),
  );
  return pending;
}

/**
 * The next `size` items asked for before they are needed: the reader's file I/O (several round trips to libuv's
 * threads a file) goes on while the writer stores, instead of starting only when the writer asks for the next.
 */
async function* readAhead<T>(source: AsyncGenerator<T>, size: number): AsyncGenerator<T> {
  const ahead: Promise<IteratorResult<T>>[] = [];
  try {
    for (;;) {
      // An async generator queues the requests and answers them in order.
      while (ahead.length < size) {
        const next = source.next();
        // A failure is rethrown when its turn comes, not reported as unhandled before.
        next.catch(() => {});
        ahead.push(next);
      }
      const result = await (ahead.shift() as Promise<IteratorResult<T>>);
      if (result.done) return;
      yield result.value;
    }
  } finally {
    await source.return(undefined);
  }
}

const ready = (pending: Pending): boolean => pending.kind !== 'extracting' || pending.settled;

const textLength = (pending: Pending): number => ('item' in pending ? pending.item.input.text.length : 0);

async function write(pending: Pending, run: Run, inFlight: Set<string>): Promise<void> {
  const { sink, pool, tally, progress } = run;
  switch (pending.kind) {
    case 'skipped':
      tally.skipped.push({ input: pending.input, reason: pending.reason });
      progress.update(`skipped ${pending.input}: ${pending.reason}`);
      return;
    case 'unchanged':
      tally.unchanged++;
      progress.update(`unchanged ${pending.id}`);
      return;
    case 'repeat': {
      if (sink.hasContent(pending.item.provenance.contentHash)) {
        tally.unchanged++;
        progress.update(`unchanged ${pending.item.input.id}`);
        return;
      }
      // The first copy failed: this one is tried in its own right, as a run one document at a time would.
      const result = pool.extract(pending.item.input);
      pool.flush();
      return storeResult(pending.item, await result, run);
    }
    case 'extracting':
      // Its batch may still be gathering: the writer is about to wait for it, so it goes now.
      if (!pending.settled) pool.flush();
      storeResult(pending.item, await pending.result, run);
      // Stored, or failed and so free to be tried again by a later copy.
      inFlight.delete(pending.item.provenance.contentHash);
      return;
  }
}

function storeResult(item: IngestedDocument, extraction: Extraction, { sink, tally, progress }: Run): void {
  if ('failed' in extraction) {
    // An extractor bug or a worker crash on one document is reported with it; the run goes on with the rest.
    tally.skipped.push({ input: item.input.id, reason: extraction.failed });
    progress.update(`skipped ${item.input.id}: ${extraction.failed}`);
    return;
  }
  const { events } = extraction;
  const { replaced } = sink.putDocument(toStore(item), events);
  tally.stored++;
  tally.events += events.length;
  if (replaced.length > 0) tally.replaced++;
  const replacing = replaced.length > 0 ? `, replacing ${replaced.join(', ')}` : '';
  progress.update(`${sink.dryRun ? 'extracted' : 'stored'} ${item.input.id} (${events.length} events${replacing})`);
}

/** The document as the store keeps it: what was read, with where it came from. */
export function toStore({ input, provenance }: IngestedDocument): DocumentToStore {
  return {
    id: input.id,
    url: input.url ?? null,
    outlet: input.outlet ?? null,
    title: input.title ?? null,
    published: input.published ?? null,
    contentHash: provenance.contentHash,
    text: input.text,
    source: provenance.source,
    format: provenance.format,
  };
}

function summary(
  tally: Tally,
  dbPath: string,
  stats: ReturnType<Store['stats']>,
  merged: ReturnType<Store['rebuildMerged']>,
  seconds: number,
): string {
  const where = dbPath === ':memory:' ? dbPath : resolve(dbPath);
  return [
    counts(tally, seconds),
    skippedLines(tally),
    `database: ${where} — ${stats.documents} documents, ${stats.events} events, ${stats.mentions} mentions, ` +
      `${merged.merged} merged events (of ${merged.events} events reported by more than one document)\n`,
    `look: node bin/sitrep.js events --db ${dbPath}   (then: show EVENT_ID, export --format csv|jsonl|geojson|plover|acled)\n`,
  ].join('');
}

function counts(tally: Tally, seconds: number, dryRun = false): string {
  const done = dryRun
    ? `dry run, nothing stored: ${tally.stored} documents extracted`
    : `${tally.stored} documents stored (${tally.replaced} replacing an earlier version)`;
  return (
    `sitrep ingest: ${done}, ${tally.events} events, ${tally.unchanged} unchanged, ${tally.skipped.length} skipped, ` +
    `in ${seconds.toFixed(1)} s\n`
  );
}

function skippedLines(tally: Tally): string {
  if (tally.skipped.length === 0) return '';
  return `skipped:\n${tally.skipped.map(({ input, reason }) => `  ${input}: ${reason}\n`).join('')}`;
}
