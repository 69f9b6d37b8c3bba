// The worker side of the extraction pool (`extract-pool.ts`): a worker thread builds its extractor once, says it is
// ready, then answers each document sent to it, in the order sent. An extraction error is an answer, not a crash:
// the pool reports it as a skipped input and the worker goes on with the next document.
import { parentPort } from 'node:worker_threads';
import type { DocumentInput, EventRecord } from '../core/record.ts';

export interface Job {
  id: number;
  input: DocumentInput;
}

export type WorkerMessage =
  | { kind: 'ready' }
  | { kind: 'done'; id: number; events: EventRecord[] }
  | { kind: 'failed'; id: number; reason: string };

export type Extractor = (input: DocumentInput) => EventRecord[];

/** Runs in a worker thread: builds the extractor (a throw here means the pool cannot start) and serves jobs. */
export function serveJobs(load: () => Extractor): void {
  const port = parentPort;
  if (port === null) throw new Error('serveJobs runs in a worker thread');
  const extract = load();
  const send = (message: WorkerMessage) => port.postMessage(message);
  send({ kind: 'ready' });
  port.on('message', (job: Job) => {
    try {
      send({ kind: 'done', id: job.id, events: extract(job.input) });
    } catch (cause) {
      send({ kind: 'failed', id: job.id, reason: cause instanceof Error ? cause.message : String(cause) });
    }
  });
}
