// Quantities as written in news reports, read into a range: "at least four", "dozens of", "between 10 and 15".
// Shared by the stages that count things (casualties, sources, repeated events).
//
// The rules, and why (ACLED's practice: keep the most conservative figure a report supports):
// - an exact figure is its own range: "four" → 4–4, "1,200" → 1200–1200, "twenty-three" → 23–23;
// - a lower bound leaves the top open: "at least four" / "four or more" / "20-plus" → 4–∞;
//   "more than 20" / "over 20" → 21–∞ (the first figure the words allow);
// - an upper bound starts at one: "up to 30" / "as many as 30" / "no more than 30" → 1–30, and "fewer than 30"
//   → 1–29. "As many as" is often a journalist's way of saying "about", but the words only promise the ceiling;
// - "nearly/almost/close to/just under 40" → 36–39: below the figure, and within 10 % of it (floor of 0.9 × N),
//   approximate;
// - "around/about/approximately/roughly/some/an estimated 50" → 50–50, approximate;
// - ranges: "between 10 and 15", "10 to 15", "10-15", "two or three" → 10–15;
// - collective plurals take ACLED's fixed figures as a lower bound: "tens" 10, "dozens" 12, "scores" 20,
//   "hundreds" 100, "thousands" 1,000, "tens of thousands" 10,000, "millions" 1,000,000;
//   "several hundred" / "a few hundred" → 200–∞ (two of the unit), "a few dozen" → 24–∞;
// - vague plurals promise at least two: "several", "a number of", "many", "numerous", "multiple", "a few",
//   "a handful of", and for series of events "a string/series/wave/spate of" → 2–∞;
// - "some" (before a noun) and "an unknown/undisclosed/unspecified number of" promise only one → 1–∞;
// - set nouns: "a pair of" / "a couple of" / "both" 2, "a trio of" 3, "a quartet of" 4, "a dozen" 12 (approximate),
//   "half a dozen" 6 (approximate), "a score of" 20;
// - not a count: a figure in a compound modifier ("a 30-year-old man", "a 4-km stretch"), or a percentage.
// The indefinite article alone ("a civilian") is NOT read as one here: whether it counts is the caller's call.

import { own } from '../core/lookup.ts';
import type { Token } from './model.ts';

// Made once: a regular-expression literal inside a function is a new object each time it runs.
const STARTS_LOWER = /^[a-z]/;

export interface Quantity {
  min: number;
  /** null: no upper bound stated ("at least four", "dozens"). */
  max: number | null;
  /** True when the words hedge ("about 50", "dozens", "several"). */
  approximate: boolean;
}

export interface QuantityMatch extends Quantity {
  /** Token index of the first word of the quantity. */
  start: number;
  /** Token index after the last word (a trailing "of" in "dozens of" is included). */
  end: number;
  /** Which rule read it, for provenance: "quantity:lower-bound", "quantity:collective" … */
  rule: string;
}

/** The number words below twenty, shared with the date stage ("three days ago"). */
export const UNITS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
export const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Readonly<Record<string, number>> = { thousand: 1_000, million: 1_000_000, billion: 1_000_000_000 };

