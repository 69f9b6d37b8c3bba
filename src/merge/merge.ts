// The cross-document merge (docs/MERGE.md): the stored events of many documents that report one real-world event
// become one merged event, with its members, how many articles, outlets and independent sources report it, and
// each merged field with the documents it came from. Clusters are the connected components of the pairwise
// relation `sameEvent`, and every choice inside a cluster breaks ties by sorted ids, so the result does not depend
// on the order the documents arrived in.
import { stableId } from '../core/ids.ts';
import type { PloverType } from '../core/ontology/plover.ts';
import type { Actor, ClaimStatus, DatePrecision, EventRecord, Place } from '../core/record.ts';
import { blockedPairs, type PairSource } from './blocking.ts';
import { type CompatibilityOptions, DEFAULT_COMPATIBILITY, type MergeKey, sameEvent } from './compatible.ts';
import { independentSources } from './sources.ts';

/** A stored event with what the merge needs of its document. */
export interface MergeInput {
  event: EventRecord;
  outlet: string | null;
  url: string | null;
  published: string | null;
}

export interface MergeOptions extends CompatibilityOptions {
  /** Word-set Jaccard similarity at or above which two evidence texts of one origin are one story. */
  copyThreshold: number;
  /** Keep events no other document reports, as merged events of one member (default: left out). */
  singletons: boolean;
}

export const DEFAULT_MERGE: MergeOptions = { ...DEFAULT_COMPATIBILITY, copyThreshold: 0.8, singletons: false };

export interface MergedMember {
  event: string;
  document: string;
  outlet: string | null;
  url: string | null;
  published: string | null;
}

/** A merged value and the documents that gave it. */
export interface Sourced<T> {
  value: T;
  documents: string[];
}

export interface CasualtyReport {
  document: string;
  outlet: string | null;
  min: number;
  max: number | null;
}

/** Casualties as the members report them: from the lowest to the highest of their minima, and who said which. */
export interface CasualtyRange {
  min: number;
  max: number;
  reports: CasualtyReport[];
}

export interface MergedDate {
  start: string;
  end: string;
  precision: DatePrecision;
  /** intersection: every member's range holds it; narrowest: the ranges do not all meet, the narrowest is kept. */
  basis: 'intersection' | 'narrowest';
  /** The documents whose ranges bound it (intersection) or gave it (narrowest). */
  documents: string[];
}

export interface MergedEvent {
  /** A stable hash of the sorted member event ids. */
  id: string;
  members: MergedMember[];
  articles: number;
  outlets: number;
  independentSources: number;
  /** The independent sources: groups of documents carrying one story. */
  sources: string[][];
  fields: {
    type: Sourced<PloverType>;
    mode: Sourced<string | null>;
    actor: Sourced<Actor>[];
    recipient: Sourced<Actor>[];
    date: MergedDate | null;
    place: Sourced<Place> | null;
    killed: CasualtyRange | null;
    injured: CasualtyRange | null;
    claim: Sourced<ClaimStatus>;
  };
}

/** Strongest first: stated as fact, claimed by someone, alleged, suspected, denied. */
export const CLAIM_STRENGTH: readonly ClaimStatus[] = ['reported', 'claimed', 'alleged', 'suspected', 'denied'];

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function mergedId(memberEventIds: readonly string[]): string {
  return stableId('merged', ...[...memberEventIds].sort(byString));
}

export function mergeEvents(inputs: readonly MergeInput[], options: Partial<MergeOptions> = {}): MergedEvent[] {
  // One entry per event id (a record stored twice is one event).
  const unique = new Map<string, MergeInput>();
  for (const input of inputs) unique.set(input.event.id, input);
  return mergeLoading(
    [...unique.values()].map((input) => input.event),
    (ids) => ids.map((id) => unique.get(id) as MergeInput),
    options,
  );
}

/**
 * `mergeEvents` for a caller that has every event's merge key at hand and loads whole records at a cost (a store of
 * millions): clusters are found on the keys, then `load` is asked once for the events that merge (by id, answered in
 * any order) and only those are read whole.
 */
