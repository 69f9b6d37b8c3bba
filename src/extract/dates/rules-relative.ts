// Rules for dates counted from the publication day: "yesterday", "on Monday", "last week", "two days ago",
// "in recent weeks", "over the past 24 hours", "next month".
import { addMonths, addYears, type DaySpan, isoWeekSpan, monthSpan, weekdayOf, yearSpan, ymdOf } from './calendar.ts';
import { type Candidate, candidate, type DateRule, type RuleEnv } from './candidate.ts';
import {
  AMOUNT_RE,
  amountOf,
  HEDGE_RE,
  hedgeOf,
  isCapitalised,
  PART_OF_DAY_RE,
  type Unit,
  unitOf,
  VAGUE_AMOUNTS,
  WEEKDAY_RE,
  weekdayNumber,
} from './lexicon.ts';
import { latestWeekend, offsetBounds, partOf, partOfPeriod, periodAround } from './periods.ts';
import type { DatePrecision } from './types.ts';

function onPub(
  match: RegExpExecArray,
  env: RuleEnv,
  rule: string,
  make: (pub: number) => { span: DaySpan; precision: DatePrecision; future?: boolean },
  kind: Candidate['kind'] = 'point',
): Candidate {
  if (env.pub === null) return candidate(match, rule, null, { kind });
  const { span, precision, future } = make(env.pub);
  return candidate(match, rule, { span, precision, future: future ?? false }, { kind });
}

const day = (n: number): DaySpan => ({ start: n, end: n });

// "today", "earlier today", "this morning", "tonight"; "later today" is still to come
const today: DateRule = {
  name: 'rule:today',
  gate: /today|tonight|this\s+(?:morning|afternoon|evening)/i,
  pattern: /\b(?:(?<when>earlier|later|early|late)\s+)?(?:today|this\s+(?:morning|afternoon|evening)|tonight)\b/dgi,
  read(match, env) {
    const later = match.groups?.when?.toLowerCase() === 'later';
    return onPub(match, env, this.name, (pub) => ({ span: day(pub), precision: 'day', future: later }));
  },
};

// "yesterday", "late yesterday", "yesterday morning", "last night", "the day before yesterday"
const yesterday: DateRule = {
  name: 'rule:yesterday',
  gate: /yesterday|last\s+night/i,
  pattern: new RegExp(
    `\\b(?:(?<before>the\\s+day\\s+before\\s+)yesterday|(?:(?:early|late)\\s+)?yesterday(?:\\s+${PART_OF_DAY_RE})?|last\\s+night)\\b`,
    'dgi',
  ),
  read(match, env) {
    const back = match.groups?.before ? 2 : 1;
    const rule = /^last/i.test(match[0]) ? 'rule:last-night' : this.name;
    return onPub(match, env, rule, (pub) => ({ span: day(pub - back), precision: 'day' }));
  },
};

// "tomorrow", "tomorrow morning", "the day after tomorrow"
const tomorrow: DateRule = {
  name: 'rule:tomorrow',
  gate: /tomorrow/i,
  pattern: new RegExp(`\\b(?:(?<after>the\\s+day\\s+after\\s+)?tomorrow(?:\\s+${PART_OF_DAY_RE})?)\\b`, 'dgi'),
  read(match, env) {
    const ahead = match.groups?.after ? 2 : 1;
    return onPub(match, env, this.name, (pub) => ({ span: day(pub + ahead), precision: 'day', future: true }));
  },
};

// "overnight" in a report: the night before publication, unless the sentence names its own day
const overnight: DateRule = {
  name: 'rule:overnight',
  gate: /overnight/i,
  pattern:
    /\bovernight\b(?!\s+(?:curfews?|stays?|flights?|bags?|shifts?|rates?|trips?|trains?|buses|bus|guests?|camps?|lows?)\b)/dgi,
  read(match, env) {
    const found = onPub(
      match,
      env,
      this.name,
      (pub) => ({ span: { start: pub - 1, end: pub }, precision: 'range' }),
      'dependent',
    );
    const own = found.resolved;
    if (!own) return found;
    found.late = (placed) => (placed.some((p) => p.kind === 'point' && p.resolved) ? null : own);
    return found;
  },
};

