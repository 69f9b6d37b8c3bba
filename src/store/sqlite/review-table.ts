// Reviews in SQLite (migration 4): the decisions table, the event's reviewed view written back into `events`, and
// the re-attachment of decisions when a document's events are replaced. Every method runs inside the caller's
// transaction, or opens its own.
import type Database from 'better-sqlite3';
import { SitrepError } from '../../core/errors.ts';
import type { EventRecord } from '../../core/record.ts';
import {
  type CheckedInput,
  checkReviewInput,
  type ReattachReport,
  type ReviewDecision,
  type ReviewInput,
} from '../review.ts';
import { type Anchor, anchorOf, findSuccessor } from '../review-anchor.ts';
import type { FieldValue, SettableField } from '../review-fields.ts';
import { reviewedView } from '../review-view.ts';

interface ReviewRow {
  id: number;
  event_id: string;
  document_id: string;
  action: ReviewDecision['action'];
  field: string | null;
  value: string | null;
  note: string | null;
  reviewer: string;
  at: string;
  anchor: string;
  orphaned_at: string | null;
}

/** Writes an event row again from a record (the store's own insert, so every derived column stays in step). */
export type RewriteEvent = (documentId: string, record: EventRecord) => void;

export class ReviewTable {
  readonly #db: Database.Database;
  readonly #now: () => Date;
  readonly #rewrite: RewriteEvent;
  readonly #s;

