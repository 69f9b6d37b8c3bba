// Rules for dates named by the calendar but missed by chrono's strict parser: months without a day, bare years,
// decades, seasons, and day or month ranges.
import {
  type DaySpan,
  dayOf,
  daysInMonth,
  earliestMonthDay,
  earliestMonthYear,
  latestMonthDay,
  latestMonthYear,
  monthSpan,
  yearSpan,
  ymdOf,
} from './calendar.ts';
import { type Candidate, candidate, type DateRule, type RuleEnv } from './candidate.ts';
import { DASH_RE, DAY_RE, isCapitalised, MONTH_RE, monthNumber, YEAR_RE } from './lexicon.ts';
import { latestSeason, partOf, partOfPeriod, periodAround, seasonOf, seasonSpan } from './periods.ts';

const MONTH_GATE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
// The month rules read only a capitalised month ("March", "MARCH", not "march"), never followed by a letter
// ("Marib", "Decision"): without one in the sentence, none of them can find anything.
const CAPITALISED_MONTH =
  /(?:J[aA][nN](?:[uU][aA][rR][yY])?|F[eE][bB](?:[rR][uU][aA][rR][yY])?|M[aA][rR](?:[cC][hH])?|A[pP][rR](?:[iI][lL])?|M[aA][yY]|J[uU][nN][eE]?|J[uU][lL][yY]?|A[uU][gG](?:[uU][sS][tT])?|S[eE][pP](?:[tT](?:[eE][mM][bB][eE][rR])?)?|O[cC][tT](?:[oO][bB][eE][rR])?|N[oO][vV](?:[eE][mM][bB][eE][rR])?|D[eE][cC](?:[eE][mM][bB][eE][rR])?)(?![a-zA-Z])/;
