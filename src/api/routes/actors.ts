// GET /actors: the distinct actors and recipients of the stored events, with how many events each takes part in.
import type { Hono } from 'hono';
import type { ApiDeps } from '../deps.ts';
import { actorsQuery, parse } from '../validate.ts';

export function registerActors(app: Hono, { store }: ApiDeps): void {
  app.get('/actors', (c) => {
    const query = parse(actorsQuery, c.req.query(), 'query');
    return c.json({ actors: store.listActors(query.limit === undefined ? {} : { limit: query.limit }) });
  });
}
