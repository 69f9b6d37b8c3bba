// Calendar periods and their parts: "early 2020", "mid-March", "late last week", "the 1990s", "last summer".
import {
  addMonths,
  type DaySpan,
  dayOf,
  daysInMonth,
  isoWeekSpan,
  monthSpan,
  weekdayOf,
  yearSpan,
  ymdOf,
} from './calendar.ts';
import { type Hedge, UNIT_DAYS, type Unit } from './lexicon.ts';

export type PeriodUnit = 'week' | 'month' | 'year' | 'decade' | 'season';

/** "early" / "mid" / "late" / "the beginning of" / "the middle of" / "the end of" as one key. */
export type Part = 'early' | 'mid' | 'late' | 'start' | 'end';

export function partOf(word: string | undefined): Part | null {
  if (!word) return null;
  switch (word.toLowerCase()) {
    case 'early':
      return 'early';
    case 'mid':
    case 'middle':
      return 'mid';
    case 'late':
      return 'late';
    case 'beginning':
    case 'start':
      return 'start';
    case 'end':
    case 'close':
      return 'end';
    default:
      return null;
  }
}

/** The part of `span` (a period of `unit`) that `part` names. */
export function partOfPeriod(span: DaySpan, unit: PeriodUnit, part: Part | null): DaySpan {
  if (part === null) return span;
  const { year, month } = ymdOf(span.start);
  switch (unit) {
    case 'year': {
      // "early 2020": January–April; "the end of 2020": October–December.
      const months: Record<Part, [number, number]> = {
        early: [1, 4],
        mid: [5, 8],
        late: [9, 12],
        start: [1, 3],
        end: [10, 12],
      };
      const [a, b] = months[part];
      return { start: dayOf(year, a, 1), end: dayOf(year, b, daysInMonth(year, b)) };
    }
    case 'month': {
      // "in mid-March": 11–20 March.
      const last = daysInMonth(year, month);
      const days: Record<Part, [number, number]> = {
        early: [1, 10],
        mid: [11, 20],
        late: [21, last],
        start: [1, 7],
        end: [last - 7, last],
      };
      const [a, b] = days[part];
      return { start: dayOf(year, month, a), end: dayOf(year, month, b) };
    }
    case 'week': {
      // "late last week": Thursday–Sunday.
      const offsets: Record<Part, [number, number]> = {
        early: [0, 2],
        mid: [1, 3],
        late: [3, 6],
        start: [0, 1],
        end: [4, 6],
      };
      const [a, b] = offsets[part];
      return { start: span.start + a, end: span.start + b };
    }
    case 'decade': {
      // "the early 2000s": 2000–2003.
      const offsets: Record<Part, [number, number]> = {
        early: [0, 3],
        mid: [3, 6],
        late: [6, 9],
        start: [0, 2],
        end: [7, 9],
      };
      const [a, b] = offsets[part];
      return { start: yearSpan(year + a).start, end: yearSpan(year + b).end };
    }
    case 'season': {
      const length = span.end - span.start + 1;
      const third = Math.floor(length / 3);
      if (part === 'early' || part === 'start') return { start: span.start, end: span.start + third };
      if (part === 'late' || part === 'end') return { start: span.end - third, end: span.end };
      return { start: span.start + third, end: span.end - third };
    }
  }
}

export type Season = 'spring' | 'summer' | 'autumn' | 'winter';

export function seasonOf(word: string): Season | null {
  const w = word.toLowerCase();
  if (w === 'fall') return 'autumn';
  return w === 'spring' || w === 'summer' || w === 'autumn' || w === 'winter' ? w : null;
}

/** Northern-hemisphere meteorological seasons; the winter of year Y runs December Y-1 to February Y. */
export function seasonSpan(season: Season, year: number): DaySpan {
  switch (season) {
    case 'spring':
      return { start: dayOf(year, 3, 1), end: dayOf(year, 5, 31) };
    case 'summer':
      return { start: dayOf(year, 6, 1), end: dayOf(year, 8, 31) };
    case 'autumn':
      return { start: dayOf(year, 9, 1), end: dayOf(year, 11, 30) };
    case 'winter':
      return { start: dayOf(year - 1, 12, 1), end: dayOf(year, 2, daysInMonth(year, 2)) };
  }
}

/** The latest season of that name that has begun by `limit`. */
export function latestSeason(season: Season, limit: number): DaySpan {
  const { year } = ymdOf(limit);
  for (const y of [year + 1, year, year - 1]) {
    const span = seasonSpan(season, y);
    if (span.start <= limit) return span;
  }
  return seasonSpan(season, year - 1);
}

/** "this week" / "last month" / "next year": the calendar period `step` periods away from `pub`'s. */
export function periodAround(pub: number, unit: 'week' | 'month' | 'year', step: number): DaySpan {
  switch (unit) {
    case 'week':
      return isoWeekSpan(pub + 7 * step);
    case 'month': {
      const { year, month } = ymdOf(addMonths(pub, step));
      return monthSpan(year, month);
    }
    case 'year':
      return yearSpan(ymdOf(pub).year + step);
  }
}

/** The weekend (Saturday–Sunday) that has most recently begun by `pub`. */
export function latestWeekend(pub: number): DaySpan {
  const saturday = pub - ((weekdayOf(pub) - 6 + 7) % 7);
  return { start: saturday, end: saturday + 1 };
}

/** How far, in whole days, a hedged amount of time reaches: "nearly two years" → 548..730 days. */
export function offsetBounds(
  amount: number,
  unit: Unit,
  hedge: Hedge | null,
  vague: boolean,
): { lo: number; hi: number } {
  const size = UNIT_DAYS[unit];
  const base = amount * size;
  if (vague) return { lo: Math.floor(Math.min(2, amount) * size), hi: Math.ceil((amount + 2) * size) };
  switch (hedge) {
    case 'nearly':
      return { lo: Math.floor(base * 0.75), hi: Math.ceil(base) };
    case 'over':
      return { lo: Math.floor(base), hi: Math.ceil(base * 2) };
    case 'about':
      return { lo: Math.floor(Math.min(base * 0.85, base - 1)), hi: Math.ceil(Math.max(base * 1.15, base + 1)) };
    case 'under':
      return { lo: 0, hi: Math.ceil(base) };
    case null:
      return { lo: Math.floor(base), hi: Math.ceil(base) };
  }
}