// "dozens of people", "hundreds of thousands" — ACLED's conservative figures for collective plurals.
const COLLECTIVES: Readonly<Record<string, number>> = {
  tens: 10,
  dozens: 12,
  scores: 20,
  hundreds: 100,
  thousands: 1_000,
  millions: 1_000_000,
};
// "several hundred", "a few dozen": the unit the vague word multiplies.
const UNIT_OF_VAGUE: Readonly<Record<string, number>> = {
  dozen: 12,
  hundred: 100,
  thousand: 1_000,
  million: 1_000_000,
};
// Multi-word quantity phrases with a fixed reading; longest first when matching.
// "a trio of airstrikes", "a string of attacks", "an unknown number of people"
const FIXED_PHRASES: ReadonlyArray<readonly [string, Quantity, string]> = [
  ['half a dozen', { min: 6, max: 6, approximate: true }, 'quantity:set'],
  ['a dozen', { min: 12, max: 12, approximate: true }, 'quantity:set'],
  ['a score of', { min: 20, max: 20, approximate: true }, 'quantity:set'],
  ['a pair of', { min: 2, max: 2, approximate: false }, 'quantity:set'],
  ['a couple of', { min: 2, max: 2, approximate: true }, 'quantity:set'],
  ['a couple', { min: 2, max: 2, approximate: true }, 'quantity:set'],
  ['a trio of', { min: 3, max: 3, approximate: false }, 'quantity:set'],
  ['a quartet of', { min: 4, max: 4, approximate: false }, 'quantity:set'],
  ['both', { min: 2, max: 2, approximate: false }, 'quantity:set'],
  ['a single', { min: 1, max: 1, approximate: false }, 'quantity:set'],
  ['an unknown number of', { min: 1, max: null, approximate: true }, 'quantity:unknown'],
  ['an undisclosed number of', { min: 1, max: null, approximate: true }, 'quantity:unknown'],
  ['an unspecified number of', { min: 1, max: null, approximate: true }, 'quantity:unknown'],
  ['an undetermined number of', { min: 1, max: null, approximate: true }, 'quantity:unknown'],
  ['an unconfirmed number of', { min: 1, max: null, approximate: true }, 'quantity:unknown'],
  ['an unidentified number of', { min: 1, max: null, approximate: true }, 'quantity:unknown'],
  ['unknown number of', { min: 1, max: null, approximate: true }, 'quantity:unknown'],
  ['a number of', { min: 2, max: null, approximate: true }, 'quantity:vague-plural'],
  ['a handful of', { min: 2, max: null, approximate: true }, 'quantity:vague-plural'],
  ['a few', { min: 2, max: null, approximate: true }, 'quantity:vague-plural'],
  ['several', { min: 2, max: null, approximate: true }, 'quantity:vague-plural'],
  ['many', { min: 2, max: null, approximate: true }, 'quantity:vague-plural'],
  ['numerous', { min: 2, max: null, approximate: true }, 'quantity:vague-plural'],
  ['multiple', { min: 2, max: null, approximate: true }, 'quantity:vague-plural'],
  ...['string', 'series', 'wave', 'spate', 'spree', 'rash', 'flurry', 'slew', 'succession', 'volley', 'barrage'].map(
    (noun) => [`a ${noun} of`, { min: 2, max: null, approximate: true }, 'quantity:series'] as const,
  ),
  ['some', { min: 1, max: null, approximate: true }, 'quantity:some'],
];

type Bound = 'exact' | 'lower' | 'above' | 'upper' | 'below' | 'nearly' | 'about';
// "at least four", "more than 20", "up to 30", "nearly 40", "about 50"; longest first when matching.
const PREFIXES: ReadonlyArray<readonly [string, Bound]> = [
  ['at least', 'lower'],
  ['no fewer than', 'lower'],
  ['no less than', 'lower'],
  ['not less than', 'lower'],
  ['not fewer than', 'lower'],
  ['a minimum of', 'lower'],
  ['at a minimum', 'lower'],
  ['more than', 'above'],
  ['over', 'above'],
  ['upwards of', 'above'],
  ['in excess of', 'above'],
  ['just over', 'above'],
  ['well over', 'above'],
  ['greater than', 'above'],
  ['up to', 'upper'],
  ['as many as', 'upper'],
  ['at most', 'upper'],
  ['no more than', 'upper'],
  ['not more than', 'upper'],
  ['a maximum of', 'upper'],
  ['fewer than', 'below'],
  ['less than', 'below'],
  ['nearly', 'nearly'],
  ['almost', 'nearly'],
  ['close to', 'nearly'],
  ['just under', 'nearly'],
  ['just shy of', 'nearly'],
  ['just below', 'nearly'],
  ['nearing', 'nearly'],
  ['about', 'about'],
  ['around', 'about'],
  ['approximately', 'about'],
  ['roughly', 'about'],
  ['some', 'about'],
  ['an estimated', 'about'],
  ['estimated', 'about'],
  ['circa', 'about'],
  ['approx.', 'about'],
  ['an approximate', 'about'],
  ['perhaps', 'about'],
  ['maybe', 'about'],
  ['another', 'exact'],
  ['a further', 'exact'],
  ['an additional', 'exact'],
  ['a total of', 'exact'],
  ['all', 'exact'],
];

/** Reads words one at a time; `undefined` past the end. */
type WordAt = (k: number) => string | undefined;

interface Read extends Quantity {
  end: number;
  rule: string;
}

const DIGITS = /^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$/;
const DASHES = new Set(['-', '–', '—']);
const PERCENT = new Set(['%', 'percent', 'per', 'pc']);

