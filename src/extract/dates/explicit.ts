// Explicit calendar dates through chrono-node's strict English parser: "14 March 2021", "March 14, 2021",
// "on June 27", "Monday, July 12, 2021", "2021-03-14", "5-6 May". Only results that name a month are kept; the
// year of a yearless date is chosen here (the latest one on or before publication), not by chrono, which looks
// forward from the reference instant.
import * as chrono from 'chrono-node';
import { type DaySpan, dayOf, daysInMonth, earliestMonthDay, latestMonthDay, ymdOf } from './calendar.ts';
import type { Candidate, RuleEnv } from './candidate.ts';
import { isCapitalised, MONTH_RE } from './lexicon.ts';

/** chrono reads numbers only when the sentence has a digit or an ordinal ("the third of May"). */
const WORTH_PARSING = /\d|(?:st|nd|rd|th)\s+of\s+[A-Z]/;
const MONTH_WORD = new RegExp(`\\b${MONTH_RE}`, 'i');
// "9/11", "24/7": all-numeric dates without a year are not dates in news text.
const NUMERIC_ONLY = /^(?:on\s+)?[\d\s/.\-–]+$/i;
const NUMERIC_DATE = /\d{1,4}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{1,4}/;
// A result is kept only with a capitalised month name (MONTH_RE starts with one of these) or an all-numeric
// date: a sentence with neither is not worth chrono's time.
const MONTH_PREFIX = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)';
const CAPITALISED_MONTH =
  /J[aA][nN]|F[eE][bB]|M[aA][rRyY]|A[pP][rR]|J[uU][nNlL]|A[uU][gG]|S[eE][pP]|O[cC][tT]|N[oO][vV]|D[eE][cC]/;
// And a kept result with a month name has a day beside it, as chrono's parsers read one (a superset of their
// patterns): a number or an ordinal before the month ("14 March", "14th of March"), or after it ("March 14",
// "Sept. 5", "March first", "2023-March-05"); a day is never more than two digits, so a sentence whose only date is
// "in April 2023" (no day) is not parsed at all.
const DAY_BESIDE_MONTH = new RegExp(
  `(?:\\d|st|nd|rd|th)(?:-|/|\\s{0,3}(?:of)?\\s{0,3})${MONTH_PREFIX}|` +
    `${MONTH_PREFIX}[a-z]*\\.?[\\s,./-]*(?:\\d{1,2}(?!\\d)|fir|sec|thi|fou|fif|six|sev|eig|nin|ten|ele|twe)`,
  'i',
);
const REFERENCE = new Date(Date.UTC(2000, 0, 1, 12));

interface Parts {
  year?: number;
  month?: number;
  day?: number;
}

function partsOf(component: chrono.ParsedComponents): Parts {
  const parts: Parts = {};
  for (const key of ['year', 'month', 'day'] as const) {
    const value = component.isCertain(key) ? component.get(key) : null;
    if (value !== null) parts[key] = value;
  }
  return parts;
}

function clampDay(year: number, month: number, day: number): number {
  return dayOf(year, month, Math.min(day, daysInMonth(year, month)));
}

export function explicitDates(env: RuleEnv): Candidate[] {
  if (!WORTH_PARSING.test(env.text)) return [];
  if (!NUMERIC_DATE.test(env.text) && !(CAPITALISED_MONTH.test(env.text) && DAY_BESIDE_MONTH.test(env.text))) return [];
  const found: Candidate[] = [];
  for (const result of chrono.strict.parse(env.text, { instant: REFERENCE, timezone: 0 })) {
    const start = partsOf(result.start);
    if (start.month === undefined || start.day === undefined) continue;
    const text = result.text.trimEnd();
    if (NUMERIC_ONLY.test(text) && start.year === undefined) continue;
    // A month name or an all-numeric date with its year ("2021-03-14", "14/3/2021"); chrono's strict parser also
    // returns "within 10 days" and "in the second" with a day filled in, which are not calendar dates.
    const monthWord = MONTH_WORD.exec(text);
    if (monthWord ? !isCapitalised(monthWord[0]) : !(NUMERIC_DATE.test(text) && start.year !== undefined)) continue;
    const end = result.end ? partsOf(result.end) : null;
    const endMonth = end?.month ?? start.month;
    const endDay = end?.day ?? (end ? undefined : start.day);
    if (endDay === undefined) continue;
    const yearless = start.year === undefined && end?.year === undefined;
    const at = { start: result.index, end: result.index + text.length };
    let span: DaySpan | null = null;
    let future = false;
    if (!yearless) {
      const endYear = end?.year ?? start.year ?? 0;
      const startYear = start.year ?? (start.month > endMonth ? endYear - 1 : endYear);
      span = { start: clampDay(startYear, start.month, start.day), end: clampDay(endYear, endMonth, endDay) };
      future = env.pub !== null && span.start > env.pub;
    } else if (env.pub !== null) {
      // "on March 3" in a report of 13 July 2021 → 2021-03-03; "December 20" in one of 5 January → the year before.
      future = env.futureAt(at.start, at.end);
      const last = future ? earliestMonthDay(endMonth, endDay, env.pub) : latestMonthDay(endMonth, endDay, env.pub);
      const lastYear = ymdOf(last).year;
      const first = clampDay(start.month > endMonth ? lastYear - 1 : lastYear, start.month, start.day);
      span = { start: first, end: last };
    }
    found.push({
      ...at,
      rule: end ? 'chrono:explicit-range' : 'chrono:explicit',
      kind: 'point',
      yearless,
      resolved: span && { span, precision: span.start === span.end ? 'day' : 'range', future },
    });
  }
  return found;
}
