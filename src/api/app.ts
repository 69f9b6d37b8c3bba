// The HTTP API as a hono app, built from what it is given: the store, the extraction function, the token. It knows
// no network (serve.ts does) and no extractor internals (the CLI passes `extract` in), so tests run it in-process
// with `app.request(…)` against an in-memory store.
import { Hono } from 'hono';
import { SitrepError } from '../core/errors.ts';
import type { ApiDeps, AppOptions, Logger } from './deps.ts';
import { ApiError, errorResponse } from './errors.ts';
import { registerActors } from './routes/actors.ts';
import { registerDashboard } from './routes/dashboard.ts';
import { registerDocument } from './routes/document.ts';
import { registerEvent } from './routes/event.ts';
import { registerEvents } from './routes/events.ts';
import { registerIngest } from './routes/ingest.ts';
import { registerNetwork } from './routes/network.ts';
import { registerOpenApi } from './routes/openapi.ts';
import { registerReview } from './routes/review.ts';
import { registerTrends } from './routes/trends.ts';
import { securityHeaders } from './security.ts';

export type { ApiDeps, AppOptions, Asset, DashboardAssets, Extract, Logger } from './deps.ts';

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

const silent: Logger = { info: () => {}, error: () => {} };

export function createApp(options: AppOptions): Hono {
  const deps: ApiDeps = {
    store: options.store,
    extract: options.extract ?? null,
    token: options.token ? options.token : null,
    logger: options.logger ?? silent,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    dashboard: options.dashboard ?? null,
    hierarchy: options.hierarchy ?? null,
  };
  const app = new Hono();

  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    deps.logger.info(`${c.req.method} ${c.req.path} ${c.res.status} ${(performance.now() - started).toFixed(1)} ms`);
  });
  app.use(securityHeaders());

  registerEvents(app, deps);
  registerEvent(app, deps);
  registerActors(app, deps);
  registerDocument(app, deps);
  registerIngest(app, deps);
  registerReview(app, deps);
  registerTrends(app, deps);
  registerNetwork(app, deps);
  registerOpenApi(app);
  registerDashboard(app, deps);

  app.notFound((c) => errorResponse(c, 404, 'NOT_FOUND', `no route ${c.req.method} ${c.req.path}`));
  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error.status, error.code, error.message);
    // The store refuses a query it cannot run (a cursor it never gave out, say): the client's mistake.
    if (error instanceof SitrepError && error.code === 'STORE_QUERY_INVALID') {
      return errorResponse(c, 400, 'INVALID_REQUEST', error.message);
    }
    deps.logger.error(`${c.req.method} ${c.req.path} failed`, error);
    return errorResponse(c, 500, 'INTERNAL', 'internal error');
  });
  return app;
}