// The phrases split into words once, and grouped by their first word (order kept within a group): only the
// phrases whose first word is the word at hand can match there.
interface FixedPhrase {
  phrase: string;
  parts: readonly string[];
  q: Quantity;
  rule: string;
}
interface PrefixPhrase {
  parts: readonly string[];
  bound: Bound;
}

function byFirstWord<T extends { parts: readonly string[] }>(list: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of list) {
    const first = item.parts[0] as string;
    const group = out.get(first);
    if (group) group.push(item);
    else out.set(first, [item]);
  }
  return out;
}

const FIXED_BY_FIRST = byFirstWord<FixedPhrase>(
  FIXED_PHRASES.map(([phrase, q, rule]) => ({ phrase, parts: phrase.split(' '), q, rule })),
);
const PREFIXES_BY_FIRST = byFirstWord<PrefixPhrase>(
  PREFIXES.map(([phrase, bound]) => ({ parts: phrase.split(' '), bound })),
);
const NO_PHRASES: readonly never[] = [];

function matchParts(at: WordAt, i: number, parts: readonly string[]): number | null {
  // parts[0] is the word at `i` already: the phrase was picked by its first word.
  for (let k = 1; k < parts.length; k++) if (at(i + k) !== parts[k]) return null;
  return i + parts.length;
}

/**
 * Whether a quantity can begin with `word` at all: the first word of a prefix or fixed phrase, "between", a
 * collective plural, a number word or digits. (Looked up the same way the readers below look words up.)
 */
function canBegin(word: string | undefined): boolean {
  if (word === undefined) return false;
  if (BEGINNERS.has(word)) return true;
  // DIGITS needs a digit first
  const c = word.charCodeAt(0);
  return c >= 48 && c <= 57 && DIGITS.test(word);
}

// The words `canBegin` accepts, in one set: the first words of the phrases, "between", and every key the number
// and collective tables answer for, those every object inherits ("constructor") included, as indexing them does.
const BEGINNERS: ReadonlySet<string> = new Set([
  ...PREFIXES_BY_FIRST.keys(),
  ...FIXED_BY_FIRST.keys(),
  'between',
  ...Object.keys(COLLECTIVES),
  ...Object.keys(UNITS),
  ...Object.keys(TENS),
  ...Object.getOwnPropertyNames(Object.prototype),
]);

/** A written-out or digit number: "23", "1,200", "1.5 million", "twenty-three", "two hundred and fifty". */
function readNumber(at: WordAt, i: number): { value: number; end: number } | null {
  const first = at(i);
  if (first === undefined) return null;
  if (DIGITS.test(first)) {
    let value = Number(first.replaceAll(',', ''));
    let end = i + 1;
    const scaleWord = at(end) ?? '';
    const scale = scaleWord === 'hundred' ? 100 : own(SCALES, scaleWord);
    if (scale !== undefined) {
      value *= scale;
      end++;
    }
    return Number.isFinite(value) ? { value: Math.round(value), end } : null;
  }
  let j = i;
  let total = 0;
  let any = false;
  for (;;) {
    // one chunk below a thousand: "seventy-seven", "two hundred and fifty", "a hundred"
    let chunk: number | null = null;
    const next = at(j + 1) ?? '';
    if (!any && at(j) === 'a' && (next === 'hundred' || own(SCALES, next) !== undefined)) {
      chunk = 1;
      j++;
    } else {
      const small = readBelowHundred(at, j);
      if (small) {
        chunk = small.value;
        j = small.end;
      }
    }
    if (chunk === null) break;
    if (at(j) === 'hundred') {
      chunk *= 100;
      j++;
      const rest = at(j) === 'and' ? readBelowHundred(at, j + 1) : readBelowHundred(at, j);
      if (rest) {
        chunk += rest.value;
        j = rest.end;
      }
    }
    any = true;
    const scale = SCALES[at(j) ?? ''];
    if (scale === undefined) {
      total += chunk;
      break;
    }
    total += chunk * scale;
    j++;
    // "three thousand five hundred", "one thousand and twenty"
    const more = at(j) === 'and' ? j + 1 : j;
    if (readBelowHundred(at, more) === null) break;
    j = more;
  }
  return any ? { value: total, end: j } : null;
}