// "this week", "last week", "earlier this week", "late last month", "next year", "the end of last year",
// "last weekend", "over the weekend", "for the second time this year"
const thisLastNext: DateRule = {
  name: 'rule:this-last-next',
  gate: /week|month|year/i,
  pattern:
    /\b(?:(?<qa>earlier|later|early|mid|late)[- ](?:in\s+)?|the\s+(?<qb>beginning|start|middle|end|close)\s+of\s+)?(?<rel>this\s+past|this|last|next|the)\s+(?<unit>week|month|year|weekend)\b/dgi,
  read(match, env) {
    const g = match.groups ?? {};
    const rel = (g.rel ?? 'this').toLowerCase().replace(/\s+/g, ' ');
    const unit = (g.unit ?? 'week').toLowerCase() as 'week' | 'month' | 'year' | 'weekend';
    const q = (g.qa ?? g.qb ?? '').toLowerCase();
    // "over the weekend", "by the end of the year"; "the week" and "the month" alone say nothing
    if (rel === 'the' && (unit === 'weekend' ? q !== '' : g.qb === undefined)) return null;
    const step = rel === 'next' ? 1 : rel === 'this' || rel === 'the' ? 0 : -1;
    // "rule:last-week", "rule:earlier-this-week", "rule:end-of-this-year"
    const relName = rel === 'the' ? 'this' : rel.replace(' ', '-');
    const rule = `rule:${q ? (g.qb ? `${q}-of-` : `${q}-`) : ''}${relName}-${unit}`;
    return onPub(match, env, rule, (pub) => {
      if (unit === 'weekend') {
        const latest = latestWeekend(pub);
        const inWeekend = weekdayOf(pub) >= 6;
        if (step === 1 || (step === 0 && !inWeekend && env.futureAt(match.index, match.index + match[0].length))) {
          return { span: { start: latest.start + 7, end: latest.end + 7 }, precision: 'range', future: true };
        }
        const span = step === -1 && inWeekend ? { start: latest.start - 7, end: latest.end - 7 } : latest;
        return { span, precision: 'range' };
      }
      // "this past week": the days just gone, up to publication
      if (rel === 'this past' && !q) {
        return { span: { start: back(pub, 1, unit) + 1, end: pub }, precision: 'range' };
      }
      const period = periodAround(pub, unit, step);
      const precision: DatePrecision = unit;
      if (q === 'earlier' && step === 0) {
        return { span: { start: period.start, end: Math.max(period.start, pub - 1) }, precision };
      }
      // "the talks will resume this week": what is left of the week
      if (step === 0 && !q && rel === 'this' && env.futureAt(match.index, match.index + match[0].length)) {
        return { span: { start: pub, end: period.end }, precision, future: true };
      }
      if (q === 'later' && step === 0) {
        return { span: { start: Math.min(period.end, pub + 1), end: period.end }, precision, future: true };
      }
      const part = partOf(q === 'earlier' ? 'early' : q === 'later' ? 'late' : q);
      return { span: partOfPeriod(period, unit, part), precision, future: step === 1 };
    });
  },
};

// "in recent days", "in recent weeks", "in recent days and weeks", "over the past weeks and months"
const RECENT_DAYS: Record<string, number> = { days: 7, weeks: 42, months: 183, years: 730 };
const recent: DateRule = {
  name: 'rule:recent',
  gate: /\b(?:recent|past|last)\s/i,
  pattern:
    /\b(?:(?:in|over|during|throughout)\s+)?(?:the\s+)?(?<which>recent|past|last)\s+(?<u1>days|weeks|months|years)(?:\s+(?:and|or)\s+(?<u2>days|weeks|months|years))?\b/dgi,
  read(match, env) {
    const g = match.groups ?? {};
    const units = [g.u1, g.u2].filter((u): u is string => u !== undefined).map((u) => u.toLowerCase());
    const reach = Math.max(...units.map((u) => RECENT_DAYS[u] ?? 7));
    const widest = units.includes('years')
      ? 'years'
      : units.includes('months')
        ? 'months'
        : units.includes('weeks')
          ? 'weeks'
          : 'days';
    return onPub(
      match,
      env,
      `rule:recent-${widest}`,
      (pub) => ({ span: { start: pub - reach, end: pub - 1 }, precision: 'range' }),
      'vague',
    );
  },
};

// "recently" (not "until recently")
const recently: DateRule = {
  name: 'rule:recently',
  gate: /recently/i,
  pattern: /(?<!\b(?:until|till|up\s+to)\s+)\brecently\b/dgi,
  read(match, env) {
    return onPub(
      match,
      env,
      this.name,
      (pub) => ({ span: { start: pub - 30, end: pub - 1 }, precision: 'range' }),
      'vague',
    );
  },
};

