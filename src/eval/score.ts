// Scoring extraction against gold events, as the gold-file schema describes: pair each gold event with at most one
// predicted event of an acceptable type (and evidence) in the same document, preferring the pairing with the most
// matching fields; then event precision, recall and F1, and per-field accuracy.

import { distanceKm } from '../core/geo.ts';
import type { Actor, EventRecord } from '../core/record.ts';
import { asList, type GoldActor, type GoldDocument, type GoldEvent } from './gold.ts';

export const FIELDS = [
  'mode',
  'acled.event_type',
  'acled.sub_event_type',
  'actor',
  'recipient',
  'date',
  'place',
  'place.admin1',
  'killed',
  'injured',
  'count',
  'claim',
  'claim.status',
  'claim.via',
  'claim.anonymousSources',
] as const;
export type Field = (typeof FIELDS)[number];

export interface PairScore {
  gold: GoldEvent;
  predicted: EventRecord;
  fields: Partial<Record<Field, boolean>>;
}

export interface DocumentScore {
  document: string;
  pairs: PairScore[];
  missed: GoldEvent[];
  spurious: EventRecord[];
  predicted: number;
  required: number;
}

/** Words compared without case or punctuation: "Reuter's" and "Reuters", "U.S." and "US". */
export function normaliseWords(text: string, possessive: 's' | '' = 's'): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’'`]s\b/g, possessive)
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Equal, or one's words inside the other's with at most a few words more; "Haiti's" names Haiti. */
export function namesSame(a: string, b: string): boolean {
  return (['s', ''] as const).some((p) => sameWords(normaliseWords(a, p), normaliseWords(b, p)));
}

function sameWords(x: string, y: string): boolean {
  if (x === '' || y === '') return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (!` ${long} `.includes(` ${short} `)) return false;
  return long.split(' ').length - short.split(' ').length <= 3;
}

function actorMatches(actor: Actor, gold: GoldActor): boolean {
  const names = gold.names ?? [];
  if (names.some((n) => namesSame(n, actor.text) || namesSame(n, actor.name))) return true;
  const countries = asList(gold.country);
  if ((gold.matchCountry || names.length === 0) && actor.country !== null) return countries.includes(actor.country);
  return false;
}

/** At least one predicted actor names the gold side, and at least half of them do (padding the list fails). */
function sideMatches(predicted: readonly Actor[], gold: GoldActor): boolean {
  if (predicted.length === 0) return false;
  const hits = predicted.filter((a) => actorMatches(a, gold)).length;
  return hits > 0 && hits * 2 >= predicted.length;
}

function rolesMatch(e: EventRecord, g: GoldEvent, side: 'actor' | 'recipient'): boolean {
  const gold = g[side];
  if (!gold) return true;
  if (g.roles === 'symmetric') {
    const all = [...e.actor, ...e.recipient];
    const other = g[side === 'actor' ? 'recipient' : 'actor'];
    const hits = all.filter((a) => actorMatches(a, gold) || (other !== undefined && actorMatches(a, other))).length;
    return all.some((a) => actorMatches(a, gold)) && hits * 2 >= all.length;
  }
  return sideMatches(side === 'actor' ? e.actor : e.recipient, gold);
}

function placeMatches(e: EventRecord, g: NonNullable<GoldEvent['place']>): boolean {
  const p = e.place;
  if (!p) return false;
  const countries = asList(g.country);
  if (
    countries.length > 0 &&
    !(p.country !== null && countries.includes(p.country)) &&
    !p.countries.some((c) => countries.includes(c))
  ) {
    return false;
  }
  if (g.lat !== undefined && g.lon !== undefined) {
    if (p.lat === null || p.lon === null) return false;
    return distanceKm({ lat: p.lat, lon: p.lon }, { lat: g.lat, lon: g.lon }) <= (g.radiusKm ?? 25);
  }
  if (g.names && g.names.length > 0)
    return g.names.some((n) => namesSame(n, p.name) || (p.text !== null && namesSame(n, p.text)));
  return true;
}

