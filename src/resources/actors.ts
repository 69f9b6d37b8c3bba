// Reads data/countries.yaml and data/actors/*.yaml, validates them, and builds the actor lexicon.
// Named actors may come in any number of YAML files under data/actors/ (a user adds their own file there);
// agents.yaml, titles.yaml and cues.yaml have their own formats.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { DataError } from '../core/errors.ts';
import { SECTORS } from '../core/ontology/plover.ts';
import {
  type ActorCues,
  type ActorEntry,
  type ActorLexicon,
  type AgentEntry,
  buildActorLexicon,
  type CountryEntry,
} from '../extract/actors/lexicon.ts';

const Sector = z.enum(SECTORS).nullable();
const Acled = z.number().int().min(1).max(8).nullable();
// YAML reads a bare `NO` (Norway) as a string only when quoted; accept what YAML gives and insist on text.
const Text = z.string().min(1);

const CountrySchema = z.object({
  iso3: z.string().regex(/^[A-Z]{3}$/),
  iso2: z.string().regex(/^[A-Z]{2}$/),
  name: Text,
  adjective: Text.optional(),
  aliases: z.array(Text).default([]),
  demonyms: z.array(Text).default([]),
  capital: Text,
  capital_aliases: z.array(Text).optional(),
  capital_metonym: z.boolean().optional(),
  note: z.string().optional(),
});

const RelationSchema = z.object({
  type: z.enum([
    'member_of',
    'part_of',
    'backed_by',
    'allied_with',
    'affiliate_of',
    'commanded_by',
    'successor_of',
    'splinter_of',
    'rival_of',
  ]),
  target: Text,
  from: z.number().int().optional(),
  until: z.number().int().optional(),
  note: z.string().optional(),
});

const RoleSchema = z.object({
  title: Text,
  org: Text.optional(),
  from: z.number().int().optional(),
  until: z.number().int().optional(),
});

const EntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are kebab-case: kataib-hezbollah'),
  name: Text,
  aliases: z.array(Text).optional(),
  kind: z.enum(['organisation', 'armed-group', 'igo', 'person']),
  country: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable(),
  sector: Sector,
  acled: Acled,
  plural: z.boolean().optional(),
  caseSensitive: z.boolean().optional(),
  relations: z.array(RelationSchema).optional(),
  roles: z.array(RoleSchema).optional(),
  surnames: z.array(Text).optional(),
  from: z.number().int().optional(),
  until: z.number().int().optional(),
  note: z.string().optional(),
  source: Text,
});

const AgentSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  label: Text,
  role: z.enum(['agent', 'title', 'event', 'unidentified', 'modifier', 'backer']).optional(),
  class: Text.optional(),
  rank: z.boolean().optional(),
  inherit: z.boolean().optional(),
  needsModifier: z.boolean().optional(),
  weak: z.boolean().optional(),
  inSpan: z.boolean().optional(),
  sector: Sector,
  acled: Acled,
  singular: z.array(Text).optional(),
  persons: z.array(Text).optional(),
  plural: z.array(Text).optional(),
  words: z.array(Text).optional(),
  note: z.string().optional(),
});

const CuesSchema = z.object({
  locativePrepositions: z.array(Text),
  motionWords: z.array(Text),
  metonymVerbs: z.array(Text),
  statementNouns: z.array(Text),
  placeNouns: z.array(Text),
  nameParticles: z.array(Text),
  notNames: z.array(Text),
});

/** Files under data/actors/ that are not lists of named actors. */
const SPECIAL_FILES = new Set(['agents.yaml', 'titles.yaml', 'cues.yaml']);

export interface ActorData {
  countries: CountryEntry[];
  entries: ActorEntry[];
  agents: AgentEntry[];
  cues: ActorCues;
}

function readYaml<T>(file: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new DataError(file, `not valid YAML: ${(cause as Error).message}`, { cause });
  }
  const result = schema.safeParse(raw ?? []);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    throw new DataError(file, `${where}: ${issue?.message ?? result.error.message}`);
  }
  return result.data;
}

/** The raw, validated entries of the actor data files. */
export function readActorData(dataDir: string): ActorData {
  const actorsDir = join(dataDir, 'actors');
  const countries = readYaml(join(dataDir, 'countries.yaml'), z.array(CountrySchema)) as CountryEntry[];
  const entries: ActorEntry[] = [];
  const files = existsSync(actorsDir)
    ? readdirSync(actorsDir)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
    : [];
  // The shipped files first, in a fixed order, then a user's own files alphabetically.
  const shipped = ['organisations.yaml', 'armed-groups.yaml', 'people.yaml'];
  const ordered = [
    ...shipped.filter((f) => files.includes(f)),
    ...files.filter((f) => !shipped.includes(f) && !SPECIAL_FILES.has(f)),
  ];
  const seen = new Map<string, string>();
  for (const f of ordered) {
    const file = join(actorsDir, f);
    for (const e of readYaml(file, z.array(EntrySchema)) as ActorEntry[]) {
      const before = seen.get(e.id);
      if (before) throw new DataError(file, `duplicate id ${e.id} (also in ${before})`);
      seen.set(e.id, f);
      entries.push(e);
    }
  }
  const agents = [
    ...(readYaml(join(actorsDir, 'agents.yaml'), z.array(AgentSchema)) as AgentEntry[]),
    ...(readYaml(join(actorsDir, 'titles.yaml'), z.array(AgentSchema)) as AgentEntry[]),
  ];
  const cues = readYaml(join(actorsDir, 'cues.yaml'), CuesSchema);
  checkReferences(join(actorsDir, 'armed-groups.yaml'), entries, countries);
  return { countries, entries, agents, cues };
}

/** Relations and roles must point at an entry id or a country code. */
function checkReferences(file: string, entries: readonly ActorEntry[], countries: readonly CountryEntry[]): void {
  const ids = new Set(entries.map((e) => e.id));
  const codes = new Set([...countries.map((c) => c.iso3), 'UNO', 'EUR', 'IGO', 'NGO', 'IMG']);
  for (const e of entries) {
    if (e.country !== null && !codes.has(e.country)) throw new DataError(file, `${e.id}: unknown country ${e.country}`);
    for (const r of e.relations ?? []) {
      if (!ids.has(r.target) && !codes.has(r.target))
        throw new DataError(file, `${e.id}: relation to unknown ${r.target}`);
    }
    for (const r of e.roles ?? []) {
      if (r.org && !ids.has(r.org) && !codes.has(r.org)) throw new DataError(file, `${e.id}: role in unknown ${r.org}`);
    }
  }
}

/** Reads and builds the actor lexicon (once per process; the result is shared read-only). */
export function loadActorLexicon(dataDir: string): ActorLexicon {
  const data = readActorData(dataDir);
  try {
    return buildActorLexicon(data);
  } catch (cause) {
    throw new DataError(join(dataDir, 'actors'), (cause as Error).message, { cause });
  }
}
