// Stage: find the places a sentence names, resolve each against the gazetteer, and say how precisely the text
// locates it (ACLED geo_precision). Pure: the gazetteer is handed in.
//
// The passes, in order:
//  1. cut the tokens into words ("al-Asad", "Syrian-Iraqi" are one word each) and note the countries the
//     sentence names or implies ("Iraqi forces");
//  2. read borders ("the Syrian-Iraqi border", "the border between Iraq and Syria", "Iraq's border with Syria");
//  3. match the longest gazetteer name at each capitalised word (or at a word that opens a curated name,
//     "northern Iraq"), and read what surrounds it: the preposition before ("in", "near", "north of"), a
//     direction ("western"), a possessive country ("Iraq's"), a head noun after ("province", "countryside",
//     "air base");
//  4. choose among namesakes (the sentence's countries, then the document's, then rank) and decide whether the
//     words are a place at all: a country or a town needs a locative reading ("Washington said" is not one);
//  5. fold a container into the place it contains ("Hit in Anbar province", "Ramadi, Iraq"), which also
//     resolves a village the gazetteer lacks to its province rather than to a namesake elsewhere.
import type { Sentence, Token } from '../model.ts';
import type { Gazetteer, PlaceEntry, PlaceFeature, Precision } from './gazetteer.ts';
import {
  BETWEEN,
  CONNECTORS,
  CUES,
  DIRECTION_NOUNS,
  DIRECTIONS,
  DISTANCE_UNITS,
  EVENT_NOUNS,
  HEADS,
  HELD,
  type Head,
  HYPHENS,
  NAME_TAILS,
  OF_NOUNS,
  PLACE_VERBS,
  type PlaceRelation,
  ROUTES,
  TITLES,
} from './words.ts';

export type { PlaceRelation } from './words.ts';

