// Extraction on every core: a pool of worker threads, each building the extraction resources once and extracting
// the documents sent to it, while the caller (the one writer) keeps the store. With no worker threads, extraction
// runs in the calling thread. Documents go in batches (`extractBatch`: each stage over the whole batch, about a
// quarter less CPU than one by one), and each document still gets its own answer: its events, or why it failed. An
// extraction error or a worker crash is an answer for that document only, and the pool goes on; only a pool that
// cannot start at all (the resources do not load) rejects.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { SitrepError } from '../core/errors.ts';
import type { DocumentInput, EventRecord } from '../core/record.ts';
import { extractBatch } from '../extract/pipeline.ts';
import { resourcesFor } from './resources.ts';
import { type Answer, answerBatch, type BatchJob, type Extractor, type WorkerMessage } from './worker-jobs.ts';

export type Extraction = { events: EventRecord[] } | { failed: string };

export interface ExtractPool {
  /** How many batches are extracted at once. */
  readonly threads: number;
  /** The most documents extracted together. */
  readonly batchSize: number;
  /**
   * Adds a document to the open batch. The batch goes to a worker when it is full, when no document has come for
   * `PAUSE_MS` (the caller's reader paused), or on `flush`; so a caller about to wait for an answer flushes first.
   */
  extract(input: DocumentInput): Promise<Extraction>;
  /** Sends the open batch now, however small: the caller is about to wait for it, the reader paused or ended. */
  flush(): void;
  close(): Promise<void>;
}

export interface PoolOptions {
  /** Worker threads: 0 extracts in the calling thread (default: `defaultWorkers()`). */
  workers?: number;
  /** The most documents in one batch (default `BATCH_SIZE`). */
  batchSize?: number;
  /** The --data folder of lexicons and places. */
  data?: string;
  /** The worker module (default: `extract-worker.ts`); tests pass one that fails on purpose. */
  entry?: URL;
}

/** Batches of 32 reports take most of the gain of batch extraction (64 saves a little more, for twice the wait). */
export const BATCH_SIZE = 32;

/**
 * A batch still gathering is sent when no document has come for this long: a slow reader (a URL, a pipe) does not
 * hold back what it has read (a fifth of a second is nothing next to a fetch). Sending whenever a worker is idle
 * would not do: when the writer is the slower side, workers are often idle, and would get batches of one; nor would
 * a shorter wait, which the writer's own pauses between reads (storing, or waiting for a batch) would set off.
 */
export const PAUSE_MS = 200;

/**
 * One worker thread per core but one, and at least one: the calling thread, the one writer, needs a core of its
 * own. On two cores, one worker ingests 10,000 reports about a third faster than two, which would share the
 * cores with the writer and build the resources twice.
 */
export const defaultWorkers = (): number => Math.max(1, availableParallelism() - 1);

/** The extraction resources with the user's gazetteer imports, and a function of a batch of documents using them. */
export function loadExtractor(data?: string): Extractor {
  const resources = resourcesFor(data ? { data } : {});
  return (inputs) => extractBatch(inputs, resources).map((extraction) => extraction.events);
}

export function createExtractPool(options: PoolOptions = {}): ExtractPool {
  const workers = options.workers ?? defaultWorkers();
  const batchSize = Math.max(1, options.batchSize ?? BATCH_SIZE);
  return workers < 1 ? inProcessPool(batchSize, options) : threadPool(workers, batchSize, options);
}

/** A document on its way: the caller's promise, settled by its answer. */
interface Pending {
  id: number;
  input: DocumentInput;
  settle: (extraction: Extraction) => void;
  reject: (error: Error) => void;
}

const settleWith = (jobs: readonly Pending[], answers: readonly Answer[]) => {
  answers.forEach((answer, i) => {
    const job = jobs[i];
    if (job?.id !== answer.id) throw new Error(`extraction answered document ${answer.id}, expected ${job?.id}`);
    job.settle('events' in answer ? { events: answer.events } : { failed: `extraction failed: ${answer.failed}` });
  });
};

/** The open batch: documents gathered until it is full, the caller flushes, or no document came for `PAUSE_MS`. */
function openBatch(size: number, send: (batch: Pending[]) => void) {
  let open: Pending[] = [];
  let nextId = 0;
  let paused: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(paused);
    paused = undefined;
    if (open.length === 0) return;
    const batch = open;
    open = [];
    send(batch);
  };
  // Started by the first document of a batch and restarted by each next one. It keeps the process alive: a caller
  // may await a document of the open batch without ever flushing.
  const wait = () => {
    if (paused) paused.refresh();
    else paused = setTimeout(flush, PAUSE_MS);
  };
  return {
    add(input: DocumentInput): Promise<Extraction> {
      const answer = new Promise<Extraction>((settle, reject) => open.push({ id: nextId++, input, settle, reject }));
      if (open.length >= size) flush();
      else wait();
      return answer;
    },
    flush,
    /** Time spent extracting in this thread is no pause of the reader: the wait starts again. */
    restartWait() {
      if (open.length > 0) wait();
    },
    close() {
      clearTimeout(paused);
      paused = undefined;
    },
  };
}

