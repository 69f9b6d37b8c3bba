// Calendar arithmetic on whole days. A day is a "day number": days since 1970-01-01 (UTC), so ranges compare as
// integers and no time zone can shift a date.

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** An inclusive span of day numbers. */
export interface DaySpan {
  start: number;
  end: number;
}

const MS_PER_DAY = 86_400_000;

export function dayOf(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function ymdOf(n: number): Ymd {
  const d = new Date(n * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** `2021-07-13` (or a longer ISO timestamp, whose date part is read) → day number; null when unreadable. */
// Every sentence of a report resolves against its one publication date: the last one read is kept.
let lastIso = '';
let lastDay: number | null = null;

export function parseIsoDay(text: string | null | undefined): number | null {
  if (!text) return null;
  if (text === lastIso) return lastDay;
  lastDay = readIsoDay(text);
  lastIso = text;
  return lastDay;
}

function readIsoDay(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return dayOf(year, month, day);
}

export function isoOf(n: number): string {
  const { year, month, day } = ymdOf(n);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function weekdayOf(n: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** Adds calendar months, keeping the day of month where the target month has it (31 Jan + 1 month → 28/29 Feb). */
export function addMonths(n: number, months: number): number {
  const { year, month, day } = ymdOf(n);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return dayOf(y, m, Math.min(day, daysInMonth(y, m)));
}

export function addYears(n: number, years: number): number {
  return addMonths(n, years * 12);
}

export function monthSpan(year: number, month: number): DaySpan {
  return { start: dayOf(year, month, 1), end: dayOf(year, month, daysInMonth(year, month)) };
}

export function yearSpan(year: number): DaySpan {
  return { start: dayOf(year, 1, 1), end: dayOf(year, 12, 31) };
}

/** The ISO week (Monday … Sunday) containing day `n`. */
export function isoWeekSpan(n: number): DaySpan {
  const start = n - (weekdayOf(n) - 1);
  return { start, end: start + 6 };
}

/** ISO week (Monday..Sunday) containing `date` (YYYY-MM-DD). */
export function weekOf(date: string): { start: string; end: string } {
  const n = parseIsoDay(date);
  if (n === null) throw new RangeError(`weekOf: not an ISO date: ${JSON.stringify(date)}`);
  const span = isoWeekSpan(n);
  return { start: isoOf(span.start), end: isoOf(span.end) };
}

/** The latest day on or before `limit` that falls on `month`/`day` (29 Feb falls back to 28 Feb). */
export function latestMonthDay(month: number, day: number, limit: number): number {
  let year = ymdOf(limit).year;
  let n = dayOf(year, month, Math.min(day, daysInMonth(year, month)));
  if (n > limit) {
    year -= 1;
    n = dayOf(year, month, Math.min(day, daysInMonth(year, month)));
  }
  return n;
}

/** The earliest day on or after `from` that falls on `month`/`day`. */
export function earliestMonthDay(month: number, day: number, from: number): number {
  let year = ymdOf(from).year;
  let n = dayOf(year, month, Math.min(day, daysInMonth(year, month)));
  if (n < from) {
    year += 1;
    n = dayOf(year, month, Math.min(day, daysInMonth(year, month)));
  }
  return n;
}

/** Year of the latest `month` that has begun on or before `limit`. */
export function latestMonthYear(month: number, limit: number): number {
  const { year, month: current } = ymdOf(limit);
  return month <= current ? year : year - 1;
}

/** Year of the next `month` that has not ended before `from` (the current month counts). */
export function earliestMonthYear(month: number, from: number): number {
  const { year, month: current } = ymdOf(from);
  return month >= current ? year : year + 1;
}
