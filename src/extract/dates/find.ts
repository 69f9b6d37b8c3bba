// Stage DATE: every date expression of a sentence, resolved against the publication date into an inclusive
// range with a precision. Rules run in three passes:
//   1. single dates — chrono-node's strict parser for explicit calendar dates, our rules for the rest
//      (rules-calendar, rules-relative), and the phrases that count from another date (rules-anchored);
//      overlapping matches are settled longest first, then by rule order;
//   2. compose — ranges ("between June 1 and June 4"), "since January", "around 3 February";
//   3. late — phrases counted from another date ("the following day", "a year after the 2019 protests").
// News dates lie in the past: a yearless date is the latest one on or before publication, unless its clause
// speaks of the future ("the talks will resume on Monday"), which marks it `future`.
import type { Sentence } from '../model.ts';
import { isoOf, parseIsoDay } from './calendar.ts';
import type { Candidate, DateRule, RuleEnv } from './candidate.ts';
import { compose } from './compose.ts';
import { explicitDates } from './explicit.ts';
import { speaksOfFuture } from './future.ts';
import { ANCHORED_RULES } from './rules-anchored.ts';
import { CALENDAR_RULES } from './rules-calendar.ts';
import { RELATIVE_RULES } from './rules-relative.ts';
import type { DateContext, DateMention, DatePrecision, DateRange, RelativeDate } from './types.ts';

export { weekOf } from './calendar.ts';
export type { DateContext, DateMention, DatePrecision, DateRange, RelativeDate } from './types.ts';

/** In order of preference when two matches are equally long. */
const RULES: readonly DateRule[] = [...CALENDAR_RULES, ...RELATIVE_RULES, ...ANCHORED_RULES];

// Rules share gates (eight month rules, three year rules): each distinct gate is tested once a sentence.
const GATES: readonly RegExp[] = [...new Set(RULES.flatMap((r) => (r.also ? [r.gate, r.also] : [r.gate])))];
const GATE_OF: readonly number[] = RULES.map((r) => GATES.indexOf(r.gate));
const ALSO_OF: readonly number[] = RULES.map((r) => (r.also ? GATES.indexOf(r.also) : -1));
const UNTESTED = 0;
const PASSED = 1;
const FAILED = 2;

// Words a gate cannot match without, looked for in the lower-cased sentence before the gate itself runs: the
// gates are case-insensitive but not Unicode-aware, so the letters they match are ASCII letters, which lower-case
// to these words. Each entry is a list of alternatives, all of which must have one word present. Keyed by the
// gate as written: a gate changed in its rule file simply runs without a pre-test.
const GATE_WORDS: ReadonlyMap<string, readonly (readonly string[])[]> = new Map([
  [
    '\\b(?:earlier|later|before|after|afterwards|previously|prior|beforehand)\\b/i',
    [['earlier', 'later', 'before', 'after', 'previously', 'prior']],
  ],
  [
    '\\b(?:that|same|previous|following|next|preceding|prior)\\s/i',
    [['that', 'same', 'previous', 'following', 'next', 'preceding', 'prior']],
  ],
  ['\\b(?:prior|preceding|previous)\\s/i', [['prior', 'preceding', 'previous']]],
  [
    '\\b(?:before|after|following|preceding|leading|since)\\b/i',
    [['before', 'after', 'following', 'preceding', 'leading', 'since']],
  ],
  [
    '\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i',
    [['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']],
  ],
  ['spring|summer|autumn|fall|winter/i', [['spring', 'summer', 'autumn', 'fall', 'winter']]],
  [
    '\\b(?:first|second|third|fourth|last|final)\\s+(?:week|half|quarter|ten)/i',
    [
      ['first', 'second', 'third', 'fourth', 'last', 'final'],
      ['week', 'half', 'quarter', 'ten'],
    ],
  ],
  ['today|tonight|this\\s+(?:morning|afternoon|evening)/i', [['today', 'tonight', 'this']]],
  ['yesterday|last\\s+night/i', [['yesterday', 'last']]],
  ['tomorrow/i', [['tomorrow']]],
  ['overnight/i', [['overnight']]],
  ['week|month|year/i', [['week', 'month', 'year']]],
  ['\\b(?:recent|past|last)\\s/i', [['recent', 'past', 'last']]],
  ['recently/i', [['recently']]],
  ['\\b(?:past|last)\\s/i', [['past', 'last']]],
  ['\\b(?:coming|upcoming|next)\\s/i', [['coming', 'next']]],
  ['\\bago\\b/i', [['ago']]],
  ['(?:mon|tues|wednes|thurs|fri|satur|sun)day/i', [['day']]],
]);
// The pre-tests as bit masks: bit k stands for the k-th list of words (each list a clause: one of its words must be
// in the sentence). A word of these lists is all ASCII letters, so it occurs in the lower-cased sentence only
// inside a run of such letters; the sentence's clauses are found in one pass over it by an Aho–Corasick automaton
// over the words (a state a letter; any other character goes back to the start, as no word holds one).
const CLAUSES: readonly (readonly string[])[] = [...GATE_WORDS.values()].flat();
if (CLAUSES.length > 31) throw new Error('dates: more word lists than bits in a mask');
const NEEDS: readonly number[] = GATES.map((g) => {
  const lists = GATE_WORDS.get(`${g.source}/${g.flags}`);
  return lists ? lists.reduce((mask, list) => mask | (1 << CLAUSES.indexOf(list)), 0) : 0;
});
const A = 97;
const { next: CLAUSE_NEXT, found: CLAUSE_FOUND } = clauseAutomaton(CLAUSES);

