// Dates built from two dates or a date and a preposition, once the single dates are placed:
// "between June 1 and June 4", "from March 2019 to June 2020", "since January", "around 3 February",
// "Monday, June 28".
import { addYears, type DaySpan } from './calendar.ts';
import type { Candidate, RuleEnv } from './candidate.ts';

const BETWEEN_BEFORE = /\b(?<word>between|from)\s+$/i;
const RANGE_GAP = /^\s*(?:(?<and>and)|to|until|till|through|[-–—])\s*$/i;
const SINCE_BEFORE = /\b(?:ever\s+)?since\s+$/i;
const AROUND_BEFORE = /\b(?:around|about|circa|approximately|on\s+or\s+(?:about|around))\s+$/i;
const WEEKDAY_GAP = /^\s*,?\s*$/;

function isBase(c: Candidate): boolean {
  return c.resolved !== null && c.kind === 'point' && c.late === undefined;
}

function merge(a: Candidate, b: Candidate, env: RuleEnv): Candidate | null {
  const gap = env.text.slice(a.end, b.start);
  if (!a.resolved || !b.resolved) return null;
  // "Monday, June 28": the explicit date wins, the weekday joins its words.
  if (a.rule.startsWith('rule:weekday') && b.rule.startsWith('chrono:') && WEEKDAY_GAP.test(gap)) {
    return { ...b, start: a.start };
  }
  const join = RANGE_GAP.exec(gap);
  if (!join) return null;
  const lead = BETWEEN_BEFORE.exec(env.text.slice(0, a.start));
  // "1 and 4 June" needs "between"; "June 1 to June 4" reads as a range on its own.
  if (join.groups?.and && lead?.groups?.word?.toLowerCase() !== 'between') return null;
  let first: DaySpan = a.resolved.span;
  // "from December 28 to January 3": the yearless start belongs to the year before.
  if (a.yearless && first.start > b.resolved.span.start) {
    first = { start: addYears(first.start, -1), end: addYears(first.end, -1) };
  }
  if (first.start > b.resolved.span.end) return null;
  return {
    start: lead ? lead.index : a.start,
    end: b.end,
    rule: lead?.groups?.word?.toLowerCase() === 'between' ? 'rule:between' : 'rule:from-to',
    kind: 'point',
    yearless: a.yearless || b.yearless,
    resolved: {
      span: { start: first.start, end: b.resolved.span.end },
      precision: 'range',
      future: a.resolved.future || b.resolved.future,
    },
  };
}

/** Joins placed candidates (sorted by start) into ranges, "since" spans and approximate days. */
export function compose(placed: readonly Candidate[], env: RuleEnv): Candidate[] {
  const joined: Candidate[] = [];
  for (const c of placed) {
    const previous = joined[joined.length - 1];
    if (previous && isBase(previous) && isBase(c)) {
      const merged = merge(previous, c, env);
      if (merged) {
        joined[joined.length - 1] = merged;
        continue;
      }
    }
    joined.push(c);
  }
  return joined.map((c) => {
    if (!c.resolved || c.late !== undefined) return c;
    const before = env.text.slice(0, c.start);
    // "since January", "since 2019", "since last year": from that date up to publication.
    const since = SINCE_BEFORE.exec(before);
    if (since && c.kind === 'point') {
      if (env.pub === null || c.resolved.span.start > env.pub) return { ...c, resolved: null };
      return {
        ...c,
        start: since.index,
        rule: 'rule:since',
        resolved: { span: { start: c.resolved.span.start, end: env.pub }, precision: 'range', future: false },
      };
    }
    // "around 3 February": a day either side.
    const around = AROUND_BEFORE.exec(before);
    if (around && c.resolved.precision === 'day') {
      const { start, end } = c.resolved.span;
      return {
        ...c,
        start: around.index,
        rule: 'rule:around-day',
        resolved: { ...c.resolved, span: { start: start - 1, end: end + 1 }, precision: 'range' },
      };
    }
    return c;
  });
}
