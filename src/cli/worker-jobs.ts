// The worker side of the extraction pool (`extract-pool.ts`): a worker thread builds its extractor once, says it is
// ready, then answers each batch of documents sent to it, in the order sent, with one answer per document. An
// extraction error is an answer, not a crash: the pool reports it as that document's skip and the worker goes on.
import { parentPort } from 'node:worker_threads';
import type { DocumentInput, EventRecord } from '../core/record.ts';

export interface Job {
  id: number;
  input: DocumentInput;
}

/** Documents sent to a worker in one message, extracted together (`extractBatch`). */
export interface BatchJob {
  batch: number;
  jobs: Job[];
}

/** One document's answer: its events, or why it could not be extracted. */
export type Answer = { id: number; events: EventRecord[] } | { id: number; failed: string };

export type WorkerMessage = { kind: 'ready' } | { kind: 'answers'; batch: number; answers: Answer[] };

/** Extraction of many documents at once: one list of events per document, in the order given. */
export type Extractor = (inputs: readonly DocumentInput[]) => EventRecord[][];

const reason = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause));

/**
 * Every document of a batch with its events or its failure. When the batch as a whole throws, its documents are
 * extracted again one at a time (each gets what it would get alone), so that only the one that fails is lost.
 */
export function answerBatch(extract: Extractor, jobs: readonly Job[]): Answer[] {
  try {
    const events = extract(jobs.map((job) => job.input));
    if (events.length !== jobs.length) throw new Error(`${events.length} answers for ${jobs.length} documents`);
    return jobs.map((job, i) => ({ id: job.id, events: events[i] ?? [] }));
  } catch (cause) {
    if (jobs.length === 1) return jobs.map((job) => ({ id: job.id, failed: reason(cause) }));
  }
  return jobs.flatMap((job) => answerBatch(extract, [job]));
}

/** Runs in a worker thread: builds the extractor (a throw here means the pool cannot start) and serves batches. */
export function serveJobs(load: () => Extractor): void {
  const port = parentPort;
  if (port === null) throw new Error('serveJobs runs in a worker thread');
  const extract = load();
  const send = (message: WorkerMessage) => port.postMessage(message);
  send({ kind: 'ready' });
  port.on('message', ({ batch, jobs }: BatchJob) => {
    send({ kind: 'answers', batch, answers: answerBatch(extract, jobs) });
  });
}