/** The automaton: `next[state * 26 + letter]` is the state after a letter; `found[state]`, the clauses seen. */
function clauseAutomaton(clauses: readonly (readonly string[])[]): { next: Int32Array; found: Int32Array } {
  const children: number[][] = [new Array<number>(26).fill(-1)];
  const found: number[] = [0];
  clauses.forEach((list, k) => {
    for (const word of list) {
      if (!/^[a-z]+$/.test(word)) throw new Error(`dates: gate word "${word}" is not lower-case ASCII letters`);
      let state = 0;
      for (let i = 0; i < word.length; i++) {
        const c = word.charCodeAt(i) - A;
        let to = (children[state] as number[])[c] as number;
        if (to < 0) {
          to = children.length;
          children.push(new Array<number>(26).fill(-1));
          found.push(0);
          (children[state] as number[])[c] = to;
        }
        state = to;
      }
      found[state] = (found[state] as number) | (1 << k);
    }
  });
  // Breadth first: each state's fallback (the longest proper suffix that is a state) and its full transitions.
  const next = new Int32Array(children.length * 26);
  const fallback = new Int32Array(children.length);
  const queue: number[] = [];
  for (let c = 0; c < 26; c++) {
    const to = (children[0] as number[])[c] as number;
    next[c] = Math.max(to, 0);
    if (to > 0) queue.push(to);
  }
  for (let q = 0; q < queue.length; q++) {
    const state = queue[q] as number;
    found[state] = (found[state] as number) | (found[fallback[state] as number] as number);
    for (let c = 0; c < 26; c++) {
      const to = (children[state] as number[])[c] as number;
      const via = next[(fallback[state] as number) * 26 + c] as number;
      if (to < 0) next[state * 26 + c] = via;
      else {
        next[state * 26 + c] = to;
        fallback[to] = via;
        queue.push(to);
      }
    }
  }
  return { next, found: Int32Array.from(found) };
}

/** The clauses whose words `text` holds. */
function clausesOf(text: string): number {
  const lower = text.toLowerCase();
  let mask = 0;
  let state = 0;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i) - A;
    state = c >= 0 && c < 26 ? (CLAUSE_NEXT[state * 26 + c] as number) : 0;
    mask |= CLAUSE_FOUND[state] as number;
  }
  return mask;
}

/** Whether `text` passes gate `g`, tested once: `results` holds what each gate gave so far. */
function passes(g: number, text: string, clauses: number, results: Uint8Array): boolean {
  let r = results[g] ?? UNTESTED;
  if (r === UNTESTED) {
    const need = NEEDS[g] ?? 0;
    r = (clauses & need) === need && (GATES[g] as RegExp).test(text) ? PASSED : FAILED;
    results[g] = r;
  }
  return r === PASSED;
}

/** Cheap gate: a digit, or a word that starts like a calendar or time word. */
const MAY_HOLD_DATE =
  /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|tomorrow|yesterday|week|month|year|day|night|decade|spring|summer|autumn|fall|winter|overnight|morning|afternoon|evening|hour|recent)/i;

// A preposition the mention reads with: "on June 27", "in 2016", "during the 1990s", "on the night of 5 May".
const LEADING_PREPOSITION = /\b(?:(?:on\s+)?(?:the\s+)?night\s+of|on|in|during|throughout)\s+$/i;
const STARTS_WITH_PREPOSITION = /^(?:on|in|during|throughout|since|between|from|over|at|within|for|around|about)\b/i;

