// The store, behind one interface: documents with their provenance, the events extracted from them, which sentence
// of which document supports which event (mentions), who the events' sources are, and full-text search over the
// documents. `sqlite/` is the default implementation; another database is another folder implementing this, run
// through the same contract tests (test/store/contract.ts).
import type { PloverType } from '../core/ontology/plover.ts';
import type { EventRecord } from '../core/record.ts';
import type { MergedEvent } from '../merge/merge.ts';

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
  /** At most this many events (default 100, at most 1000). */
  limit?: number;
  /** The `next` of the previous page. */
  cursor?: string;
}

/** A page of events, latest first (by date start, then id); undated events come last. */
export interface EventPage {
  events: EventRecord[];
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
  getEvent(id: string): EventRecord | null;
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
  close(): void;
}
