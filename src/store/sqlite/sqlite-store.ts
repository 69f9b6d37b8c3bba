// The default store: SQLite through better-sqlite3, one file (or `:memory:`), write-ahead logging, the schema
// from migrations.ts. Every write of a document is one transaction, so a killed process leaves each document either
// wholly stored or not at all.
import Database from 'better-sqlite3';
import { SitrepError } from '../../core/errors.ts';
import { distanceKm, EARTH_RADIUS_KM } from '../../core/geo.ts';
import type { PloverType } from '../../core/ontology/plover.ts';
import type { EventRecord } from '../../core/record.ts';
import { type MergeKey, mergeKey } from '../../merge/compatible.ts';
import { type MergedEvent, type MergeInput, mergeLoading } from '../../merge/merge.ts';
import type { ReviewDecision, ReviewedEvent, ReviewInput } from '../review.ts';
import type {
  ActorCount,
  DocumentHit,
  DocumentToStore,
  EventFilter,
  EventPage,
  Mention,
  MergedListing,
  MergedPage,
  PutResult,
  RealEvent,
  RealEventFilter,
  ReplaceResult,
  Store,
  StoredDocument,
  StoreStats,
} from '../store.ts';
import {
  actorTermsDriver,
  CANDIDATE_LIMIT,
  type Condition,
  chooseDriver,
  daysBefore,
  driverSql,
  escapeLike,
  type FilterPart,
  longestSpanDays,
  matchingActorTerms,
} from './event-query.ts';
import { MIGRATIONS, type Migration } from './migrations.ts';
import { ReviewTable } from './review-table.ts';

export interface SqliteStoreOptions {
  /** The clock for `ingestedAt`; tests pass a fixed one. */
  now?: () => Date;
  migrations?: readonly Migration[];
  /** How few events a filter's index must list for the page to be read from them (event-query.ts); tests vary it. */
  candidateLimit?: number;
}

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

interface DocumentRow {
  id: string;
  url: string | null;
  outlet: string | null;
  title: string | null;
  published: string | null;
  content_hash: string;
  text: string;
  source: string | null;
  format: string | null;
  ingested_at: string;
}

export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Store {
  const db = new Database(path);
  try {
    // WAL: readers never block the writer, and a commit survives a killed process. `:memory:` stays in memory.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // With synchronous = NORMAL a commit does not wait for the disk, but every automatic checkpoint does (by
    // default each 1,000 pages, ~4 MB): during an ingest the one writer spent more time waiting on those syncs than
    // storing. Checkpointing each ~40 MB halves the time a document takes to store; a killed process still loses
    // no committed document (the log is replayed on the next open), and closing the store checkpoints the rest.
    db.pragma('wal_autocheckpoint = 10000');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, options.migrations ?? MIGRATIONS);
  } catch (error) {
    db.close();
    throw error;
  }
  return new SqliteStore(db, options.now ?? (() => new Date()), options.candidateLimit ?? CANDIDATE_LIMIT);
}

/** Applies the migrations the database lacks, in order, in one transaction. */
export function migrate(db: Database.Database, migrations: readonly Migration[]): number {
  const apply = db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_version (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const current = (db.prepare('SELECT max(version) AS v FROM schema_version').get() as { v: number | null }).v ?? 0;
    const latest = migrations.at(-1)?.version ?? 0;
    if (current > latest) {
      throw new SitrepError(
        'STORE_VERSION',
        `the database has schema version ${current}, newer than this sitrep knows (${latest}); upgrade sitrep`,
      );
    }
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    }
    return latest;
  });
  // IMMEDIATE: two processes opening a new database at once do not both try to create it.
  return apply.immediate();
}

class SqliteStore implements Store {
  readonly #db: Database.Database;
  readonly #now: () => Date;
  readonly #statements;
  readonly #put: Database.Transaction<(document: DocumentToStore, events: readonly EventRecord[]) => PutResult>;
  readonly #reviews: ReviewTable;

  readonly #candidateLimit: number;

