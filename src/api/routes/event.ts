// GET /events/:id: one event with its provenance (each field's rule, the claim chain, the document it came from),
// the sentences that support it, and the merged event it belongs to when other documents report it too.
import type { Hono } from 'hono';
import type { ApiDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { idParam, parse } from '../validate.ts';

export function registerEvent(app: Hono, { store }: ApiDeps): void {
  app.get('/events/:id', (c) => {
    const { id } = parse(idParam, c.req.param(), 'path');
    const event = store.getEvent(id);
    if (event === null) throw new ApiError(404, 'NOT_FOUND', `no event ${id}`);
    const document = store.getDocument(event.document);
    return c.json({
      event,
      provenance: {
        fields: event.provenance.fields,
        extractor: event.provenance.extractor,
        claim: event.claim,
        document: document && {
          id: document.id,
          url: document.url,
          outlet: document.outlet,
          title: document.title,
          published: document.published,
          source: document.source,
          format: document.format,
          ingestedAt: document.ingestedAt,
        },
      },
      mentions: store.getMentions(id),
      merged: store.getMergedForEvent(id),
      // The review state (status, overrides with the extracted values) and every decision: docs/REVIEW.md.
      review: event.review ?? null,
      reviews: store.reviewHistory(id),
    });
  });
}
