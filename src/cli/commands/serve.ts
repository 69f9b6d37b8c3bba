// `sitrep serve`: the HTTP API (src/api) over a database. The CLI wires it: it opens the store, binds extraction to
// its resources (loaded on the first POST /documents, so a read-only server never pays for them), reads the token
// from SITREP_TOKEN, and hands all of it to createApp.
import { buildDashboard } from '../../../web/build.ts';
import { createApp, type DashboardAssets, type Extract } from '../../api/app.ts';
import { startServer } from '../../api/serve.ts';
import type { ExtractionResources } from '../../extract/pipeline.ts';
import { extractEvents } from '../../extract/pipeline.ts';
import { openStore } from '../../store/open.ts';
import type { Store } from '../../store/store.ts';
import { databasePath } from '../database.ts';
import { hierarchyFor } from '../hierarchy.ts';
import { resourcesFor } from '../resources.ts';

export interface ServeOptions {
  port: number;
  host: string;
  db?: string;
  data?: string;
  /** false: the JSON API alone, without the dashboard under `/` (`--no-dashboard`). */
  dashboard?: boolean;
}

export async function runServe(options: ServeOptions): Promise<number> {
  const dbPath = databasePath(options.db);
  let store: Store;
  try {
    store = openStore(dbPath);
  } catch (cause) {
    process.stderr.write(`sitrep serve: cannot open the database ${dbPath}: ${(cause as Error).message}\n`);
    return 1;
  }
  let resources: ExtractionResources | undefined;
  const extract: Extract = (input) => {
    resources ??= resourcesFor(options);
    return extractEvents(input, resources).events;
  };
  const token = process.env.SITREP_TOKEN?.trim() || undefined;
  let dashboard: DashboardAssets | undefined;
  if (options.dashboard !== false) {
    try {
      dashboard = await buildDashboard();
    } catch (cause) {
      store.close();
      process.stderr.write(`sitrep serve: cannot build the dashboard (web/): ${(cause as Error).message}\n`);
      return 1;
    }
  }
  const app = createApp({
    store,
    extract,
    ...(token ? { token } : {}),
    ...(dashboard ? { dashboard } : {}),
    // Parents, backers and country names for GET /trends and /network (the actor lexicon's YAML, read once).
    hierarchy: hierarchyFor(options),
    logger: {
      info: (message) => process.stdout.write(`${message}\n`),
      error: (message, cause) => process.stderr.write(`${message}: ${(cause as Error)?.stack ?? String(cause)}\n`),
    },
  });
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(app, { port: options.port, hostname: options.host });
  } catch (cause) {
    store.close();
    process.stderr.write(
      `sitrep serve: cannot listen on ${options.host}:${options.port}: ${(cause as Error).message}\n`,
    );
    return 1;
  }
  process.stdout.write(
    `sitrep serve: listening on ${server.address} (database ${dbPath}; POST /documents ${
      token ? 'on, with the SITREP_TOKEN bearer token' : 'off: SITREP_TOKEN is not set'
    })\n`,
  );
  if (dashboard) process.stdout.write(`sitrep serve: dashboard at ${server.address}/ (Ctrl-C stops it)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  store.close();
  return 0;
}
