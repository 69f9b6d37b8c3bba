// Publication dates as the readers find them (ISO 8601, RFC 822 in RSS, Telegram's local timestamps) → YYYY-MM-DD.
// The date is the one the publisher wrote: "Tue, 12 Mar 2024 23:30:00 -0500" is 12 March, the day its readers
// called "today", not 13 March in UTC.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// "2024-03-12", "2024-03-12T08:15:00", "2024-03-12T08:15:00+03:00"
const ISO = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/;
// "Tue, 12 Mar 2024 08:00:00 GMT", "12 March 2024"
const DAY_MONTH_YEAR = /^\s*(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4})\b/i;
// "March 12, 2024"
const MONTH_DAY_YEAR = /^\s*(?:[a-z]{3,9},?\s+)?([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b/i;

/** The publication date written in `value`, as YYYY-MM-DD; null when there is none or it is not a real date. */
export function publicationDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const iso = ISO.exec(value);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dmy = DAY_MONTH_YEAR.exec(value);
  if (dmy) return validDate(Number(dmy[3]), monthNumber(dmy[2]), Number(dmy[1]));
  const mdy = MONTH_DAY_YEAR.exec(value);
  if (mdy) return validDate(Number(mdy[3]), monthNumber(mdy[1]), Number(mdy[2]));
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}

function monthNumber(name: string | undefined): number {
  return MONTHS.indexOf((name ?? '').slice(0, 3).toLowerCase()) + 1;
}

function validDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1000) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null; // "2024-02-30"
  return date.toISOString().slice(0, 10);
}
