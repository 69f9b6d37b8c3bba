// Gold files (JSON Lines, the format of the gold-file schema): one hand-coded document a line.
import { z } from 'zod';

const oneOrMany = <T extends z.ZodTypeAny>(item: T) => z.union([item, z.array(item)]);

const GoldActorSchema = z.object({
  names: z.array(z.string()).optional(),
  country: oneOrMany(z.string()).optional(),
  matchCountry: z.boolean().optional(),
});

export const GoldEventSchema = z.looseObject({
  id: z.string().optional(),
  note: z.string().optional(),
  required: z.boolean().optional(),
  type: oneOrMany(z.string()),
  evidence: oneOrMany(z.string()).optional(),
  mode: oneOrMany(z.string()).optional(),
  acled: z.object({ event_type: z.string().optional(), sub_event_type: z.string().optional() }).optional(),
  actor: GoldActorSchema.optional(),
  recipient: GoldActorSchema.optional(),
  roles: z.literal('symmetric').optional(),
  date: z.object({ start: z.string(), end: z.string() }).optional(),
  place: z
    .object({
      names: z.array(z.string()).optional(),
      country: oneOrMany(z.string()).optional(),
      lat: z.number().optional(),
      lon: z.number().optional(),
      radiusKm: z.number().optional(),
      admin1: z.string().optional(),
    })
    .optional(),
  killed: z.number().optional(),
  injured: z.number().optional(),
  count: z.number().optional(),
  claim: z
    .object({
      status: z.string().optional(),
      via: z.array(z.string()).optional(),
      anonymousSources: z.number().optional(),
    })
    .optional(),
});
export type GoldEvent = z.infer<typeof GoldEventSchema>;
export type GoldActor = z.infer<typeof GoldActorSchema>;

export const GoldDocumentSchema = z
  .looseObject({
    id: z.string(),
    text: z.string().optional(),
    textFile: z.string().optional(),
    published: z.string().optional(),
    outlet: z.string().optional(),
    events: z.array(GoldEventSchema),
  })
  .refine((d) => d.text !== undefined || d.textFile !== undefined, 'a gold document needs "text" or "textFile"');
export type GoldDocument = z.infer<typeof GoldDocumentSchema>;

export const asList = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