function claimParts(e: EventRecord, g: NonNullable<GoldEvent['claim']>): Partial<Record<Field, boolean>> {
  const parts: Partial<Record<Field, boolean>> = {};
  if (g.status !== undefined) parts['claim.status'] = e.claim.status === g.status;
  if (g.via !== undefined) {
    parts['claim.via'] = g.via.every((outlet) =>
      e.claim.via.some((v) => namesSame(v, outlet) || normaliseWords(v).includes(normaliseWords(outlet))),
    );
  }
  if (g.anonymousSources !== undefined) {
    const anonymous = e.claim.sources.filter((s) => s.anonymous).reduce((sum, s) => sum + s.count, 0);
    parts['claim.anonymousSources'] = anonymous === g.anonymousSources;
  }
  return parts;
}

/** Whether each field the gold event codes is right in the predicted event. */
export function scoreFields(e: EventRecord, g: GoldEvent): Partial<Record<Field, boolean>> {
  const fields: Partial<Record<Field, boolean>> = {};
  if (g.mode !== undefined) fields.mode = e.mode !== null && asList(g.mode).includes(e.mode);
  if (g.acled?.event_type !== undefined) fields['acled.event_type'] = e.acled?.event_type === g.acled.event_type;
  if (g.acled?.sub_event_type !== undefined)
    fields['acled.sub_event_type'] = e.acled?.sub_event_type === g.acled.sub_event_type;
  if (g.actor) fields.actor = rolesMatch(e, g, 'actor');
  if (g.recipient) fields.recipient = rolesMatch(e, g, 'recipient');
  if (g.date) fields.date = e.date !== null && e.date.start >= g.date.start && e.date.end <= g.date.end;
  if (g.place) {
    fields.place = placeMatches(e, g.place);
    if (g.place.admin1 !== undefined)
      fields['place.admin1'] = e.place?.admin1 != null && namesSame(e.place.admin1, g.place.admin1);
  }
  if (g.killed !== undefined) fields.killed = (e.killed?.min ?? 0) === g.killed;
  if (g.injured !== undefined) fields.injured = (e.injured?.min ?? 0) === g.injured;
  if (g.count !== undefined) fields.count = (e.count?.min ?? 0) === g.count;
  if (g.claim) {
    const parts = claimParts(e, g.claim);
    Object.assign(fields, parts);
    fields.claim = Object.values(parts).every(Boolean);
  }
  return fields;
}

function acceptable(e: EventRecord, g: GoldEvent): boolean {
  if (!asList(g.type).includes(e.type)) return false;
  const phrases = asList(g.evidence);
  if (phrases.length === 0) return true;
  const text = normaliseWords(e.evidence.map((x) => x.text).join(' '));
  return phrases.some((p) => text.includes(normaliseWords(p)));
}

/** Pairs one document's gold and predicted events, best-matching pairs first. */
export function scoreDocument(gold: GoldDocument, predicted: readonly EventRecord[]): DocumentScore {
  const candidates: PairScore[] = [];
  for (const g of gold.events) {
    for (const e of predicted) {
      if (!acceptable(e, g)) continue;
      candidates.push({ gold: g, predicted: e, fields: scoreFields(e, g) });
    }
  }
  const hits = (p: PairScore) => Object.values(p.fields).filter(Boolean).length;
  // Required gold events first, then the most matching fields.
  candidates.sort((a, b) => Number(b.gold.required !== false) - Number(a.gold.required !== false) || hits(b) - hits(a));
  const pairs: PairScore[] = [];
  const usedGold = new Set<GoldEvent>();
  const usedPredicted = new Set<EventRecord>();
  for (const c of candidates) {
    if (usedGold.has(c.gold) || usedPredicted.has(c.predicted)) continue;
    pairs.push(c);
    usedGold.add(c.gold);
    usedPredicted.add(c.predicted);
  }
  return {
    document: gold.id,
    pairs,
    missed: gold.events.filter((g) => !usedGold.has(g) && g.required !== false),
    spurious: predicted.filter((e) => !usedPredicted.has(e)),
    predicted: predicted.length,
    required: gold.events.filter((g) => g.required !== false).length,
  };
}