/** "seven", "seventeen", "seventy", "seventy-seven", "seventy seven". */
function readBelowHundred(at: WordAt, i: number): { value: number; end: number } | null {
  const w = at(i);
  if (w === undefined) return null;
  const unit = own(UNITS, w);
  if (unit !== undefined) return { value: unit, end: i + 1 };
  const tens = own(TENS, w);
  if (tens === undefined) return null;
  const next = at(i + 1);
  if (next !== undefined && DASHES.has(next)) {
    const after = UNITS[at(i + 2) ?? ''];
    if (after !== undefined && after > 0 && after < 10) return { value: tens + after, end: i + 3 };
  }
  const after = UNITS[next ?? ''];
  if (after !== undefined && after > 0 && after < 10) return { value: tens + after, end: i + 2 };
  return { value: tens, end: i + 1 };
}

/** A figure with its own hedges: a number, a range of numbers, a collective plural or a fixed phrase. */
function readCore(at: WordAt, i: number): Read | null {
  // "between 10 and 15"
  if (at(i) === 'between') {
    const a = readNumber(at, i + 1);
    if (a && at(a.end) === 'and') {
      const b = readNumber(at, a.end + 1);
      if (b && b.value >= a.value)
        return { min: a.value, max: b.value, approximate: false, end: b.end, rule: 'quantity:range' };
    }
    return null;
  }
  const first = at(i);
  const fixed = first === undefined ? NO_PHRASES : (FIXED_BY_FIRST.get(first) ?? NO_PHRASES);
  for (const { phrase, parts, q, rule } of fixed) {
    const end = matchParts(at, i, parts);
    if (end === null) continue;
    // "some 50" is "about 50": leave it to the prefix reading
    if (phrase === 'some' && readNumber(at, end) !== null) continue;
    // "several hundred", "a few dozen", "many thousands"
    if (rule === 'quantity:vague-plural') {
      const unitWord = at(end);
      const unitOf = unitWord === undefined ? undefined : own(UNIT_OF_VAGUE, unitWord);
      if (unitOf !== undefined) {
        return {
          min: 2 * unitOf,
          max: null,
          approximate: true,
          end: withOf(at, end + 1),
          rule: 'quantity:vague-scale',
        };
      }
      const collective = unitWord === undefined ? undefined : own(COLLECTIVES, unitWord);
      if (collective !== undefined) return readCollective(at, end);
    }
    return { ...q, end, rule };
  }
  const collective = readCollective(at, i);
  if (collective) return collective;
  const a = readNumber(at, i);
  if (!a) return null;
  const following = at(a.end);
  // "a 30-year-old man", "a 4-km stretch": a figure inside a compound modifier is not a count
  if (following !== undefined && DASHES.has(following)) {
    const b = readNumber(at, a.end + 1);
    // "10-15", "10–15"
    if (b && b.value > a.value)
      return { min: a.value, max: b.value, approximate: false, end: b.end, rule: 'quantity:range' };
    const word = at(a.end + 1);
    if (word === 'plus')
      return { min: a.value, max: null, approximate: false, end: a.end + 2, rule: 'quantity:lower-bound' };
    if (word === 'odd') return { min: a.value, max: null, approximate: true, end: a.end + 2, rule: 'quantity:about' };
    if (word !== undefined && STARTS_LOWER.test(word)) return null;
  }
  if (following !== undefined && PERCENT.has(following)) return null;
  // "10 to 15", "two or three"
  if (following === 'to' || following === 'or') {
    const b = readNumber(at, a.end + 1);
    if (b && b.value > a.value)
      return { min: a.value, max: b.value, approximate: false, end: b.end, rule: 'quantity:range' };
  }
  // "20 or more", "20-plus", "20+"
  if (following === 'or' && at(a.end + 1) === 'more') {
    return { min: a.value, max: null, approximate: false, end: a.end + 2, rule: 'quantity:lower-bound' };
  }
  if (following === 'plus' || following === '+') {
    return { min: a.value, max: null, approximate: false, end: a.end + 1, rule: 'quantity:lower-bound' };
  }
  // "40 odd", "20 or so"
  if (following === 'odd')
    return { min: a.value, max: null, approximate: true, end: a.end + 1, rule: 'quantity:about' };
  if (following === 'or' && at(a.end + 1) === 'so') {
    return { min: a.value, max: a.value, approximate: true, end: a.end + 2, rule: 'quantity:about' };
  }
  return { min: a.value, max: a.value, approximate: false, end: a.end, rule: 'quantity:exact' };
}

