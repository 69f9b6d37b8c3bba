// Extraction on every core: a pool of worker threads, each building the extraction resources once and extracting
// the documents sent to it, while the caller (the one writer) keeps the store. With one worker or none, extraction
// runs in the calling thread. Either way an extraction error or a worker crash is an answer for that document, and
// the pool goes on; only a pool that cannot start at all (the resources do not load) rejects.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { SitrepError } from '../core/errors.ts';
import type { DocumentInput, EventRecord } from '../core/record.ts';
import { extractEvents } from '../extract/pipeline.ts';
import { resourcesFor } from './resources.ts';
import type { Extractor, Job, WorkerMessage } from './worker-jobs.ts';

export type Extraction = { events: EventRecord[] } | { failed: string };

export interface ExtractPool {
  /** How many documents are extracted at once. */
  readonly threads: number;
  extract(input: DocumentInput): Promise<Extraction>;
  close(): Promise<void>;
}

export interface PoolOptions {
  /** Worker threads: 0 or 1 extract in the calling thread (default: one per core). */
  workers?: number;
  /** The --data folder of lexicons and places. */
  data?: string;
  /** The worker module (default: `extract-worker.ts`); tests pass one that fails on purpose. */
  entry?: URL;
}

export const defaultWorkers = (): number => availableParallelism();

/** The extraction resources with the user's gazetteer imports, and a function of a document using them. */
export function loadExtractor(data?: string): Extractor {
  const resources = resourcesFor(data ? { data } : {});
  return (input) => extractEvents(input, resources).events;
}

export function createExtractPool(options: PoolOptions = {}): ExtractPool {
  const workers = options.workers ?? defaultWorkers();
  return workers <= 1 ? inProcessPool(options) : threadPool(workers, options);
}

const failure = (cause: unknown): Extraction => ({
  failed: `extraction failed: ${cause instanceof Error ? cause.message : String(cause)}`,
});

/**
 * Extraction in the calling thread; the resources are built on the first document, so a run with nothing new never
 * pays for them.
 */
function inProcessPool(options: PoolOptions): ExtractPool {
  let extract: Extractor | undefined;
  return {
    threads: 1,
    async extract(input) {
      // Extract on the next turn of the event loop, so that the caller's reading of the next input (file I/O in
      // libuv's threads) goes on meanwhile.
      await new Promise((next) => setImmediate(next));
      extract ??= loadExtractor(options.data);
      try {
        return { events: extract(input) };
      } catch (cause) {
        return failure(cause);
      }
    },
    async close() {},
  };
}

interface Pending extends Job {
  settle: (extraction: Extraction) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  ready: boolean;
  /** Sent and not yet answered, oldest first: a worker answers in the order it was sent. */
  pending: Pending[];
  error?: Error;
}

/**
 * A worker runs TypeScript: the entry is loaded through tsx, registered inside the worker first (Node 20 does not
 * hand the parent's module hooks to a worker, and `--import tsx` in execArgv does not cover the entry module).
 */
function bootstrap(entry: URL): string {
  const tsx = import.meta.resolve('tsx/esm/api');
  return `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
}

function threadPool(size: number, options: PoolOptions): ExtractPool {
  const entry = options.entry ?? new URL('./extract-worker.ts', import.meta.url);
  const threads: Thread[] = [];
  let nextId = 0;
  let broken: Error | null = null;
  let closing = false;

  const spawn = (): Thread => {
    const worker = new Worker(bootstrap(entry), { eval: true, workerData: { data: options.data } });
    const thread: Thread = { worker, ready: false, pending: [] };
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'ready') {
        thread.ready = true;
        return;
      }
      const job = thread.pending.shift();
      if (job?.id !== message.id) throw new Error(`extraction worker answered job ${message.id}, expected ${job?.id}`);
      job.settle(
        message.kind === 'done' ? { events: message.events } : { failed: `extraction failed: ${message.reason}` },
      );
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
        for (const job of thread.pending) job.reject(broken as Error);
        return;
      }
      // The document it was on is the one that crashed it; the documents queued behind go to a fresh worker.
      const [culprit, ...queued] = thread.pending;
      culprit?.settle({ failed: `the extraction worker crashed: ${reason}` });
      threads.push(spawn());
      for (const job of queued) dispatch(job);
    });
    return thread;
  };

  const breakPool = (error: Error) => {
    broken = error;
    closing = true;
    for (const thread of [...threads]) {
      for (const job of thread.pending) job.reject(error);
      thread.pending = [];
      void thread.worker.terminate();
    }
  };

  const dispatch = (job: Pending) => {
    if (broken) {
      job.reject(broken);
      return;
    }
    if (threads.length === 0) for (let i = 0; i < size; i++) threads.push(spawn());
    // The least busy worker; ties to the first.
    const thread = threads.reduce((best, t) => (t.pending.length < best.pending.length ? t : best));
    thread.pending.push(job);
    thread.worker.postMessage({ id: job.id, input: job.input } satisfies Job);
  };

  return {
    threads: size,
    extract(input) {
      return new Promise<Extraction>((settle, reject) => dispatch({ id: nextId++, input, settle, reject }));
    },
    async close() {
      closing = true;
      await Promise.all(threads.map((t) => t.worker.terminate()));
    },
  };
}
