// Blocking for the cross-document merge: rather than putting every two events of a type to `sameEvent`, only the
// pairs that could pass it are visited. Each event goes under a few keys (its type and where it happened); inside a
// key the events are swept in date order and a pair is visited only while their dates can still meet. Every pair
// the rule (docs/MERGE.md) links shares a key and a date window, so blocking drops none: why is said beside each key.

import { EARTH_RADIUS_KM } from '../core/geo.ts';
import { type CompatibilityOptions, countryOf, dayNumber, firmDate, type MergeKey, placeLevel } from './compatible.ts';

export type PairVisitor = (i: number, j: number) => void;
/** Calls `visit(i, j)` (i < j, indices into `events`) for pairs that may be one event; never for others. */
export type PairSource = (events: readonly MergeKey[], options: CompatibilityOptions, visit: PairVisitor) => void;

interface Member {
  index: number;
  /** The first day (`dayNumber`). */
  start: number;
  /** The last day an event starting later may start on and still meet this one: its end plus the day slack. */
  reach: number;
  level: 'country' | 'region' | 'point';
  coordinates: boolean;
  band: number;
}

type Kind = 'country' | 'region' | 'band' | 'name';

interface Block {
  kind: Kind;
  band: number;
  members: Member[];
}

/** Which pairs of one block the rule could link (the other pairs of the block meet under another key, or never). */
const PAIRS: Record<Kind, (a: Member, b: Member, block: Block) => boolean> = {
  // A country links only with a region or point inside it; two countries never link.
  country: (a, b) => (a.level === 'country') !== (b.level === 'country'),
  // A region links with a region or point of the same admin1 area; two points meet by distance or name instead.
  region: (a, b) => a.level === 'region' || b.level === 'region',
  // Each point is in its own latitude band and the next; a pair in both is visited only under the higher one.
  band: (a, b, block) => Math.max(a.band, b.band) === block.band,
  // Two points with coordinates are compared by distance (their bands), not by name.
  name: (a, b) => !a.coordinates || !b.coordinates,
};

/**
 * The blocked pairs. Two events the rule links are of one type, have firm dates and places (else nothing links), and
 * by the place rule (`placesCompatible`, not both countries):
 * - one a country: the same country → both under `country|type|C`, one of them the country;
 * - else one a region: the same country and admin1 → both under `region|type|C|A`;
 * - else two points with coordinates within maxKm: great-circle distance ≥ R·|Δlatitude|, so their latitudes lie
 *   at most one band apart (a band is maxKm of latitude) → both under the higher band;
 * - else two points, one without coordinates: the same name and country → both under `name|type|C|name`.
 * Inside a block, sorted by start day, a later event that starts after an earlier one's end plus the day slack can
 * meet neither it nor any event starting later still (`datesCompatible`).
 */
export const blockedPairs: PairSource = (events, options, visit) => {
  const slack = Math.max(0, options.daySlack);
  // A band of latitude just wider than maxKm (the small margin absorbs rounding in the distance).
  const bandDegrees = (options.maxKm / ((EARTH_RADIUS_KM * Math.PI) / 180)) * 1.0001;
  const blocks = new Map<string, Block>();
  const add = (kind: Kind, parts: (string | number | null)[], member: Member, band = 0) => {
    const key = [kind, ...parts].map(String).join('\u0000');
    const block = blocks.get(key);
    if (block) block.members.push(member);
    else blocks.set(key, { kind, band, members: [member] });
  };
  events.forEach((event, index) => {
    const { date, place, type } = event;
    if (!firmDate(date) || place === null) return;
    const level = placeLevel(place);
    const country = countryOf(place);
    const coordinates = place.lat !== null && place.lon !== null;
    const band = place.lat !== null ? Math.floor(place.lat / bandDegrees) : 0;
    const member: Member = {
      index,
      start: dayNumber(date.start),
      reach: dayNumber(date.end) + slack,
      level,
      coordinates,
      band,
    };
    if (country !== null) add('country', [type, country], member);
    if (level !== 'country' && country !== null && place.admin1 !== null) {
      add('region', [type, country, place.admin1], member);
    }
    if (level === 'point') {
      if (coordinates) {
        add('band', [type, band], member, band);
        add('band', [type, band + 1], member, band + 1);
      }
      add('name', [type, country, place.name.toLowerCase()], member);
    }
  });
  for (const block of blocks.values()) {
    const members = block.members.sort((a, b) => a.start - b.start || a.index - b.index);
    const fits = PAIRS[block.kind];
    for (let x = 0; x < members.length; x++) {
      const a = members[x] as Member;
      for (let y = x + 1; y < members.length; y++) {
        const b = members[y] as Member;
        if (b.start > a.reach) break;
        if (fits(a, b, block)) visit(Math.min(a.index, b.index), Math.max(a.index, b.index));
      }
    }
  }
};

/** Every two events of one type: the unblocked comparison, kept as the reference blocking is tested against. */
export const everyPair: PairSource = (events, _options, visit) => {
  const byType = new Map<string, number[]>();
  events.forEach((event, i) => {
    const list = byType.get(event.type);
    if (list) list.push(i);
    else byType.set(event.type, [i]);
  });
  for (const indices of byType.values()) {
    for (let x = 0; x < indices.length; x++) {
      for (let y = x + 1; y < indices.length; y++) visit(indices[x] as number, indices[y] as number);
    }
  }
};