export function mergeLoading(
  keys: readonly MergeKey[],
  load: (ids: string[]) => MergeInput[],
  options: Partial<MergeOptions> = {},
): MergedEvent[] {
  const opts = { ...DEFAULT_MERGE, ...options };
  const unique = new Map<string, MergeKey>();
  for (const key of keys) unique.set(key.id, key);
  const items = [...unique.values()].sort((a, b) => byString(a.id, b.id));
  const clusters = linkedComponents(items, opts)
    .filter((component) => opts.singletons || component.length > 1)
    .map((component) => component.map((i) => (items[i] as MergeKey).id));
  const loaded = new Map(load(clusters.flat()).map((input) => [input.event.id, input]));
  return clusters
    .map((ids) =>
      mergeCluster(
        ids.map((id) => loaded.get(id) as MergeInput),
        opts,
      ),
    )
    .sort((a, b) => byString(a.id, b.id));
}

/**
 * The connected components of `sameEvent` over the events, as ascending lists of indices, in the order of their
 * first member. Only the pairs `pairs` visits are compared (blocked by default, `everyPair` for the reference), and a
 * pair already in one component is not compared again: it could not change the components.
 */
export function linkedComponents(
  events: readonly MergeKey[],
  options: CompatibilityOptions = DEFAULT_COMPATIBILITY,
  pairs: PairSource = blockedPairs,
): number[][] {
  const parent = events.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    for (let node = i; parent[node] !== root; ) {
      const next = parent[node] as number;
      parent[node] = root;
      node = next;
    }
    return root;
  };
  pairs(events, options, (i, j) => {
    const [ri, rj] = [find(i), find(j)];
    if (ri !== rj && sameEvent(events[i] as MergeKey, events[j] as MergeKey, options)) {
      parent[Math.max(ri, rj)] = Math.min(ri, rj);
    }
  });
  const components = new Map<number, number[]>();
  events.forEach((_, i) => {
    const root = find(i);
    const component = components.get(root);
    if (component) component.push(i);
    else components.set(root, [i]);
  });
  return [...components.values()];
}

/** One merged event of the members of a cluster (sorted by event id). */
function mergeCluster(members: MergeInput[], opts: MergeOptions): MergedEvent {
  const documents = [...new Set(members.map((m) => m.event.document))].sort(byString);
  const outletOf = new Map(members.map((m) => [m.event.document, m.outlet]));
  const outlets = new Set(documents.map((d) => outletOf.get(d)?.toLowerCase().trim() || `document:${d}`));
  const articles = documents.map((document) => {
    const own = members.filter((m) => m.event.document === document);
    const first = own[0] as MergeInput;
    return {
      document,
      origin: first.event.claim.via[0] ?? first.outlet ?? document,
      text: own.flatMap((m) => m.event.evidence.map((e) => e.text)).join(' '),
    };
  });
  const sources = independentSources(articles, opts.copyThreshold);
  return {
    id: mergedId(members.map((m) => m.event.id)),
    members: members.map((m) => ({
      event: m.event.id,
      document: m.event.document,
      outlet: m.outlet,
      url: m.url,
      published: m.published,
    })),
    articles: documents.length,
    outlets: outlets.size,
    independentSources: sources.length,
    sources,
    fields: {
      type: majority(members, (e) => e.type) as Sourced<PloverType>,
      mode: majority(members, (e) => e.mode),
      actor: unionParties(members, (e) => e.actor),
      recipient: unionParties(members, (e) => e.recipient),
      date: mergeDates(members),
      place: mostPrecisePlace(members),
      killed: casualtyRange(members, (e) => e.killed),
      injured: casualtyRange(members, (e) => e.injured),
      claim: strongestClaim(members),
    },
  };
}

const docsOf = (members: readonly MergeInput[]) => [...new Set(members.map((m) => m.event.document))].sort(byString);

/** The value most members give (a missing mode counts only when no member names one); ties to the smallest value. */
function majority<T extends string | null>(members: MergeInput[], get: (e: EventRecord) => T): Sourced<T> {
  const groups = new Map<T, MergeInput[]>();
  for (const m of members) {
    const group = groups.get(get(m.event));
    if (group) group.push(m);
    else groups.set(get(m.event), [m]);
  }
  const candidates = [...groups.entries()].filter(([value]) => value !== null || groups.size === 1);
  candidates.sort(([va, ma], [vb, mb]) => mb.length - ma.length || byString(String(va), String(vb)));
  const [value, givers] = candidates[0] as [T, MergeInput[]];
  return { value, documents: docsOf(givers) };
}

