// GET /trends: escalation per directed dyad and week (docs/ANALYTICS.md), the object `sitrep trends --json` prints.
import type { Hono } from 'hono';
import { trendsFrom } from '../../analyze/query.ts';
import type { TrendsOptions } from '../../analyze/trends.ts';
import type { ApiDeps } from '../deps.ts';
import { parse, trendsQuery } from '../validate.ts';

export function registerTrends(app: Hono, { store, hierarchy }: ApiDeps): void {
  app.get('/trends', (c) => {
    const query = parse(trendsQuery, c.req.query(), 'query');
    const options: TrendsOptions = hierarchy ? { hierarchy } : {};
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) Object.assign(options, { [key]: value });
    }
    return c.json(trendsFrom(store, options));
  });
}
