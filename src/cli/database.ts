// Which database a command uses, and opening it for reading.
import { existsSync } from 'node:fs';

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
