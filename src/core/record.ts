// The event record, defined once as a schema; its TypeScript types are derived from it.
// Field by field it follows the gold-file schema's event record, and adds what an analyst needs to trust it:
// the spans behind each field, the rule or lexicon entry that produced it, and a stable id.
import { z } from 'zod';
import { ACLED_EVENT_TYPES, ACLED_SUB_EVENT_TYPES } from './ontology/acled.ts';
import { MODALITIES, PLOVER_TYPES } from './ontology/plover.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const RangeSchema = z.object({
  min: z.number().int().nonnegative(),
  max: z.number().int().nonnegative().nullable(),
});
export type Range = z.infer<typeof RangeSchema>;

export const SpanRefSchema = z.object({ start: z.number().int(), end: z.number().int() });

export const ActorSchema = z.object({
  /** The words of the report: "U.S. airstrikes", "these militias". */
  text: z.string(),
  /** Canonical name from the lexicon or built from a generic agent ("Iraqi militias"). */
  name: z.string(),
  /** Lexicon entry id, or a synthetic id for generic agents ("generic:IRQ:militia"). */
  id: z.string().nullable(),
  country: z.string().nullable(),
  sector: z.string().nullable(),
  /** ACLED actor type 1–8. */
  acled: z.number().int().min(1).max(8).nullable(),
  kind: z.string(),
  /** Where the words stand in the document; a coreferent mention also names what it refers to. */
  span: SpanRefSchema,
  refersTo: z.string().nullable(),
});
export type Actor = z.infer<typeof ActorSchema>;

export const DATE_PRECISIONS = ['day', 'week', 'month', 'year', 'range'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const EventDateSchema = z.object({
  start: isoDate,
  end: isoDate,
  /** How precisely the date is known: the span of its range, one step wider when it was inherited. */
  precision: z.enum(DATE_PRECISIONS),
  /** The words the date was read from; null when it was inherited. */
  text: z.string().nullable(),
  /** explicit: said of this event; inherited: taken from a neighbouring event or the publication date. */
  basis: z.enum(['explicit', 'inherited', 'publication']),
  span: SpanRefSchema.nullable(),
});
export type EventDate = z.infer<typeof EventDateSchema>;

export const PlaceSchema = z.object({
  text: z.string().nullable(),
  name: z.string(),
  feature: z.string(),
  country: z.string().nullable(),
  countries: z.array(z.string()),
  admin1: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  /** ACLED geo_precision: 1 the town itself, 2 near a town or part of a region, 3 a larger region. */
  precision: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  span: SpanRefSchema.nullable(),
});
export type Place = z.infer<typeof PlaceSchema>;

export const CLAIM_STATUSES = ['reported', 'claimed', 'suspected', 'alleged', 'denied'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const SourceSchema = z.object({
  text: z.string(),
  anonymous: z.boolean(),
  count: z.number().int().positive(),
  kind: z.string().nullable(),
});
export type Source = z.infer<typeof SourceSchema>;

export const ClaimSchema = z.object({
  status: z.enum(CLAIM_STATUSES),
  /** The outlet chain from the origin to the publisher: "AMN, citing Reuters" is ["Reuters", "AMN"]. */
  via: z.array(z.string()),
  sources: z.array(SourceSchema),
});
export type Claim = z.infer<typeof ClaimSchema>;

export const LINK_RELATIONS = ['after', 'before', 'response_to', 'coincides'] as const;
export const LinkSchema = z.object({
  relation: z.enum(LINK_RELATIONS),
  event: z.string(),
  /** The words that state the link: "in retaliation for", "followed". */
  text: z.string(),
});
export type Link = z.infer<typeof LinkSchema>;

export const EvidenceSchema = z.object({
  sentence: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  /** The trigger word or phrase inside the sentence. */
  trigger: SpanRefSchema.nullable(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const AcledSchema = z.object({
  event_type: z.enum(ACLED_EVENT_TYPES as [string, ...string[]]),
  sub_event_type: z.enum(Object.values(ACLED_SUB_EVENT_TYPES).flat() as [string, ...string[]]),
});

export const EventRecordSchema = z.object({
  id: z.string(),
  document: z.string(),
  type: z.enum(PLOVER_TYPES),
  mode: z.string().nullable(),
  context: z.array(z.string()),
  /** The mode's own PLOVER score where it has one, else the type's. */
  intensity: z.number(),
  quad: z.number().int().min(1).max(4),
  cameo: z.object({ root: z.string(), goldstein: z.number() }),
  acled: AcledSchema.nullable(),
  actor: z.array(ActorSchema),
  recipient: z.array(ActorSchema),
  date: EventDateSchema.nullable(),
  place: PlaceSchema.nullable(),
  count: RangeSchema.nullable(),
  killed: RangeSchema.nullable(),
  injured: RangeSchema.nullable(),
  /** Who the casualties were, as the report says: "militia members", "U.S. personnel". */
  victims: z.array(z.string()),
  claim: ClaimSchema,
  modality: z.enum(MODALITIES),
  links: z.array(LinkSchema),
  evidence: z.array(EvidenceSchema).min(1),
  provenance: z.object({
    extractor: z.string(),
    fields: z.record(z.string(), z.string()),
  }),
  confidence: z.number().min(0).max(1),
});
export type EventRecord = z.infer<typeof EventRecordSchema>;

export const DocumentInputSchema = z.object({
  id: z.string().min(1),
  text: z.string(),
  published: isoDate.nullable().optional(),
  outlet: z.string().nullable().optional(),
  url: z.string().nullable().optional(),
  title: z.string().nullable().optional(),
});
export type DocumentInput = z.infer<typeof DocumentInputSchema>;
