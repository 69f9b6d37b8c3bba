// Reads data/outlets.yaml into the outlet lexicon the claims stage looks names up in.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { DataError } from '../core/errors.ts';
import { buildOutletLexicon, OUTLET_KINDS, type OutletEntry, type OutletLexicon } from '../extract/claims/outlets.ts';

/** One entry of data/outlets.yaml (documented in data/README.md, section "Outlets"). */
export const RawOutletSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an id is kebab-case: "al-masdar-news"'),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  kind: z.enum(OUTLET_KINDS),
  country: z
    .string()
    .regex(/^[A-Z]{3}$/, 'a country is an ISO 3166-1 alpha-3 code: "IRQ"')
    .nullable()
    .default(null),
  state: z.boolean().default(false),
  affiliation: z.string().min(1).nullable().default(null),
});
export const RawOutletsSchema = z.array(RawOutletSchema);

/** Validates parsed YAML and builds the lookup; `file` names the source in errors. */
export function outletLexiconFrom(raw: unknown, file: string): OutletLexicon {
  const parsed = RawOutletsSchema.safeParse(raw);
  if (!parsed.success) throw new DataError(file, z.prettifyError(parsed.error));
  const seen = new Set<string>();
  for (const entry of parsed.data) {
    if (seen.has(entry.id)) throw new DataError(file, `outlet id "${entry.id}" appears twice`);
    seen.add(entry.id);
  }
  const entries: OutletEntry[] = parsed.data.map((e) => ({ ...e }));
  try {
    return buildOutletLexicon(entries);
  } catch (cause) {
    throw new DataError(file, (cause as Error).message, { cause });
  }
}

/** The outlet lexicon of a data folder: `<dataDir>/outlets.yaml`. */
export function loadOutletLexicon(dataDir: string): OutletLexicon {
  const file = join(dataDir, 'outlets.yaml');
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new DataError(file, `cannot read outlets: ${(cause as Error).message}`, { cause });
  }
  return outletLexiconFrom(raw, file);
}