  constructor(db: Database.Database, now: () => Date, rewrite: RewriteEvent) {
    this.#db = db;
    this.#now = now;
    this.#rewrite = rewrite;
    this.#s = {
      event: db.prepare<[string], { document_id: string; record: string; extracted: string | null; hash: string }>(
        `SELECT e.document_id, e.record, e.extracted, d.content_hash AS hash
         FROM events e JOIN documents d ON d.id = e.document_id WHERE e.id = ?`,
      ),
      insert: db.prepare(
        `INSERT INTO reviews (event_id, document_id, action, field, value, note, reviewer, at, anchor)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      attached: db.prepare<[string], ReviewRow>(
        'SELECT * FROM reviews WHERE event_id = ? AND orphaned_at IS NULL ORDER BY at, id',
      ),
      history: db.prepare<[string], ReviewRow>('SELECT * FROM reviews WHERE event_id = ? ORDER BY at, id'),
      byId: db.prepare<[number], ReviewRow>('SELECT * FROM reviews WHERE id = ?'),
      orphaned: db.prepare<[], ReviewRow>('SELECT * FROM reviews WHERE orphaned_at IS NOT NULL ORDER BY at, id'),
      move: db.prepare('UPDATE reviews SET event_id = ?, document_id = ?, anchor = ?, orphaned_at = NULL WHERE id = ?'),
      // An orphan moves with its document's lineage (a new version at the same url), so a later version may take it.
      orphan: db.prepare('UPDATE reviews SET document_id = ?, orphaned_at = coalesce(orphaned_at, ?) WHERE id = ?'),
      state: db.prepare('UPDATE events SET extracted = ?, review_status = ? WHERE id = ?'),
    };
  }

  // Run on every document stored: prepared once for each number of documents (nearly always one or two).
  readonly #reviewsOfCount = new Map<number, Database.Statement<string[], ReviewRow>>();
  #reviewsOf(count: number): Database.Statement<string[], ReviewRow> {
    let statement = this.#reviewsOfCount.get(count);
    if (!statement) {
      const marks = Array.from({ length: count }, () => '?').join(', ');
      statement = this.#db.prepare<string[], ReviewRow>(
        `SELECT * FROM reviews WHERE document_id IN (${marks}) ORDER BY id`,
      );
      this.#reviewsOfCount.set(count, statement);
    }
    return statement;
  }

  /** Stores the decisions on one event and writes its reviewed view; throws (and the transaction undoes) on a bad one. */
  add(eventId: string, inputs: readonly ReviewInput[]): ReviewDecision[] {
    if (inputs.length === 0) throw new SitrepError('REVIEW_INVALID', 'no decision given (confirm, reject, set …)');
    const row = this.#s.event.get(eventId);
    if (!row) throw new SitrepError('REVIEW_NOT_FOUND', `no event ${eventId}`);
    const checked: CheckedInput[] = inputs.map((input) => checkReviewInput(input));
    const extracted = JSON.parse(row.extracted ?? row.record) as EventRecord;
    const anchor = JSON.stringify(anchorOf(extracted, row.hash));
    const at = this.#now().toISOString();
    const ids = checked.map((c) =>
      Number(
        this.#s.insert.run(
          eventId,
          row.document_id,
          c.action,
          c.field,
          c.value === null ? null : JSON.stringify(c.value),
          c.note,
          c.reviewer,
          at,
          anchor,
        ).lastInsertRowid,
      ),
    );
    this.refresh(eventId, { strict: true });
    return ids.map((id) => toDecision(this.#s.byId.get(id) as ReviewRow));
  }

  history(eventId: string): ReviewDecision[] {
    return this.#s.history.all(eventId).map(toDecision);
  }

  orphaned(): ReviewDecision[] {
    return this.#s.orphaned.all().map(toDecision);
  }

  /**
   * Writes an event's reviewed view from its extracted record and attached decisions. `strict`: a view that cannot
   * be (a mode the type lacks, a place with one coordinate) is refused; a re-attachment writes it all the same,
   * since refusing would lose the new extraction.
   */
  refresh(eventId: string, options: { strict: boolean }): void {
    const row = this.#s.event.get(eventId);
    if (!row) return;
    const decisions = this.#s.attached.all(eventId).map(toDecision);
    if (decisions.length === 0 && row.extracted === null) return;
    const extracted = JSON.parse(row.extracted ?? row.record) as EventRecord;
    const { view, problem } = reviewedView(extracted, decisions);
    if (problem !== null && options.strict) throw new SitrepError('REVIEW_INVALID', problem);
    this.#rewrite(row.document_id, view);
    this.#s.state.run(
      decisions.length === 0 ? null : JSON.stringify(extracted),
      view.review?.status ?? 'unreviewed',
      eventId,
    );
  }

  /**
   * After the events of `documentId` were replaced (the document put again, a new version at its url, or a
   * re-extraction): each earlier event's decisions go to the new event covering the same evidence, or become
   * orphans. Orphans of the same documents get another chance. Null when none of the documents had reviews.
   */
  reattach(
    documentId: string,
    formerDocuments: readonly string[],
    events: readonly EventRecord[],
    contentHash: string,
  ): ReattachReport | null {
    const documents = [...new Set([documentId, ...formerDocuments])];
    const rows = this.#reviewsOf(documents.length).all(...documents);
    if (rows.length === 0) return null;
    const groups = new Map<string, ReviewRow[]>();
    for (const row of rows) groups.set(row.event_id, [...(groups.get(row.event_id) ?? []), row]);
    const report: ReattachReport = { reattached: [], orphaned: [] };
    const targets = new Set<string>();
    const now = this.#now().toISOString();
    for (const [oldId, group] of groups) {
      const anchor = JSON.parse((group.at(-1) as ReviewRow).anchor) as Anchor;
      const successor = findSuccessor(oldId, anchor, events, contentHash);
      if (successor.event === null) {
        for (const row of group) this.#s.orphan.run(documentId, now, row.id);
        report.orphaned.push({ event: oldId, decisions: group.length, reason: successor.reason });
        continue;
      }
      const next = JSON.stringify(anchorOf(successor.event, contentHash));
      for (const row of group) this.#s.move.run(successor.event.id, documentId, next, row.id);
      targets.add(successor.event.id);
      report.reattached.push({ from: oldId, to: successor.event.id, decisions: group.length, how: successor.how });
    }
    for (const id of targets) this.refresh(id, { strict: false });
    return report;
  }
}

function toDecision(row: ReviewRow): ReviewDecision {
  return {
    id: row.id,
    eventId: row.event_id,
    documentId: row.document_id,
    action: row.action,
    field: row.field as SettableField | null,
    value: row.value === null ? null : (JSON.parse(row.value) as FieldValue),
    note: row.note,
    reviewer: row.reviewer,
    at: row.at,
    orphanedAt: row.orphaned_at,
  };
}
