// Re-extraction: every stored document run again through the current extractor and lexicons, from its stored text
// and provenance, its events replaced one transaction per document (as ingest stores them), the reviews re-attached
// to the new events, the merged events rebuilt — and a report of what changed. The extraction function is passed in
// (the store never imports the extractor), so the CLI and the API can both run it: one document at a time, or a
// batch at a time (`extractBatch`, the same records for less CPU), reading a batch of stored documents at once.
import { isDeepStrictEqual } from 'node:util';
import type { DocumentInput, EventRecord } from '../core/record.ts';
import type { ReattachReport } from './review.ts';
import { anchorOf, findSuccessor } from './review-anchor.ts';
import type { Store, StoredDocument } from './store.ts';

export type ExtractDocument = (input: DocumentInput) => readonly EventRecord[];

/** Many documents at once: one list of events per document, in the order given. */
export type ExtractDocuments = (inputs: readonly DocumentInput[]) => readonly (readonly EventRecord[])[];

/** How a document's events are extracted again: alone, or in batches. */
export type Reextractor = ExtractDocument | { batch: ExtractDocuments };

/** An event present before and after, whose fields differ (and, when its id changed, the new id). */
export interface EventChange {
  id: string;
  newId: string | null;
  fields: string[];
}

export interface DocumentChanges {
  document: string;
  before: number;
  after: number;
  /** Ids of new events with no earlier one covering the same evidence. */
  added: string[];
  /** Ids of earlier events no new event covers. */
  removed: string[];
  changed: EventChange[];
  reviews: ReattachReport;
  /** Why the document was left as it was (an extraction failure); the run goes on. */
  error: string | null;
}

export interface ReextractTotals {
  documents: number;
  /** Documents with an added, removed or changed event, or a review that moved. */
  changedDocuments: number;
  failed: number;
  before: number;
  after: number;
  added: number;
  removed: number;
  changed: number;
  /** Changed events per field: { killed: 3, place: 1 }. */
  fields: Record<string, number>;
  reattached: number;
  /** Re-attached to an event with another id. */
  moved: number;
  orphaned: number;
}

export interface ReextractReport {
  dryRun: boolean;
  documents: DocumentChanges[];
  totals: ReextractTotals;
  /** The merged events rebuilt after the run (null on a dry run). */
  merged: { merged: number; events: number } | null;
}

export interface ReextractOptions {
  /** Report what would change; store nothing. */
  dryRun?: boolean;
  /** Called after each document, for progress. */
  onDocument?: (changes: DocumentChanges, done: number, total: number) => void;
  /** Stored documents read and extracted together (default 32). */
  batchSize?: number;
}

const BATCH_SIZE = 32;

/** The record's fields compared; the id, the document and the provenance (rules, extractor version) are not. */
const COMPARED = [
  'type',
  'mode',
  'context',
  'intensity',
  'quad',
  'cameo',
  'acled',
  'actor',
  'recipient',
  'date',
  'place',
  'count',
  'killed',
  'injured',
  'victims',
  'claim',
  'modality',
  'links',
  'evidence',
  'confidence',
] as const satisfies readonly (keyof EventRecord)[];

export function reextract(store: Store, extract: Reextractor, options: ReextractOptions = {}): ReextractReport {
  const ids = store.documentIds();
  const size = Math.max(1, options.batchSize ?? BATCH_SIZE);
  const extractMany: ExtractDocuments = typeof extract === 'function' ? (inputs) => inputs.map(extract) : extract.batch;
  const documents: DocumentChanges[] = [];
  for (let start = 0; start < ids.length; start += size) {
    const batch = ids.slice(start, start + size).flatMap((id, k) => {
      const document = store.getDocument(id);
      return document === null ? [] : [{ document, done: start + k + 1 }];
    });
    const extracted = extractEach(
      extractMany,
      batch.map(({ document }) => inputOf(document)),
    );
    batch.forEach(({ document, done }, k) => {
      const changes = storeDocument(store, document, extracted[k] ?? new Error('no answer'), options.dryRun ?? false);
      documents.push(changes);
      options.onDocument?.(changes, done, ids.length);
    });
  }
  // The merged events derive from every stored event, so they are recomputed whole (docs/MERGE.md).
  const merged = options.dryRun ? null : store.rebuildMerged();
  return { dryRun: options.dryRun ?? false, documents, totals: totalsOf(documents), merged };
}

