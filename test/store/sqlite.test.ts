// The store contract against SQLite, in memory and in a file; then what only SQLite has (migrations, WAL).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { mergeKey } from '../../src/merge/compatible.ts';
import { openStore } from '../../src/store/open.ts';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.ts';
import { migrate, openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { documentOf, eventOf, storeContract } from './contract.ts';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-store-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
let lastFile = '';

storeContract('sqlite :memory:', { open: () => openStore(':memory:') });
// Every filter read both ways (src/store/sqlite/event-query.ts): walking the sort index, and from the events an
// index lists (on these small stores every driver is under the default limit).
storeContract('sqlite :memory:, always walking', { open: () => openSqliteStore(':memory:', { candidateLimit: -1 }) });
storeContract('sqlite file', {
  open: () => {
    lastFile = join(dir, `store-${++files}.db`);
    return openStore(lastFile);
  },
  reopen: () => openStore(lastFile),
});

test('sqlite store: a file database uses WAL and records its schema version', () => {
  const path = join(dir, 'wal.db');
  openStore(path).close();
  const db = new Database(path, { readonly: true });
  try {
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    const versions = db.prepare('SELECT version FROM schema_version ORDER BY version').all() as { version: number }[];
    assert.deepEqual(
      versions.map((v) => v.version),
      MIGRATIONS.map((m) => m.version),
    );
  } finally {
    db.close();
  }
});

test('sqlite store: a later migration is applied once, on the next open, after the earlier ones', () => {
  const path = join(dir, 'migrate.db');
  openStore(path).close();
  const next = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'notes', sql: 'CREATE TABLE notes (x TEXT)' }];
  openSqliteStore(path, { migrations: next }).close();
  openSqliteStore(path, { migrations: next }).close();
  const store = openSqliteStore(path, { migrations: next });
  assert.equal(store.stats().schemaVersion, next.length);
  store.close();
  // A database newer than the code refuses to open instead of being misread.
  assert.throws(() => openStore(path), /newer than this sitrep knows/);
});

test('sqlite store: the filters use indexes, not a scan of every event', () => {
  const path = join(dir, 'plan.db');
  openStore(path).close();
  const db = new Database(path, { readonly: true });
  try {
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail).join('; ');
    assert.match(
      plan("SELECT id FROM events e WHERE e.type = 'ASSAULT' ORDER BY sort_key DESC, id DESC LIMIT 10"),
      /events_type_sort/,
    );
    assert.match(plan("SELECT id FROM events e WHERE e.document_id = 'x'"), /events_document/);
    assert.match(plan("SELECT id FROM documents WHERE content_hash = 'x'"), /documents_content_hash/);
    assert.match(plan('SELECT id FROM events e ORDER BY sort_key DESC, id DESC LIMIT 10'), /events_sort/);
    assert.match(
      plan("SELECT id FROM events e WHERE e.mode = 'drone' ORDER BY sort_key DESC, id DESC LIMIT 10"),
      /events_mode_sort/,
    );
    assert.match(
      plan('SELECT id FROM events e WHERE e.lat BETWEEN 33 AND 34 AND e.lon BETWEEN 44 AND 45'),
      /events_lat_lon/,
    );
  } finally {
    db.close();
  }
});

test('sqlite store: migration 2 fills the mode and coordinates of events stored before it', () => {
  const path = join(dir, 'backfill.db');
  const db = new Database(path);
  migrate(db, MIGRATIONS.slice(0, 1));
  const event = { ...eventOf({ id: 'old', document: 'd', placeCountry: 'IRQ' }), mode: 'drone' };
  const doc = documentOf('d', 'Drones hit a depot.');
  db.prepare(
    `INSERT INTO documents (id, url, content_hash, text, ingested_at) VALUES ('d', ?, ?, ?, '2024-05-01T00:00:00Z')`,
  ).run(doc.url, doc.contentHash, doc.text);
  db.prepare(
    `INSERT INTO events (id, document_id, type, date_start, date_end, place_country, sort_key, record)
     VALUES ('old', 'd', 'ASSAULT', '2024-05-01', '2024-05-01', 'IRQ', '2024-05-01', ?)`,
  ).run(JSON.stringify(event));
  db.close();
  const store = openStore(path);
  try {
    assert.deepEqual(
      store.listEvents({ mode: 'drone', near: { lat: 33.75, lon: 44.64, km: 1 } }).events.map((e) => e.id),
      ['old'],
    );
  } finally {
    store.close();
  }
});

