// What the API is built from: createApp's options, and what each route is handed.
import type { ActorHierarchy } from '../analyze/levels.ts';
import type { DocumentInput, EventRecord } from '../core/record.ts';
import type { Store } from '../store/store.ts';

/** Extracts the events of one document: `extractEvents` with resources bound, in the CLI. */
export type Extract = (input: DocumentInput) => readonly EventRecord[] | Promise<readonly EventRecord[]>;

export interface Logger {
  info(message: string): void;
  error(message: string, cause?: unknown): void;
}

/** A file of the dashboard, built in memory (web/build.ts). */
export interface Asset {
  body: string;
  contentType: string;
}

/** Path served → file: "/", "/app.js" … */
export type DashboardAssets = ReadonlyMap<string, Asset>;

export interface AppOptions {
  store: Store;
  /** Without it, `POST /documents` is off. */
  extract?: Extract;
  /** The bearer token `POST /documents` requires (SITREP_TOKEN); without it, `POST /documents` is off. */
  token?: string;
  logger?: Logger;
  /** The largest request body accepted, in bytes (default 1 MB). */
  maxBodyBytes?: number;
  /** The dashboard's files, served under `/`; without them the server is the JSON API alone. */
  dashboard?: DashboardAssets;
  /** The actor lexicon's parents, backers and country names, for GET /trends and /network at levels other than actor. */
  hierarchy?: ActorHierarchy;
}

/** What the routes are handed. */
export interface ApiDeps {
  store: Store;
  extract: Extract | null;
  token: string | null;
  logger: Logger;
  maxBodyBytes: number;
  dashboard: DashboardAssets | null;
  hierarchy: ActorHierarchy | null;
}
