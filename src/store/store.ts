// The store, behind one interface: documents with their provenance, the events extracted from them, which sentence
// of which document supports which event (mentions), who the events' sources are, and full-text search over the
// documents. `sqlite/` is the default implementation; another database is another folder implementing this, run
// through the same contract tests (test/store/contract.ts).
import type { PloverType } from '../core/ontology/plover.ts';
import type { EventRecord } from '../core/record.ts';
import type { MergedEvent } from '../merge/merge.ts';
import type { ReattachReport, ReviewDecision, ReviewedEvent, ReviewInput, ReviewStatus } from './review.ts';

/** A document as stored: its text and where it came from. */
export interface StoredDocument {
  id: string;
  url: string | null;
  outlet: string | null;
  title: string | null;
  /** YYYY-MM-DD, as the document or `--published` gave it. */
  published: string | null;
  /** sha256 of `text`, hex: the same text read twice, from anywhere, has the same hash. */
  contentHash: string;
  text: string;
  /** The file path or URL it was read from (a feed or export for its items). */
  source: string | null;
  /** The reader that read it: text, markdown, html, rss, atom, telegram, jsonl. */
  format: string | null;
  /** ISO timestamp of the transaction that stored it. */
  ingestedAt: string;
}

/** What `putDocument` takes: a document without the time it was stored (the store sets that). */
export type DocumentToStore = Omit<StoredDocument, 'ingestedAt'>;

/** One sentence of one document supporting one event, from the record's evidence. */
export interface Mention {
  eventId: string;
  documentId: string;
  sentence: number;
  start: number;
  end: number;
  text: string;
}

export interface EventFilter {
  type?: PloverType;
  /** Events whose date range ends on or after this day (YYYY-MM-DD); undated events are left out. */
  since?: string;
  /** Events whose date range starts on or before this day (YYYY-MM-DD); undated events are left out. */
  until?: string;
  /** Words of an actor or recipient, case-insensitive, inside its text or its canonical name: "militia". */
  actor?: string;
  /** ISO 3166 alpha-3 code of an actor's or recipient's country, or of the place: "IRQ". */
  country?: string;
  /**
   * A dyad: one of the actors matches `actor` and one of the recipients matches `recipient`, each by words of its
   * text or canonical name (as `actor` above) or by its ISO 3166 alpha-3 country code. Directed: actor → recipient.
   */
  dyad?: { actor: string; recipient: string };
  /** The PLOVER mode: "drone", "shell", "demo". */
  mode?: string;
  /** Events placed within `km` kilometres (great-circle distance) of a point; unplaced events are left out. */
  near?: { lat: number; lon: number; km: number };
  /** Events of documents whose text or title holds every word of this (as `searchDocuments`). */
  text?: string;
  /** Only the events of this document. */
  document?: string;
  /**
   * Review state (docs/REVIEW.md): only events in this state, or 'all'. By default every event but the rejected.
   */
  review?: ReviewStatus | 'all';
  /** At most this many events (default 100, at most 1000). */
  limit?: number;
  /** The `next` of the previous page. */
  cursor?: string;
}

/** A page of events, latest first (by date start, then id); undated events come last. */
export interface EventPage {
  /** As reviewed: a reviewer's field overrides applied, with the event's `review` state when it has one. */
  events: ReviewedEvent[];
  /** Pass as `cursor` for the next page; null on the last page. */
  next: string | null;
}

/** One real-world event of a listing: a merged event (docs/MERGE.md), or an event no other document reports. */
export interface MergedListing {
  /** Where it stands in the order: the latest of its member events the filter selects (the event, when alone). */
  event: EventPage['events'][number];
  /** The merged event, with its members and its article, outlet and independent source counts; null when alone. */
  merged: MergedEvent | null;
}

/** A page of real-world events, in the order of `EventPage`. */
export interface MergedPage {
  items: MergedListing[];
  /** Pass as `cursor` for the next page; null on the last page. */
  next: string | null;
}

export interface DocumentHit {
  id: string;
  title: string | null;
  url: string | null;
  /** A few words around the match, the matched words in [brackets]. */
  snippet: string;
}

/** An actor or recipient name as stored, with how many events it takes part in. */
export interface ActorCount {
  /** The canonical name ("Islamic State") or, for a generic agent, its name as extracted ("gunmen"). */
  name: string;
  /** ISO 3166 alpha-3, when the actor is known to belong to a country. */
  country: string | null;
  /** Distinct events it takes part in, in either role. */
  events: number;
  /** Events where it is an actor / a recipient. */
  asActor: number;
  asRecipient: number;
}

