// GET /trends: escalation per directed dyad and week (docs/ANALYTICS.md), the object `sitrep trends --json` prints.
import type { Hono } from 'hono';
import { trendsFrom } from '../../analyze/query.ts';
import type { TrendsOptions } from '../../analyze/trends.ts';
import type { ApiDeps } from '../deps.ts';
import { parse, trendsQuery, withGiven } from '../validate.ts';

export function registerTrends(app: Hono, { store, hierarchy }: ApiDeps): void {
  app.get('/trends', (c) => {
    const query = parse(trendsQuery, c.req.query(), 'query');
    const options = withGiven<TrendsOptions>(hierarchy ? { hierarchy } : {}, query);
    return c.json(trendsFrom(store, options));
  });
}
