// POST /documents: ingest one document, as `sitrep ingest` does — extract its events and store them with it in one
// transaction, then rebuild the merged events. Writing needs the bearer token the app was given (SITREP_TOKEN); with
// no token (or no extraction function) the route is off and answers 404, as if it were not there.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, Hono, Next } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { contentHash } from '../../ingest/document.ts';
import type { DocumentToStore } from '../../store/store.ts';
import type { ApiDeps } from '../deps.ts';
import { ApiError, errorResponse } from '../errors.ts';
import { documentBody, parse } from '../validate.ts';

/** Compared as digests, so neither the time taken nor the lengths tell a caller how much of a guess was right. */
export function sameToken(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export function registerIngest(app: Hono, deps: ApiDeps): void {
  const { store, extract, token, logger } = deps;

  const guard = async (c: Context, next: Next) => {
    if (token === null || extract === null) {
      throw new ApiError(404, 'INGEST_DISABLED', 'POST /documents is off: the server was started without SITREP_TOKEN');
    }
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1] || !sameToken(match[1], token)) {
      c.header('WWW-Authenticate', 'Bearer');
      throw new ApiError(401, 'UNAUTHORIZED', 'a valid bearer token is required (Authorization: Bearer <token>)');
    }
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/json\b/i.test(type)) {
      throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the document as application/json');
    }
    await next();
  };

  const limit = bodyLimit({
    maxSize: deps.maxBodyBytes,
    onError: (c) => errorResponse(c, 413, 'PAYLOAD_TOO_LARGE', `the body is larger than ${deps.maxBodyBytes} bytes`),
  });

  app.post('/documents', guard, limit, async (c) => {
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      throw new ApiError(400, 'INVALID_JSON', 'the body is not valid JSON');
    }
    const body = parse(documentBody, raw, 'body');
    const hash = contentHash(body.text);
    if (store.hasContent(hash)) return c.json({ id: body.id ?? null, unchanged: true, events: [] }, 200);
    const id = body.id ?? `api-${hash.slice(0, 16)}`;
    const input = {
      id,
      text: body.text,
      published: body.published ?? null,
      outlet: body.outlet ?? null,
      url: body.url ?? null,
      title: body.title ?? null,
    };
    // `extract` is non-null here: the guard answered 404 otherwise.
    const events = extract === null ? [] : await extract(input);
    const document: DocumentToStore = { ...input, contentHash: hash, source: 'POST /documents', format: 'text' };
    const { replaced } = store.putDocument(document, events);
    store.rebuildMerged();
    logger.info(`stored ${id} (${events.length} events)`);
    c.header('Location', `/documents/${encodeURIComponent(id)}`);
    return c.json({ id, unchanged: false, replaced, events }, 201);
  });
}
