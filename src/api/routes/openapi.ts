// GET /openapi.json: an OpenAPI 3.1 description of the routes, written by hand beside them. The event record's
// own schema is the zod schema in src/core/record.ts; here it is an object, described in README.md.
import type { Hono } from 'hono';
import { PLOVER_TYPES } from '../../core/ontology/plover.ts';

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
        summary: 'One event with its provenance, mentions and merged event',
        parameters: [idPath],
        responses: {
          '200': json(
            {
              type: 'object',
              required: ['event', 'provenance', 'mentions', 'merged'],
              properties: {
                event: { $ref: '#/components/schemas/Event' },
                provenance: { type: 'object' },
                mentions: { type: 'array', items: { $ref: '#/components/schemas/Mention' } },
                merged: { type: ['object', 'null'] },
              },
            },
            'the event',
          ),
          '404': error,
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
