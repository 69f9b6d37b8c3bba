// GET /documents/:id: a stored document, its text as it was given, and where it came from.
import type { Hono } from 'hono';
import type { ApiDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { idParam, parse } from '../validate.ts';

export function registerDocument(app: Hono, { store }: ApiDeps): void {
  app.get('/documents/:id', (c) => {
    const { id } = parse(idParam, c.req.param(), 'path');
    const document = store.getDocument(id);
    if (document === null) throw new ApiError(404, 'NOT_FOUND', `no document ${id}`);
    return c.json({ document });
  });
}
