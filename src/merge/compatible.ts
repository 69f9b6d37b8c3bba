// When two stored events, from two different documents, report the same real-world event: the pairwise rule of the
// cross-document merge (docs/MERGE.md). Each test is a small pure function so that it can be tested as a table.

import { distanceKm } from '../core/geo.ts';
import type { Actor, EventDate, EventRecord, Place } from '../core/record.ts';

export interface CompatibilityOptions {
  /** Two placed points at most this far apart (great-circle km) may be one place. */
  maxKm: number;
  /** Two day-precision dates this many days apart still overlap ("Tuesday" in one report, "Wednesday" in another). */
  daySlack: number;
}

export const DEFAULT_COMPATIBILITY: CompatibilityOptions = { maxKm: 50, daySlack: 1 };

/**
 * What the merge relation and its blocking read of an event, and nothing more: a store keeps it beside each record,
 * so that the merge reads a few hundred bytes of every event and the whole record only of the events that merge.
 */
export interface MergeKey {
  id: string;
  document: string;
  type: EventRecord['type'];
  date: Pick<EventDate, 'start' | 'end' | 'precision' | 'basis'> | null;
  place: Pick<Place, 'name' | 'feature' | 'country' | 'countries' | 'admin1' | 'lat' | 'lon' | 'precision'> | null;
  actor: ActorKey[];
  recipient: ActorKey[];
}

type ActorKey = Pick<Actor, 'id' | 'country' | 'sector' | 'kind'>;
type DateKey = NonNullable<MergeKey['date']>;
type PlaceKey = NonNullable<MergeKey['place']>;

/** The merge key of a record: the fields `sameEvent` and `blockedPairs` compare. */
export function mergeKey(record: EventRecord): MergeKey {
  const { date, place } = record;
  const party = ({ id, country, sector, kind }: Actor): ActorKey => ({ id, country, sector, kind });
  return {
    id: record.id,
    document: record.document,
    type: record.type,
    date: date && { start: date.start, end: date.end, precision: date.precision, basis: date.basis },
    place: place && {
      name: place.name,
      feature: place.feature,
      country: place.country,
      countries: place.countries,
      admin1: place.admin1,
      lat: place.lat,
      lon: place.lon,
      precision: place.precision,
    },
    actor: record.actor.map(party),
    recipient: record.recipient.map(party),
  };
}

/**
 * Sectors (PLOVER/CAMEO agent codes) that one report may name where another names the other: "the army" (MIL) and
 * "the government" (GOV) of one country; "militants" (REB) and "a militia" (PRM). Codes outside a group match only
 * themselves.
 */
const SECTOR_GROUPS: readonly (readonly string[])[] = [
  ['GOV', 'MIL', 'COP', 'SPY', 'LEG', 'JUD', 'ELI'],
  ['REB', 'PRM', 'UAF', 'CRM'],
  ['CVL', 'SOC', 'REF', 'JRN', 'MED', 'EDU', 'REL', 'LAB', 'AGR', 'BUS'],
  ['OPP', 'PTY'],
];

export function sectorsCompatible(a: string | null, b: string | null): boolean {
  if (a === null || b === null || a === b) return true;
  return SECTOR_GROUPS.some((group) => group.includes(a) && group.includes(b));
}

/** An actor the report could not identify: no lexicon id and no country ("gunmen"), or PLOVER's UAF sector. */
export function unidentified(actor: ActorKey): boolean {
  return (actor.id === null && actor.country === null) || actor.sector === 'UAF' || actor.kind === 'unknown';
}

/** A lexicon entry (a named actor) rather than a generic description ("generic:IRQ:military"). */
function named(actor: ActorKey): boolean {
  return actor.id !== null && !actor.id.startsWith('generic:');
}

export type ActorMatch = 'same-id' | 'unidentified' | 'same-country-sector' | null;

/**
 * Two actors that may be the same party, and why:
 * - the same actor id;
 * - one of them unidentified ("gunmen", "unknown assailants");
 * - two different named actors (lexicon ids) are never the same;
 * - otherwise the same country (or one country unknown) and compatible sectors: "Iraqi forces" and "the army".
 */
export function actorMatch(a: ActorKey, b: ActorKey): ActorMatch {
  if (a.id !== null && a.id === b.id) return 'same-id';
  if (unidentified(a) || unidentified(b)) return 'unidentified';
  if (named(a) && named(b)) return null;
  if (a.country !== null && b.country !== null && a.country !== b.country) return null;
  if (a.country === null && b.country === null && a.sector === null && b.sector === null) return null;
  return sectorsCompatible(a.sector, b.sector) ? 'same-country-sector' : null;
}