/** A date found in a piece of text, with offsets into that text. */
export interface LocalDate {
  start: number;
  end: number;
  text: string;
  range: { start: string; end: string };
  precision: DatePrecision;
  future: boolean;
  relative?: RelativeDate;
  rule: string;
}

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.start < b.end && b.start < a.end;
}

function select(found: readonly { candidate: Candidate; order: number }[]): Candidate[] {
  const ranked = [...found].sort(
    (x, y) =>
      y.candidate.end - y.candidate.start - (x.candidate.end - x.candidate.start) ||
      x.order - y.order ||
      x.candidate.start - y.candidate.start,
  );
  const kept: Candidate[] = [];
  for (const { candidate } of ranked) if (!kept.some((k) => overlaps(k, candidate))) kept.push(candidate);
  return kept.sort((a, b) => a.start - b.start);
}

/** The dates of a piece of text (a sentence, a phrase), offsets local to it. */
export function findDatesInText(text: string, context: DateContext): LocalDate[] {
  if (!MAY_HOLD_DATE.test(text)) return [];
  const pub = parseIsoDay(context.published);
  const anchor = context.anchor
    ? { start: parseIsoDay(context.anchor.start), end: parseIsoDay(context.anchor.end) }
    : null;
  const env: RuleEnv = {
    text,
    pub,
    contextAnchor:
      anchor && anchor.start !== null && anchor.end !== null
        ? { span: { start: anchor.start, end: anchor.end }, precision: anchor.start === anchor.end ? 'day' : 'range' }
        : null,
    futureAt(start, end) {
      return speaksOfFuture(text, start, end);
    },
  };

  const found: { candidate: Candidate; order: number }[] = [];
  const gates = new Uint8Array(GATES.length);
  const clauses = clausesOf(text);
  RULES.forEach((rule, order) => {
    const also = ALSO_OF[order] ?? -1;
    if (!passes(GATE_OF[order] ?? -1, text, clauses, gates) || (also >= 0 && !passes(also, text, clauses, gates)))
      return;
    for (const match of text.matchAll(rule.pattern)) {
      const candidate = rule.read(match, env);
      if (candidate) found.push({ candidate, order });
    }
  });
  for (const candidate of explicitDates(env)) found.push({ candidate, order: RULES.length });

  const placed = compose(select(found), env);
  for (const c of placed) {
    if (c.late) c.resolved = c.late(placed);
  }

  const dates: LocalDate[] = [];
  for (const c of placed) {
    const r = c.resolved;
    if (!r) continue;
    let { start: first, end: last } = r.span;
    let future = r.future;
    if (pub !== null && !future) {
      if (first > pub) future = true;
      else if (last > pub) last = pub; // "in 2021" in a report of July 2021: January to publication
    }
    if (last < first) [first, last] = [last, first];
    let start = c.start;
    const lead = LEADING_PREPOSITION.exec(text.slice(0, start));
    if (lead && !STARTS_WITH_PREPOSITION.test(text.slice(start, c.end))) start = lead.index;
    const date: LocalDate = {
      start,
      end: c.end,
      text: text.slice(start, c.end),
      range: { start: isoOf(first), end: isoOf(last) },
      precision: r.precision,
      future,
      rule: r.rule ?? c.rule,
    };
    if (r.relative) date.relative = r.relative;
    dates.push(date);
  }
  return dates;
}

/** Stage DATE: the date expressions of one sentence, resolved against the publication date. */
export function findDates(sentence: Sentence, context: DateContext): DateMention[] {
  return findDatesInText(sentence.text, context).map(({ start, end, ...rest }) => ({
    sentence: sentence.index,
    start: sentence.start + start,
    end: sentence.start + end,
    ...rest,
  }));
}

/**
 * The date a following sentence may count from ("the following day", "in prior weeks"): the last
 * day- or week-level date of `mentions` that is not in the future. Hand it to `findDates` as `context.anchor`.
 */
export function anchorFrom(mentions: readonly DateMention[]): DateRange | null {
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i];
    if (m && !m.future && !m.relative && (m.precision === 'day' || m.precision === 'week')) return m.range;
  }
  return null;
}

/**
 * Resolves one date phrase on its own ("last week", "June 27", "in early 2020") against a publication date:
 * the first date found in it, or null.
 */
export function resolveDateReference(
  text: string,
  published: string | null,
): { range: { start: string; end: string }; precision: DatePrecision; future: boolean; rule: string } | null {
  const first = findDatesInText(text, { published })[0];
  if (!first) return null;
  return { range: first.range, precision: first.precision, future: first.future, rule: first.rule };
}