/**
 * Extraction in the calling thread, a batch at a time; the resources are built on the first batch, so a run with
 * nothing new never pays for them.
 */
function inProcessPool(batchSize: number, options: PoolOptions): ExtractPool {
  let extract: Extractor | undefined;
  const run = async (batch: Pending[]) => {
    // Extract on a later turn of the event loop, so that the caller's reading of the next inputs (file I/O in
    // libuv's threads) goes on meanwhile.
    await new Promise((next) => setImmediate(next));
    try {
      extract ??= loadExtractor(options.data);
    } catch (cause) {
      for (const job of batch) job.reject(cause as Error);
      return;
    }
    settleWith(batch, answerBatch(extract, batch));
    open.restartWait();
  };
  const open = openBatch(batchSize, (batch) => void run(batch));
  return {
    threads: 1,
    batchSize,
    extract: (input) => open.add(input),
    flush: () => open.flush(),
    async close() {
      open.close();
    },
  };
}

/** A batch sent to a worker and not yet answered. */
interface Sent {
  batch: number;
  jobs: Pending[];
}

interface Thread {
  worker: Worker;
  ready: boolean;
  /** Sent and not yet answered, oldest first: a worker answers in the order it was sent. */
  pending: Sent[];
  /** Documents in `pending`. */
  load: number;
  error?: Error;
}

/**
 * The worker's module. The compiled command line (bin/compiled.js) bundles the worker beside itself and names it in
 * `__SITREP_WORKER__`: a worker started from it loads plain JavaScript at once. Run from the sources, the worker is
 * the TypeScript module next to this one.
 */
declare const __SITREP_WORKER__: string | undefined;
const defaultEntry = (): URL =>
  typeof __SITREP_WORKER__ === 'string' ? new URL(__SITREP_WORKER__) : new URL('./extract-worker.ts', import.meta.url);

/**
 * A worker running TypeScript loads its entry through tsx, registered inside the worker first (Node 20 does not
 * hand the parent's module hooks to a worker, and `--import tsx` in execArgv does not cover the entry module): about
 * a second of every worker's start. JavaScript is loaded as it is.
 */
function startWorker(entry: URL, workerData: unknown): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

function threadPool(size: number, batchSize: number, options: PoolOptions): ExtractPool {
  const entry = options.entry ?? defaultEntry();
  const threads: Thread[] = [];
  let nextBatch = 0;
  let broken: Error | null = null;
  let closing = false;

  const spawn = (): Thread => {
    const worker = startWorker(entry, { data: options.data });
    const thread: Thread = { worker, ready: false, pending: [], load: 0 };
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'ready') {
        thread.ready = true;
        return;
      }
      const sent = thread.pending.shift();
      if (sent?.batch !== message.batch) {
        throw new Error(`extraction worker answered batch ${message.batch}, expected ${sent?.batch}`);
      }
      thread.load -= sent.jobs.length;
      settleWith(sent.jobs, message.answers);
    });
    worker.on('error', (error) => {
      thread.error = error;
    });
    worker.on('exit', (code) => {
      const at = threads.indexOf(thread);
      if (at >= 0) threads.splice(at, 1);
      if (closing) return;
      const reason = thread.error?.message ?? `it exited with code ${code}`;
      if (!thread.ready) {
        // It died building its resources: every worker would. The pool cannot extract anything.
        breakPool(new SitrepError('DATA_INVALID', `the extraction worker could not start: ${reason}`));
        for (const sent of thread.pending) for (const job of sent.jobs) job.reject(broken as Error);
        return;
      }
      // The batch it was on holds the document that crashed it. A batch of one is that document; a larger batch's
      // documents are tried again one at a time, so that only the culprit is skipped. The batches queued behind go
      // to a fresh worker as they were.
      const [current, ...queued] = thread.pending;
      threads.push(spawn());
      if (current?.jobs.length === 1) current.jobs[0]?.settle({ failed: `the extraction worker crashed: ${reason}` });
      else for (const job of current?.jobs ?? []) dispatch([job]);
      for (const sent of queued) dispatch(sent.jobs);
    });
    return thread;
  };

  const breakPool = (error: Error) => {
    broken = error;
    closing = true;
    for (const thread of [...threads]) {
      for (const sent of thread.pending) for (const job of sent.jobs) job.reject(error);
      thread.pending = [];
      void thread.worker.terminate();
    }
  };

  const dispatch = (jobs: Pending[]) => {
    if (broken) {
      for (const job of jobs) job.reject(broken);
      return;
    }
    if (threads.length === 0) for (let i = 0; i < size; i++) threads.push(spawn());
    // The least busy worker; ties to the first.
    const thread = threads.reduce((best, t) => (t.load < best.load ? t : best));
    const batch = nextBatch++;
    thread.pending.push({ batch, jobs });
    thread.load += jobs.length;
    thread.worker.postMessage({ batch, jobs: jobs.map(({ id, input }) => ({ id, input })) } satisfies BatchJob);
  };

  const open = openBatch(batchSize, dispatch);

  return {
    threads: size,
    batchSize,
    extract: (input) => open.add(input),
    flush: () => open.flush(),
    async close() {
      open.close();
      closing = true;
      await Promise.all(threads.map((t) => t.worker.terminate()));
    },
  };
}