/** Two sides (the actors, or the recipients) of two events: one side unknown, or some pair of parties matching. */
export function partiesCompatible(a: readonly ActorKey[], b: readonly ActorKey[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  return a.some((x) => b.some((y) => actorMatch(x, y) !== null));
}

/** A YYYY-MM-DD day as a whole number of days since 1970-01-01: days compared and shifted as numbers. */
export function dayNumber(day: string): number {
  // The merge asks this of both events of every pair it compares (a hundred million pairs on a million events), so
  // it reads the digits and counts the days itself: a Date, or a cache of shifted day strings, each time was most
  // of the comparing. The count is H. Hinnant's days_from_civil, on years that begin in March.
  const month = digits(day, 5, 7);
  const year = digits(day, 0, 4) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + digits(day, 8, 10) - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The number the decimal digits of `text` from `start` to `end` write. */
function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let at = start; at < end; at++) value = value * 10 + text.charCodeAt(at) - 48;
  return value;
}

/** Overlapping date ranges; at day precision on both sides, a day apart still overlaps. Undated: unknown, so yes. */
export function datesCompatible(a: DateKey | null, b: DateKey | null, daySlack = 1): boolean {
  if (a === null || b === null) return true;
  const slack = a.precision === 'day' && b.precision === 'day' ? daySlack : 0;
  return dayNumber(a.start) <= dayNumber(b.end) + slack && dayNumber(b.start) <= dayNumber(a.end) + slack;
}

export function countryOf(place: PlaceKey): string | null {
  return place.country ?? place.countries[0] ?? null;
}

/** How much ground a place names: a whole country, a region (an admin1 area), or a point (a town, a base). */
export function placeLevel(place: PlaceKey): 'country' | 'region' | 'point' {
  if (place.feature === 'country') return 'country';
  if (place.precision === 3 || ['admin1', 'region', 'border'].includes(place.feature)) {
    return place.admin1 === null ? 'country' : 'region';
  }
  return 'point';
}

/**
 * Two places that may be the same: within `maxKm` of each other, or one only a country or region that contains the
 * other (same country; same country and admin1). An unplaced event is unknown, so compatible.
 */
export function placesCompatible(a: PlaceKey | null, b: PlaceKey | null, maxKm = 50): boolean {
  if (a === null || b === null) return true;
  const levels = [placeLevel(a), placeLevel(b)];
  if (levels.includes('country')) {
    const [ca, cb] = [countryOf(a), countryOf(b)];
    return ca !== null && ca === cb;
  }
  if (levels.includes('region')) {
    return countryOf(a) !== null && countryOf(a) === countryOf(b) && a.admin1 !== null && a.admin1 === b.admin1;
  }
  if (a.lat !== null && a.lon !== null && b.lat !== null && b.lon !== null) {
    return distanceKm({ lat: a.lat, lon: a.lon }, { lat: b.lat, lon: b.lon }) <= maxKm;
  }
  // Points without coordinates: the same name in the same country.
  return a.name.toLowerCase() === b.name.toLowerCase() && countryOf(a) === countryOf(b);
}

/**
 * A date said of the event itself, a week long at most: a publication week, an inherited date or a month says too
 * little to merge on.
 */
export function firmDate<D extends DateKey>(date: D | null): date is D {
  return date !== null && date.basis === 'explicit' && dayNumber(date.end) <= dayNumber(date.start) + 7;
}

/** Some pair of parties that positively match on one side (both sides named, not only compatible). */
function namedMatch(a: readonly ActorKey[], b: readonly ActorKey[]): boolean {
  return a.some((x) => !unidentified(x) && b.some((y) => !unidentified(y) && actorMatch(x, y) !== null));
}

/**
 * The merge relation: two events of two different documents, of the same PLOVER type, with compatible actors and
 * recipients, overlapping firm dates (a day or a week said of the event), places near each other (not both only a
 * country), and a party named on both sides. Missing evidence never links two events: merged events are connected
 * components of this relation, so a loose link would chain unrelated events together. Symmetric by construction.
 */
export function sameEvent(a: MergeKey, b: MergeKey, options: CompatibilityOptions = DEFAULT_COMPATIBILITY): boolean {
  if (a.document === b.document || a.type !== b.type) return false;
  if (!firmDate(a.date) || !firmDate(b.date) || !datesCompatible(a.date, b.date, options.daySlack)) return false;
  if (a.place === null || b.place === null || !placesCompatible(a.place, b.place, options.maxKm)) return false;
  if (placeLevel(a.place) === 'country' && placeLevel(b.place) === 'country') return false;
  if (!partiesCompatible(a.actor, b.actor) || !partiesCompatible(a.recipient, b.recipient)) return false;
  return namedMatch(a.actor, b.actor) || namedMatch(a.recipient, b.recipient);
}