export interface StoreStats {
  documents: number;
  events: number;
  mentions: number;
  sources: number;
  eventsByType: Record<string, number>;
  schemaVersion: number;
}

export interface PutResult {
  /** Ids of earlier documents (same id or same url) replaced, with their events and mentions. */
  replaced: string[];
  /** Present when the replaced events had reviews: where they went (docs/REVIEW.md). */
  reviews?: ReattachReport;
}

/** What `replaceEvents` did: the events as extracted before, and where their reviews went. */
export interface ReplaceResult {
  before: EventRecord[];
  reviews: ReattachReport;
}

/** Which events `iterateRealEvents` reads: date ranges meeting [since, until] (undated events too), of one type. */
export interface RealEventFilter {
  since?: string;
  until?: string;
  type?: PloverType;
}

/**
 * One real-world event, for analysis (docs/ANALYTICS.md): a merged event with its member events as stored, or an
 * event no other document reports (`merged` null, one record).
 */
export interface RealEvent {
  records: EventRecord[];
  merged: MergedEvent | null;
}

export interface Store {
  /**
   * Stores a document and its events in one transaction, replacing any earlier document with the same id or the
   * same url, and that document's events, mentions and sources. Either all of it is stored or none of it.
   */
  putDocument(document: DocumentToStore, events: readonly EventRecord[]): PutResult;
  /** Is a document with this text already stored? Checked before extraction, so unchanged input costs nothing. */
  hasContent(contentHash: string): boolean;
  getDocument(id: string): StoredDocument | null;
  /** The event as reviewed (see `EventPage.events`); rejected events too. */
  getEvent(id: string): ReviewedEvent | null;
  /** The sentences supporting an event, in document order. */
  getMentions(eventId: string): Mention[];
  listEvents(filter?: EventFilter): EventPage;
  /** Documents whose text or title holds every word of `text` (words, not query syntax), best match first. */
  searchDocuments(text: string, options?: { limit?: number }): DocumentHit[];
  stats(): StoreStats;
  /** Distinct actors and recipients (by name and country), most events first, then by name; at most `limit` (100, ≤ 1000). */
  listActors(options?: { limit?: number }): ActorCount[];
  /**
   * Recomputes every merged event (docs/MERGE.md) from the stored events, in one transaction, replacing the
   * earlier ones: derived from what is stored, so independent of the order the documents arrived in.
   */
  rebuildMerged(): { merged: number; events: number };
  getMerged(id: string): MergedEvent | null;
  /** The merged event an event is a member of, or null when no other document reports it. */
  getMergedForEvent(eventId: string): MergedEvent | null;
  /**
   * Each real-world event the filter selects once: the events `listEvents` would list, a merged event in place of
   * its members (listed where its latest selected member stands), as of the last `rebuildMerged`.
   */
  listMerged(filter?: EventFilter): MergedPage;
  /**
   * Every real-world event once: each merged event with its members, each other event alone; rejected events left
   * out. Streamed: read it to the end (or stop) before using the store again.
   */
  iterateRealEvents(filter?: RealEventFilter): Iterable<RealEvent>;
  /** The latest day a stored event (not rejected; of this type) starts on, or null when none is dated. */
  latestEventDay(type?: PloverType): string | null;
  /**
   * Records a reviewer's decisions on an event, in one transaction: all of them or, when one is invalid (a field
   * that cannot be set, a value that does not parse, a combination that cannot be), none, with a SitrepError
   * REVIEW_INVALID naming the field and the reason; REVIEW_NOT_FOUND when there is no such event. The extracted
   * record is kept as it was; the event as read is the record with the review applied.
   */
  review(eventId: string, decisions: readonly ReviewInput[]): { decisions: ReviewDecision[]; event: ReviewedEvent };
  /** Every decision attached to an event (or, orphaned, last attached to it), oldest first. */
  reviewHistory(eventId: string): ReviewDecision[];
  /** Decisions whose event vanished in a re-extraction or a new version of its document, oldest first. */
  orphanedReviews(): ReviewDecision[];
  /** The ids of the stored documents, in order. */
  documentIds(): string[];
  /**
   * Replaces a stored document's events (the document stays as it is) in one transaction, and re-attaches the
   * reviews of the earlier events to the new ones that cover the same evidence. With `dryRun`, reports what it would
   * do and changes nothing.
   */
  replaceEvents(documentId: string, events: readonly EventRecord[], options?: { dryRun?: boolean }): ReplaceResult;
  close(): void;
}
