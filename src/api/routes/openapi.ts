// GET /openapi.json: an OpenAPI 3.1 description of the routes, written by hand beside them. The event record's
// own schema is the zod schema in src/core/record.ts; here it is an object, described in README.md.
import type { Hono } from 'hono';
import { ANALYSIS_LEVELS } from '../../analyze/types.ts';
import { PLOVER_TYPES } from '../../core/ontology/plover.ts';
import { REVIEW_ACTIONS, REVIEW_STATUSES } from '../../store/review.ts';
import { SETTABLE_FIELDS } from '../../store/review-fields.ts';

const error = { $ref: '#/components/responses/Error' };
const query = (name: string, description: string, schema: object = { type: 'string' }) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});
const idPath = { name: 'id', in: 'path', required: true, schema: { type: 'string', minLength: 1, maxLength: 300 } };
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const limit = { type: 'integer', minimum: 1, maximum: 1000 };
const json = (schema: object, description: string) => ({ description, content: { 'application/json': { schema } } });

/** The query parameters GET /trends and GET /network share (docs/ANALYTICS.md). */
const analysisParameters = [
  query('level', 'how actors are grouped (default actor)', { type: 'string', enum: [...ANALYSIS_LEVELS] }),
  query('since', 'from the week holding this day', date),
  query('until', 'to the week holding this day', date),
  query('dyad', 'A:B — the dyads A→B and B→A; words of a name, a lexicon id or an ISO3 code; * for anyone'),
  query('type', 'count only this PLOVER type', { type: 'string', enum: [...PLOVER_TYPES] }),
];

