// The level dyads are counted at: each actor as extracted, its organisational parent, its backer, or its country.
// Parents and backers come from the relations of the actor lexicon (data/actors/), handed in as a hierarchy built
// by the caller, so this stays a pure function of its arguments.
import type { Actor } from '../core/record.ts';
import type { AnalysisLevel, DyadActor } from './types.ts';

/** An actor lexicon entry as far as levels read it (the lexicon's `ActorEntry` has these fields). */
export interface HierarchyEntry {
  id: string;
  name: string;
  country: string | null;
  relations?: readonly HierarchyRelation[] | undefined;
}

export interface HierarchyRelation {
  type: string;
  /** Another entry's id, or an ISO3 country code. */
  target: string;
  from?: number | undefined;
  until?: number | undefined;
}

export interface ActorHierarchy {
  entries: ReadonlyMap<string, HierarchyEntry>;
  /** ISO3 → country name. */
  countries: ReadonlyMap<string, string>;
}

export const EMPTY_HIERARCHY: ActorHierarchy = { entries: new Map(), countries: new Map() };

export function buildHierarchy(
  entries: readonly HierarchyEntry[],
  countries: readonly { iso3: string; name: string }[],
): ActorHierarchy {
  return {
    entries: new Map(entries.map((e) => [e.id, e])),
    countries: new Map(countries.map((c) => [c.iso3, c.name])),
  };
}

/**
 * Organisational relations, in the order one is preferred when an entry has several: Kata'ib Hezbollah is part of
 * the Islamic Resistance in Iraq (from 2023) and a member of the PMF; the operational umbrella is the parent.
 */
const PARENT_RELATIONS = ['part_of', 'member_of', 'commanded_by', 'affiliate_of'] as const;
/** Chains longer than this are a data error (a cycle the lexicon check missed); the walk stops there. */
const MAX_DEPTH = 8;

export const NONE_KEY = 'none';
export const UNKNOWN_COUNTRY_KEY = 'unknown';

/** Applies in this year (undated events: every relation applies). */
const appliesIn = (r: HierarchyRelation, year: number | null) =>
  year === null || ((r.from === undefined || r.from <= year) && (r.until === undefined || r.until >= year));

function relationOf(entry: HierarchyEntry, types: readonly string[], year: number | null): HierarchyRelation | null {
  for (const type of types) {
    const found = entry.relations?.find((r) => r.type === type && appliesIn(r, year));
    if (found) return found;
  }
  return null;
}

/** PLOVER's codes for actors of no one country, as the lexicon uses them (Islamic State is IMG). */
const NON_STATE_CODES: Readonly<Record<string, string>> = {
  IMG: 'international militant groups',
  IGO: 'intergovernmental organisations',
  NGO: 'non-governmental organisations',
  UNO: 'United Nations',
  EUR: 'European Union',
};

function countryActor(code: string | null, level: AnalysisLevel, h: ActorHierarchy): DyadActor {
  if (code === null) return { key: UNKNOWN_COUNTRY_KEY, name: '(unknown country)', country: null, level };
  return { key: code, name: h.countries.get(code) ?? NON_STATE_CODES[code] ?? code, country: code, level };
}

function entryActor(entry: HierarchyEntry, level: AnalysisLevel): DyadActor {
  return { key: entry.id, name: entry.name, country: entry.country, level };
}

/** The actor itself: its lexicon or generic id, else its lower-cased name. */
function selfActor(actor: Actor, level: AnalysisLevel): DyadActor {
  return { key: actor.id ?? `name:${actor.name.toLowerCase()}`, name: actor.name, country: actor.country, level };
}

/**
 * The top of the entry's organisational chain ("Saraya Awliya al-Dam" → affiliate of Kata'ib Hezbollah → part of
 * the Islamic Resistance in Iraq), or a country when the chain ends in one; null when the entry has no parent.
 */
function parentOf(entry: HierarchyEntry, year: number | null, h: ActorHierarchy): HierarchyEntry | string | null {
  let current: HierarchyEntry = entry;
  const seen = new Set([entry.id]);
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const relation = relationOf(current, PARENT_RELATIONS, year);
    if (relation === null) break;
    const next = h.entries.get(relation.target);
    if (next === undefined) return relation.target; // a country code
    if (seen.has(next.id)) break;
    seen.add(next.id);
    current = next;
  }
  return current === entry ? null : current;
}

/** The first backer named on the way up the chain: the entry's own, else its parent's, and so on. */
function backerOf(entry: HierarchyEntry, year: number | null, h: ActorHierarchy): HierarchyEntry | string | null {
  let current: HierarchyEntry = entry;
  const seen = new Set([entry.id]);
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const backing = relationOf(current, ['backed_by'], year);
    if (backing !== null) return h.entries.get(backing.target) ?? backing.target;
    const relation = relationOf(current, PARENT_RELATIONS, year);
    const next = relation === null ? undefined : h.entries.get(relation.target);
    if (next === undefined || seen.has(next.id)) return null;
    seen.add(next.id);
    current = next;
  }
  return null;
}

/**
 * One side of a dyad at the chosen level. `year` picks the relations that applied then. An actor not in the
 * lexicon (a generic agent such as "Iraqi militias", a bare name) is its own parent and backer.
 */
export function actorAt(actor: Actor, level: AnalysisLevel, year: number | null, h: ActorHierarchy): DyadActor {
  const entry = actor.id === null ? undefined : h.entries.get(actor.id);
  if (level === 'country') return countryActor(actor.country ?? entry?.country ?? null, level, h);
  if (level === 'actor' || entry === undefined) {
    return entry ? entryActor(entry, level) : selfActor(actor, level);
  }
  const found = level === 'parent' ? parentOf(entry, year, h) : (backerOf(entry, year, h) ?? parentOf(entry, year, h));
  if (found === null) return entryActor(entry, level);
  return typeof found === 'string' ? countryActor(found, level, h) : entryActor(found, level);
}

/** The side of an event that names no one: "a rocket attack on the base" has no named actor. */
export function noneActor(level: AnalysisLevel): DyadActor {
  return { key: NONE_KEY, name: '(none)', country: null, level };
}