  constructor(db: Database.Database, now: () => Date, candidateLimit: number) {
    this.#db = db;
    this.#candidateLimit = candidateLimit;
    this.#now = now;
    this.#reviews = new ReviewTable(db, now, (documentId, record) => {
      // A reviewed view is written as a new row, so every column derived from the record follows the review.
      this.#db.prepare('DELETE FROM events WHERE id = ?').run(record.id);
      this.#insertEvent(documentId, record);
    });
    this.#statements = {
      earlier: db.prepare<[string, string | null], { id: string }>(
        'SELECT id FROM documents WHERE id = ? OR (url IS NOT NULL AND url = ?)',
      ),
      deleteDocument: db.prepare<[string]>('DELETE FROM documents WHERE id = ?'),
      insertDocument: db.prepare(
        `INSERT INTO documents (id, url, outlet, title, published, content_hash, text, source, format, ingested_at)
         VALUES (@id, @url, @outlet, @title, @published, @contentHash, @text, @source, @format, @ingestedAt)`,
      ),
      insertEvent: db.prepare(
        `INSERT INTO events (id, document_id, type, date_start, date_end, place_country, sort_key, record, mode, lat, lon)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertMergeKey: db.prepare('INSERT INTO merge_keys (event_seq, key) VALUES (?, ?)'),
      insertMention: db.prepare(
        'INSERT OR IGNORE INTO mentions (event_seq, sentence, start, "end", text) VALUES (?, ?, ?, ?, ?)',
      ),
      insertActor: db.prepare(
        `INSERT INTO event_actors (event_seq, role, position, actor_id, name, text, country)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertSource: db.prepare(
        'INSERT INTO sources (event_seq, position, text, anonymous, count, kind) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      hasContent: db.prepare<[string], { one: number }>(
        'SELECT 1 AS one FROM documents WHERE content_hash = ? LIMIT 1',
      ),
      getDocument: db.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE id = ?'),
      getEvent: db.prepare<[string], { record: string }>('SELECT record FROM events WHERE id = ?'),
      getMentions: db.prepare<[string], Mention>(
        `SELECT e.id AS eventId, e.document_id AS documentId, m.sentence, m.start, m."end", m.text
         FROM events e JOIN mentions m ON m.event_seq = e.seq WHERE e.id = ? ORDER BY m.sentence, m.start`,
      ),
      actors: db.prepare<[number], ActorCount>(
        `SELECT name, country, COUNT(DISTINCT event_seq) AS events,
                COUNT(DISTINCT CASE WHEN role = 'actor' THEN event_seq END) AS asActor,
                COUNT(DISTINCT CASE WHEN role = 'recipient' THEN event_seq END) AS asRecipient
         FROM event_actors GROUP BY name, country ORDER BY events DESC, name, country LIMIT ?`,
      ),
      search: db.prepare<[string, number], DocumentHit>(
        `SELECT d.id, d.title, d.url, snippet(documents_fts, 1, '[', ']', '…', 12) AS snippet
         FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
         WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?`,
      ),
    };
    this.#put = db.transaction((document: DocumentToStore, events: readonly EventRecord[]): PutResult => {
      const s = this.#statements;
      const replaced = s.earlier.all(document.id, document.url).map((row) => row.id);
      // Cascades to the events, mentions, actors and sources of the earlier version.
      for (const id of replaced) s.deleteDocument.run(id);
      s.insertDocument.run({ ...document, ingestedAt: this.#now().toISOString() });
      for (const event of events) this.#insertEvent(document.id, event);
      // Reviews are not deleted with the events: they go to the new events that cover the same evidence.
      const reviews = this.#reviews.reattach(document.id, replaced, events, document.contentHash);
      return reviews === null ? { replaced } : { replaced, reviews };
    });
  }

  #insertEvent(documentId: string, event: EventRecord): void {
    const s = this.#statements;
    // The event's seq keys its mentions, actors and sources (migration 6).
    const { lastInsertRowid: seq } = s.insertEvent.run(
      event.id,
      documentId,
      event.type,
      event.date?.start ?? null,
      event.date?.end ?? null,
      event.place?.country ?? null,
      event.date?.start ?? '',
      JSON.stringify(event),
      event.mode,
      event.place?.lat ?? null,
      event.place?.lon ?? null,
    );
    s.insertMergeKey.run(seq, JSON.stringify(mergeKey(event)));
    for (const evidence of event.evidence) {
      s.insertMention.run(seq, evidence.sentence, evidence.start, evidence.end, evidence.text);
    }
    const parties = [
      ...event.actor.map((a, i) => ['actor', i, a] as const),
      ...event.recipient.map((a, i) => ['recipient', i, a] as const),
    ];
    for (const [role, position, actor] of parties) {
      s.insertActor.run(seq, role, position, actor.id, actor.name, actor.text, actor.country);
    }
    event.claim.sources.forEach((source, position) => {
      s.insertSource.run(seq, position, source.text, source.anonymous ? 1 : 0, source.count, source.kind);
    });
  }

  putDocument(document: DocumentToStore, events: readonly EventRecord[]): PutResult {
    return this.#put.immediate(document, events);
  }

  hasContent(contentHash: string): boolean {
    return this.#statements.hasContent.get(contentHash) !== undefined;
  }

  getDocument(id: string): StoredDocument | null {
    const row = this.#statements.getDocument.get(id);
    if (!row) return null;
    return {
      id: row.id,
      url: row.url,
      outlet: row.outlet,
      title: row.title,
      published: row.published,
      contentHash: row.content_hash,
      text: row.text,
      source: row.source,
      format: row.format,
      ingestedAt: row.ingested_at,
    };
  }

  getEvent(id: string): EventRecord | null {
    const row = this.#statements.getEvent.get(id);
    // The store wrote this JSON from a validated record; it is trusted on the way out.
    return row ? (JSON.parse(row.record) as EventRecord) : null;
  }

  getMentions(eventId: string): Mention[] {
    return this.#statements.getMentions.all(eventId);
  }

  listEvents(filter: EventFilter = {}): EventPage {
    return this.#listEvents(filter, null);
  }

  /** `listEvents`, with one more condition on `events e` when given (`listMerged` asks for some ids only). */
  #listEvents(filter: EventFilter, extra: Condition | null): EventPage {
    const limit = pageLimit(filter.limit);
    const where: string[] = extra === null ? [] : [extra.sql];
    const params: unknown[] = extra === null ? [] : [...extra.params];
    if (filter.type !== undefined) {
      where.push('e.type = ?');
      params.push(filter.type);
    }
    if (filter.mode !== undefined) {
      where.push('e.mode = ?');
      params.push(filter.mode);
    }
    // A walk down the sort index stops at the date range's ends: the sort key is the date start, and an event ending
    // on or after `since` starts at most the longest stored span before it.
    if (filter.since !== undefined) {
      const since = isoDay(filter.since, 'since');
      where.push('e.date_end >= ?', 'e.sort_key >= ?');
      params.push(since, daysBefore(since, longestSpanDays(this.#db)));
    }
    if (filter.until !== undefined) {
      where.push('e.date_start <= ?', 'e.sort_key <= ?');
      params.push(isoDay(filter.until, 'until'), filter.until);
    }
    if (filter.document !== undefined) {
      where.push('e.document_id = ?');
      params.push(filter.document);
    }
    if (filter.review !== 'all') {
      where.push(filter.review === undefined ? "e.review_status <> 'rejected'" : 'e.review_status = ?');
      if (filter.review !== undefined) params.push(filter.review);
    }
    // The filters an index can list the events of (event-query.ts): the tightest may drive the page. Their
    // conditions keep the walk on the sort index (a unary + keeps SQLite off the other indexes of a column).
    const parts: FilterPart[] = [];
    let nothing = false;
    if (filter.actor !== undefined) {
      const terms = matchingActorTerms(this.#db, filter.actor);
      // No stored actor name or text holds the words: no event can match.
      if (terms !== null && terms.length === 0) nothing = true;
      const pattern = `%${escapeLike(filter.actor)}%`;
      parts.push({
        condition: {
          sql: `EXISTS (SELECT 1 FROM event_actors a WHERE a.event_seq = e.seq
            AND (a.name LIKE ? ESCAPE '\\' OR a.text LIKE ? ESCAPE '\\'))`,
          params: [pattern, pattern],
        },
        ...(terms === null ? {} : { driver: actorTermsDriver(terms) }),
      });
    }
    if (filter.country !== undefined) {
      parts.push({
        condition: {
          sql: '(EXISTS (SELECT 1 FROM event_actors a WHERE a.event_seq = e.seq AND a.country = ?) OR +e.place_country = ?)',
          params: [filter.country, filter.country],
        },
        driver: {
          selects: [
            { sql: 'SELECT seq FROM events WHERE place_country = ?', params: [filter.country] },
            { sql: 'SELECT event_seq AS seq FROM event_actors WHERE country = ?', params: [filter.country] },
          ],
        },
      });
    }
    if (filter.dyad !== undefined) {
      for (const [role, side] of [
        ['actor', filter.dyad.actor],
        ['recipient', filter.dyad.recipient],
      ] as const) {
        if (side.trim() === '') throw new SitrepError('STORE_QUERY_INVALID', `the dyad's ${role} side is empty`);
        const pattern = `%${escapeLike(side.trim())}%`;
        const code = side.trim().toUpperCase();
        const terms = matchingActorTerms(this.#db, side.trim());
        const byTerms = terms === null ? null : actorTermsDriver(terms, role);
        parts.push({
          condition: {
            sql: `EXISTS (SELECT 1 FROM event_actors a WHERE a.event_seq = e.seq AND a.role = '${role}'
              AND (a.country = ? OR a.name LIKE ? ESCAPE '\\' OR a.text LIKE ? ESCAPE '\\'))`,
            params: [code, pattern, pattern],
          },
          ...(byTerms === null
            ? {}
            : {
                driver: {
                  selects: [
                    ...byTerms.selects,
                    {
                      sql: 'SELECT event_seq AS seq FROM event_actors WHERE country = ? AND role = ?',
                      params: [code, role],
                    },
                  ],
                },
              }),
        });
      }
    }
    const near = filter.near === undefined ? null : checkNear(filter.near);
    if (near !== null) {
      // A box around the circle, on the indexed columns; the exact distance is checked on the rows it lets through.
      const box = boundingBox(near);
      // The box crosses the antimeridian when its west edge is east of its east edge.
      const lon = box.minLon <= box.maxLon ? 'lon BETWEEN ? AND ?' : '(lon >= ? OR lon <= ?)';
      const boxParams = [box.minLat, box.maxLat, box.minLon, box.maxLon];
      parts.push({
        condition: { sql: `+e.lat BETWEEN ? AND ? AND ${lon.replaceAll('lon', '+e.lon')}`, params: boxParams },
        driver: {
          selects: [{ sql: `SELECT seq FROM events WHERE lat BETWEEN ? AND ? AND ${lon}`, params: boxParams }],
        },
      });
    }
    if (filter.text !== undefined) {
      const query = ftsQuery(filter.text);
      if (query === null) nothing = true;
      parts.push({
        // Walking, each event's document is looked up in the index (a common word matches most documents);
        // as a driver, the matching documents' events.
        condition: {
          sql: `EXISTS (SELECT 1 FROM documents_fts WHERE documents_fts MATCH ?
            AND documents_fts.rowid = (SELECT d.seq FROM documents d WHERE d.id = e.document_id))`,
          params: [query],
        },
        driver: {
          selects: [
            {
              sql: `SELECT ev.seq FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
                JOIN events ev ON ev.document_id = d.id WHERE documents_fts MATCH ?`,
              params: [query],
            },
          ],
        },
      });
    }
    let cursor = filter.cursor === undefined ? null : decodeCursor(filter.cursor);
    if (nothing) return { events: [], next: null };
    const driving = chooseDriver(this.#db, parts, this.#candidateLimit);
    // The filters' conditions first: most read only the index and event_actors, so SQLite reads an event's row only
    // for the events that pass them (a walk reads thousands of index entries for a page).
    const checks = parts.filter((part) => part !== driving).map((part) => part.condition);
    where.unshift(...checks.map((c) => c.sql));
    params.unshift(...checks.flatMap((c) => c.params));
    const candidates = driving?.driver === undefined ? null : driverSql(driving.driver);
    const from = candidates === null ? 'events e' : `(${candidates.sql}) c CROSS JOIN events e ON e.seq = c.seq`;
    const fromParams = candidates?.params ?? [];
    const found: KeyRow[] = [];
    // Without a distance to check, one query answers; with one, rows outside the circle are dropped and the next
    // rows fetched until the page is full or the box is exhausted.
    for (;;) {
      const clauses = [...where];
      const values = [...fromParams, ...params];
      if (cursor !== null) {
        clauses.push('(e.sort_key, e.id) < (?, ?)');
        values.push(cursor[0], cursor[1]);
      }
      // Past the box's edge rows are dropped, so a distance query reads a few hundred rows at a time.
      const want = near === null ? limit + 1 : Math.max(limit + 1 - found.length, 256);
      // Keys only: the page's records are read once it is known (a sort would carry every candidate's record).
      const sql = `SELECT e.sort_key AS sortKey, e.id, e.lat, e.lon FROM ${from}
        ${clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : ''}
        ORDER BY e.sort_key DESC, e.id DESC LIMIT ?`;
      const rows = this.#db.prepare(sql).all(...values, want) as KeyRow[];
      for (const row of rows) {
        if (
          near === null ||
          (row.lat !== null && row.lon !== null && distanceKm(near, { lat: row.lat, lon: row.lon }) <= near.km)
        ) {
          found.push(row);
        }
      }
      const last = rows.at(-1);
      if (near === null || rows.length < want || found.length > limit || !last) break;
      cursor = [last.sortKey, last.id];
    }
    const page = this.#withRecords(found.slice(0, limit));
    const last = page.at(-1);
    return {
      events: page.map((row) => JSON.parse(row.record) as EventRecord),
      next: found.length > limit && last ? encodeCursor(last.sortKey, last.id) : null,
    };
  }

  /** The rows with their records; a row whose event was deleted since it was read is dropped. */
  #withRecords(rows: KeyRow[]): EventRow[] {
    if (rows.length === 0) return [];
    const records = new Map(
      (
        this.#db
          .prepare(`SELECT id, record FROM events WHERE id IN (${rows.map(() => '?').join(', ')})`)
          .all(...rows.map((row) => row.id)) as { id: string; record: string }[]
      ).map((row) => [row.id, row.record]),
    );
    return rows.flatMap((row) => {
      const record = records.get(row.id);
      return record === undefined ? [] : [{ ...row, record }];
    });
  }

  listActors(options: { limit?: number } = {}): ActorCount[] {
    return this.#statements.actors.all(pageLimit(options.limit));
  }

  searchDocuments(text: string, options: { limit?: number } = {}): DocumentHit[] {
    const query = ftsQuery(text);
    if (query === null) return [];
    return this.#statements.search.all(query, pageLimit(options.limit));
  }

  stats(): StoreStats {
    const count = (table: string) => (this.#db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const byType = this.#db.prepare('SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY type').all() as {
      type: string;
      n: number;
    }[];
    const version = this.#db.prepare('SELECT max(version) AS v FROM schema_version').get() as { v: number };
    return {
      documents: count('documents'),
      events: count('events'),
      mentions: count('mentions'),
      sources: count('sources'),
      eventsByType: Object.fromEntries(byType.map((row) => [row.type, row.n])),
      schemaVersion: version.v,
    };
  }

  rebuildMerged(): { merged: number; events: number } {
    const rebuild = this.#db.transaction(() => {
      // Every event's merge key, and the whole records of those that merge only (a few in a hundred, usually).
      const keys = (
        this.#db
          .prepare(
            `SELECT key FROM merge_keys
             WHERE event_seq NOT IN (SELECT seq FROM events WHERE review_status = 'rejected')`,
          )
          .pluck()
          .all() as string[]
      ).map((json) => JSON.parse(json) as MergeKey);
      // The ids go in as one JSON array: a list of any length, where bound parameters are limited.
      const load = (ids: string[]): MergeInput[] =>
        (
          this.#db
            .prepare(
              `SELECT e.record, d.outlet, d.url, d.published FROM events e JOIN documents d ON d.id = e.document_id
               WHERE e.id IN (SELECT value FROM json_each(?))`,
            )
            .all(JSON.stringify(ids)) as MergeRow[]
        ).map(({ record, ...document }) => ({ event: JSON.parse(record) as EventRecord, ...document }));
      const merged = mergeLoading(keys, load);
      this.#db.exec('DELETE FROM merged_members; DELETE FROM merged_events;');
      const insertMerged = this.#db.prepare('INSERT INTO merged_events (id, json) VALUES (?, ?)');
      const insertMember = this.#db.prepare(
        'INSERT INTO merged_members (merged_id, event_id, document_id) VALUES (?, ?, ?)',
      );
      let events = 0;
      for (const event of merged) {
        insertMerged.run(event.id, JSON.stringify(event));
        for (const member of event.members) insertMember.run(event.id, member.event, member.document);
        events += event.members.length;
      }
      return { merged: merged.length, events };
    });
    return rebuild.immediate();
  }

  getMerged(id: string): MergedEvent | null {
    const row = this.#db.prepare('SELECT json FROM merged_events WHERE id = ?').get(id) as { json: string } | undefined;
    return row ? (JSON.parse(row.json) as MergedEvent) : null;
  }

  listMerged(filter: EventFilter = {}): MergedPage {
    const limit = pageLimit(filter.limit);
    const start = filter.cursor === undefined ? null : decodeCursor(filter.cursor);
    const items: MergedListing[] = [];
    const seen = new Set<string>();
    const memberOf = this.#db
      .prepare<[string], string>('SELECT merged_id FROM merged_members WHERE event_id = ? ORDER BY merged_id LIMIT 1')
      .pluck();
    let cursor = filter.cursor;
    // One item more than the page, to know whether another page follows.
    while (items.length <= limit) {
      const page = this.#listEvents(
        { ...filter, limit: Math.min(MAX_LIMIT, limit + 1), ...(cursor ? { cursor } : {}) },
        null,
      );
      for (const event of page.events) {
        const mergedId = memberOf.get(event.id);
        if (mergedId === undefined) {
          items.push({ event, merged: null });
        } else if (!seen.has(mergedId)) {
          seen.add(mergedId);
          if (start === null || !this.#listedBefore(mergedId, filter, start)) {
            items.push({ event, merged: this.getMerged(mergedId) });
          }
        }
        if (items.length > limit) break;
      }
      if (page.next === null) break;
      cursor = page.next;
    }
    const shown = items.slice(0, limit);
    const last = shown.at(-1)?.event;
    return { items: shown, next: items.length > limit && last ? encodeCursor(last.date?.start ?? '', last.id) : null };
  }

  /** Did a page before `start` list this merged event: does a member at or after `start` match the filter? */
  #listedBefore(mergedId: string, filter: EventFilter, start: [string, string]): boolean {
    const probe: EventFilter = { ...filter, limit: 1 };
    delete probe.cursor;
    const page = this.#listEvents(probe, {
      sql: 'e.id IN (SELECT event_id FROM merged_members WHERE merged_id = ?) AND (e.sort_key, e.id) >= (?, ?)',
      params: [mergedId, ...start],
    });
    return page.events.length > 0;
  }

  getMergedForEvent(eventId: string): MergedEvent | null {
    const row = this.#db
      .prepare(
        `SELECT m.json FROM merged_members mm JOIN merged_events m ON m.id = mm.merged_id
         WHERE mm.event_id = ? ORDER BY m.id LIMIT 1`,
      )
      .get(eventId) as { json: string } | undefined;
    return row ? (JSON.parse(row.json) as MergedEvent) : null;
  }

  latestEventDay(type?: PloverType): string | null {
    const row = this.#db
      .prepare(
        `SELECT max(date_start) AS day FROM events
         WHERE date_start IS NOT NULL AND review_status != 'rejected' AND (@type IS NULL OR type = @type)`,
      )
      .get({ type: type ?? null }) as { day: string | null };
    return row.day;
  }

  *iterateRealEvents(filter: RealEventFilter = {}): Generator<RealEvent> {
    const params = {
      since: filter.since === undefined ? null : isoDay(filter.since, 'since'),
      until: filter.until === undefined ? null : isoDay(filter.until, 'until'),
      type: filter.type ?? null,
    };
    const where = `e.review_status != 'rejected'
      AND (e.date_start IS NULL
        OR ((@since IS NULL OR e.date_end >= @since) AND (@until IS NULL OR e.date_start <= @until)))
      AND (@type IS NULL OR e.type = @type)`;
    // Events no other document reports, streamed as they come (no sort: the rows are large).
    const singles = this.#db
      .prepare(
        `SELECT e.record FROM events e
         WHERE NOT EXISTS (SELECT 1 FROM merged_members mm WHERE mm.event_id = e.id) AND ${where}`,
      )
      .iterate(params) as IterableIterator<{ record: string }>;
    for (const row of singles) yield { records: [JSON.parse(row.record) as EventRecord], merged: null };
    // Merged events: their members in the order of the members' primary key, so the rows of one merged event come
    // together and its JSON is parsed once.
    const members = this.#db
      .prepare(
        `SELECT e.record, mm.merged_id AS mergedId, m.json AS merged
         FROM merged_members mm
         JOIN events e ON e.id = mm.event_id
         JOIN merged_events m ON m.id = mm.merged_id
         WHERE ${where}
         ORDER BY mm.merged_id, mm.event_id`,
      )
      .iterate(params) as IterableIterator<{ record: string; mergedId: string; merged: string }>;
    let current: RealEvent | null = null;
    let currentId: string | null = null;
    for (const row of members) {
      const record = JSON.parse(row.record) as EventRecord;
      if (current !== null && row.mergedId === currentId) {
        current.records.push(record);
        continue;
      }
      if (current !== null) yield current;
      currentId = row.mergedId;
      current = { records: [record], merged: JSON.parse(row.merged) as MergedEvent };
    }
    if (current !== null) yield current;
  }

  review(eventId: string, decisions: readonly ReviewInput[]): { decisions: ReviewDecision[]; event: ReviewedEvent } {
    const run = this.#db.transaction(() => {
      const stored = this.#reviews.add(eventId, decisions);
      return { decisions: stored, event: this.getEvent(eventId) as ReviewedEvent };
    });
    return run.immediate();
  }

  reviewHistory(eventId: string): ReviewDecision[] {
    return this.#reviews.history(eventId);
  }

  orphanedReviews(): ReviewDecision[] {
    return this.#reviews.orphaned();
  }

  documentIds(): string[] {
    return (this.#db.prepare('SELECT id FROM documents ORDER BY id').all() as { id: string }[]).map((row) => row.id);
  }

  replaceEvents(documentId: string, events: readonly EventRecord[], options: { dryRun?: boolean } = {}): ReplaceResult {
    const dryRun = Symbol('dry run');
    let result: ReplaceResult | undefined;
    const run = this.#db.transaction(() => {
      const document = this.#statements.getDocument.get(documentId);
      if (!document) throw new SitrepError('STORE_QUERY_INVALID', `no document ${documentId}`);
      const before = (
        this.#db
          .prepare('SELECT coalesce(extracted, record) AS record FROM events WHERE document_id = ? ORDER BY id')
          .all(documentId) as { record: string }[]
      ).map((row) => JSON.parse(row.record) as EventRecord);
      // Cascades to the mentions, actors and sources; the reviews stay, to be re-attached.
      this.#db.prepare('DELETE FROM events WHERE document_id = ?').run(documentId);
      for (const event of events) this.#insertEvent(documentId, event);
      const reviews = this.#reviews.reattach(documentId, [], events, document.content_hash);
      result = { before, reviews: reviews ?? { reattached: [], orphaned: [] } };
      // A dry run undoes the transaction by throwing, after the report is made from the real writes.
      if (options.dryRun) throw dryRun;
    });
    try {
      run.immediate();
    } catch (error) {
      if (error !== dryRun) throw error;
    }
    return result as ReplaceResult;
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }
}