function back(pub: number, amount: number, unit: Unit): number {
  switch (unit) {
    case 'hour':
      return pub - Math.ceil(amount / 24);
    case 'day':
      return pub - Math.round(amount);
    case 'week':
      return pub - Math.round(amount * 7);
    case 'month':
      return Number.isInteger(amount) ? addMonths(pub, -amount) : pub - Math.round(amount * 30.44);
    case 'year':
      return Number.isInteger(amount) ? addYears(pub, -amount) : pub - Math.round(amount * 365.25);
    case 'decade':
      return addYears(pub, -Math.round(amount * 10));
  }
}

// "over the past 24 hours", "in the last three days", "during the past year", "in the past few weeks"
const pastPeriod: DateRule = {
  name: 'rule:past-period',
  gate: /\b(?:past|last)\s/i,
  pattern: new RegExp(
    `\\b(?:(?:in|over|during|within|for|throughout)\\s+)?the\\s+(?:past|last)\\s+(?:(?<amount>${AMOUNT_RE})\\s+)?(?<unit>hour|day|week|month|year|decade)(?<plural>s)?\\b`,
    'dgi',
  ),
  read(match, env) {
    const g = match.groups ?? {};
    const amountWord = g.amount;
    if (!amountWord && g.plural) return null; // "the past weeks": rule:recent
    let amount = amountWord ? amountOf(amountWord) : 1;
    const unit = unitOf(g.unit ?? '');
    if (amount === null || unit === null) return null;
    if (amountWord && VAGUE_AMOUNTS.has(amountWord.toLowerCase())) amount *= 2;
    const n = amount;
    return onPub(
      match,
      env,
      this.name,
      (pub) => ({ span: { start: back(pub, n, unit), end: pub }, precision: 'range' }),
      'vague',
    );
  },
};

// "in the coming days", "over the next two weeks", "in the coming months"
const coming: DateRule = {
  name: 'rule:coming',
  gate: /\b(?:coming|upcoming|next)\s/i,
  pattern: new RegExp(
    `\\b(?:(?:in|over|during|within)\\s+)?the\\s+(?:(?<coming>coming|upcoming)|next)\\s+(?:(?<amount>${AMOUNT_RE})\\s+)?(?<unit>hour|day|week|month|year)(?<plural>s)?\\b`,
    'dgi',
  ),
  read(match, env) {
    const g = match.groups ?? {};
    // "the next day" counts from another date (anaphoric rule)
    if (!g.coming && !g.amount) return null;
    let amount = g.amount ? amountOf(g.amount) : g.plural ? 3 : 1;
    const unit = unitOf(g.unit ?? '');
    if (amount === null || unit === null) return null;
    if (g.amount && VAGUE_AMOUNTS.has(g.amount.toLowerCase())) amount *= 2;
    const n = amount;
    return onPub(
      match,
      env,
      this.name,
      (pub) => ({ span: { start: pub + 1, end: 2 * pub - back(pub, n, unit) }, precision: 'range', future: true }),
      'vague',
    );
  },
};

// "two days ago", "three weeks ago", "more than a year ago", "a few days ago", "years ago"
const ago: DateRule = {
  name: 'rule:ago',
  gate: /\bago\b/i,
  pattern: new RegExp(
    `\\b(?:(?<hedge>${HEDGE_RE})\\s+)?(?:(?<amount>${AMOUNT_RE})\\s+(?<unit>hours?|days?|weeks?|months?|years?|decades?)|(?<bare>hours|days|weeks|months|years|decades))\\s+ago\\b`,
    'dgi',
  ),
  read(match, env) {
    const g = match.groups ?? {};
    const unit = unitOf(g.unit ?? g.bare ?? '');
    const amount = g.amount ? amountOf(g.amount) : 3;
    if (unit === null || amount === null) return null;
    const hedge = hedgeOf(g.hedge);
    const vague = g.bare !== undefined || (g.amount !== undefined && VAGUE_AMOUNTS.has(g.amount.toLowerCase()));
    return onPub(match, env, this.name, (pub) => {
      if (!hedge && !vague && Number.isInteger(amount)) {
        const at = back(pub, amount, unit);
        // "two days ago" is a day; "three weeks ago" the week it falls in; "two months ago" the month …
        switch (unit) {
          case 'hour':
          case 'day':
            return { span: day(at), precision: 'day' };
          case 'week':
            return { span: isoWeekSpan(at), precision: 'week' };
          case 'month': {
            const { year, month } = ymdOf(at);
            return { span: monthSpan(year, month), precision: 'month' };
          }
          case 'year':
            return { span: yearSpan(ymdOf(at).year), precision: 'year' };
          case 'decade':
            return { span: { start: addYears(at, -1), end: addYears(at, 1) }, precision: 'range' };
        }
      }
      const { lo, hi } = offsetBounds(amount, unit, hedge, vague);
      return { span: { start: pub - hi, end: pub - lo }, precision: 'range' };
    });
  },
};

