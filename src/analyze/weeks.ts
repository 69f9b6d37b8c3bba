// ISO weeks, keyed by their Monday (YYYY-MM-DD). Days are handled as UTC midnights, so no time zone or daylight
// saving change moves an event into another week.

const DAY_MS = 86_400_000;

const toDay = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);
const fromDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The Monday of the ISO week holding this day: Sunday 2023-12-31 → Monday 2023-12-25; Monday 2024-01-01 → itself. */
export function weekOf(day: string): string {
  const ms = toDay(day);
  // getUTCDay: Sunday 0 … Saturday 6; days since Monday: Sunday 6, Monday 0.
  const sinceMonday = (new Date(ms).getUTCDay() + 6) % 7;
  return fromDay(ms - sinceMonday * DAY_MS);
}

/** The week `n` weeks after (or, negative, before) a Monday. */
export function addWeeks(week: string, n: number): string {
  return fromDay(toDay(week) + n * 7 * DAY_MS);
}

/** Every Monday from the week of `first` to the week of `last`, in order (empty when `last` is before `first`). */
export function weeksBetween(first: string, last: string): string[] {
  const weeks: string[] = [];
  const end = weekOf(last);
  for (let week = weekOf(first); week <= end; week = addWeeks(week, 1)) weeks.push(week);
  return weeks;
}

/** Days from `start` to `end`, both counted: the same day is 1. */
export function daysSpanned(start: string, end: string): number {
  return Math.round((toDay(end) - toDay(start)) / DAY_MS) + 1;
}