test('sqlite store: migration 6 keys the tables of each event by its seq and keeps every row, review and filter', () => {
  const path = join(dir, 'seq.db');
  const db = new Database(path);
  migrate(db, MIGRATIONS.slice(0, 5));
  // Two documents, three events, written as a version-5 store held them: child rows keyed by event id.
  const events = [
    eventOf({
      id: 'e1',
      document: 'd1',
      actor: ['gunmen', 'gunmen', null],
      recipient: ['police', 'Iraqi police', 'IRQ'],
      placeCountry: 'IRQ',
      sentences: [0, 2],
    }),
    eventOf({ id: 'e2', document: 'd1', type: 'PROTEST', date: '2024-05-03', actor: ['students', 'students', 'IRQ'] }),
    eventOf({ id: 'e3', document: 'd2', date: null, recipient: ['a convoy', 'UN convoy', null] }),
  ];
  for (const [id, text] of [
    ['d1', 'Gunmen attacked police.'],
    ['d2', 'A convoy was hit.'],
  ] as const) {
    const doc = documentOf(id, text);
    db.prepare(
      `INSERT INTO documents (id, url, content_hash, text, ingested_at) VALUES (?, ?, ?, ?, '2024-05-04T00:00:00Z')`,
    ).run(id, doc.url, doc.contentHash, doc.text);
  }
  for (const e of events) {
    db.prepare(
      `INSERT INTO events (id, document_id, type, date_start, date_end, place_country, sort_key, record, mode, lat, lon,
                           review_status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      e.id,
      e.document,
      e.type,
      e.date?.start ?? null,
      e.date?.end ?? null,
      e.place?.country ?? null,
      e.date?.start ?? '',
      JSON.stringify(e),
      e.mode,
      e.place?.lat ?? null,
      e.place?.lon ?? null,
      e.id === 'e2' ? 'confirmed' : 'unreviewed',
    );
    for (const v of e.evidence) {
      db.prepare(
        `INSERT INTO mentions (event_id, document_id, sentence, start, "end", text) VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(e.id, e.document, v.sentence, v.start, v.end, v.text);
    }
    for (const [role, parties] of [
      ['actor', e.actor],
      ['recipient', e.recipient],
    ] as const) {
      parties.forEach((a, i) => {
        db.prepare(
          'INSERT INTO event_actors (event_id, role, position, actor_id, name, text, country) VALUES (?, ?, ?, ?, ?, ?, ?)',
        ).run(e.id, role, i, a.id, a.name, a.text, a.country);
      });
    }
    e.claim.sources.forEach((s, i) => {
      db.prepare(
        'INSERT INTO sources (event_id, position, text, anonymous, count, kind) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(e.id, i, s.text, s.anonymous ? 1 : 0, s.count, s.kind);
    });
  }
  db.prepare(
    `INSERT INTO reviews (event_id, document_id, action, reviewer, at, anchor) VALUES ('e2', 'd1', 'confirm', 'ana', '2024-05-04T01:00:00Z', '{}')`,
  ).run();
  db.close();

  const store = openStore(path);
  try {
    const stats = store.stats();
    assert.equal(stats.schemaVersion, MIGRATIONS.at(-1)?.version);
    assert.deepEqual([stats.documents, stats.events, stats.mentions, stats.sources], [2, 3, 4, 3]);
    assert.deepEqual(
      store.getMentions('e1').map((m) => [m.documentId, m.sentence]),
      [
        ['d1', 0],
        ['d1', 2],
      ],
    );
    const ids = (filter: Parameters<typeof store.listEvents>[0]) => store.listEvents(filter).events.map((e) => e.id);
    assert.deepEqual(ids({ actor: 'Iraqi police' }), ['e1']);
    assert.deepEqual(ids({ dyad: { actor: 'gunmen', recipient: 'IRQ' } }), ['e1']);
    assert.deepEqual(ids({ country: 'IRQ' }).sort(), ['e1', 'e2']);
    assert.deepEqual(ids({ review: 'confirmed' }), ['e2']);
    assert.equal(store.reviewHistory('e2').length, 1);
    assert.deepEqual(
      store
        .listActors()
        .map((a) => a.name)
        .sort(),
      ['Iraqi police', 'UN convoy', 'gunmen', 'students'],
    );
    // The merge keys the migration wrote are those the store writes for new events.
    const sqlite = new Database(path, { readonly: true });
    const keys = sqlite
      .prepare('SELECT k.key FROM merge_keys k JOIN events e ON e.seq = k.event_seq ORDER BY e.id')
      .all() as {
      id: string;
      key: string;
    }[];
    sqlite.close();
    assert.deepEqual(
      keys.map((row) => JSON.parse(row.key)),
      events.map(mergeKey),
    );
    // The migrated store takes new documents as before.
    store.putDocument(documentOf('d3', 'Troops shelled a village.'), [eventOf({ id: 'e4', document: 'd3' })]);
    assert.equal(store.stats().events, 4);
  } finally {
    store.close();
  }
});