// Made once: a regular-expression literal inside a function is a new object each time it runs.
const STARTS_ALNUM = /^[\p{L}\p{N}]/u;
const POSSESSIVE_S = /^['’]s$/i;
const ENDS_S = /s$/i;
const HAS_ALNUM = /[\p{L}\p{N}]/u;
const NUMBER = /^\d[\d.,]*$/;
const STARTS_UPPER = /^[\p{Lu}]/u;

export interface PlaceMention {
  sentence: number;
  /** Document offsets of the words, as written: "Balad Airbase in northern Iraq". */
  start: number;
  end: number;
  text: string;
  /** Canonical name. */
  name: string;
  feature: PlaceFeature;
  /** ISO3; for a border, the country named first. */
  country: string | null;
  countries: string[];
  admin1: string | null;
  lat: number | null;
  lon: number | null;
  /** ACLED geo_precision: 1 the place itself; 2 near a town or part of a region; 3 a larger region or country. */
  precision: Precision;
  relation: PlaceRelation;
  /** Provenance: "gazetteer:geonames:IQ:Ramadi", "base:al-asad-air-base", "border:iraq-syria" (+ how it was read). */
  rule: string;
}

export interface FindPlacesOptions {
  /** Countries (ISO3) the document is about, most relevant first: they decide between namesakes. */
  countryHint?: readonly string[];
  /** Spans already read as something else (actor names): no place is read inside them. */
  excludeSpans?: readonly { start: number; end: number }[];
}

// ---------------------------------------------------------------------------------------------------------------

interface Unit {
  text: string;
  lower: string;
  start: number;
  end: number;
  lemma: string;
  /** Part of speech of the first token. */
  pos: string;
  kind: 'word' | 'punct' | 'poss' | 'num';
  /** Starts with a capital, or is an article glued to a capitalised word ("al-Asad"). */
  cap: boolean;
}

interface Candidate {
  /** Units of the name itself, [from, to). */
  from: number;
  to: number;
  entries: readonly PlaceEntry[];
  exact: boolean;
  /** The first unit of the mention's text (a direction, a possessive country) and one past its last. */
  textFrom: number;
  textTo: number;
  relation: PlaceRelation | null;
  /** How the place reading was licensed, for the rule ("in", "verb", "head", "list" …); null: not licensed. */
  licence: string | null;
  direction: string | null;
  head: Head | null;
  headText: string | null;
  /** A country named as possessor: "Iraq's Anbar province". */
  possessor: PlaceEntry | null;
  chosen: PlaceEntry | null;
  suffix: string[];
  /** Absorbed into another mention (a possessor, a container). */
  absorbed: boolean;
  /** Read as a border (pass 2). */
  border?: { countries: string[]; entry: PlaceEntry | null };
  /** Read as the town named as its possessor ("Kinshasa's Gombe commune" → Kinshasa): a part of that town. */
  partOf?: boolean;
}

/** Finds the places a sentence names. */
export function findPlaces(sentence: Sentence, gazetteer: Gazetteer, opts: FindPlacesOptions = {}): PlaceMention[] {
  const units = toUnits(sentence.tokens, sentence);
  if (units.length === 0) return [];
  const excluded = excludedUnits(units, opts.excludeSpans ?? []);
  const named = sentenceCountries(units, gazetteer);
  const context: Context = {
    gazetteer,
    units,
    sentence,
    sentenceCountries: new Set([...named.names, ...named.demonyms]),
    namedCountries: named.names,
    demonymCountries: named.demonyms,
    docCountries: opts.countryHint ?? [],
  };
  const consumed = new Array<boolean>(units.length).fill(false);
  for (const i of excluded) consumed[i] = true;
  const candidates: Candidate[] = [];
  for (const b of findBorders(context, consumed)) candidates.push(b);
  for (const c of matchNames(context, consumed)) candidates.push(c);
  candidates.sort((a, b) => a.from - b.from);
  possessiveDirections(context, candidates);
  for (const c of candidates) if (!c.border) readContext(context, c, candidates);
  for (const c of candidates) if (!c.border) resolve(context, c);
  licenseLists(context, candidates);
  foldContainersBefore(context, candidates);
  foldContainers(context, candidates);
  dropStrayNamesakes(context, candidates);
  return candidates.flatMap((c) => toMention(context, c) ?? []);
}

interface Context {
  gazetteer: Gazetteer;
  units: Unit[];
  sentence: Sentence;
  /** Countries the sentence names or implies. */
  sentenceCountries: ReadonlySet<string>;
  /** … by name ("Syria"), and by demonym ("Syrian troops"). */
  namedCountries: ReadonlySet<string>;
  demonymCountries: ReadonlySet<string>;
  docCountries: readonly string[];
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Words.

function toUnits(tokens: readonly Token[], sentence: Sentence): Unit[] {
  const units: Unit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    const last = units[units.length - 1];
    const prev = tokens[i - 1];
    const glued = prev !== undefined && t.start === prev.end;
    // Most tokens are plain ASCII words: no hyphen, no possessive, a word and not a number (the tests below, known).
    const plain = isAsciiWord(t.text);
    if (plain && !(last && glued && last.kind === 'word' && HYPHENS.test(last.text.slice(-1)))) {
      const c = t.text.charCodeAt(0);
      units.push(unitOf(t, 'word', c >= 65 && c <= 90));
      continue;
    }
    // "al-Asad", "Syrian-Iraqi", "U.S.-led": tokens joined by a hyphen with no space are one word.
    if (last && glued && last.kind === 'word' && (HYPHENS.test(t.text) || HYPHENS.test(last.text.slice(-1)))) {
      const next = tokens[i + 1];
      if (HYPHENS.test(t.text) && !(next && next.start === t.end && STARTS_ALNUM.test(next.text))) {
        units.push(unitOf(t, 'punct'));
        continue;
      }
      last.end = t.end;
      last.text = sentence.text.slice(last.start - sentence.start, last.end - sentence.start);
      last.lower = last.text.toLowerCase();
      last.cap = capitalised(last.text);
      continue;
    }
    if (POSSESSIVE_S.test(t.text) || ((t.text === "'" || t.text === '’') && glued && prev && ENDS_S.test(prev.text))) {
      units.push(unitOf(t, 'poss'));
      continue;
    }
    if (!HAS_ALNUM.test(t.text)) {
      units.push(unitOf(t, 'punct'));
      continue;
    }
    units.push(unitOf(t, NUMBER.test(t.text) ? 'num' : 'word'));
  }
  return units;
}

/** All ASCII letters (and at least one). */
function isAsciiWord(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 32;
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/** A unit of one token; `cap` is passed when already known (an all-ASCII word: its first letter is a capital). */
function unitOf(t: Token, kind: Unit['kind'], cap = capitalised(t.text)): Unit {
  return {
    text: t.text,
    lower: t.text.toLowerCase(),
    start: t.start,
    end: t.end,
    lemma: t.lemma,
    pos: t.pos,
    kind,
    cap,
  };
}

const GLUED_ARTICLE = /^(?:al|el|ad|ed|az|ez|as|es|ash|ar|er|an|at|ul)[-‐‑–][\p{Lu}]/u;

function capitalised(text: string): boolean {
  return STARTS_UPPER.test(text) || GLUED_ARTICLE.test(text);
}

function excludedUnits(units: readonly Unit[], spans: readonly { start: number; end: number }[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < units.length; i++) {
    const u = units[i] as Unit;
    for (const s of spans) {
      if (u.start < s.end && u.end > s.start) {
        out.push(i);
        break;
      }
    }
  }
  return out;
}

/** Countries the sentence names ("in Syria") or implies ("Iraqi forces"). */
function sentenceCountries(units: readonly Unit[], g: Gazetteer): { names: Set<string>; demonyms: Set<string> } {
  const names = new Set<string>();
  const demonyms = new Set<string>();
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (u?.kind !== 'word' || !u.cap) continue;
    // "U.S. and Russian negotiators", "the U.S. embassy": a name used as an adjective implies, like a demonym.
    const next0 = units[i + 1];
    const adjectival =
      next0?.kind === 'word' && !next0.cap && (next0.pos === 'NOUN' || next0.pos === 'ADJ' || next0.lower === 'and');
    // (a regular-expression split builds a splitter each call: only for the words that hold a hyphen)
    for (const part of HYPHENS.test(u.text) ? u.text.split(HYPHENS) : [u.text]) {
      const demonym = g.demonym(part);
      if (demonym) demonyms.add(demonym);
      else {
        const iso3 = g.countryWord(part);
        if (iso3) (adjectival ? demonyms : names).add(iso3);
      }
    }
    // "United States", "Saudi Arabia", "Burkina Faso".
    const next = units[i + 1];
    if (next?.kind === 'word' && next.cap) {
      const iso3 = g.countryWord(`${u.text} ${next.text}`);
      if (iso3) names.add(iso3);
    }
  }
  return { names, demonyms };
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Borders.

// "the Syrian-Iraqi border", "the Iraq–Syria border", "the border between Iraq and Syria", "Iraq's border with
// Syria", and with another country in view, "the Syrian border".
function findBorders(ctx: Context, consumed: boolean[]): Candidate[] {
  const { units, gazetteer: g } = ctx;
  const found: Candidate[] = [];
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (!u || consumed[i] || HEADS.get(u.lower) !== 'border') continue;
    let from = i;
    let to = i + 1;
    const countries: string[] = [];
    const before = units[i - 1];
    // "Syrian-Iraqi border", "Burkina Faso-Niger border".
    if (before && before.kind === 'word' && HYPHENS.test(before.text)) {
      const parts = before.text.split(HYPHENS);
      const first = parts[0] ?? '';
      let a = g.countryWord(first);
      if (!a && i >= 2) a = g.countryWord(`${units[i - 2]?.text ?? ''} ${first}`);
      const b = g.countryWord(parts.slice(1).join(' '));
      if (a && b && a !== b) {
        countries.push(a, b);
        from = a === g.countryWord(first) ? i - 1 : i - 2;
      }
    }
    // "the Syrian border", "Iraq's border".
    if (countries.length === 0 && before) {
      const owner = before.kind === 'poss' ? units[i - 2] : before;
      const iso3 = owner && owner.kind === 'word' && owner.cap ? g.countryWord(owner.text) : null;
      if (iso3) {
        countries.push(iso3);
        from = before.kind === 'poss' ? i - 2 : i - 1;
      }
    }
    // "… border with Syria", "… border between Iraq and Syria".
    const next = units[i + 1];
    if (next?.lower === 'with') {
      const x = countryAt(ctx, i + 2);
      if (x && !countries.includes(x.iso3)) {
        countries.push(x.iso3);
        to = x.to;
      }
    } else if (next?.lower === 'between') {
      const x = countryAt(ctx, i + 2);
      const y = x && units[x.to]?.lower === 'and' ? countryAt(ctx, x.to + 1) : null;
      if (x && y && x.iso3 !== y.iso3) {
        countries.splice(0, countries.length, x.iso3, y.iso3);
        to = y.to;
      }
    }
    if (countries.length === 0) continue;
    if (countries.length === 1) {
      // "along the Syrian border" in a report about Iraq: the other side is the country in view.
      const own = countries[0];
      const other = [...ctx.sentenceCountries, ...ctx.docCountries].find((c) => c !== own);
      if (other) countries.push(other);
    }
    const [a, b] = countries;
    const entry = a && b ? g.border(a, b) : null;
    for (let k = from; k < to; k++) consumed[k] = true;
    const { relation, licence } = cueBefore(ctx, from);
    found.push({
      from,
      to,
      entries: entry ? [entry] : [],
      exact: true,
      textFrom: from,
      textTo: to,
      relation: relation === 'near' ? 'near' : 'along',
      licence: licence ?? 'border',
      direction: null,
      head: 'border',
      headText: null,
      possessor: null,
      chosen: entry,
      suffix: [],
      absorbed: false,
      border: { countries, entry },
    });
  }
  return found;
}

/** A country named at unit i, by name (possibly several words) or demonym. */
function countryAt(ctx: Context, i: number): { iso3: string; to: number } | null {
  let k = i;
  if (ctx.units[k]?.lower === 'the') k++;
  for (let len = 4; len >= 1; len--) {
    const span = ctx.units.slice(k, k + len);
    if (span.length < len || span.some((u) => u.kind !== 'word')) continue;
    const iso3 = ctx.gazetteer.countryWord(span.map((u) => u.text).join(' '));
    if (iso3) return { iso3, to: k + len };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Names and their surroundings.

const MAX_NAME_UNITS = 7;

function canOpen(ctx: Context, i: number): boolean {
  const u = ctx.units[i];
  if (u?.kind !== 'word') return false;
  if (u.cap) return !CONNECTORS.has(u.lower) || u.text !== u.lower;
  return ctx.gazetteer.opensName(u.lower);
}

function canContinue(u: Unit | undefined): boolean {
  if (!u) return false;
  if (u.kind === 'num') return true;
  if (u.kind !== 'word') return false;
  return u.cap || CONNECTORS.has(u.lower) || NAME_TAILS.has(u.lower);
}

function matchNames(ctx: Context, consumed: readonly boolean[]): Candidate[] {
  const { units, gazetteer: g } = ctx;
  const found: Candidate[] = [];
  for (let i = 0; i < units.length; i++) {
    if (consumed[i] || !canOpen(ctx, i)) continue;
    let limit = i + 1;
    while (limit < units.length && limit - i < MAX_NAME_UNITS && !consumed[limit] && canContinue(units[limit])) limit++;
    let hit: Candidate | null = null;
    for (let j = limit; j > i; j--) {
      const last = units[j - 1];
      // A name ends on a capitalised word or a tail ("border", "air base"), never on "of" or "al".
      if (!last || (last.kind === 'word' && !last.cap && !NAME_TAILS.has(last.lower) && j - 1 !== i)) continue;
      const text = spanText(ctx, i, j);
      // "Chilean", "Iraqi": a demonym is a country hint, never a town of that name; a lower-case word alone
      // ("northwest") opens a curated name ("northwest Syria") but is not one.
      if (j - i === 1 && (g.isNotPlace(text) || g.demonym(text) || !units[i]?.cap)) break;
      if (g.isNotPlace(text)) continue;
      const result = g.lookup(text);
      if (!result) continue;
      // "the western province of Herat": words without a capital name only a curated place ("tri-border area"),
      // not an admin area of that name elsewhere (Sri Lanka's Western Province).
      const entries = units.slice(i, j).some((u) => u.cap)
        ? result.entries
        : result.entries.filter((e) => e.source === 'curated');
      if (entries.length === 0) continue;
      hit = newCandidate(i, j, entries, result.exact);
      break;
    }
    if (hit) {
      found.push(hit);
      i = hit.to - 1;
      continue;
    }
    // An unknown capitalised name ("the village of Umm Tineh in Hama province"), kept in case a container
    // follows it; only when no known name starts inside it ("Syrian Hasakah" is Hasakah).
    const u = units[i];
    if (u?.cap && !g.isNotPlace(u.text) && (i === 0 || !units[i - 1]?.cap)) {
      let j = i + 1;
      while (j < limit && (units[j]?.cap || CONNECTORS.has(units[j]?.lower ?? ''))) j++;
      while (j > i + 1 && !units[j - 1]?.cap) j--;
      let knownInside = false;
      for (let k = i + 1; k < j && !knownInside; k++) {
        if (units[k]?.cap && g.lookup(spanText(ctx, k, k + 1))?.exact) knownInside = true;
      }
      if (!knownInside) {
        found.push(newCandidate(i, j, [], false));
        i = j - 1;
      }
    }
  }
  return found;
}

// "Pakistan's northwest", "in Nigeria's troubled northeast": the country's part, as the curated region of that
// name ("northwest Pakistan") or, without one, the direction of the country.
function possessiveDirections(ctx: Context, candidates: Candidate[]): void {
  const { units, gazetteer: g } = ctx;
  for (const c of candidates) {
    const country = c.entries.find((e) => e.feature === 'country');
    if (!country || units[c.to]?.kind !== 'poss') continue;
    let j = c.to + 1;
    while (j < units.length && j - c.to <= 3) {
      const u = units[j];
      if (u?.kind !== 'word' || u.cap || DIRECTION_NOUNS.has(u.lower) || !(u.pos === 'ADJ' || BETWEEN.has(u.lower)))
        break;
      j++;
    }
    const word = units[j];
    // "Syria's north-east", but not "Iraq's north of …" nor "Iraq's southern border" (an adjective).
    if (word?.kind !== 'word' || !DIRECTION_NOUNS.has(word.lower) || units[j + 1]?.lower === 'of') continue;
    const region = g.lookup(`${word.lower} ${country.name}`)?.entries.find((e) => e.feature === 'region');
    c.entries = [region ?? country];
    c.exact = true;
    if (!region) c.direction = DIRECTIONS.get(word.lower) ?? null;
    c.to = j + 1;
    c.textTo = j + 1;
  }
}

function newCandidate(from: number, to: number, entries: readonly PlaceEntry[], exact: boolean): Candidate {
  return {
    from,
    to,
    entries,
    exact,
    textFrom: from,
    textTo: to,
    relation: null,
    licence: null,
    direction: null,
    head: null,
    headText: null,
    possessor: null,
    chosen: null,
    suffix: [],
    absorbed: false,
  };
}

function spanText(ctx: Context, from: number, to: number): string {
  const a = ctx.units[from];
  const b = ctx.units[to - 1];
  if (!a || !b) return '';
  return ctx.sentence.text.slice(a.start - ctx.sentence.start, b.end - ctx.sentence.start);
}

/** The cue before unit i: scans back over "the", directions, "city of", numbers and possessive places. */
function cueBefore(
  ctx: Context,
  i: number,
): { relation: PlaceRelation | null; licence: string | null; k: number; phraseFrom: number | null; ofNoun: boolean } {
  const { units } = ctx;
  let ofNoun: PlaceRelation | null = null;
  // Where "20 km north of", "the outskirts of", "the countryside of" starts: part of the mention's text.
  let phraseFrom: number | null = null;
  let k = i - 1;
  for (let steps = 0; k >= 0 && steps < 9; k--, steps++) {
    const u = units[k];
    if (!u) break;
    const w = u.lower;
    if (u.kind === 'word' && CUES.has(w)) {
      // "according to", "due to", "close to" (near).
      const prev = units[k - 1]?.lower ?? '';
      if (w === 'to' && (prev === 'according' || prev === 'due' || prev === 'owing' || prev === 'thanks')) break;
      const cue = prev === 'close' && w === 'to' ? 'near' : (CUES.get(w) ?? 'in');
      // "north of Baghdad" read after "in the countryside north of …": the nearest qualifier wins.
      return { relation: ofNoun ?? cue, licence: w, k, phraseFrom, ofNoun: ofNoun !== null };
    }
    if (w === 'of' && u.kind === 'word') {
      const noun = units[k - 1];
      // "Residents of Bucha …": a capital letter at the start of the sentence does not make a name.
      const rel = noun && (!noun.cap || k - 1 === 0) ? OF_NOUNS.get(noun.lower) : undefined;
      if (rel) {
        if (!ofNoun && rel !== 'in') {
          phraseFrom = k - 1;
          // "20 km north of", "some 30 kilometres east of".
          const unit = units[k - 2];
          if (unit && DISTANCE_UNITS.has(unit.lower) && units[k - 3]?.kind === 'num') phraseFrom = k - 3;
        }
        ofNoun ??= rel;
        k--;
        steps++;
        continue;
      }
      break;
    }
    if (u.kind === 'num' || (u.kind === 'word' && (BETWEEN.has(w) || HELD.test(w) || DIRECTIONS.has(w)))) continue;
    if (u.kind === 'word' && u.cap && ctx.gazetteer.countryWord(u.text)) continue;
    if (u.kind === 'poss') {
      k--;
      steps++;
      continue;
    }
    // "rockets struck Erbil", "militants stormed the town of Palmyra".
    if (u.kind === 'word' && PLACE_VERBS.has(u.lemma) && !u.cap) {
      return { relation: ofNoun ?? 'in', licence: 'verb', k, phraseFrom, ofNoun: ofNoun !== null };
    }
    break;
  }
  return { relation: ofNoun, licence: ofNoun ? 'of' : null, k, phraseFrom, ofNoun: ofNoun !== null };
}

function readContext(ctx: Context, c: Candidate, all: readonly Candidate[]): void {
  const { units } = ctx;
  // Directions and a possessive country right before the name: "western Iraq's Anbar", "northern Aleppo".
  let k = c.from - 1;
  while (k >= 0) {
    const u = units[k];
    // "in rural Idlib": the countryside of Idlib.
    if (u?.kind === 'word' && u.lower === 'rural' && !c.head) {
      c.head = 'countryside';
      c.headText = 'rural';
      c.textFrom = k;
      k--;
      continue;
    }
    if (u?.kind === 'word' && DIRECTIONS.has(u.lower) && !c.direction) {
      c.direction = DIRECTIONS.get(u.lower) ?? null;
      c.textFrom = k;
      k--;
      continue;
    }
    // "East Timor's capital Dili", "Nigeria's commercial capital Lagos": a place noun between the possessive
    // and the name.
    if (u?.kind === 'word' && !u.cap && !c.possessor && (APPOSED_NOUNS.has(u.lower) || u.pos === 'ADJ')) {
      let p = k;
      const nounLike = (x: Unit | undefined): boolean =>
        x?.kind === 'word' && !x.cap && (APPOSED_NOUNS.has(x.lower) || x.pos === 'ADJ');
      while (p > k - 3 && nounLike(units[p])) p--;
      if (units[p]?.kind === 'poss') {
        k = p;
        continue;
      }
    }
    if (u?.kind === 'poss' && !c.possessor) {
      const owner = all.find((o) => o.to === k && !o.border);
      // "Iraq's Anbar province", "Anbar's Hit", and a town: "Kinshasa's Gombe commune", "Beirut's Hamra district".
      const country =
        owner?.entries.find((e) => e.feature === 'country') ??
        (owner
          ? best(
              ctx,
              owner.entries.filter((e) => e.feature === 'admin1' || e.feature === 'town'),
            )
          : null);
      if (owner && country) {
        c.possessor = country;
        owner.absorbed = true;
        c.textFrom = owner.textFrom;
        k = owner.textFrom - 1;
        continue;
      }
    }
    break;
  }
  const nameFrom = c.textFrom;
  const cue = cueBefore(ctx, c.textFrom);
  c.relation = cue.relation;
  c.licence = cue.licence;
  if (cue.phraseFrom !== null) c.textFrom = Math.min(c.textFrom, cue.phraseFrom);
  // A head noun after: "Anbar province", "Idlib's southern countryside", "Kabul airport", "the Hawija area".
  let j = c.to;
  if (units[j]?.kind === 'poss') j++;
  while (units[j]?.kind === 'word' && DIRECTIONS.has(units[j]?.lower ?? '')) j++;
  const after = units[j];
  const head = after?.kind === 'word' ? HEADS.get(after.lower) : undefined;
  if (after && head && head !== 'border') {
    c.head = head;
    c.headText = after.lower;
    c.textTo = j + 1;
  } else if (after?.lower === 'air' && (units[j + 1]?.lower === 'base' || units[j + 1]?.lower === 'field')) {
    c.head = 'facility';
    c.headText = 'air base';
    c.textTo = j + 2;
  } else if (after?.lower === 'local' && units[j + 1]?.lower === 'government' && units[j + 2]?.lower === 'area') {
    // "Kajuru local government area": Nigeria's districts.
    c.head = 'district';
    c.headText = 'local government area';
    c.textTo = j + 3;
  } else if (after?.lower === 'oil' && units[j + 1]?.lower === 'field') {
    c.head = 'facility';
    c.headText = 'oil field';
    c.textTo = j + 2;
  }
  // "the province of Herat", "the countryside of Idlib": the "of" noun says what the name is.
  if (!c.head) {
    const of = units[nameFrom - 1];
    const noun = units[nameFrom - 2];
    if (of?.lower === 'of' && noun && (!noun.cap || nameFrom - 2 === 0)) {
      const h = HEADS.get(noun.lower);
      if (h && h !== 'border' && h !== 'facility') c.head = h;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 4. Choosing among namesakes, and whether it is a place at all.

const CURATED_FEATURES: ReadonlySet<PlaceFeature> = new Set(['base', 'region', 'border', 'district', 'water']);

function resolve(ctx: Context, c: Candidate): void {
  const { units, gazetteer: g } = ctx;
  if (partOfPossessor(ctx, c)) return;
  if (c.entries.length === 0) return;
  let entries = c.entries;
  // A spelling matched only loosely ("Tineh" ~ "Tina") counts for a well-known place or one in a country the
  // text is about, not for any village of the world.
  if (!c.exact) {
    entries = entries.filter((e) => e.rank >= 2 || inHints(ctx, e));
    if (entries.length === 0) {
      c.entries = [];
      return;
    }
  }
  // "Anbar province" → the admin1, not a namesake town; "Kabul airport" → the airport if known.
  if (c.head === 'province') entries = prefer(entries, (e) => e.feature === 'admin1' || e.feature === 'region');
  else if (c.head === 'district') entries = prefer(entries, (e) => e.feature === 'admin2' || e.feature === 'district');
  else if (c.head === 'facility') entries = prefer(entries, (e) => e.feature === 'base' || e.feature === 'district');
  else if (c.head === 'countryside' || c.head === 'settlement' || c.head === 'outskirts' || c.head === 'area') {
    entries = prefer(entries, (e) => e.feature === 'town' || e.feature === 'admin1' || e.feature === 'admin2');
  } else entries = prefer(entries, (e) => e.feature !== 'admin2');
  // "the northern Sahel region" in a report on Burkina Faso: the country's admin region of that name, not the
  // region across countries.
  const saysRegion = c.head === 'province' || HEADS.get(units[c.to - 1]?.lower ?? '') === 'province';
  if (saysRegion && entries.some((e) => e.feature === 'admin1' && e.country !== null && inHints(ctx, e))) {
    entries = prefer(entries, (e) => e.country !== null);
  }
  if (c.possessor) {
    const owner = c.possessor;
    entries = prefer(entries, (e) => ownedBy(owner, e));
  }
  c.chosen = best(ctx, entries);
  c.entries = entries;
  const chosen = c.chosen;
  if (!chosen) return;

  // Not a place: a person after a title, the middle of a longer capitalised name, a metonym.
  const before = units[c.from - 1];
  const startsMidName = before?.kind === 'word' && before.cap && c.textFrom === c.from && !g.countryWord(before.text);
  if (before && TITLES.has(before.lower)) {
    rejectAll(c);
    return;
  }
  const after = units[c.textTo];
  const endsMidName = after?.kind === 'word' && after.cap && !HEADS.has(after.lower) && !g.isNotPlace(after.text);
  if (startsMidName || endsMidName) {
    // "Islamic State of Iraq", "Washington Post", "Bashar al-Asad": part of another name.
    if (c.licence === null || endsMidName) {
      rejectAll(c);
      return;
    }
  }
  // "the U.S. garrison", "in U.S. custody", "the Christian enclave": a name used as an adjective is the place
  // only for a well-known town ("the Mosul offensive"), not for a country or a village of the same name.
  const next = units[c.textTo];
  if (
    next &&
    !c.licence &&
    !c.head &&
    EVENT_NOUNS.has(next.lower) &&
    chosen.feature !== 'country' &&
    chosen.rank >= 2
  ) {
    c.licence = 'event';
    c.relation = 'in';
  }
  const adjective = next?.kind === 'word' && !next.cap && next.pos === 'NOUN' && !c.head;
  if (adjective && (chosen.feature === 'country' || chosen.rank < 2)) {
    rejectAll(c);
    return;
  }
  // "the road between Djibo and Namssiguia": each end of a route is a place, the one named too.
  if (c.licence === 'between' && afterRoute(ctx, c)) c.relation = 'near';
  // "clashes between Turkey and Kurdish militias": "between" locates only between two places.
  else if (c.licence === 'between') {
    const and = units.findIndex((u, k) => k >= c.textTo && k <= c.textTo + 1 && u.lower === 'and');
    const partner = and >= 0 ? units[and + 1] : undefined;
    // The partner may take several words: "between Palmyra and Deir ez-Zor".
    const named = (len: number): boolean => {
      const text = spanText(ctx, and + 1, and + 1 + len);
      return (g.lookup(text)?.entries.length ?? 0) > 0 || g.countryWord(text) !== null;
    };
    const placeAfter =
      partner?.cap &&
      [1, 2, 3, 4].some((len) => and + len < units.length + 1 && named(len)) &&
      !g.demonym(partner.text) &&
      !/-(?:backed|linked|allied|aligned|led|based)$/i.test(partner.text);
    if (!placeAfter) {
      rejectAll(c);
      return;
    }
    // "in the desert between Palmyra and Deir ez-Zor": somewhere near either.
    c.relation = 'near';
  }
  const curated = CURATED_FEATURES.has(chosen.feature) && chosen.source === 'curated';
  if (c.licence) return;
  // "Djibo, a town of some 300,000 people, …": a name in apposition to a place noun.
  if (apposedToPlaceNoun(ctx, c)) {
    c.licence = 'apposition';
    c.relation = 'in';
    return;
  }
  if (c.head && c.head !== 'settlement') {
    c.licence = 'head';
    return;
  }
  if (curated && c.to - c.from >= 1) {
    // "Ain al-Asad was hit again", "the Gaza Strip": names that are only ever places.
    c.licence = 'name';
    return;
  }
  if (chosen.feature === 'country' && units[c.to]?.kind === 'poss') return; // a possessor only
  // A dateline: "BAGHDAD (Reuters) -", "MOSUL, Iraq —".
  if (c.from === 0 && isDateline(ctx, c)) {
    c.licence = 'dateline';
    c.relation = 'in';
  }
}

const APPOSED_NOUNS = new Set(
  'town city village district province region governorate state area port capital hub stronghold camp base'.split(' '),
);

function apposedToPlaceNoun(ctx: Context, c: Candidate): boolean {
  const { units } = ctx;
  if (units[c.textTo]?.text !== ',' || !['a', 'an', 'the'].includes(units[c.textTo + 1]?.lower ?? '')) return false;
  for (let k = c.textTo + 2; k < units.length && k <= c.textTo + 5; k++) {
    const u = units[k];
    if (u?.kind !== 'word' || u.cap) return false;
    if (APPOSED_NOUNS.has(u.lower)) return true;
  }
  return false;
}

function ownedBy(owner: PlaceEntry, e: PlaceEntry): boolean {
  if (owner.feature === 'country') return e.countries.includes(owner.country ?? '');
  if (owner.feature === 'town') return e.admin1 === owner.admin1 && near(e, owner, 40);
  return e.admin1 === owner.admin1;
}

// "in Kinshasa's Gombe commune", "in Yangon's Hlaing Tharyar township": a part of a town the gazetteer does not
// know (or knows only elsewhere) is read as the town itself, not as a namesake in another country.
function partOfPossessor(ctx: Context, c: Candidate): boolean {
  const owner = c.possessor;
  if (c.partOf) return true;
  if (owner?.feature !== 'town' || (!c.licence && !c.head)) return false;
  if (c.entries.some((e) => ownedBy(owner, e))) return false;
  c.suffix.push(`unresolved:${kebabOf(spanText(ctx, c.from, c.to))}`);
  c.entries = [owner];
  c.chosen = owner;
  c.partOf = true;
  c.relation = c.relation === 'near' || c.relation === 'outside' ? c.relation : 'in';
  c.licence ??= 'head';
  return true;
}

function afterRoute(ctx: Context, c: Candidate): boolean {
  const { units } = ctx;
  for (let k = c.textFrom - 1; k >= 0 && k >= c.textFrom - 3; k--) {
    if (units[k]?.lower !== 'between') continue;
    return ROUTES.has(units[k - 1]?.lower ?? '');
  }
  return false;
}

// A place named with its container ("Nikopol raion, Dnipropetrovsk oblast") is where the text is, whoever the
// document's actors are.
function anchored(c: Candidate): boolean {
  return c.suffix.some((x) => x.startsWith('<'));
}

// "Uzbekistan opened the Friendship Bridge to Afghanistan": a village of the same name in a third country is
// not what a sentence about other countries means.
function dropStrayNamesakes(ctx: Context, candidates: readonly Candidate[]): void {
  const places = new Set<string>(ctx.docCountries);
  for (const c of candidates) {
    if (c.absorbed || !c.licence || !c.chosen) continue;
    if (c.chosen.feature === 'country' || c.chosen.rank >= 2 || anchored(c))
      for (const x of c.chosen.countries) places.add(x);
    if (c.possessor) for (const x of c.possessor.countries) places.add(x);
  }
  if (places.size === 0) return;
  for (const x of ctx.sentenceCountries) places.add(x);
  for (const c of candidates) {
    const e = c.chosen;
    if (!e || c.absorbed || !c.licence || e.rank >= 2 || anchored(c)) continue;
    if (e.source !== 'geonames' && e.source !== 'import' && e.source !== 'airport' && e.source !== 'admin2') continue;
    if (!e.countries.some((x) => places.has(x))) rejectAll(c);
  }
}

function rejectAll(c: Candidate): void {
  c.chosen = null;
  c.entries = [];
  c.licence = null;
  c.absorbed = true;
}

function isDateline(ctx: Context, c: Candidate): boolean {
  const { units } = ctx;
  const name = units.slice(c.from, c.to);
  const upper = name.every((u) => u.kind !== 'word' || u.text === u.text.toUpperCase());
  const next = units[c.to];
  return (upper || ctx.sentence.section === 'dateline') && next?.kind === 'punct' && /^[,(—–-]$/.test(next.text);
}

function prefer(entries: readonly PlaceEntry[], test: (e: PlaceEntry) => boolean): readonly PlaceEntry[] {
  const kept = entries.filter(test);
  return kept.length > 0 ? kept : entries;
}

function inHints(ctx: Context, e: PlaceEntry): boolean {
  const countries = e.countries.length > 0 ? e.countries : e.country ? [e.country] : [];
  return countries.some((x) => ctx.sentenceCountries.has(x) || ctx.docCountries.includes(x));
}

/**
 * Score of an entry: a country the sentence names (150) or implies by a demonym (80), the document's countries
 * (100), rank (30 a step: a capital beats a village of the same name unless the text points elsewhere), and the
 * preferred countries to break ties.
 */
function best(ctx: Context, entries: readonly PlaceEntry[]): PlaceEntry | null {
  let top: PlaceEntry | null = null;
  let topScore = Number.NEGATIVE_INFINITY;
  for (const e of entries) {
    let s = e.rank * 30;
    const countries = e.countries.length > 0 ? e.countries : e.country ? [e.country] : [];
    if (countries.some((x) => ctx.namedCountries.has(x))) s += 150;
    else if (countries.some((x) => ctx.demonymCountries.has(x))) s += 80;
    const docIndex = ctx.docCountries.findIndex((x) => countries.includes(x));
    if (docIndex >= 0) s += 100 - Math.min(docIndex, 10) * 2;
    // The preferred countries break ties between plain namesakes; they do not outweigh a rank step.
    s += Math.max(0, ...countries.map((x) => ctx.gazetteer.preference(x))) / 3;
    if (e.lat === null) s -= 15;
    if (s > topScore) {
      topScore = s;
      top = e;
    }
  }
  return top;
}

/** The words between two candidates ("the" left out) join them in a list: ",", "and", ", or", "as well as". */
function linked(units: readonly Unit[], prev: Candidate, c: Candidate): boolean {
  const gap = units
    .slice(prev.textTo, c.textFrom)
    .map((u) => u.lower)
    .filter((w) => w !== 'the');
  const joined = gap.join(' ');
  return [',', 'and', 'or', ', and', ', or', 'as well as'].includes(joined);
}

/** "in Aleppo, Idlib and Hama": the cue of the first name licenses the others. */
function licenseLists(ctx: Context, candidates: readonly Candidate[]): void {
  const { units } = ctx;
  // "Kharkiv and Sumy regions": a plural head noun applies to every name of the list.
  for (let n = candidates.length - 1; n > 0; n--) {
    const c = candidates[n];
    if (!c?.head || !c.headText?.endsWith('s') || c.head === 'border') continue;
    for (let m = n - 1; m >= 0; m--) {
      const prev = candidates[m];
      const next = candidates[m + 1];
      if (!prev || !next || prev.head || !linked(units, prev, next)) break;
      prev.head = c.head;
      prev.headText = c.headText;
      resolve(ctx, prev);
    }
  }
  for (let n = 1; n < candidates.length; n++) {
    const c = candidates[n];
    const prev = candidates[n - 1];
    if (!c || !prev || c.licence || !c.chosen || !prev.licence || (prev.absorbed && !prev.chosen)) continue;
    // "In Damascus, Iran's deputy foreign minister": a possessive name opens the next phrase, not the list.
    if (units[c.textTo]?.kind === 'poss') continue;
    const gap = units
      .slice(prev.textTo, c.textFrom)
      .map((u) => u.lower)
      .filter((w) => w !== 'the');
    const joined = gap.join(' ');
    if (
      joined === ',' ||
      joined === 'and' ||
      joined === 'or' ||
      joined === ', and' ||
      joined === ', or' ||
      joined === 'as well as'
    ) {
      c.licence = 'list';
      c.relation = prev.relation === 'province' || prev.relation === 'countryside' ? 'in' : prev.relation;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 5. Containers.

const CONTAINER_FEATURES: ReadonlySet<PlaceFeature> = new Set(['country', 'admin1', 'admin2', 'region', 'district']);

// "Hit in Anbar province", "Ramadi, Iraq", "Tal Afar (Nineveh)", "the village of Umm Tineh in Hama province",
// "Balad Airbase in northern Iraq", "a village near Kirkuk".
function foldContainers(ctx: Context, candidates: Candidate[]): void {
  for (let n = 0; n + 1 < candidates.length; n++) {
    const inner = candidates[n];
    // "Turbat, Kech district, Balochistan": once a container is folded in, the next one may hold it too.
    for (let m = n + 1; m < candidates.length; m++) {
      const outer = candidates[m];
      if (!inner || !outer || outer.absorbed || inner.absorbed || outer.border || inner.border || !outer.chosen) break;
      if (!foldContainer(ctx, inner, outer)) break;
    }
  }
}

/** Folds `outer` into `inner` as its container (true), or `inner` into `outer` when it is unknown or elsewhere. */
function foldContainer(ctx: Context, inner: Candidate, outer: Candidate): boolean {
  const { units } = ctx;
  if (!outer.chosen) return false;
  const gap = units.slice(inner.textTo, outer.textFrom);
  // "Sinjar district of Nineveh province", "Kulachi tehsil of Dera Ismail Khan district".
  const headed = inner.head === 'district' || inner.head === 'province';
  const link = containerLink(gap, headed && CONTAINER_FEATURES.has(outer.chosen.feature));
  if (!link) return false;
  // "In Damascus, Iran's deputy foreign minister …": a possessive opens another phrase.
  if (units[outer.textTo]?.kind === 'poss') return false;
  // "Sebba in Yagha province (Sahel region)": of the container's namesakes (the region across the Sahel, Burkina
  // Faso's Sahel Region), the one that holds the place.
  const holding = outer.entries.find(
    (o) => o !== outer.chosen && CONTAINER_FEATURES.has(o.feature) && inner.entries.some((e) => contains(o, e)),
  );
  if (holding && !inner.entries.some((e) => contains(outer.chosen as PlaceEntry, e))) outer.chosen = holding;
  const container = outer.chosen;
  const innerKnown = inner.entries.length > 0;
  const isContainer = link !== 'near' && CONTAINER_FEATURES.has(container.feature);
  // "in Aleppo, Idlib and Hama" is a list, not Aleppo inside Idlib: a comma introduces only an admin area or
  // a country; "in" a town only a district of it.
  if (link === 'comma' && !isContainer) return false;
  if (link === 'in' && !isContainer && innerKnown && !inner.entries.some((e) => e.feature === 'district')) return false;
  // "in Iraq, Syria and Lebanon", "from Turkey into Syria near Ras al-Ain": a country, an admin area or a
  // region is never replaced by the next name, only folded into it when it lies inside.
  const broad = inner.chosen ? !['district', 'town', 'base'].includes(inner.chosen.feature) : false;
  if (innerKnown && broad && inner.chosen && (!isContainer || !contains(container, inner.chosen))) return false;
  // The unknown name needs a reading as a place of its own: "the village of X", "in X", "near X".
  if (!innerKnown) {
    const cue = cueBefore(ctx, inner.textFrom);
    if (!cue.licence || !(cue.ofNoun || UNKNOWN_CUES.has(cue.licence))) return false;
    inner.relation = cue.relation;
    inner.licence = cue.licence;
  }
  // "…to the United Nations, Iraq said": a name followed by its verb is a clause, not a container.
  const afterOuter = units[outer.textTo];
  if (link === 'comma' && afterOuter?.kind === 'word' && (afterOuter.pos === 'VERB' || afterOuter.pos === 'AUX'))
    return false;
  const fits = (e: PlaceEntry): boolean =>
    isContainer ? contains(container, e) : near(e, container, link === 'near' ? 60 : 30);
  const fitting = inner.entries.filter(fits);
  if (fitting.length > 0 && innerKnown) {
    inner.entries = fitting;
    inner.chosen = best(ctx, fitting);
    inner.licence ??= 'container';
    inner.textTo = outer.textTo;
    outer.absorbed = true;
    inner.suffix.push(`<${container.ref}`);
    return true;
  }
  if (!inner.licence && !outer.licence) return false;
  // Not in the gazetteer, or only as a namesake elsewhere: the place is read as the container (or as near
  // the town) rather than at a wrong point.
  outer.textFrom = inner.textFrom;
  outer.licence ??= inner.licence;
  if (!isContainer) outer.relation = link === 'near' ? 'near' : (outer.relation ?? 'in');
  else if (container.feature === 'admin1' || container.feature === 'country' || container.feature === 'region') {
    outer.relation = outer.head === 'province' ? 'province' : (outer.relation ?? 'in');
  }
  outer.suffix.push(`unresolved:${kebabOf(spanText(ctx, inner.from, inner.to))}`);
  inner.absorbed = true;
  inner.chosen = null;
  return false;
}

// "the West Bank city of Jenin", "the Iraqi province of Anbar" (a demonym is not a candidate), "the Anbar town
// of Hit": a container named before the place.
function foldContainersBefore(ctx: Context, candidates: Candidate[]): void {
  const { units } = ctx;
  for (let n = 0; n + 1 < candidates.length; n++) {
    const outer = candidates[n];
    const inner = candidates[n + 1];
    if (!outer || !inner || outer.absorbed || inner.absorbed || outer.border || inner.border) continue;
    if (!outer.chosen || !inner.chosen || !CONTAINER_FEATURES.has(outer.chosen.feature)) continue;
    const gap = units.slice(outer.to, inner.textFrom).map((u) => u.lower);
    const noun = gap[0] ?? '';
    if (
      gap.length !== 2 ||
      gap[1] !== 'of' ||
      !['city', 'town', 'village', 'district', 'port', 'capital'].includes(noun)
    ) {
      continue;
    }
    const fitting = inner.entries.filter((e) => contains(outer.chosen as PlaceEntry, e));
    if (fitting.length === 0) continue;
    inner.entries = fitting;
    inner.chosen = best(ctx, fitting);
    inner.textFrom = outer.textFrom;
    inner.licence = outer.licence ?? inner.licence;
    inner.relation = outer.relation ?? inner.relation;
    inner.suffix.push(`<${outer.chosen.ref}`);
    outer.absorbed = true;
  }
}

// Cues that make an unknown capitalised name a place: "in Umm Tineh", "the village of Umm Tineh".
const UNKNOWN_CUES: ReadonlySet<string> = new Set(['in', 'inside', 'within', 'near', 'outside', 'around', 'at', 'of']);

function containerLink(gap: readonly Unit[], ofLinks = false): 'in' | 'comma' | 'near' | null {
  const words = gap.map((u) => u.lower).filter((w) => w !== 'the');
  if (words.length === 0) return null;
  if (ofLinks && words.length === 1 && words[0] === 'of') return 'in';
  const first = words[0];
  const rest = words.slice(1);
  const fill = rest.every((w) => BETWEEN.has(w) || w === 'of' || DIRECTIONS.has(w));
  // "Kaya, in Centre-Nord region".
  const rest2 = rest.slice(1).every((w) => BETWEEN.has(w) || DIRECTIONS.has(w));
  if ((first === ',' || first === '(') && rest[0] === 'in' && rest2) return 'in';
  if (!fill) return null;
  if (first === ',' || first === '(') return 'comma';
  if (first === 'in' || first === 'inside' || first === 'within') return 'in';
  if (first === 'near' || first === 'outside' || first === 'around') return 'near';
  return null;
}

function contains(container: PlaceEntry, e: PlaceEntry): boolean {
  const countries = container.countries.length > 0 ? container.countries : [container.country ?? ''];
  if (!countries.includes(e.country ?? '')) return false;
  if (container.feature === 'admin1')
    return e.admin1 === container.admin1 || (e.admin1 === null && near(e, container, 150));
  // A province is never inside a district ("Andarab district of Baghlan province").
  if ((container.feature === 'admin2' || container.feature === 'district') && BROAD_FEATURES.has(e.feature)) {
    return false;
  }
  if (container.feature === 'admin2') {
    // A town lies in a GeoNames district by its codes ("Sebba" in "Yagha province", 40 km from its centre); a
    // town without codes (a curated one) by its admin1 and distance, or by its admin1 alone when the district has
    // no point ("Merawi town, West Gojjam zone").
    if (container.source === 'admin2' && e.admin2Id != null)
      return e.admin2Id === container.id || near(e, container, 25);
    if (container.lat === null) return container.admin1 !== null && e.admin1 === container.admin1;
    return near(e, container, 40) || (e.admin1 !== null && e.admin1 === container.admin1 && near(e, container, 80));
  }
  if (container.feature === 'district') return near(e, container, 40);
  if (container.feature === 'region') return e.lat === null || container.lat === null || near(e, container, 400);
  return true;
}

const BROAD_FEATURES: ReadonlySet<PlaceFeature> = new Set(['admin1', 'country', 'region']);

function kebabOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function near(a: PlaceEntry, b: PlaceEntry, km: number): boolean {
  if (a.lat === null || a.lon === null || b.lat === null || b.lon === null) return false;
  const k = Math.cos((((a.lat + b.lat) / 2) * Math.PI) / 180);
  const dx = (a.lon - b.lon) * k;
  const dy = a.lat - b.lat;
  return Math.sqrt(dx * dx + dy * dy) * 111.2 <= km;
}

// ---------------------------------------------------------------------------------------------------------------
// The mention.

function toMention(ctx: Context, c: Candidate): PlaceMention | null {
  if (c.absorbed || !c.licence) return null;
  const { units, sentence } = ctx;
  const first = units[c.textFrom];
  const last = units[c.textTo - 1];
  if (!first || !last) return null;
  const span = { start: first.start, end: last.end };
  const text = sentence.text.slice(span.start - sentence.start, span.end - sentence.start);
  if (c.border) return borderMention(ctx, c, span, text);
  const e = c.chosen;
  if (!e) return null;
  let relation: PlaceRelation = c.relation ?? 'in';
  let feature = e.feature;
  let name = e.name;
  let rule = e.ref;
  let lat = e.lat;
  let lon = e.lon;
  const suffix = [...c.suffix];
  // Head nouns refine the relation: "Anbar province", "Idlib countryside", "the outskirts of Mosul".
  const nameEnd = units[c.to - 1]?.lower ?? '';
  if (!c.head && c.to - c.from > 1 && HEADS.get(nameEnd) === 'province' && e.feature === 'admin1')
    relation = 'province';
  if (c.head === 'province' && (e.feature === 'admin1' || e.feature === 'town')) relation = 'province';
  if (c.head === 'countryside') relation = 'countryside';
  if (c.head === 'outskirts') relation = 'outside';
  if (c.head === 'area' && relation === 'in' && !c.partOf) relation = 'near';
  if (c.head === 'facility' && relation === 'in' && (e.feature === 'base' || e.feature === 'district')) relation = 'at';
  // "rockets hit Ain al-Asad", "a blast in Camp Taji": a base is a site.
  if (e.feature === 'base' && relation === 'in') relation = 'at';
  if (c.head && c.head !== 'settlement') suffix.push(`+${c.headText ?? c.head}`);
  // "rockets fired at northern Israel": 'at' is kept for a site or a town.
  if (relation === 'at' && !(e.feature === 'base' || e.feature === 'district' || e.feature === 'town')) relation = 'in';
  // "Damascus countryside" read as the curated "rural Damascus" region.
  if (/countryside|rural|\brif\b|\breef\b/i.test(text) && relation === 'in') relation = 'countryside';
  let precision = precisionOf(e, relation);
  // "Kulachi tehsil", "Tsafe LGA": the district around a town named after it, not the town itself.
  if (c.head === 'district' && e.feature === 'town' && !c.partOf && precision === 1) precision = 2;
  // "northern Yemen" without a curated region: the country's part, at the country's point.
  if (c.direction && e.feature === 'country') {
    feature = 'region';
    name = `${c.direction} ${e.name}`;
    rule = `region:direction:${e.country ?? ''}`;
  }
  if (c.direction && (e.feature === 'admin1' || e.feature === 'region')) suffix.push(`+${c.direction}`);
  if (e.lat === null && e.country) {
    // A district without a point: its admin1's point, else the country's.
    const area =
      (e.admin1
        ? ctx.gazetteer.lookup(e.admin1)?.entries.find((x) => x.feature === 'admin1' && x.country === e.country)
        : null) ?? ctx.gazetteer.country(e.country);
    lat = area?.lat ?? null;
    lon = area?.lon ?? null;
    precision = 3;
  }
  if (c.licence && c.licence !== 'name') suffix.unshift(`@${c.licence}`);
  if (c.direction && feature === 'region' && e.feature === 'country') suffix.length = 0;
  return {
    sentence: sentence.index,
    start: span.start,
    end: span.end,
    text,
    name,
    feature,
    country: e.country,
    countries: e.countries.length > 0 ? [...e.countries] : e.country ? [e.country] : [],
    admin1: e.admin1,
    lat,
    lon,
    precision,
    relation,
    rule: [rule, ...suffix].join(' '),
  };
}

// ACLED geo_precision: 1 the place itself (a part of a town too: "eastern Aleppo"), 2 near a town or a small part
// of a region, 3 a larger region, at its capital or centre.
function precisionOf(e: PlaceEntry, relation: PlaceRelation): Precision {
  const loose = relation === 'near' || relation === 'outside' || relation === 'countryside';
  switch (e.feature) {
    case 'country':
      return 3;
    case 'admin1':
      return relation === 'countryside' ? 2 : 3;
    case 'admin2':
      return loose ? 3 : 2;
    case 'region':
    case 'border':
    case 'water':
      return e.precision ?? 3;
    case 'base':
    case 'district':
      return loose ? 2 : (e.precision ?? 1);
    default:
      if (relation === 'province') return 3;
      return loose ? 2 : 1;
  }
}

function borderMention(
  ctx: Context,
  c: Candidate,
  span: { start: number; end: number },
  text: string,
): PlaceMention | null {
  const b = c.border;
  if (!b) return null;
  const { gazetteer: g } = ctx;
  // The countries in the order the text names them: "the Syrian-Iraqi border" is SYR first.
  const order = b.countries;
  const e = b.entry;
  const names = order.map((iso3) => g.country(iso3)?.name ?? iso3);
  return {
    sentence: ctx.sentence.index,
    start: span.start,
    end: span.end,
    text,
    name: e?.name ?? `${names.join('–')} border`,
    feature: 'border',
    country: order[0] ?? null,
    countries: [...order],
    admin1: null,
    lat: e?.lat ?? null,
    lon: e?.lon ?? null,
    precision: 3,
    relation: c.relation ?? 'along',
    rule: e ? e.ref : `border:${order.map((x) => x.toLowerCase()).join('-')}`,
  };
}