const WEEKDAY_ANY_CASE = new RegExp(WEEKDAY_RE, 'i');

// Weekdays that name something else: "Good Friday", "Bloody Sunday", "the Sunday Times".
const NOT_WEEKDAY_BEFORE = /\b(?:good|black|bloody|ash|super|holy|palm|easter|cyber|maundy|giving|red)\s+$/i;
const NOT_WEEKDAY_AFTER =
  /^\s+(?:times|telegraph|express|mirror|post|herald|agreement|accords?|massacre|school|service|league|club)\b/i;

// "on Monday", "Tuesday night", "late Sunday", "Sunday's attack", "last Friday", "next Thursday",
// "on Monday the talks will resume" (future)
const weekday: DateRule = {
  name: 'rule:weekday',
  gate: /(?:mon|tues|wednes|thurs|fri|satur|sun)day/i,
  // only a capitalised weekday is read ("Monday", "MONDAY")
  also: /(?:M[oO][nN]|T[uU][eE][sS]|W[eE][dD][nN][eE][sS]|T[hH][uU][rR][sS]|F[rR][iI]|S[aA][tT][uU][rR]|S[uU][nN])[dD][aA][yY]/,
  pattern: new RegExp(
    `\\b(?:(?<rel>last|this|next|this\\s+coming|coming)\\s+|(?:(?:on|late|early|overnight|from)\\s+){1,2})?(?<wd>${WEEKDAY_RE})(?:\\s+(?<part>${PART_OF_DAY_RE}))?\\b`,
    'gi',
  ),
  read(match, env) {
    const g = match.groups ?? {};
    const word = g.wd ?? '';
    const wd = weekdayNumber(word);
    if (wd === null || !isCapitalised(word)) return null;
    // The words before the weekday ("last", "on", "late") hold no weekday name: its first one is the weekday.
    // (Found this way rather than with the `d` flag, which made this, the most matched rule, several times slower.)
    const wordAt = match.index + Math.max(0, match[0].search(WEEKDAY_ANY_CASE));
    if (NOT_WEEKDAY_BEFORE.test(env.text.slice(0, wordAt))) return null;
    if (NOT_WEEKDAY_AFTER.test(env.text.slice(match.index + match[0].length))) return null;
    const rel = g.rel?.toLowerCase().replace(/\s+/g, ' ');
    let rule = 'rule:weekday-past';
    const found = onPub(match, env, rule, (pub) => {
      const today = weekdayOf(pub);
      const latest = pub - ((today - wd + 7) % 7); // on or before publication
      const upcoming = pub + ((wd - today + 7) % 7); // on or after publication
      let at: number;
      let future = false;
      if (rel === 'last') at = latest === pub ? pub - 7 : latest;
      else if (rel === 'next' || rel === 'coming' || rel === 'this coming') {
        at = upcoming === pub ? pub + 7 : upcoming;
        future = true;
      } else if (rel === 'this') {
        at = isoWeekSpan(pub).start + wd - 1;
        future = at > pub;
      } else if (env.futureAt(match.index, match.index + match[0].length)) {
        at = upcoming;
        future = true;
      } else at = latest;
      rule = future ? 'rule:weekday-future' : rel === 'last' ? 'rule:weekday-last' : 'rule:weekday-past';
      return { span: day(at), precision: 'day', future };
    });
    found.rule = rule;
    return found;
  },
};

export const RELATIVE_RULES: readonly DateRule[] = [
  yesterday,
  tomorrow,
  today,
  thisLastNext,
  pastPeriod,
  recent,
  coming,
  ago,
  weekday,
  recently,
  overnight,
];
