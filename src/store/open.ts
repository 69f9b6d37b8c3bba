// Opens the store a command asked for. SQLite is the default (and so far the only) implementation; another
// database would be chosen here by the shape of `path` (a URL scheme, say).
import { openSqliteStore, type SqliteStoreOptions } from './sqlite/sqlite-store.ts';
import type { Store } from './store.ts';

/** `path` is a database file, created when missing, or `:memory:`. */
export function openStore(path: string, options: SqliteStoreOptions = {}): Store {
  return openSqliteStore(path, options);
}
