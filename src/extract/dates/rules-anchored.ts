// Rules for dates counted from another date: "the following day", "two days later", "a week earlier",
// "nearly two years after the 2019 uprising", "more than a year after rebels seized the airport".
// They are resolved last, once the sentence's other dates are known. The anchor is, in order: a date inside the
// anchor phrase ("after the June 20 strikes"), the nearest date before it in the sentence, the caller's context
// anchor, the publication day. The rule name records which one was used.
import { addMonths, addYears, type DaySpan, isoOf, isoWeekSpan, monthSpan, yearSpan, ymdOf } from './calendar.ts';
import type { Candidate, DateRule, Resolved, RuleEnv } from './candidate.ts';
import { AMOUNT_RE, amountOf, HEDGE_RE, type Hedge, hedgeOf, type Unit, unitOf, VAGUE_AMOUNTS } from './lexicon.ts';
import { offsetBounds } from './periods.ts';
import type { DatePrecision, RelativeDate } from './types.ts';

interface Anchor {
  span: DaySpan;
  precision: DatePrecision;
  source: 'anchor' | 'sentence' | 'context' | 'publication';
}

function isAnchor(c: Candidate): c is Candidate & { resolved: Resolved } {
  return c.resolved !== null && c.kind !== 'vague' && c.resolved.relative === undefined;
}

/** The nearest resolved date before `at` in the sentence, else the context anchor, else publication. */
function precedingAnchor(at: number, placed: readonly Candidate[], env: RuleEnv): Anchor | null {
  let best: (Candidate & { resolved: Resolved }) | null = null;
  for (const c of placed) if (isAnchor(c) && c.end <= at && (!best || c.end > best.end)) best = c;
  if (best) return { span: best.resolved.span, precision: best.resolved.precision, source: 'sentence' };
  if (env.contextAnchor) return { ...env.contextAnchor, source: 'context' };
  if (env.pub !== null) return { span: { start: env.pub, end: env.pub }, precision: 'day', source: 'publication' };
  return null;
}

/** Moves a span by a whole number of units, month and year steps keeping the day of month. */
function shift(span: DaySpan, amount: number, unit: Unit): DaySpan {
  const move = (n: number): number => {
    switch (unit) {
      case 'hour':
        return n + Math.round(amount / 24);
      case 'day':
        return n + amount;
      case 'week':
        return n + 7 * amount;
      case 'month':
        return addMonths(n, amount);
      case 'year':
        return addYears(n, amount);
      case 'decade':
        return addYears(n, 10 * amount);
    }
  };
  return { start: move(span.start), end: move(span.end) };
}

/** The period a shifted anchor falls in, at the unit's grain when the anchor is only a day. */
function grain(span: DaySpan, anchor: DatePrecision, unit: Unit): { span: DaySpan; precision: DatePrecision } {
  if (anchor === 'day' && (unit === 'day' || unit === 'hour' || unit === 'week')) return { span, precision: 'day' };
  if (anchor === 'day' || anchor === unit) {
    const { year, month } = ymdOf(span.start);
    if (unit === 'month') return { span: monthSpan(year, month), precision: 'month' };
    if (unit === 'year') return { span: yearSpan(year), precision: 'year' };
    if (unit === 'week') return { span: isoWeekSpan(span.start), precision: 'week' };
  }
  return { span, precision: anchor === 'day' ? 'day' : 'range' };
}

function relativeAmounts(amount: number, unit: Unit): Omit<RelativeDate, 'direction' | 'approximate' | 'anchorText'> {
  switch (unit) {
    case 'hour':
      return amount >= 24 ? { days: Math.round(amount / 24) } : {};
    case 'day':
      return { days: amount };
    case 'week':
      return { weeks: amount };
    case 'month':
      return { months: amount };
    case 'year':
      return { years: amount };
    case 'decade':
      return { years: amount * 10 };
  }
}

