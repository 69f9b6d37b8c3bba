// GET /network: actors as nodes, directed dyads as edges weighted by events, with their tone (docs/ANALYTICS.md).
import type { Hono } from 'hono';
import type { NetworkOptions } from '../../analyze/network.ts';
import { networkFrom } from '../../analyze/query.ts';
import type { ApiDeps } from '../deps.ts';
import { networkQuery, parse, withGiven } from '../validate.ts';

export function registerNetwork(app: Hono, { store, hierarchy }: ApiDeps): void {
  app.get('/network', (c) => {
    const query = parse(networkQuery, c.req.query(), 'query');
    const options = withGiven<NetworkOptions>(hierarchy ? { hierarchy } : {}, query);
    return c.json(networkFrom(store, options));
  });
}