/** Every party any member names, once each (by actor id, else by name), with the documents naming it. */
function unionParties(members: MergeInput[], get: (e: EventRecord) => Actor[]): Sourced<Actor>[] {
  const found = new Map<string, { actor: Actor; givers: MergeInput[] }>();
  for (const m of members) {
    for (const actor of get(m.event)) {
      const key = actor.id ?? `name:${actor.name.toLowerCase()}`;
      const entry = found.get(key);
      if (entry) entry.givers.push(m);
      else found.set(key, { actor, givers: [m] });
    }
  }
  return [...found.entries()]
    .sort(([a], [b]) => byString(a, b))
    .map(([, { actor, givers }]) => ({ value: actor, documents: docsOf(givers) }));
}

function daysIn(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The intersection of the members' date ranges when they all meet, else the narrowest range. */
function mergeDates(members: MergeInput[]): MergedDate | null {
  const dated = members.filter((m) => m.event.date !== null);
  if (dated.length === 0) return null;
  const dateOf = (m: MergeInput) => m.event.date as NonNullable<EventRecord['date']>;
  // ISO days sort as strings: the latest start and the earliest end.
  const start = dated
    .map((m) => dateOf(m).start)
    .sort(byString)
    .at(-1) as string;
  const end = dated.map((m) => dateOf(m).end).sort(byString)[0] as string;
  if (start <= end) {
    const bounding = dated.filter((m) => dateOf(m).start === start || dateOf(m).end === end);
    return {
      start,
      end,
      precision: start === end ? 'day' : dated.length === 1 ? dateOf(dated[0] as MergeInput).precision : 'range',
      basis: 'intersection',
      documents: docsOf(bounding),
    };
  }
  const narrowest = [...dated].sort(
    (a, b) =>
      daysIn(dateOf(a).start, dateOf(a).end) - daysIn(dateOf(b).start, dateOf(b).end) ||
      byString(dateOf(a).start, dateOf(b).start) ||
      byString(a.event.document, b.event.document),
  )[0] as MergeInput;
  const chosen = dateOf(narrowest);
  const same = dated.filter((m) => dateOf(m).start === chosen.start && dateOf(m).end === chosen.end);
  return {
    start: chosen.start,
    end: chosen.end,
    precision: chosen.precision,
    basis: 'narrowest',
    documents: docsOf(same),
  };
}

const placeKey = (p: Place) => `${p.name.toLowerCase()}|${p.admin1 ?? ''}|${p.country ?? ''}|${p.precision}`;

/** The most precise place (ACLED geo-precision, then having coordinates, then an admin1), with who gave it. */
function mostPrecisePlace(members: MergeInput[]): Sourced<Place> | null {
  const placed = members.filter((m) => m.event.place !== null);
  if (placed.length === 0) return null;
  const placeOf = (m: MergeInput) => m.event.place as Place;
  const rank = (p: Place) => p.precision * 4 + (p.lat === null ? 2 : 0) + (p.admin1 === null ? 1 : 0);
  const best = [...placed].sort(
    (a, b) =>
      rank(placeOf(a)) - rank(placeOf(b)) ||
      byString(placeKey(placeOf(a)), placeKey(placeOf(b))) ||
      byString(a.event.document, b.event.document),
  )[0] as MergeInput;
  const key = placeKey(placeOf(best));
  return { value: placeOf(best), documents: docsOf(placed.filter((m) => placeKey(placeOf(m)) === key)) };
}

/** From the lowest to the highest of the members' minima, with each report (by document, then event). */
function casualtyRange(members: MergeInput[], get: (e: EventRecord) => EventRecord['killed']): CasualtyRange | null {
  const reports: CasualtyReport[] = [];
  for (const m of [...members].sort((a, b) => byString(a.event.document, b.event.document))) {
    const value = get(m.event);
    if (value !== null) reports.push({ document: m.event.document, outlet: m.outlet, min: value.min, max: value.max });
  }
  if (reports.length === 0) return null;
  const minima = reports.map((r) => r.min);
  return { min: Math.min(...minima), max: Math.max(...minima), reports };
}

function strongestClaim(members: MergeInput[]): Sourced<ClaimStatus> {
  const strength = (m: MergeInput) => CLAIM_STRENGTH.indexOf(m.event.claim.status);
  const best = Math.min(...members.map(strength));
  const value = CLAIM_STRENGTH[best] as ClaimStatus;
  return { value, documents: docsOf(members.filter((m) => strength(m) === best)) };
}