function inputOf(document: StoredDocument): DocumentInput {
  return {
    id: document.id,
    text: document.text,
    published: document.published,
    outlet: document.outlet,
    url: document.url,
    title: document.title,
  };
}

/**
 * Each document's events, or why extraction failed on it. A batch that throws is extracted again one document at a
 * time, so that only the document the extractor fails on is left as stored.
 */
function extractEach(extract: ExtractDocuments, inputs: readonly DocumentInput[]): (readonly EventRecord[] | Error)[] {
  try {
    const events = extract(inputs);
    if (events.length !== inputs.length) throw new Error(`${events.length} answers for ${inputs.length} documents`);
    return [...events];
  } catch (cause) {
    if (inputs.length === 1) return [cause instanceof Error ? cause : new Error(String(cause))];
  }
  return inputs.flatMap((input) => extractEach(extract, [input]));
}

function storeDocument(
  store: Store,
  document: StoredDocument,
  events: readonly EventRecord[] | Error,
  dryRun: boolean,
): DocumentChanges {
  if (events instanceof Error) {
    // One document the extractor fails on is reported with it and left as stored; the run goes on.
    return {
      document: document.id,
      before: 0,
      after: 0,
      added: [],
      removed: [],
      changed: [],
      reviews: { reattached: [], orphaned: [] },
      error: `extraction failed: ${events.message}`,
    };
  }
  const { before, reviews } = store.replaceEvents(document.id, events, { dryRun });
  return { document: document.id, ...diffEvents(before, events, document.contentHash), reviews, error: null };
}

/**
 * Pairs the events before and after: by id, then (an id changed with a retyped or moved trigger) by the evidence
 * they cover, as reviews are re-attached. What pairs is changed when a compared field differs.
 */
export function diffEvents(
  before: readonly EventRecord[],
  after: readonly EventRecord[],
  contentHash: string,
): Pick<DocumentChanges, 'before' | 'after' | 'added' | 'removed' | 'changed'> {
  const unpaired = new Map(after.map((e) => [e.id, e]));
  const pairs: [EventRecord, EventRecord][] = [];
  const removed: string[] = [];
  for (const old of before) {
    const same = unpaired.get(old.id);
    if (same) {
      pairs.push([old, same]);
      unpaired.delete(old.id);
    }
  }
  for (const old of before) {
    if (pairs.some(([o]) => o === old)) continue;
    const successor = findSuccessor(old.id, anchorOf(old, contentHash), [...unpaired.values()], contentHash);
    if (successor.event === null) {
      removed.push(old.id);
      continue;
    }
    pairs.push([old, successor.event]);
    unpaired.delete(successor.event.id);
  }
  const changed: EventChange[] = [];
  for (const [old, now] of pairs) {
    const fields = COMPARED.filter((key) => !isDeepStrictEqual(old[key], now[key]));
    if (fields.length > 0 || old.id !== now.id) {
      changed.push({ id: old.id, newId: old.id === now.id ? null : now.id, fields });
    }
  }
  return { before: before.length, after: after.length, added: [...unpaired.keys()], removed, changed };
}

function totalsOf(documents: readonly DocumentChanges[]): ReextractTotals {
  const totals: ReextractTotals = {
    documents: documents.length,
    changedDocuments: 0,
    failed: 0,
    before: 0,
    after: 0,
    added: 0,
    removed: 0,
    changed: 0,
    fields: {},
    reattached: 0,
    moved: 0,
    orphaned: 0,
  };
  for (const d of documents) {
    if (d.error !== null) {
      totals.failed++;
      continue;
    }
    totals.before += d.before;
    totals.after += d.after;
    totals.added += d.added.length;
    totals.removed += d.removed.length;
    totals.changed += d.changed.length;
    for (const change of d.changed) {
      for (const field of change.fields) totals.fields[field] = (totals.fields[field] ?? 0) + 1;
    }
    totals.reattached += d.reviews.reattached.length;
    totals.moved += d.reviews.reattached.filter((r) => r.from !== r.to).length;
    totals.orphaned += d.reviews.orphaned.length;
    if (isChanged(d)) totals.changedDocuments++;
  }
  return totals;
}

export function isChanged(d: DocumentChanges): boolean {
  return (
    d.added.length + d.removed.length + d.changed.length + d.reviews.orphaned.length > 0 ||
    d.reviews.reattached.some((r) => r.from !== r.to)
  );
}
