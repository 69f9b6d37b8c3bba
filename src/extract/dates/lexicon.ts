// Calendar words of English and the regular-expression pieces built from them. These are the language's own
// closed classes (month names, weekdays, number words), not a lexicon users extend, so they live beside the code.

import { own } from '../../core/lookup.ts';
import { TENS as NUMBER_TENS, UNITS as NUMBER_UNITS } from '../quantity.ts';

export const MONTHS: Readonly<Record<string, number>> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

export const WEEKDAYS: Readonly<Record<string, number>> = {
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
};

export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  ...NUMBER_UNITS,
  ...NUMBER_TENS,
  'a couple of': 2,
  'a few': 3,
  few: 3,
  several: 4,
  'a dozen': 12,
  dozen: 12,
  half: 0.5,
  'half a': 0.5,
};

/** Amounts that are vague by themselves ("a few days ago"). */
export const VAGUE_AMOUNTS: ReadonlySet<string> = new Set(['a couple of', 'a few', 'few', 'several']);

export type Unit = 'day' | 'week' | 'month' | 'year' | 'decade' | 'hour';

export const UNITS: Readonly<Record<string, Unit>> = {
  day: 'day',
  days: 'day',
  week: 'week',
  weeks: 'week',
  month: 'month',
  months: 'month',
  year: 'year',
  years: 'year',
  decade: 'decade',
  decades: 'decade',
  hour: 'hour',
  hours: 'hour',
};

/** Mean length of a unit in days, for approximate offsets. */
export const UNIT_DAYS: Readonly<Record<Unit, number>> = {
  hour: 1 / 24,
  day: 1,
  week: 7,
  month: 30.44,
  year: 365.25,
  decade: 3652.5,
};

/** Words that make an amount approximate, and which way. */
export type Hedge = 'nearly' | 'over' | 'about' | 'under';
export const HEDGES: Readonly<Record<string, Hedge>> = {
  nearly: 'nearly',
  almost: 'nearly',
  'just under': 'nearly',
  'not quite': 'nearly',
  'more than': 'over',
  over: 'over',
  'just over': 'over',
  'at least': 'over',
  'upwards of': 'over',
  about: 'about',
  around: 'about',
  some: 'about',
  roughly: 'about',
  approximately: 'about',
  'close to': 'nearly',
  'less than': 'under',
  under: 'under',
  within: 'under',
  'fewer than': 'under',
};

// Regular-expression pieces. Month and weekday names are matched case-insensitively and checked for a capital
// afterwards ("a march on Sunday", "troops may attack" are not dates).
export const MONTH_RE =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept\\.?|Sep\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
export const WEEKDAY_RE = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
export const YEAR_RE = '(?:1[89]\\d\\d|20\\d\\d)';
export const DAY_RE = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
export const DASH_RE = '\\s*[-–—]\\s*';
export const AMOUNT_RE =
  '(?:\\d+(?:\\.\\d+)?|a couple of|a few|a dozen|half an?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|few|several)';
export const UNIT_RE = '(?:days?|weeks?|months?|years?|decades?|hours?)';
export const HEDGE_RE =
  '(?:nearly|almost|just under|not quite|more than|just over|over|at least|upwards of|about|around|some|roughly|approximately|close to|less than|under|within|fewer than)';
export const PART_OF_DAY_RE = '(?:morning|afternoon|evening|night|overnight|dawn|noon|midday)';

export function monthNumber(word: string): number | null {
  return own(MONTHS, word.toLowerCase().replace(/\.$/, '')) ?? null;
}

export function weekdayNumber(word: string): number | null {
  return own(WEEKDAYS, word.toLowerCase()) ?? null;
}

export function amountOf(word: string): number | null {
  const w = word.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^\d+(?:\.\d+)?$/.test(w)) return Number(w);
  return own(NUMBER_WORDS, w) ?? null;
}

export function unitOf(word: string): Unit | null {
  return own(UNITS, word.toLowerCase()) ?? null;
}

export function hedgeOf(words: string | undefined): Hedge | null {
  if (!words) return null;
  return HEDGES[words.toLowerCase().replace(/\s+/g, ' ').trim()] ?? null;
}

/** A calendar name as it appears in running text: capitalised ("March", not "march"). */
export function isCapitalised(word: string): boolean {
  const c = word.charAt(0);
  return c !== '' && c === c.toUpperCase() && c !== c.toLowerCase();
}
