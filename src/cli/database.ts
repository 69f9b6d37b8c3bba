// Which database a command uses, and opening it for reading.
import { existsSync } from 'node:fs';
import { openStore } from '../store/open.ts';
import type { Store } from '../store/store.ts';

/** `--db`, else `SITREP_DB`, else sitrep.db in the working folder. */
export function databasePath(option: string | undefined): string {
  return option ?? process.env.SITREP_DB ?? 'sitrep.db';
}

/** A database that must already exist: reading commands never create an empty one by mistake. */
export function existingDatabase(path: string): string | null {
  return path === ':memory:' || existsSync(path)
    ? null
    : `no database at ${path} (run \`sitrep ingest\` first, or give --db)`;
}

/**
 * The store of a command that reads an existing database (`events`, `show`, `export`, `trends`, `review`,
 * `reextract`), or null after saying on stderr why there is none; the command then exits 1.
 */
export function openExistingStore(command: string, path: string): Store | null {
  const missing = existingDatabase(path);
  if (missing !== null) {
    process.stderr.write(`sitrep ${command}: ${missing}\n`);
    return null;
  }
  try {
    return openStore(path);
  } catch (cause) {
    process.stderr.write(`sitrep ${command}: cannot open the database ${path}: ${(cause as Error).message}\n`);
    return null;
  }
}
