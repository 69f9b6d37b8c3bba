// POST /events/:id/review: a reviewer's decision on an event — confirm, reject, set or unset a field, or a note —
// as `sitrep review` records it (docs/REVIEW.md). Writing needs the bearer token the app was given (SITREP_TOKEN);
// without one the route is off and answers 404.
import type { Context, Hono, Next } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { SitrepError } from '../../core/errors.ts';
import { changesMerged } from '../../store/review.ts';
import type { ApiDeps } from '../deps.ts';
import { ApiError, errorResponse } from '../errors.ts';
import { idParam, parse, reviewBody } from '../validate.ts';
import { sameToken } from './ingest.ts';

/** A decision's body is small: a field, a value, a note. */
const MAX_REVIEW_BYTES = 64 * 1024;

export function registerReview(app: Hono, deps: ApiDeps): void {
  const { store, token, logger } = deps;

  const guard = async (c: Context, next: Next) => {
    if (token === null) {
      throw new ApiError(
        404,
        'REVIEW_DISABLED',
        'POST /events/:id/review is off: the server was started without SITREP_TOKEN',
      );
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
    if (!match?.[1] || !sameToken(match[1], token)) {
      c.header('WWW-Authenticate', 'Bearer');
      throw new ApiError(401, 'UNAUTHORIZED', 'a valid bearer token is required (Authorization: Bearer <token>)');
    }
    if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
      throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the decision as application/json');
    }
    await next();
  };

  const limit = bodyLimit({
    maxSize: MAX_REVIEW_BYTES,
    onError: (c) => errorResponse(c, 413, 'PAYLOAD_TOO_LARGE', `the body is larger than ${MAX_REVIEW_BYTES} bytes`),
  });

  app.post('/events/:id/review', guard, limit, async (c) => {
    const { id } = parse(idParam, c.req.param(), 'path');
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      throw new ApiError(400, 'INVALID_JSON', 'the body is not valid JSON');
    }
    const body = parse(reviewBody, raw, 'body');
    try {
      const previous = store.getEvent(id)?.review?.status ?? 'unreviewed';
      const { decisions, event } = store.review(id, [body]);
      // As POST /documents does: the merged events follow the events as reviewed, without the rejected ones.
      if (changesMerged(previous, [body])) store.rebuildMerged();
      logger.info(`review of ${id}: ${body.action} by ${body.reviewer}`);
      return c.json({ decisions, review: event.review ?? null, event, reviews: store.reviewHistory(id) }, 201);
    } catch (error) {
      if (error instanceof SitrepError && error.code === 'REVIEW_NOT_FOUND') {
        throw new ApiError(404, 'NOT_FOUND', `no event ${id}`);
      }
      if (error instanceof SitrepError && error.code === 'REVIEW_INVALID') {
        throw new ApiError(400, 'INVALID_REQUEST', `invalid body: ${error.message}`);
      }
      throw error;
    }
  });
}
