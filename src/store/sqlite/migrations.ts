// The schema, as an ordered list of migrations. A database records the versions applied to it in `schema_version`;
// opening it applies the missing ones, in order, in one transaction. Never edit a released migration: add one.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'documents, events, mentions, actors, sources, full-text search',
    sql: `
      -- seq is the stable integer key the full-text index refers to; id is the document's own name.
      CREATE TABLE documents (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        url TEXT UNIQUE,
        outlet TEXT,
        title TEXT,
        published TEXT,
        content_hash TEXT NOT NULL,
        text TEXT NOT NULL,
        source TEXT,
        format TEXT,
        ingested_at TEXT NOT NULL
      );
      CREATE INDEX documents_content_hash ON documents (content_hash);

      -- The record is kept whole, as JSON; the columns beside it are what queries filter and sort on.
      -- sort_key is the date start, or '' for undated events, so that they sort last, latest first.
      CREATE TABLE events (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        date_start TEXT,
        date_end TEXT,
        place_country TEXT,
        sort_key TEXT NOT NULL,
        record TEXT NOT NULL
      );
      CREATE INDEX events_sort ON events (sort_key, id);
      CREATE INDEX events_type_sort ON events (type, sort_key, id);
      CREATE INDEX events_document ON events (document_id);
      CREATE INDEX events_place_country ON events (place_country);

      CREATE TABLE mentions (
        event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        sentence INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (event_id, sentence, start)
      );
      CREATE INDEX mentions_document ON mentions (document_id, sentence);

      -- Actors and recipients of each event, for the actor and country filters.
      CREATE TABLE event_actors (
        event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
        position INTEGER NOT NULL,
        actor_id TEXT,
        name TEXT NOT NULL,
        text TEXT NOT NULL,
        country TEXT,
        PRIMARY KEY (event_id, role, position)
      );
      CREATE INDEX event_actors_country ON event_actors (country, event_id);
      CREATE INDEX event_actors_actor_id ON event_actors (actor_id);

      -- Who says so: each event's sources as the claim names them ("two security officials"), and the outlet chain.
      CREATE TABLE sources (
        event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        text TEXT NOT NULL,
        anonymous INTEGER NOT NULL,
        count INTEGER NOT NULL,
        kind TEXT,
        PRIMARY KEY (event_id, position)
      );

      CREATE VIRTUAL TABLE documents_fts USING fts5 (
        title, text, content = 'documents', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
      END;
      CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
      END;
      CREATE TRIGGER documents_fts_update AFTER UPDATE ON documents BEGIN
        INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
        INSERT INTO documents_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
      END;
    `,
  },
  {
    version: 2,
    name: 'event mode and coordinates, for the mode and near/within filters',
    sql: `
      ALTER TABLE events ADD COLUMN mode TEXT;
      ALTER TABLE events ADD COLUMN lat REAL;
      ALTER TABLE events ADD COLUMN lon REAL;
      UPDATE events SET
        mode = json_extract(record, '$.mode'),
        lat = json_extract(record, '$.place.lat'),
        lon = json_extract(record, '$.place.lon');
      CREATE INDEX events_mode_sort ON events (mode, sort_key, id);
      -- near/within: a bounding box on lat (then lon) narrows the rows; the exact distance is checked in code.
      CREATE INDEX events_lat_lon ON events (lat, lon);
    `,
  },
  {
    version: 3,
    name: 'merged events across documents',
    sql: `
      -- Derived data: Store.rebuildMerged() recomputes both tables from the stored events (docs/MERGE.md).
      CREATE TABLE merged_events (
        id TEXT PRIMARY KEY,
        json TEXT NOT NULL
      );
      CREATE TABLE merged_members (
        merged_id TEXT NOT NULL REFERENCES merged_events (id) ON DELETE CASCADE,
        event_id TEXT NOT NULL,
        document_id TEXT NOT NULL,
        PRIMARY KEY (merged_id, event_id)
      );
      CREATE INDEX merged_members_event ON merged_members (event_id);
      CREATE INDEX merged_members_document ON merged_members (document_id);
    `,
  },
  {
    version: 4,
    name: 'reviews',
    sql: `
      -- The event as read is the record with its review applied: record holds that view, extracted the record as the
      -- extractor made it whenever a review changed it (null: record is as extracted). docs/REVIEW.md.
      ALTER TABLE events ADD COLUMN review_status TEXT NOT NULL DEFAULT 'unreviewed'
        CHECK (review_status IN ('unreviewed', 'confirmed', 'rejected'));
      ALTER TABLE events ADD COLUMN extracted TEXT;

      -- Reviewers' decisions. No foreign keys on purpose: replacing a document deletes its events, never the
      -- decisions on them; they are re-attached to the new events that cover the same evidence (anchor), or kept
      -- as orphans (orphaned_at) and reported.
      CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        event_id TEXT NOT NULL,
        document_id TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('confirm', 'reject', 'set', 'unset', 'note')),
        field TEXT,
        value TEXT,
        note TEXT,
        reviewer TEXT NOT NULL,
        at TEXT NOT NULL,
        anchor TEXT NOT NULL,
        orphaned_at TEXT
      );
      CREATE INDEX reviews_event ON reviews (event_id, id);
      CREATE INDEX reviews_document ON reviews (document_id);
      CREATE INDEX reviews_orphaned ON reviews (orphaned_at) WHERE orphaned_at IS NOT NULL;
    `,
  },
  {
    version: 5,
    name: 'indexes for actor, dyad and date filters on large stores',
    sql: `
      -- Every actor name and text as stored, once: an actor filter finds the names holding its words here (a few
      -- thousand rows, not millions), then their events through the two indexes below. Names are only added: one
      -- whose events are gone stays and selects nothing.
      CREATE TABLE actor_terms (term TEXT PRIMARY KEY) WITHOUT ROWID;
      INSERT OR IGNORE INTO actor_terms (term) SELECT name FROM event_actors UNION SELECT text FROM event_actors;
      CREATE TRIGGER event_actors_terms AFTER INSERT ON event_actors BEGIN
        INSERT OR IGNORE INTO actor_terms (term) VALUES (new.name), (new.text);
      END;
      CREATE INDEX event_actors_name ON event_actors (name, role, event_id);
      CREATE INDEX event_actors_text ON event_actors (text, role, event_id);
      -- The longest date span, read from its index, bounds a walk by --since from below.
      CREATE INDEX events_span ON events (julianday(date_end) - julianday(date_start));
    `,
  },
  {
    version: 6,
    name: 'events keyed by a growing integer, and the tables of each event by it',
    sql: `
      -- Event ids are content hashes: the mentions, actors and sources keyed by them landed each event's rows on a
      -- page of their own, so storing a document wrote a page of each of those tables for every event. Keyed by seq,
      -- an integer that grows with each event stored, a document's rows are appended to the same last pages
      -- (docs/BENCHMARKS.md, "Ingest"). A mention's document is its event's. The unused index on actor ids goes.
      -- merge_keys holds what the merge compares of each event (merge/compatible.ts, MergeKey), apart from the
      -- records (an event's row fills a page): rebuilding the merged events reads a few hundred bytes of every event
      -- and the whole record only of those that merge; rejected events, left out, are found by a partial index.
      -- The old tables are renamed out of the way (their foreign keys follow them), copied, then dropped.
      DROP TRIGGER event_actors_terms;
      DROP INDEX events_sort;
      DROP INDEX events_type_sort;
      DROP INDEX events_document;
      DROP INDEX events_place_country;
      DROP INDEX events_mode_sort;
      DROP INDEX events_lat_lon;
      DROP INDEX events_span;
      DROP INDEX mentions_document;
      DROP INDEX event_actors_country;
      DROP INDEX event_actors_actor_id;
      DROP INDEX event_actors_name;
      DROP INDEX event_actors_text;
      ALTER TABLE mentions RENAME TO mentions_v5;
      ALTER TABLE event_actors RENAME TO event_actors_v5;
      ALTER TABLE sources RENAME TO sources_v5;
      ALTER TABLE events RENAME TO events_v5;

      CREATE TABLE events (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        date_start TEXT,
        date_end TEXT,
        place_country TEXT,
        sort_key TEXT NOT NULL,
        record TEXT NOT NULL,
        mode TEXT,
        lat REAL,
        lon REAL,
        review_status TEXT NOT NULL DEFAULT 'unreviewed'
          CHECK (review_status IN ('unreviewed', 'confirmed', 'rejected')),
        extracted TEXT
      );
      INSERT INTO events (id, document_id, type, date_start, date_end, place_country, sort_key, record, mode, lat, lon,
                          review_status, extracted)
        SELECT id, document_id, type, date_start, date_end, place_country, sort_key, record, mode, lat, lon,
               review_status, extracted
        FROM events_v5 ORDER BY rowid;

      CREATE TABLE mentions (
        event_seq INTEGER NOT NULL REFERENCES events (seq) ON DELETE CASCADE,
        sentence INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (event_seq, sentence, start)
      ) WITHOUT ROWID;
      INSERT INTO mentions (event_seq, sentence, start, "end", text)
        SELECT e.seq, m.sentence, m.start, m."end", m.text FROM mentions_v5 m JOIN events e ON e.id = m.event_id;

      CREATE TABLE event_actors (
        event_seq INTEGER NOT NULL REFERENCES events (seq) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
        position INTEGER NOT NULL,
        actor_id TEXT,
        name TEXT NOT NULL,
        text TEXT NOT NULL,
        country TEXT,
        PRIMARY KEY (event_seq, role, position)
      ) WITHOUT ROWID;
      INSERT INTO event_actors (event_seq, role, position, actor_id, name, text, country)
        SELECT e.seq, a.role, a.position, a.actor_id, a.name, a.text, a.country
        FROM event_actors_v5 a JOIN events e ON e.id = a.event_id;

      CREATE TABLE sources (
        event_seq INTEGER NOT NULL REFERENCES events (seq) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        text TEXT NOT NULL,
        anonymous INTEGER NOT NULL,
        count INTEGER NOT NULL,
        kind TEXT,
        PRIMARY KEY (event_seq, position)
      ) WITHOUT ROWID;
      INSERT INTO sources (event_seq, position, text, anonymous, count, kind)
        SELECT e.seq, s.position, s.text, s.anonymous, s.count, s.kind FROM sources_v5 s JOIN events e ON e.id = s.event_id;

      CREATE TABLE merge_keys (
        event_seq INTEGER PRIMARY KEY REFERENCES events (seq) ON DELETE CASCADE,
        key TEXT NOT NULL
      );
      INSERT INTO merge_keys (event_seq, key)
        SELECT seq,
               json_object(
                 'id', record ->> '$.id', 'document', record ->> '$.document', 'type', record ->> '$.type',
                 'date', CASE WHEN json_type(record, '$.date') = 'object' THEN json_object(
                   'start', record ->> '$.date.start', 'end', record ->> '$.date.end',
                   'precision', record ->> '$.date.precision', 'basis', record ->> '$.date.basis') END,
                 'place', CASE WHEN json_type(record, '$.place') = 'object' THEN json_object(
                   'name', record ->> '$.place.name', 'feature', record ->> '$.place.feature',
                   'country', record ->> '$.place.country', 'countries', record -> '$.place.countries',
                   'admin1', record ->> '$.place.admin1', 'lat', record ->> '$.place.lat',
                   'lon', record ->> '$.place.lon', 'precision', record ->> '$.place.precision') END,
                 'actor', (SELECT json_group_array(json_object('id', a.value ->> '$.id', 'country', a.value ->> '$.country',
                   'sector', a.value ->> '$.sector', 'kind', a.value ->> '$.kind'))
                   FROM json_each(record, '$.actor') a),
                 'recipient', (SELECT json_group_array(json_object('id', a.value ->> '$.id', 'country', a.value ->> '$.country',
                   'sector', a.value ->> '$.sector', 'kind', a.value ->> '$.kind'))
                   FROM json_each(record, '$.recipient') a))
        FROM events;

      DROP TABLE mentions_v5;
      DROP TABLE event_actors_v5;
      DROP TABLE sources_v5;
      DROP TABLE events_v5;

      CREATE INDEX events_sort ON events (sort_key, id);
      CREATE INDEX events_type_sort ON events (type, sort_key, id);
      CREATE INDEX events_document ON events (document_id);
      CREATE INDEX events_place_country ON events (place_country);
      CREATE INDEX events_mode_sort ON events (mode, sort_key, id);
      CREATE INDEX events_lat_lon ON events (lat, lon);
      CREATE INDEX events_span ON events (julianday(date_end) - julianday(date_start));
      CREATE INDEX events_rejected ON events (seq) WHERE review_status = 'rejected';
      CREATE INDEX event_actors_country ON event_actors (country, event_seq);
      CREATE INDEX event_actors_name ON event_actors (name, role, event_seq);
      CREATE INDEX event_actors_text ON event_actors (text, role, event_seq);
      CREATE TRIGGER event_actors_terms AFTER INSERT ON event_actors BEGIN
        INSERT OR IGNORE INTO actor_terms (term) VALUES (new.name), (new.text);
      END;
    `,
  },
];