export interface FieldResult {
  /** Right over matched pairs whose gold event codes the field. */
  matched: { right: number; total: number; accuracy: number | null };
  /** Right over every required gold event that codes the field (a missed event counts as wrong). */
  overall: { right: number; total: number; accuracy: number | null };
}

export interface Summary {
  documents: number;
  predicted: number;
  matchedPredicted: number;
  required: number;
  matchedRequired: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  fields: Partial<Record<Field, FieldResult>>;
  types: Record<
    string,
    { gold: number; found: number; predicted: number; precision: number | null; recall: number | null }
  >;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

export function summarise(scores: readonly DocumentScore[], golds: readonly GoldDocument[]): Summary {
  const predicted = scores.reduce((s, d) => s + d.predicted, 0);
  const matchedPredicted = scores.reduce((s, d) => s + d.pairs.length, 0);
  const required = scores.reduce((s, d) => s + d.required, 0);
  const matchedRequired = scores.reduce((s, d) => s + d.pairs.filter((p) => p.gold.required !== false).length, 0);
  const precision = ratio(matchedPredicted, predicted);
  const recall = ratio(matchedRequired, required);
  const f1 =
    precision !== null && recall !== null && precision + recall > 0
      ? (2 * precision * recall) / (precision + recall)
      : null;
  const fields: Partial<Record<Field, FieldResult>> = {};
  for (const field of FIELDS) {
    let mRight = 0;
    let mTotal = 0;
    for (const d of scores) {
      for (const p of d.pairs) {
        const value = p.fields[field];
        if (value === undefined) continue;
        mTotal++;
        if (value) mRight++;
      }
    }
    let oRight = 0;
    let oTotal = 0;
    for (const g of golds) {
      const d = scores.find((s) => s.document === g.id);
      for (const ev of g.events) {
        if (ev.required === false) continue;
        const pair = d?.pairs.find((p) => p.gold === ev);
        const codes = pair ? pair.fields[field] !== undefined : fieldCoded(ev, field);
        if (!codes) continue;
        oTotal++;
        if (pair?.fields[field]) oRight++;
      }
    }
    if (mTotal > 0 || oTotal > 0) {
      fields[field] = {
        matched: { right: mRight, total: mTotal, accuracy: ratio(mRight, mTotal) },
        overall: { right: oRight, total: oTotal, accuracy: ratio(oRight, oTotal) },
      };
    }
  }
  const types: Summary['types'] = {};
  const entry = (t: string) => {
    types[t] ??= { gold: 0, found: 0, predicted: 0, precision: null, recall: null };
    return types[t];
  };
  for (const d of scores) {
    for (const e of d.spurious) entry(e.type).predicted++;
    for (const p of d.pairs) {
      entry(p.predicted.type).predicted++;
      if (p.gold.required !== false) entry(asList(p.gold.type)[0] ?? '?').found++;
    }
  }
  for (const g of golds) for (const ev of g.events) if (ev.required !== false) entry(asList(ev.type)[0] ?? '?').gold++;
  for (const [type, t] of Object.entries(types)) {
    const matchedAsType = scores.reduce((s, d) => s + d.pairs.filter((p) => p.predicted.type === type).length, 0);
    t.precision = ratio(matchedAsType, t.predicted);
    t.recall = ratio(t.found, t.gold);
  }
  return {
    documents: scores.length,
    predicted,
    matchedPredicted,
    required,
    matchedRequired,
    precision,
    recall,
    f1,
    fields,
    types,
  };
}

function fieldCoded(g: GoldEvent, field: Field): boolean {
  switch (field) {
    case 'acled.event_type':
      return g.acled?.event_type !== undefined;
    case 'acled.sub_event_type':
      return g.acled?.sub_event_type !== undefined;
    case 'place.admin1':
      return g.place?.admin1 !== undefined;
    case 'claim.status':
      return g.claim?.status !== undefined;
    case 'claim.via':
      return g.claim?.via !== undefined;
    case 'claim.anonymousSources':
      return g.claim?.anonymousSources !== undefined;
    default:
      return g[field] !== undefined;
  }
}
