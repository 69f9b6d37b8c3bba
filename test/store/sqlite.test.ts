// The store contract against SQLite, in memory and in a file; then what only SQLite has (migrations, WAL).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
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