export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'sitrep',
    version: '1',
    description: 'Sourced, geolocated, time-resolved conflict events extracted from news reports.',
  },
  paths: {
    '/events': {
      get: {
        summary: 'Stored events, latest first, with the filters of `sitrep events` and a cursor',
        parameters: [
          query('actor', 'words of an actor or recipient (text or canonical name)'),
          query('country', 'ISO 3166 alpha-3 of the place or of an actor or recipient', {
            type: 'string',
            pattern: '^[A-Za-z]{3}$',
          }),
          query('dyad', 'ACTOR:RECIPIENT, each side words or an ISO3 code (directed)'),
          query('type', 'PLOVER event type', { type: 'string', enum: [...PLOVER_TYPES] }),
          query('mode', 'PLOVER mode (drone, shell, demo …)'),
          query('since', 'events ending on or after this day', date),
          query('until', 'events starting on or before this day', date),
          query('near', 'LAT,LON; with `within`', { type: 'string', pattern: '^-?[\\d.]+,-?[\\d.]+$' }),
          query('within', 'distance from `near` in km', { type: 'number', minimum: 0 }),
          query('text', 'every word in the document title or text (full-text search)'),
          query('review', 'only events in this review state, or all (default: all but the rejected)', {
            type: 'string',
            enum: ['all', 'unreviewed', 'confirmed', 'rejected'],
          }),
          query(
            'merged',
            'true: each real-world event once — a merged event (docs/MERGE.md) in place of its members, its fields ' +
              'merged, with `reports` (articles, outlets, independentSources) and `merged` (null when alone)',
            { type: 'string', enum: ['true', 'false'] },
          ),
          query('cursor', 'the `next` of the previous page'),
          query('limit', 'page size (default 100)', limit),
        ],
        responses: {
          '200': json(
            {
              type: 'object',
              required: ['events', 'next'],
              properties: {
                events: { type: 'array', items: { $ref: '#/components/schemas/Event' } },
                next: { type: ['string', 'null'] },
              },
            },
            'a page of events',
          ),
          '400': error,
        },
      },
    },
    '/events/{id}': {
      get: {
        summary: 'One event (as reviewed) with its provenance, mentions, merged event, review state and history',
        parameters: [idPath],
        responses: {
          '200': json(
            {
              type: 'object',
              required: ['event', 'provenance', 'mentions', 'merged', 'review', 'reviews'],
              properties: {
                event: { $ref: '#/components/schemas/Event' },
                provenance: { type: 'object' },
                mentions: { type: 'array', items: { $ref: '#/components/schemas/Mention' } },
                merged: { type: ['object', 'null'] },
                review: { oneOf: [{ $ref: '#/components/schemas/ReviewState' }, { type: 'null' }] },
                reviews: { type: 'array', items: { $ref: '#/components/schemas/ReviewDecision' } },
              },
            },
            'the event',
          ),
          '404': error,
        },
      },
    },
    '/events/{id}/review': {
      post: {
        summary: 'Review an event: confirm, reject, set or unset a field, or a note (needs the bearer token)',
        security: [{ bearer: [] }],
        parameters: [idPath],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ReviewInput' } } },
        },
        responses: {
          '201': json(
            {
              type: 'object',
              required: ['decisions', 'review', 'event', 'reviews'],
              properties: {
                decisions: { type: 'array', items: { $ref: '#/components/schemas/ReviewDecision' } },
                review: { $ref: '#/components/schemas/ReviewState' },
                event: { $ref: '#/components/schemas/Event' },
                reviews: { type: 'array', items: { $ref: '#/components/schemas/ReviewDecision' } },
              },
            },
            'recorded; the event as now reviewed, and its history',
          ),
          '400': error,
          '401': error,
          '404': error,
          '413': error,
          '415': error,
        },
      },
    },
    '/actors': {
      get: {
        summary: 'Distinct actors and recipients with their event counts, most events first',
        parameters: [query('limit', 'how many (default 100)', limit)],
        responses: {
          '200': json(
            {
              type: 'object',
              required: ['actors'],
              properties: { actors: { type: 'array', items: { $ref: '#/components/schemas/ActorCount' } } },
            },
            'the actors',
          ),
          '400': error,
        },
      },
    },
    '/documents/{id}': {
      get: {
        summary: 'One stored document with its text and provenance',
        parameters: [idPath],
        responses: {
          '200': json(
            {
              type: 'object',
              required: ['document'],
              properties: { document: { $ref: '#/components/schemas/Document' } },
            },
            'the document',
          ),
          '404': error,
        },
      },
    },
    '/documents': {
      post: {
        summary: 'Ingest one document: extract its events and store them (needs the bearer token)',
        security: [{ bearer: [] }],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/DocumentInput' } } },
        },
        responses: {
          '200': json({ type: 'object' }, 'the same text is already stored; nothing changed'),
          '201': json(
            {
              type: 'object',
              required: ['id', 'events'],
              properties: {
                id: { type: 'string' },
                unchanged: { type: 'boolean' },
                replaced: { type: 'array', items: { type: 'string' } },
                events: { type: 'array', items: { $ref: '#/components/schemas/Event' } },
              },
            },
            'stored, with the events extracted',
          ),
          '400': error,
          '401': error,
          '404': error,
          '413': error,
          '415': error,
        },
      },
    },
    '/trends': {
      get: {
        summary:
          'Escalation per directed dyad and ISO week: events by type, conflict and cooperation apart, killed and injured, breakouts (docs/ANALYTICS.md)',
        parameters: [
          ...analysisParameters,
          query('weeks', 'weeks shown when `since` is not given (default 26)', {
            type: 'integer',
            minimum: 1,
            maximum: 520,
          }),
          query('limit', 'dyads, gravest first (default 20)', { type: 'integer', minimum: 1, maximum: 500 }),
        ],
        responses: {
          '200': json(
            {
              type: 'object',
              description: 'TrendsResponse in src/analyze/types.ts',
              required: ['level', 'since', 'until', 'weeks', 'dyads', 'summary', 'rule'],
              properties: {
                level: { type: 'string', enum: [...ANALYSIS_LEVELS] },
                since: { type: ['string', 'null'] },
                until: { type: ['string', 'null'] },
                weeks: { type: 'array', items: date },
                dyads: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['source', 'target', 'totals', 'lastBreakout', 'weeks'],
                    properties: {
                      source: { $ref: '#/components/schemas/DyadActor' },
                      target: { $ref: '#/components/schemas/DyadActor' },
                      totals: { type: 'object' },
                      lastBreakout: { type: ['string', 'null'] },
                      weeks: {
                        type: 'array',
                        items: {
                          type: 'object',
                          required: [
                            'week',
                            'events',
                            'byType',
                            'conflict',
                            'cooperation',
                            'killed',
                            'injured',
                            'breakout',
                            'breakoutReason',
                          ],
                          properties: {
                            week: date,
                            events: { type: 'integer' },
                            byType: { type: 'object', additionalProperties: { type: 'integer' } },
                            conflict: { $ref: '#/components/schemas/SideStats' },
                            cooperation: { $ref: '#/components/schemas/SideStats' },
                            killed: { type: 'integer' },
                            injured: { type: 'integer' },
                            breakout: { type: 'boolean' },
                            breakoutReason: { type: ['string', 'null'] },
                          },
                        },
                      },
                    },
                  },
                },
                summary: { type: 'object' },
                rule: { type: 'object' },
              },
            },
            'the dyads, one entry per week shown',
          ),
          '400': error,
        },
      },
    },
    '/network': {
      get: {
        summary: 'The actor network: actors as nodes, directed dyads as edges weighted by events, with their tone',
        parameters: [
          ...analysisParameters,
          query('limit', 'edges, heaviest first (default 200)', { type: 'integer', minimum: 1, maximum: 2000 }),
        ],
        responses: {
          '200': json(
            {
              type: 'object',
              description: 'NetworkResponse in src/analyze/types.ts',
              required: ['level', 'since', 'until', 'nodes', 'edges'],
              properties: {
                level: { type: 'string', enum: [...ANALYSIS_LEVELS] },
                since: { type: ['string', 'null'] },
                until: { type: ['string', 'null'] },
                nodes: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['id', 'name', 'country', 'events'],
                    properties: {
                      id: { type: 'string' },
                      name: { type: 'string' },
                      country: { type: ['string', 'null'] },
                      events: { type: 'integer' },
                    },
                  },
                },
                edges: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['source', 'target', 'events', 'conflict', 'cooperation', 'tone'],
                    properties: {
                      source: { type: 'string' },
                      target: { type: 'string' },
                      events: { type: 'integer' },
                      conflict: { type: 'integer' },
                      cooperation: { type: 'integer' },
                      tone: { type: 'number', minimum: -1, maximum: 1 },
                    },
                  },
                },
              },
            },
            'the network',
          ),
          '400': error,
        },
      },
    },
    '/openapi.json': {
      get: { summary: 'This description', responses: { '200': json({ type: 'object' }, 'OpenAPI 3.1') } },
    },
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'the SITREP_TOKEN of the server' } },
    responses: {
      Error: json(
        {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { type: 'string' }, message: { type: 'string' } },
            },
          },
        },
        'an error',
      ),
    },
    schemas: {
      DyadActor: {
        type: 'object',
        required: ['key', 'name', 'country', 'level'],
        properties: {
          key: { type: 'string', description: 'lexicon id, generic id, name:…, ISO3 at the country level, or none' },
          name: { type: 'string' },
          country: { type: ['string', 'null'] },
          level: { type: 'string', enum: [...ANALYSIS_LEVELS] },
        },
      },
      SideStats: {
        type: 'object',
        required: ['events', 'material', 'intensity', 'peak', 'goldstein'],
        properties: {
          events: { type: 'integer' },
          material: { type: 'integer' },
          intensity: { type: 'number', description: 'summed PLOVER magnitude (0–10 per event)' },
          peak: { type: 'number' },
          goldstein: { type: 'number', description: 'summed Goldstein score, signed' },
        },
      },
      Event: { type: 'object', description: 'the event record (src/core/record.ts)', required: ['id', 'type'] },
      Mention: {
        type: 'object',
        properties: {
          eventId: { type: 'string' },
          documentId: { type: 'string' },
          sentence: { type: 'integer' },
          start: { type: 'integer' },
          end: { type: 'integer' },
          text: { type: 'string' },
        },
      },
      ActorCount: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          country: { type: ['string', 'null'] },
          events: { type: 'integer' },
          asActor: { type: 'integer' },
          asRecipient: { type: 'integer' },
        },
      },
      Document: {
        type: 'object',
        properties: Object.fromEntries(
          ['id', 'url', 'outlet', 'title', 'published', 'contentHash', 'text', 'source', 'format', 'ingestedAt'].map(
            (key) => [key, { type: key === 'id' || key === 'text' ? 'string' : ['string', 'null'] }],
          ),
        ),
      },
      ReviewInput: {
        type: 'object',
        required: ['action', 'reviewer'],
        additionalProperties: false,
        description: 'docs/REVIEW.md: set needs field and value (as `sitrep review --set FIELD=VALUE` takes them)',
        properties: {
          action: { type: 'string', enum: [...REVIEW_ACTIONS] },
          field: { type: 'string', enum: Object.keys(SETTABLE_FIELDS) },
          value: { type: ['string', 'number', 'null'], description: '"3-5", "2024-03-02..2024-03-04", "none" …' },
          note: { type: 'string', maxLength: 4000 },
          reviewer: { type: 'string', minLength: 1, maxLength: 200 },
        },
      },
      ReviewDecision: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          eventId: { type: 'string' },
          documentId: { type: 'string' },
          action: { type: 'string', enum: [...REVIEW_ACTIONS] },
          field: { type: ['string', 'null'] },
          value: { description: 'the value set, in canonical form (a range as {min, max} …)' },
          note: { type: ['string', 'null'] },
          reviewer: { type: 'string' },
          at: { type: 'string', format: 'date-time' },
          orphanedAt: { type: ['string', 'null'], format: 'date-time' },
        },
      },
      ReviewState: {
        type: 'object',
        properties: {
          status: { type: 'string', enum: [...REVIEW_STATUSES] },
          decidedBy: { type: ['string', 'null'] },
          decidedAt: { type: ['string', 'null'] },
          reason: { type: ['string', 'null'] },
          overrides: { type: 'array', items: { type: 'object' } },
          decisions: { type: 'integer' },
          lastAt: { type: 'string' },
        },
      },
      DocumentInput: {
        type: 'object',
        required: ['text'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', minLength: 1, maxLength: 300 },
          text: { type: 'string', minLength: 1 },
          published: { ...date, type: ['string', 'null'] },
          outlet: { type: ['string', 'null'] },
          url: { type: ['string', 'null'] },
          title: { type: ['string', 'null'] },
        },
      },
    },
  },
} as const;

export function registerOpenApi(app: Hono): void {
  app.get('/openapi.json', (c) => c.json(OPENAPI));
}