// The digits of a year (YEAR_RE) and of a decade ("1990s", "'80s"), which those rules need.
const YEAR_DIGITS = /(?:1[89]|20)\d\d/;
const DECADE_DIGITS = /(?:(?:1[89]|20)\d0|['’]\d0)[sS]/;

// "early", "mid-", "late", "the end of" in front of a period.
const PART_RE = '(?:(?<qa>early|mid|late)[- ](?:in\\s+)?|the\\s+(?<qb>beginning|start|middle|end|close)\\s+of\\s+)';

const RANGE_JOIN_RE = `(?:${DASH_RE}|\\s+(?<conj>to|and|until|till|through|into)\\s+)`;

function startOf(match: RegExpExecArray, ...groups: string[]): number {
  for (const g of groups) {
    const at = match.indices?.groups?.[g];
    if (at) return at[0];
  }
  return match.index;
}

function part(match: RegExpExecArray) {
  return partOf(match.groups?.qa ?? match.groups?.qb);
}

function dayNumber(text: string | undefined): number | null {
  if (!text) return null;
  const n = Number.parseInt(text, 10);
  return Number.isFinite(n) ? n : null;
}

/** The year a yearless month belongs to: the latest one begun by publication, or the next one in a future clause. */
function yearOfMonth(
  month: number,
  env: RuleEnv,
  start: number,
  end: number,
): { year: number; future: boolean } | null {
  if (env.pub === null) return null;
  const future = env.futureAt(start, end);
  return { year: future ? earliestMonthYear(month, env.pub) : latestMonthYear(month, env.pub), future };
}

function monthCandidate(
  match: RegExpExecArray,
  env: RuleEnv,
  rule: string,
  month: number,
  year: number | null,
  start: number,
): Candidate {
  const end = match.index + match[0].length;
  const resolvedYear = year !== null ? { year, future: false } : yearOfMonth(month, env, start, end);
  if (!resolvedYear) return candidate(match, rule, null, { start, yearless: true });
  const span = partOfPeriod(monthSpan(resolvedYear.year, month), 'month', part(match));
  return candidate(
    match,
    rule,
    { span, precision: 'month', future: resolvedYear.future },
    { start, yearless: year === null },
  );
}

// "in March 2020", "mid-June 2019", "the end of January, 2021"
const monthYear: DateRule = {
  name: 'rule:month-year',
  gate: MONTH_GATE,
  also: CAPITALISED_MONTH,
  pattern: new RegExp(`\\b${PART_RE}?(?<month>${MONTH_RE})(?:,)?\\s+(?:of\\s+)?(?<year>${YEAR_RE})\\b`, 'dgi'),
  read(match) {
    const word = match.groups?.month ?? '';
    const month = monthNumber(word);
    if (month === null || !isCapitalised(word)) return null;
    const year = Number(match.groups?.year);
    const span = partOfPeriod(monthSpan(year, month), 'month', part(match));
    return candidate(match, this.name, { span, precision: 'month', future: false });
  },
};

// "in March last year", "June of this year"
const monthRelativeYear: DateRule = {
  name: 'rule:month-relative-year',
  gate: MONTH_GATE,
  also: CAPITALISED_MONTH,
  pattern: new RegExp(`\\b${PART_RE}?(?<month>${MONTH_RE})\\s+(?:of\\s+)?(?<rel>last|this|next)\\s+year\\b`, 'dgi'),
  read(match, env) {
    const word = match.groups?.month ?? '';
    const month = monthNumber(word);
    if (month === null || !isCapitalised(word)) return null;
    if (env.pub === null) return candidate(match, this.name, null);
    const step = { last: -1, this: 0, next: 1 }[(match.groups?.rel ?? 'this').toLowerCase()] ?? 0;
    const year = ymdOf(env.pub).year + step;
    const span = partOfPeriod(monthSpan(year, month), 'month', part(match));
    return candidate(match, this.name, { span, precision: 'month', future: step > 0 });
  },
};

// "last March", "next January", "this coming June"
const relativeMonth: DateRule = {
  name: 'rule:relative-month',
  gate: MONTH_GATE,
  also: CAPITALISED_MONTH,
  pattern: new RegExp(`\\b(?<rel>last|this|next|this\\s+coming|coming)\\s+(?<month>${MONTH_RE})\\b(?!\\s*\\d)`, 'dgi'),
  read(match, env) {
    const word = match.groups?.month ?? '';
    const month = monthNumber(word);
    if (month === null || !isCapitalised(word)) return null;
    if (env.pub === null) return candidate(match, this.name, null);
    const rel = (match.groups?.rel ?? '').toLowerCase();
    const { year, month: current } = ymdOf(env.pub);
    if (rel === 'last') {
      const y = month < current ? year : year - 1;
      return candidate(match, this.name, { span: monthSpan(y, month), precision: 'month', future: false });
    }
    if (rel === 'this') {
      return candidate(match, this.name, { span: monthSpan(year, month), precision: 'month', future: month > current });
    }
    const y = month > current ? year : year + 1;
    return candidate(match, this.name, { span: monthSpan(y, month), precision: 'month', future: true });
  },
};

// "in May", "since January", "by late March", "in mid-March", "the end of June" (no day after it)
const monthAlone: DateRule = {
  name: 'rule:month',
  gate: MONTH_GATE,
  also: CAPITALISED_MONTH,
  pattern: new RegExp(
    `(?:(?<=\\b(?:in|since|during|until|till|through|throughout|from|by|of|before)\\s+)|${PART_RE})(?<month>${MONTH_RE})\\b(?!\\.?\\s*\\d)(?!,?\\s+(?:of\\s+)?${YEAR_RE})`,
    'dgi',
  ),
  read(match, env) {
    const word = match.groups?.month ?? '';
    const month = monthNumber(word);
    if (month === null || !isCapitalised(word)) return null;
    return monthCandidate(match, env, this.name, month, null, match.index);
  },
};

// "the March protests", "the January offensive" ("the May government" is too often Theresa May's: skipped)
const monthModifier: DateRule = {
  name: 'rule:month-modifier',
  gate: MONTH_GATE,
  also: CAPITALISED_MONTH,
  pattern: new RegExp(`(?<=\\bthe\\s+)(?<month>${MONTH_RE})(?=\\s+[a-z])(?!\\s+(?:of|to|and|until)\\b)`, 'dg'),
  read(match, env) {
    const word = match.groups?.month ?? '';
    const month = monthNumber(word);
    if (month === null || month === 5 || word.endsWith('.')) return null;
    return monthCandidate(match, env, this.name, month, null, match.index);
  },
};

// "between 2014 and 2017", "from 2019 to 2021", "2019-20"
const yearRange: DateRule = {
  name: 'rule:year-range',
  gate: /\d/,
  also: YEAR_DIGITS,
  pattern: new RegExp(
    `\\b(?:(?<prep>between|from)\\s+)?(?<y1>${YEAR_RE})${RANGE_JOIN_RE}(?<y2>${YEAR_RE}|\\d\\d)\\b(?![-–/.,]\\d)`,
    'dgi',
  ),
  read(match) {
    const conj = match.groups?.conj?.toLowerCase();
    const prep = match.groups?.prep?.toLowerCase();
    if (conj === 'and' && prep !== 'between') return null;
    if (conj === 'into') return null;
    const y1 = Number(match.groups?.y1);
    const raw = match.groups?.y2 ?? '';
    const y2 = raw.length === 2 ? Math.floor(y1 / 100) * 100 + Number(raw) : Number(raw);
    if (y2 <= y1 || y2 - y1 > 60) return null;
    return candidate(match, this.name, {
      span: { start: yearSpan(y1).start, end: yearSpan(y2).end },
      precision: 'range',
      future: false,
    });
  },
};

// Words that make a four-digit number a count, a code or a time rather than a year.
const NOT_YEAR_BEFORE =
  /(?:\b(?:resolutions?|vision|agenda|no|nos|number|flights?|route|highway|articles?|law|decree|model|pages?|code|room|unit|at|about|around|some|nearly|almost|over|than|least|approximately|roughly|estimated|total\s+of|up\s+to|killed|killing|kill|wounded|injured|arrested|displaced|detained|deployed|of\s+the|top|hill|height|grid)\.?|[$£€#№]|\d[,.]|[-–/:.])\s*$/i;
const NOT_YEAR_AFTER =
  /^(?:\s*(?:%|percent|per\s+cent|people|persons|troops|soldiers|fighters|militants|civilians|men|women|children|families|residents|refugees|migrants|rebels|members|police|policemen|officers|personnel|casualties|dead|deaths|bodies|homes|houses|buildings|km|kilometers|kilometres|miles|meters|metres|feet|ft|hours|hrs|gmt|utc|zulu|local\s+time|tonnes|tons|barrels|dollars|euros|pounds|rounds|rockets|missiles|shells|drones|cases|votes|seats|sq|mm|vehicles|prisoners|detainees|workers|students|protesters|demonstrators|voters|others|times)\b|[,.]\d|\d|[-–]\s*[a-z])/i;

// "in 2016", "the 2019 protests", "in early 2020", "the end of 2018", "since 2019" (since: see compose)
const bareYear: DateRule = {
  name: 'rule:bare-year',
  gate: /\d/,
  also: YEAR_DIGITS,
  pattern: new RegExp(`\\b${PART_RE}?(?<year>${YEAR_RE})\\b(?!s\\b)`, 'dgi'),
  read(match, env) {
    if (NOT_YEAR_BEFORE.test(env.text.slice(Math.max(0, match.index - 24), match.index))) return null;
    if (NOT_YEAR_AFTER.test(env.text.slice(match.index + match[0].length))) return null;
    const year = Number(match.groups?.year);
    // A four-digit number far in the future is not a year of the news ("2099 drones").
    const limit = env.pub !== null ? ymdOf(env.pub).year + 30 : 2100;
    if (year > limit) return null;
    const q = part(match);
    const span = partOfPeriod(yearSpan(year), 'year', q);
    return candidate(match, q ? 'rule:part-of-year' : this.name, { span, precision: 'year', future: false });
  },
};

// "in the 1990s", "the early 2000s", "the '80s"
const decade: DateRule = {
  name: 'rule:decade',
  gate: /\d/,
  also: DECADE_DIGITS,
  pattern: /\b(?:the\s+)?(?:(?<qa>early|mid|late)[- ])?(?:(?<full>(?:1[89]|20)\d0)|['’](?<short>\d0))s\b/dgi,
  read(match, env) {
    const full = match.groups?.full;
    const short = match.groups?.short;
    let start: number;
    if (full) start = Number(full);
    else {
      const two = Number(short);
      const thisYear = env.pub !== null ? ymdOf(env.pub).year : 2100;
      start = 2000 + two <= thisYear ? 2000 + two : 1900 + two;
    }
    const span = partOfPeriod({ start: yearSpan(start).start, end: yearSpan(start + 9).end }, 'decade', part(match));
    return candidate(match, this.name, { span, precision: 'range', future: false });
  },
};

// "last summer", "in the winter of 2019", "during the spring", "summer 2020" (not "the fall of Mosul")
const season: DateRule = {
  name: 'rule:season',
  gate: /spring|summer|autumn|fall|winter/i,
  pattern: new RegExp(
    `\\b(?:(?<rel>last|this|next|past)\\s+|(?<qa>early|mid|late)[- ](?:in\\s+)?|(?<the>the)\\s+(?:(?<qt>early|late)\\s+)?)?(?<season>spring|summer|autumn|fall|winter)(?:\\s+(?:of\\s+)?(?<year>${YEAR_RE}))?\\b`,
    'dgi',
  ),
  read(match, env) {
    const word = match.groups?.season ?? '';
    const which = seasonOf(word);
    if (!which) return null;
    const rel = match.groups?.rel?.toLowerCase();
    const yearText = match.groups?.year;
    const hasThe = match.groups?.the !== undefined;
    if (!yearText && !rel && !hasThe && !match.groups?.qa) return null;
    if (word.toLowerCase() === 'fall' && !yearText && !rel) return null;
    // "the Arab Spring", "Prague Spring"
    if (isCapitalised(word) && /[A-Z][\w-]*\s+$/.test(env.text.slice(0, startOf(match, 'season')))) return null;
    const q = partOf(match.groups?.qa ?? match.groups?.qt);
    const start = match.index;
    let span: DaySpan;
    let future = false;
    if (yearText) span = seasonSpan(which, Number(yearText));
    else if (env.pub === null) return candidate(match, this.name, null, { start });
    else {
      const latest = latestSeason(which, env.pub);
      const ongoing = latest.end >= env.pub;
      if (rel === 'next' || (rel === 'this' && env.futureAt(match.index, match.index + match[0].length))) {
        span = ongoing ? latest : seasonSpan(which, ymdOf(latest.end).year + 1);
        future = true;
      } else if (rel === 'last' || rel === 'past') {
        span = ongoing ? seasonSpan(which, ymdOf(latest.end).year - 1) : latest;
      } else span = latest;
    }
    return candidate(
      match,
      this.name,
      { span: partOfPeriod(span, 'season', q), precision: 'range', future },
      { start },
    );
  },
};

function dayRangeCandidate(
  match: RegExpExecArray,
  env: RuleEnv,
  rule: string,
  m1: number,
  d1: number,
  m2: number,
  d2: number,
  yearText: string | undefined,
): Candidate | null {
  if (d1 > daysInMonth(2024, m1) || d2 > daysInMonth(2024, m2)) return null;
  if (m1 === m2 && d2 < d1) return null;
  const night = match.groups?.night !== undefined;
  const name = night ? 'rule:night-of' : rule;
  let endDay: number;
  let future = false;
  if (yearText) endDay = dayOf(Number(yearText), m2, Math.min(d2, daysInMonth(Number(yearText), m2)));
  else if (env.pub === null) return candidate(match, name, null, { yearless: true });
  else {
    future = env.futureAt(match.index, match.index + match[0].length);
    endDay = future ? earliestMonthDay(m2, d2, env.pub) : latestMonthDay(m2, d2, env.pub);
  }
  const endYear = ymdOf(endDay).year;
  const startYear = m1 > m2 ? endYear - 1 : endYear;
  const startDay = dayOf(startYear, m1, Math.min(d1, daysInMonth(startYear, m1)));
  return candidate(
    match,
    name,
    { span: { start: startDay, end: endDay }, precision: startDay === endDay ? 'day' : 'range', future },
    { yearless: !yearText },
  );
}

const LEAD_RE = '(?:(?:on\\s+)?(?:the\\s+)?(?<night>night|weekend)s?\\s+of\\s+|(?<prep>between|from)\\s+)?';

// "on the night of 5–6 May", "between 1 and 4 June", "30 May to 2 June 2021"
const dayRangeDayFirst: DateRule = {
  name: 'rule:day-range',
  gate: MONTH_GATE,
  also: CAPITALISED_MONTH,
  pattern: new RegExp(
    `\\b${LEAD_RE}(?<d1>${DAY_RE})(?:\\s+(?<m1>${MONTH_RE}))?${RANGE_JOIN_RE}(?<d2>${DAY_RE})\\s+(?:of\\s+)?(?<m2>${MONTH_RE})(?:,?\\s+(?<year>${YEAR_RE}))?\\b`,
    'dgi',
  ),
  read(match, env) {
    const g = match.groups ?? {};
    if (g.conj?.toLowerCase() === 'into' && g.night === undefined) return null;
    const m2 = monthNumber(g.m2 ?? '');
    const m1 = g.m1 ? monthNumber(g.m1) : m2;
    const d1 = dayNumber(g.d1);
    const d2 = dayNumber(g.d2);
    if (m1 === null || m2 === null || d1 === null || d2 === null) return null;
    if (!isCapitalised(g.m2 ?? '') || (g.m1 && !isCapitalised(g.m1))) return null;
    return dayRangeCandidate(match, env, this.name, m1, d1, m2, d2, g.year);
  },
};

// "June 27-28", "May 30-June 2", "from March 3 to 5, 2021"
const dayRangeMonthFirst: DateRule = {
  name: 'rule:day-range',
  gate: MONTH_GATE,
  also: CAPITALISED_MONTH,
  pattern: new RegExp(
    `\\b${LEAD_RE}(?<m1>${MONTH_RE})\\s+(?<d1>${DAY_RE})${RANGE_JOIN_RE}(?:(?<m2>${MONTH_RE})\\s+)?(?<d2>${DAY_RE})(?:,?\\s+(?<year>${YEAR_RE}))?\\b(?!\\s*(?:[:.]\\d|%|percent|per\\s+cent|people|persons|troops|soldiers|civilians|fighters)\\b)`,
    'dgi',
  ),
  read(match, env) {
    const g = match.groups ?? {};
    if (g.conj?.toLowerCase() === 'into' && g.night === undefined) return null;
    const m1 = monthNumber(g.m1 ?? '');
    const m2 = g.m2 ? monthNumber(g.m2) : m1;
    const d1 = dayNumber(g.d1);
    const d2 = dayNumber(g.d2);
    if (m1 === null || m2 === null || d1 === null || d2 === null) return null;
    if (!isCapitalised(g.m1 ?? '') || (g.m2 && !isCapitalised(g.m2))) return null;
    return dayRangeCandidate(match, env, this.name, m1, d1, m2, d2, g.year);
  },
};

// "from May to July", "between March and June 2020", "April-May", "in March, April and May"
const monthRange: DateRule = {
  name: 'rule:month-range',
  gate: MONTH_GATE,
  also: CAPITALISED_MONTH,
  pattern: new RegExp(
    `\\b(?:(?<prep>between|from|in|during|throughout)\\s+)?(?<m1>${MONTH_RE})(?:,?\\s+(?<y1>${YEAR_RE}))?(?:,\\s*${MONTH_RE})*,?${RANGE_JOIN_RE}(?<m2>${MONTH_RE})(?:,?\\s+(?<y2>${YEAR_RE}))?\\b(?!\\.?\\s*\\d{1,2}\\b)`,
    'dgi',
  ),
  read(match, env) {
    const g = match.groups ?? {};
    const conj = g.conj?.toLowerCase();
    const prep = g.prep?.toLowerCase();
    // "between March and June", "in March and April" (both months); not "Theresa May and June"
    if ((conj === 'and' && (prep === undefined || prep === 'from')) || conj === 'into') return null;
    const rule = prep === 'between' ? 'rule:between-months' : this.name;
    const m1 = monthNumber(g.m1 ?? '');
    const m2 = monthNumber(g.m2 ?? '');
    if (m1 === null || m2 === null || !isCapitalised(g.m1 ?? '') || !isCapitalised(g.m2 ?? '')) return null;
    let y2: number;
    let future = false;
    if (g.y2) y2 = Number(g.y2);
    else if (g.y1) y2 = Number(g.y1) + (m2 < m1 ? 1 : 0);
    else {
      const resolved = yearOfMonth(m2, env, match.index, match.index + match[0].length);
      if (!resolved) return candidate(match, rule, null, { yearless: true });
      y2 = resolved.year;
      future = resolved.future;
    }
    const y1 = g.y1 ? Number(g.y1) : m1 <= m2 ? y2 : y2 - 1;
    const span = { start: monthSpan(y1, m1).start, end: monthSpan(y2, m2).end };
    if (span.end < span.start) return null;
    return candidate(match, rule, { span, precision: 'range', future }, { yearless: !g.y1 && !g.y2 });
  },
};

const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, last: -1, final: -1 };

// "the first week of June", "the second half of 2020", "the first quarter of this year", "the last ten days of May"
const pieceOfPeriod: DateRule = {
  name: 'rule:piece-of-period',
  gate: /\b(?:first|second|third|fourth|last|final)\s+(?:week|half|quarter|ten)/i,
  pattern: new RegExp(
    `\\bthe\\s+(?<ord>first|second|third|fourth|last|final)\\s+(?<piece>week|half|quarter|ten\\s+days)\\s+of\\s+(?:(?<m>${MONTH_RE})(?:,?\\s+(?<y>${YEAR_RE}))?|(?<yy>${YEAR_RE})|(?<rel>this|last|next|the)\\s+(?<ru>year|month))\\b(?!\\.?\\s*\\d)`,
    'dgi',
  ),
  read(match, env) {
    const g = match.groups ?? {};
    const ord = ORDINALS[(g.ord ?? '').toLowerCase()] ?? 1;
    const piece = (g.piece ?? '').toLowerCase().replace(/\s+/g, ' ');
    let whole: DaySpan;
    let unit: 'month' | 'year';
    let future = false;
    if (g.m) {
      const month = monthNumber(g.m);
      if (month === null || !isCapitalised(g.m)) return null;
      const end = match.index + match[0].length;
      const year = g.y ? { year: Number(g.y), future: false } : yearOfMonth(month, env, match.index, end);
      if (!year) return candidate(match, this.name, null, { yearless: true });
      whole = monthSpan(year.year, month);
      future = year.future;
      unit = 'month';
    } else if (g.yy) {
      whole = yearSpan(Number(g.yy));
      unit = 'year';
    } else {
      if (env.pub === null) return candidate(match, this.name, null);
      const rel = (g.rel ?? 'this').toLowerCase();
      const step = rel === 'last' ? -1 : rel === 'next' ? 1 : 0;
      unit = (g.ru ?? 'year').toLowerCase() === 'month' ? 'month' : 'year';
      whole = periodAround(env.pub, unit, step);
      future = step > 0;
    }
    const length = whole.end - whole.start + 1;
    let span: DaySpan;
    if (piece === 'week' && unit === 'month') {
      span =
        ord > 0
          ? { start: whole.start + 7 * (ord - 1), end: whole.start + 7 * ord - 1 }
          : { start: whole.end - 6, end: whole.end };
    } else if (piece === 'ten days' && unit === 'month') {
      span =
        ord > 0
          ? { start: whole.start + 10 * (ord - 1), end: Math.min(whole.end, whole.start + 10 * ord - 1) }
          : { start: whole.end - 9, end: whole.end };
    } else if (piece === 'half') {
      if (ord > 2) return null;
      const mid = unit === 'year' ? dayOf(ymdOf(whole.start).year, 7, 1) : whole.start + 15;
      span = ord === 1 ? { start: whole.start, end: mid - 1 } : { start: mid, end: whole.end };
    } else if (piece === 'quarter' && unit === 'year') {
      const q = ord > 0 ? ord : 4;
      const year = ymdOf(whole.start).year;
      span = { start: monthSpan(year, 3 * q - 2).start, end: monthSpan(year, 3 * q).end };
    } else return null;
    if (span.end > whole.end || span.start < whole.start || length <= 0) return null;
    return candidate(
      match,
      this.name,
      { span, precision: piece === 'week' ? 'week' : 'range', future },
      { yearless: !!g.m && !g.y },
    );
  },
};

export const CALENDAR_RULES: readonly DateRule[] = [
  pieceOfPeriod,
  dayRangeDayFirst,
  dayRangeMonthFirst,
  monthRange,
  monthYear,
  monthRelativeYear,
  relativeMonth,
  yearRange,
  monthAlone,
  monthModifier,
  decade,
  season,
  bareYear,
];