/** "dozens of", "tens of thousands of", "hundreds". */
function readCollective(at: WordAt, i: number): Read | null {
  const word = at(i);
  const base = word === undefined ? undefined : own(COLLECTIVES, word);
  if (base === undefined) return null;
  // "tens of thousands", "hundreds of thousands"
  if (at(i + 1) === 'of') {
    const scaleWord = at(i + 2);
    const scale = scaleWord === undefined ? undefined : own(COLLECTIVES, scaleWord);
    if (scale !== undefined && scale > base) {
      return { min: base * scale, max: null, approximate: true, end: withOf(at, i + 3), rule: 'quantity:collective' };
    }
  }
  return { min: base, max: null, approximate: true, end: withOf(at, i + 1), rule: 'quantity:collective' };
}

function withOf(at: WordAt, end: number): number {
  return at(end) === 'of' ? end + 1 : end;
}

function applyBound(core: Read, bound: Bound): Read {
  const n = core.min;
  switch (bound) {
    case 'exact':
      return core;
    case 'lower':
      return { ...core, max: null, rule: 'quantity:lower-bound' };
    case 'above':
      return { ...core, min: n + 1, max: null, rule: 'quantity:above' };
    case 'upper':
      return { ...core, min: Math.min(1, core.max ?? n), max: core.max ?? n, rule: 'quantity:upper-bound' };
    case 'below':
      return { ...core, min: Math.min(1, Math.max(0, n - 1)), max: Math.max(0, n - 1), rule: 'quantity:upper-bound' };
    case 'nearly': {
      const max = Math.max(0, n - 1);
      return { ...core, min: Math.min(max, Math.floor(n * 0.9)), max, approximate: true, rule: 'quantity:nearly' };
    }
    case 'about':
      return { ...core, approximate: true, rule: 'quantity:about' };
  }
}

function readWords(at: WordAt, i: number): Read | null {
  const first = at(i);
  const prefixes = first === undefined ? NO_PHRASES : (PREFIXES_BY_FIRST.get(first) ?? NO_PHRASES);
  for (const { parts, bound } of prefixes) {
    const after = matchParts(at, i, parts);
    if (after === null) continue;
    const core = readCore(at, after);
    // a prefix needs a figure after it ("about fifty"), and bounds only apply to figures, not to "several"
    if (!core || core.rule === 'quantity:some' || core.rule === 'quantity:unknown') continue;
    if (core.rule === 'quantity:range' && bound !== 'about') continue;
    return { ...applyBound(core, bound), end: core.end };
  }
  return readCore(at, i);
}

// The tokens `readQuantity` is reading, seen through one reader made once (not a new closure every call).
const NO_TOKENS: readonly Token[] = [];
let readingTokens: readonly Token[] = NO_TOKENS;
const normalAt: WordAt = (k) => readingTokens[k]?.normal;

/**
 * Reads a quantity at token `i` ("at least four fighters" → 4–∞, ending before "fighters").
 * Returns null when the tokens at `i` do not begin a quantity.
 */
export function readQuantity(tokens: readonly Token[], i: number): QuantityMatch | null {
  // Most words cannot begin a quantity: answer those without building a reader.
  if (!canBegin(tokens[i]?.normal)) return null;
  readingTokens = tokens;
  const read = readWords(normalAt, i);
  readingTokens = NO_TOKENS;
  if (!read) return null;
  return { min: read.min, max: read.max, approximate: read.approximate, start: i, end: read.end, rule: read.rule };
}

/**
 * Parses a quantity phrase: "at least four" → { min: 4, max: null }, "dozens" → { min: 12, max: null }.
 * Only the beginning of `words` is read ("four fighters" → 4); null when it does not begin with a quantity.
 */
export function parseQuantity(words: string): Quantity | null {
  const parts = words.toLowerCase().match(/\d[\d,]*(?:\.\d+)?|[a-z]+\.?|[^\s\da-z]/g) ?? [];
  // keep "approx." whole, but strip the full stop a sentence may end on
  const cleaned = parts.map((p) => (p.endsWith('.') && p !== 'approx.' ? p.slice(0, -1) : p));
  const read = readWords((k) => cleaned[k], 0);
  return read ? { min: read.min, max: read.max, approximate: read.approximate } : null;
}

/** Every number word below a hundred ("three", "twelve", "fifty"): the words other stages step over or count with. */
export const NUMBER_WORDS: readonly string[] = [...Object.keys(UNITS), ...Object.keys(TENS)];