/** A stored event that merges, with what the merge needs of its document. */
interface MergeRow {
  record: string;
  outlet: string | null;
  url: string | null;
  published: string | null;
}

interface EventRow {
  sortKey: string;
  id: string;
  record: string;
  lat: number | null;
  lon: number | null;
}

/** A row as a page's query reads it: without the record. */
type KeyRow = Omit<EventRow, 'record'>;

function checkNear(near: { lat: number; lon: number; km: number }): { lat: number; lon: number; km: number } {
  const { lat, lon, km } = near;
  if (!Number.isFinite(lat) || lat < -90 || lat > 90 || !Number.isFinite(lon) || lon < -180 || lon > 180) {
    throw new SitrepError('STORE_QUERY_INVALID', `near must be a latitude and longitude, not ${lat},${lon}`);
  }
  if (!Number.isFinite(km) || km < 0) {
    throw new SitrepError('STORE_QUERY_INVALID', `within must be a distance in km of at least 0, not ${km}`);
  }
  return near;
}

/** The latitude and longitude bounds of the points within `km` of a point (longitudes may wrap). */
export function boundingBox(near: { lat: number; lon: number; km: number }): {
  minLat: number;
  maxLat: number;
  minLon: number;
  maxLon: number;
} {
  const dLat = (near.km / EARTH_RADIUS_KM) * (180 / Math.PI);
  const minLat = near.lat - dLat;
  const maxLat = near.lat + dLat;
  // Near a pole, or for a circle wider than the globe's half, every longitude is in.
  if (minLat <= -90 || maxLat >= 90 || near.km >= (Math.PI / 2) * EARTH_RADIUS_KM) {
    return { minLat: Math.max(minLat, -90), maxLat: Math.min(maxLat, 90), minLon: -180, maxLon: 180 };
  }
  const dLon = Math.asin(Math.min(1, Math.sin(near.km / EARTH_RADIUS_KM) / Math.cos((near.lat * Math.PI) / 180)));
  const dLonDeg = dLon * (180 / Math.PI);
  const wrap = (lon: number) => (lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon);
  if (dLonDeg >= 180) return { minLat, maxLat, minLon: -180, maxLon: 180 };
  return { minLat, maxLat, minLon: wrap(near.lon - dLonDeg), maxLon: wrap(near.lon + dLonDeg) };
}

function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new SitrepError('STORE_QUERY_INVALID', `limit must be a positive whole number, not ${limit}`);
  }
  return Math.min(limit, MAX_LIMIT);
}

function isoDay(value: string, name: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new SitrepError('STORE_QUERY_INVALID', `${name} must be a date in the form YYYY-MM-DD, not "${value}"`);
  }
  return value;
}

/** The cursor is the sort key and id of the last event of a page, opaque to callers. */
function encodeCursor(sortKey: string, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      return [value[0] as string, value[1] as string];
    }
  } catch {
    // falls through to the error below
  }
  throw new SitrepError('STORE_QUERY_INVALID', 'the cursor is not one this store gave out');
}

/**
 * A user's words as an FTS5 query that matches documents holding all of them. Each word is quoted, so that
 * quotes, operators (AND, NEAR, *, ^) and column names in the text are searched for, never interpreted.
 */
export function ftsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  return words.map((word) => `"${word}"`).join(' ');
}
