// Where data enters over HTTP: query strings, path parameters and bodies are parsed with zod here, and a failure
// becomes a 400 naming each bad field; the routes then trust their types.
import { z } from 'zod';
import { parseDyad } from '../analyze/dyads.ts';
import { ANALYSIS_LEVELS } from '../analyze/types.ts';
import { PLOVER_TYPES } from '../core/ontology/plover.ts';
import { ApiError } from './errors.ts';

export function parse<T extends z.ZodType>(schema: T, value: unknown, where: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : where;
    return `${field}: ${issue.message}`;
  });
  throw new ApiError(400, 'INVALID_REQUEST', `invalid ${where}: ${problems.join('; ')}`);
}

/**
 * `base` with the query's given values on top: a parsed query holds `undefined` for what was not asked, which the
 * options (built with `exactOptionalPropertyTypes`) must not hold.
 */
export function withGiven<T extends object>(base: T, query: Readonly<Record<string, unknown>>): T {
  const options = { ...base };
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) Object.assign(options, { [key]: value });
  }
  return options;
}

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'not a date in the form YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(value)), 'not a calendar date');

/** A page size: a whole number from 1 to 1000, as a query string gives it. */
export const limit = z
  .string()
  .regex(/^\d+$/, 'not a whole number')
  .transform(Number)
  .pipe(z.number().int().min(1, 'at least 1').max(1000, 'at most 1000'));

/** An id in a path: stored ids are short; anything longer is not one of them. */
export const idParam = z.object({ id: z.string().min(1).max(300) });

/** A PLOVER type, in any case: "assault" is ASSAULT. */
const ploverType = z
  .string()
  .transform((value) => value.toUpperCase())
  .pipe(z.enum(PLOVER_TYPES, 'not a PLOVER type'));
const words = z.string().trim().min(1, 'empty').max(500, 'longer than 500 characters');

export const eventsQuery = z
  .object({
    actor: words.optional(),
    country: z
      .string()
      .regex(/^[A-Za-z]{3}$/, 'not an ISO 3166 alpha-3 code')
      .transform((value) => value.toUpperCase())
      .optional(),
    dyad: z
      .string()
      .max(500)
      .transform((value, ctx) => {
        const [actor, recipient, ...rest] = value.split(':');
        if (!actor?.trim() || !recipient?.trim() || rest.length > 0) {
          ctx.addIssue({ code: 'custom', message: 'not a dyad ACTOR:RECIPIENT, such as "militia:USA"' });
          return z.NEVER;
        }
        return { actor: actor.trim(), recipient: recipient.trim() };
      })
      .optional(),
    type: ploverType.optional(),
    mode: words.optional(),
    since: isoDate.optional(),
    until: isoDate.optional(),
    near: z
      .string()
      .transform((value, ctx) => {
        const parts = value.split(',').map((part) => part.trim());
        const [lat, lon] = parts.map((part) => (part === '' ? Number.NaN : Number(part)));
        if (
          parts.length !== 2 ||
          lat === undefined ||
          lon === undefined ||
          !(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)
        ) {
          ctx.addIssue({ code: 'custom', message: 'not a point LAT,LON such as 33.31,44.37' });
          return z.NEVER;
        }
        return { lat, lon };
      })
      .optional(),
    within: z
      .string()
      .regex(/^\d+(\.\d+)?$/, 'not a distance in km')
      .transform(Number)
      .optional(),
    text: words.optional(),
    review: z
      .enum(['all', 'unreviewed', 'confirmed', 'rejected'], 'not a review state (all, unreviewed, confirmed, rejected)')
      .optional(),
    merged: z
      .enum(['true', 'false'], 'not true or false')
      .transform((value) => value === 'true')
      .optional(),
    cursor: z.string().min(1).max(500).optional(),
    limit: limit.optional(),
  })
  .strict()
  .refine((query) => (query.near === undefined) === (query.within === undefined), {
    message: 'near and within go together',
    path: ['near'],
  });

export const actorsQuery = z.object({ limit: limit.optional() }).strict();

/** The body of POST /events/:id/review: one decision (docs/REVIEW.md); each field's value is checked by the store. */
export { ReviewInputSchema as reviewBody } from '../store/review.ts';

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'not a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min, `at least ${min}`).max(max, `at most ${max}`));

/** The query of GET /trends and GET /network (docs/ANALYTICS.md). */
const analysisQuery = {
  level: z.enum(ANALYSIS_LEVELS, `not one of ${ANALYSIS_LEVELS.join(', ')}`).optional(),
  since: isoDate.optional(),
  until: isoDate.optional(),
  dyad: z
    .string()
    .max(500)
    .transform((value, ctx) => {
      const dyad = parseDyad(value);
      if (typeof dyad === 'string') {
        ctx.addIssue({ code: 'custom', message: dyad });
        return z.NEVER;
      }
      return dyad;
    })
    .optional(),
  type: ploverType.optional(),
};

const sinceBeforeUntil = {
  check: (query: { since?: string | undefined; until?: string | undefined }) =>
    query.since === undefined || query.until === undefined || query.since <= query.until,
  message: { message: 'since is after until', path: ['since'] },
};

export const trendsQuery = z
  .object({ ...analysisQuery, weeks: wholeNumber(1, 520).optional(), limit: wholeNumber(1, 500).optional() })
  .strict()
  .refine(sinceBeforeUntil.check, sinceBeforeUntil.message);

export const networkQuery = z
  .object({ ...analysisQuery, limit: wholeNumber(1, 2000).optional() })
  .strict()
  .refine(sinceBeforeUntil.check, sinceBeforeUntil.message);

export const documentBody = z
  .object({
    id: z.string().trim().min(1).max(300).optional(),
    text: z.string().refine((value) => value.trim() !== '', 'empty'),
    published: isoDate.nullable().optional(),
    outlet: z.string().max(500).nullable().optional(),
    url: z.string().max(2000).nullable().optional(),
    title: z.string().max(2000).nullable().optional(),
  })
  .strict();
