// What the API is built from: createApp's options, and what each route is handed.
import type { DocumentInput, EventRecord } from '../core/record.ts';
import type { Store } from '../store/store.ts';

/** Extracts the events of one document: `extractEvents` with resources bound, in the CLI. */
export type Extract = (input: DocumentInput) => readonly EventRecord[] | Promise<readonly EventRecord[]>;

export interface Logger {
  info(message: string): void;
  error(message: string, cause?: unknown): void;
}

export interface AppOptions {
  store: Store;
  /** Without it, `POST /documents` is off. */
  extract?: Extract;
  /** The bearer token `POST /documents` requires (SITREP_TOKEN); without it, `POST /documents` is off. */
  token?: string;
  logger?: Logger;
  /** The largest request body accepted, in bytes (default 1 MB). */
  maxBodyBytes?: number;
}

/** What the routes are handed. */
export interface ApiDeps {
  store: Store;
  extract: Extract | null;
  token: string | null;
  logger: Logger;
  maxBodyBytes: number;
}