// Words that end an anchor phrase: "after the strike, which …", "after the vote and before …".
const ANCHOR_STOP =
  /[,;:!?()"“”]|\s[—–]\s|\.\s*$|\s(?:and|but|or|when|while|which|who|whom|where|as|because|although|though|amid|despite|prompting)\s/i;
// What may start the anchor phrase: a word, a number, a quote — not a clause break.
const ANCHOR_START = /^\s+(?!(?:and|but|or|then|when|while|as|that|which|so)\b)[\w"“'‘$]/i;

function anchorPhrase(env: RuleEnv, from: number): { start: number; end: number } | null {
  const rest = env.text.slice(from);
  if (!ANCHOR_START.test(rest)) return null;
  const lead = rest.length - rest.trimStart().length;
  const body = rest.slice(lead);
  const stop = ANCHOR_STOP.exec(body);
  let phrase = stop ? body.slice(0, stop.index) : body;
  const words = phrase.split(/\s+/);
  if (words.length > 16) phrase = words.slice(0, 16).join(' ');
  phrase = phrase.trimEnd();
  if (phrase === '') return null;
  return { start: from + lead, end: from + lead + phrase.length };
}

function bounded(
  env: RuleEnv,
  span: DaySpan,
  precision: DatePrecision,
  rule: string,
  relative?: RelativeDate,
): Resolved {
  const r: Resolved = { span, precision, future: env.pub !== null && span.start > env.pub, rule };
  if (relative) r.relative = relative;
  return r;
}

// "two days later", "a week earlier", "the day before", "more than a year after the 2019 protests",
// "days after the strike", "48 hours before the vote"
const offset: DateRule = {
  name: 'rule:offset',
  gate: /\b(?:earlier|later|before|after|afterwards|previously|prior|beforehand)\b/i,
  pattern: new RegExp(
    `\\b(?:(?<hedge>${HEDGE_RE})\\s+)?(?:(?<amount>${AMOUNT_RE})\\s+(?<unit>hours?|days?|weeks?|months?|years?|decades?)|the\\s+(?<theunit>day|night|week|month|year)|(?<bare>hours|days|weeks|months|years|decades))\\s+(?<dir>earlier|later|before|after|afterwards|previously|prior(?:\\s+to)?|beforehand)\\b`,
    'dgi',
  ),
  read(match, env) {
    const g = match.groups ?? {};
    const unitWord = g.unit ?? g.theunit ?? g.bare ?? '';
    const unit = unitWord.toLowerCase() === 'night' ? 'day' : unitOf(unitWord);
    const amount = g.amount ? amountOf(g.amount) : g.theunit ? 1 : 3;
    if (unit === null || amount === null) return null;
    const hedge: Hedge | null = hedgeOf(g.hedge);
    const vague = g.bare !== undefined || (g.amount !== undefined && VAGUE_AMOUNTS.has(g.amount.toLowerCase()));
    const exact = !hedge && !vague && Number.isInteger(amount);
    const dirWord = (g.dir ?? '').toLowerCase();
    const direction: 'after' | 'before' = /^(?:later|after|afterwards)$/.test(dirWord) ? 'after' : 'before';
    const end = match.index + match[0].length;
    const phrase = /^(?:before|after|prior\s+to)$/.test(dirWord) ? anchorPhrase(env, end) : null;
    const { lo, hi } = offsetBounds(amount, unit, hedge, vague);
    const sign = direction === 'after' ? 1 : -1;

    /** The anchor moved by the offset; `way` -1 moves it back (from the dated event to the anchor). */
    const fromAnchor = (anchor: Anchor, way: 1 | -1 = 1): { span: DaySpan; precision: DatePrecision } => {
      const s = sign * way;
      if (exact) return grain(shift(anchor.span, s * amount, unit), anchor.precision, unit);
      const span =
        s > 0
          ? { start: anchor.span.start + lo, end: anchor.span.end + hi }
          : { start: anchor.span.start - hi, end: anchor.span.end - lo };
      return { span, precision: 'range' };
    };

    const found: Candidate = {
      start: match.index,
      end,
      rule: this.name,
      kind: 'dependent',
      yearless: false,
      resolved: null,
    };
    found.late = (placed) => {
      if (phrase) {
        // "… after <anchor phrase>": the anchor's own date if it has one.
        const relative: RelativeDate = {
          direction,
          ...relativeAmounts(amount, unit),
          approximate: !exact,
          anchorText: env.text.slice(phrase.start, phrase.end),
        };
        const inside = placed.find((c) => isAnchor(c) && c.start >= phrase.start && c.end <= phrase.end);
        if (inside?.resolved) {
          const a = inside.resolved;
          relative.anchorRange = { start: isoOf(a.span.start), end: isoOf(a.span.end) };
          const got = fromAnchor({ span: a.span, precision: a.precision, source: 'anchor' });
          return bounded(env, got.span, got.precision, `rule:offset-${direction}-dated-anchor`, relative);
        }
        // Undated anchor, dated sentence: "closed the crossing on Thursday, one day after a patrol boat was fired on" —
        // the sentence's date is the dated event's, and the anchor lies the offset away from it.
        const own = precedingAnchor(match.index, placed, { ...env, contextAnchor: null });
        if (own && own.source === 'sentence') {
          const back = fromAnchor(own, -1);
          relative.anchorRange = { start: isoOf(back.span.start), end: isoOf(back.span.end) };
          return bounded(env, own.span, own.precision, `rule:offset-${direction}-undated-anchor:sentence`, relative);
        }
        if (env.pub === null) return null;
        // Undated anchor, undated sentence: the dated event lies before publication, the anchor that much earlier.
        if (direction === 'after') {
          relative.anchorRange = { start: isoOf(env.pub - hi), end: isoOf(env.pub - lo) };
        }
        return bounded(
          env,
          { start: env.pub - hi, end: env.pub },
          'range',
          `rule:offset-${direction}-undated-anchor`,
          relative,
        );
      }
      const anchor = precedingAnchor(match.index, placed, env);
      if (!anchor) return null;
      const got = fromAnchor(anchor);
      return bounded(env, got.span, got.precision, `rule:offset-${direction}:${anchor.source}`);
    };
    return found;
  },
};

// "the following day", "the next morning", "the previous week", "that night", "later that day", "the same day"
const anaphoric: DateRule = {
  name: 'rule:anaphoric',
  gate: /\b(?:that|same|previous|following|next|preceding|prior)\s/i,
  pattern:
    /\b(?:(?:later|earlier)\s+)?(?:on\s+)?(?:(?<same>that|the\s+same)\s+(?<p1>day|night|morning|afternoon|evening)|the\s+(?<rel>previous|following|next|preceding|prior)\s+(?<p2>day|night|morning|afternoon|evening|week|month|year))\b/dgi,
  read(match, env) {
    const g = match.groups ?? {};
    const rel = (g.rel ?? '').toLowerCase();
    const step = g.same ? 0 : rel === 'following' || rel === 'next' ? 1 : -1;
    const p = (g.p1 ?? g.p2 ?? 'day').toLowerCase();
    const unit: 'day' | 'week' | 'month' | 'year' = p === 'week' || p === 'month' || p === 'year' ? p : 'day';
    const name = step === 0 ? 'same-day' : step > 0 ? `following-${unit}` : `previous-${unit}`;
    const found: Candidate = {
      start: match.index,
      end: match.index + match[0].length,
      rule: this.name,
      kind: 'dependent',
      yearless: false,
      resolved: null,
    };
    found.late = (placed) => {
      const anchor = precedingAnchor(match.index, placed, env);
      if (!anchor) return null;
      const rule = `rule:${name}:${anchor.source}`;
      if (step === 0) return bounded(env, anchor.span, anchor.precision, rule);
      if (unit === 'day') return bounded(env, shift(anchor.span, step, 'day'), anchor.precision, rule);
      // "the previous week": the calendar week (month, year) before the anchor's.
      const moved = shift({ start: anchor.span.start, end: anchor.span.start }, step, unit).start;
      const { year, month } = ymdOf(moved);
      const span = unit === 'week' ? isoWeekSpan(moved) : unit === 'month' ? monthSpan(year, month) : yearSpan(year);
      return bounded(env, span, unit, rule);
    };
    return found;
  },
};

const REACH_DAYS: Record<string, number> = { days: 7, weeks: 42, months: 183, years: 730 };

function reachOf(groups: Record<string, string | undefined>): { reach: number; widest: string } {
  const units = [groups.u1, groups.u2].filter((u): u is string => u !== undefined).map((u) => u.toLowerCase());
  const widest = ['years', 'months', 'weeks', 'days'].find((u) => units.includes(u)) ?? 'days';
  return { reach: REACH_DAYS[widest] ?? 7, widest };
}

/** The resolved date nearest to [start, end) on either side (else the context anchor): what "prior days" are prior to. */
function nearestAnchor(start: number, end: number, placed: readonly Candidate[], env: RuleEnv): Anchor | null {
  let best: (Candidate & { resolved: Resolved }) | null = null;
  let distance = Number.POSITIVE_INFINITY;
  for (const c of placed) {
    if (!isAnchor(c) || (c.start < end && c.end > start)) continue;
    const d = c.end <= start ? start - c.end : c.start - end;
    if (d < distance) {
      best = c;
      distance = d;
    }
  }
  if (best) return { span: best.resolved.span, precision: best.resolved.precision, source: 'sentence' };
  if (env.contextAnchor) return { ...env.contextAnchor, source: 'context' };
  if (env.pub !== null) return { span: { start: env.pub, end: env.pub }, precision: 'day', source: 'publication' };
  return null;
}

// "in previous days and weeks", "in prior weeks", "in the preceding weeks", "over the previous months": before the sentence's date
const prior: DateRule = {
  name: 'rule:prior',
  gate: /\b(?:prior|preceding|previous)\s/i,
  pattern:
    /\b(?:(?:in|over|during|throughout)\s+)?(?:the\s+)?(?:prior|preceding|previous)\s+(?<u1>days|weeks|months|years)(?:\s+(?:and|or)\s+(?<u2>days|weeks|months|years))?\b/dgi,
  read(match, env) {
    const { reach, widest } = reachOf(match.groups ?? {});
    const start = match.index;
    const end = start + match[0].length;
    const found: Candidate = { start, end, rule: this.name, kind: 'vague', yearless: false, resolved: null };
    found.late = (placed) => {
      const anchor = nearestAnchor(start, end, placed, env);
      if (!anchor) return null;
      const span = { start: anchor.span.start - reach, end: anchor.span.start - 1 };
      return bounded(env, span, 'range', `rule:prior-${widest}:${anchor.source}`);
    };
    return found;
  },
};

// "over the days and weeks before the ceasefire", "in the weeks leading up to the vote", "in the months after 2019"
const aroundEvent: DateRule = {
  name: 'rule:span-around-event',
  gate: /\b(?:before|after|following|preceding|leading|since)\b/i,
  pattern:
    /\b(?:(?:in|over|during|throughout)\s+)?the\s+(?<u1>days|weeks|months|years)(?:\s+(?:and|or)\s+(?<u2>days|weeks|months|years))?\s+(?<dir>before|after|following|preceding|leading\s+up\s+to|since)\b/dgi,
  read(match, env) {
    const { reach, widest } = reachOf(match.groups ?? {});
    const dirWord = (match.groups?.dir ?? '').toLowerCase();
    const direction: 'after' | 'before' = /^(?:after|following|since)$/.test(dirWord) ? 'after' : 'before';
    const start = match.index;
    const end = start + match[0].length;
    const phrase = anchorPhrase(env, end);
    if (!phrase) return null;
    const found: Candidate = { start, end, rule: this.name, kind: 'vague', yearless: false, resolved: null };
    found.late = (placed) => {
      const relative: RelativeDate = {
        direction,
        approximate: true,
        anchorText: env.text.slice(phrase.start, phrase.end),
      };
      const inside = placed.find((c) => isAnchor(c) && c.start >= phrase.start && c.end <= phrase.end);
      let anchor: DaySpan;
      let rule: string;
      if (inside?.resolved) {
        anchor = inside.resolved.span;
        relative.anchorRange = { start: isoOf(anchor.start), end: isoOf(anchor.end) };
        rule = `rule:${widest}-${direction}-dated-anchor`;
      } else if (env.pub !== null) {
        // Undated event: the window is taken to end at publication.
        const span = { start: env.pub - reach, end: env.pub };
        return bounded(env, span, 'range', `rule:${widest}-${direction}-undated-anchor`, relative);
      } else return null;
      const span =
        direction === 'after'
          ? { start: anchor.end + 1, end: anchor.end + reach }
          : { start: anchor.start - reach, end: anchor.start - 1 };
      return bounded(env, span, 'range', rule, relative);
    };
    return found;
  },
};

export const ANCHORED_RULES: readonly DateRule[] = [offset, anaphoric, prior, aroundEvent];
