// Reading the victims of a casualty clause: the counted noun phrase after a harm verb ("killing at least four
// fighters") or before a passive one ("two U.S. soldiers were wounded"), with its count.
import type { Token } from '../model.ts';
import { readQuantity } from '../quantity.ts';
import { NOT_IN_VICTIMS, PERSON_NOUNS } from './words.ts';

// Made once: a regular-expression literal inside a function is a new object each time it runs.
const STARTS_DIGIT = /^\d/;
const ENDS_ED = /ed$/;
const STARTS_ASCII_UPPER = /^[A-Z]/;

export interface Victims {
  /** Token range of the whole phrase, count included. */
  start: number;
  end: number;
  min: number;
  max: number | null;
  /** The victims' noun phrase without its count ("militia members"), null for a bare count ("wounded five"). */
  text: string | null;
  /** How the count was read: "count", "article", "named", "definite", "pronoun". */
  how: 'count' | 'article' | 'named' | 'definite' | 'pronoun';
}

interface Run {
  start: number;
  end: number;
  person: boolean;
  /** A single named person ("Nasrallah", "commander Brig. Gen. Ahmed Karimi"). */
  named: boolean;
  plural: boolean;
}

const DASHES = new Set(['-', '–']);
const POSSESSIVES = new Set(["'s", '’s', "'", '’']);
const IRREGULAR_PLURALS = new Set([
  'people',
  'personnel',
  'police',
  'troops',
  'children',
  'men',
  'women',
  'militiamen',
  'servicemen',
  'gunmen',
  'tribesmen',
  'policemen',
  'herdsmen',
  'fishermen',
  'crewmen',
  'schoolchildren',
  'others',
  'staff',
  'more',
]);
const ARTICLES_ONE = new Set(['a', 'an', 'another', 'one', 'single', 'lone']);
const DEFINITES = new Set(['the', 'this', 'that', 'its', 'their', 'his', 'her', 'our']);
const PARTITIVE_DETERMINERS = new Set(['the', 'its', 'their', 'his', 'her', 'those', 'these', 'them', 'whom']);
const VAGUE_WORDS = new Set([
  'dozens',
  'tens',
  'scores',
  'hundreds',
  'thousands',
  'millions',
  'several',
  'many',
  'numerous',
  'multiple',
  'some',
  'both',
  'few',
  'dozen',
  'hundred',
  'thousand',
  'million',
]);
// "Iraqis", "Kurds", "Shiites", "Serbs": a capitalised plural that counts people, unlike a name ("Nasrallah")
const DEMONYM_PLURAL = /^[A-Z][a-z]+(?:ians|ans|is|ds|ks|bs|ts|ites|ers)$/;
const SINGULAR_PRONOUNS = new Set(['he', 'she']);

/** The singular of a plural noun, good enough for word-list lookups ("militias" → "militia"). */
export function singular(word: string): string {
  if (word.endsWith('men')) return `${word.slice(0, -3)}man`;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses') || word.endsWith('ches') || word.endsWith('shes')) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

export function isPersonNoun(word: string): boolean {
  return PERSON_NOUNS.has(word) || PERSON_NOUNS.has(singular(word));
}

function isNumberWord(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!t) return false;
  const next = tokens[i + 1];
  // "30-year-old" is a modifier inside the phrase, not its count
  if (next && DASHES.has(next.normal)) return false;
  return t.pos === 'NUM' || STARTS_DIGIT.test(t.normal) || VAGUE_WORDS.has(t.normal);
}

function isNominal(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || NOT_IN_VICTIMS.has(t.normal)) return false;
  if (POSSESSIVES.has(t.normal) || DASHES.has(t.normal)) return i > 0;
  if (t.normal === 'u.s.' || t.normal === 'u.k.' || t.normal === 'u.n.') return true;
  if (t.pos === 'NUM') return DASHES.has(tokens[i + 1]?.normal ?? '');
  // "three suspected facilitators", "two armed men": a participle before a noun describes it
  if (t.pos === 'VERB') return ENDS_ED.test(t.normal) && ['NOUN', 'PROPN'].includes(tokens[i + 1]?.pos ?? '');
  return t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ';
}

function isCapitalised(t: Token): boolean {
  return STARTS_ASCII_UPPER.test(t.text);
}

/** Classifies a run of nominal tokens [start, end): does it name people, one named person, several? */
function classify(tokens: readonly Token[], start: number, end: number): Run | null {
  if (end <= start) return null;
  const last = tokens[end - 1];
  if (!last) return null;
  // "commander Brig. Gen. Ahmed Karimi": a person noun followed only by capitalised words
  let k = end - 1;
  while (k >= start && tokens[k]?.pos === 'PROPN' && isCapitalised(tokens[k] as Token)) k--;
  if (k < end - 1) {
    const before = tokens[k];
    if (
      k < start ||
      (before && (isPersonNoun(before.normal) || POSSESSIVES.has(before.normal) || before.normal === '-'))
    ) {
      const nameTokens = tokens.slice(k + 1, end);
      const plural = k < start && nameTokens.length === 1 && DEMONYM_PLURAL.test(last.text);
      // "Iraqis", "Palestinians": a plural demonym counts people; "Nasrallah" names one
      return { start, end, person: true, named: !plural, plural };
    }
  }
  const head = last.normal;
  const plural = IRREGULAR_PLURALS.has(head) || (head.endsWith('s') && singular(head) !== head && !head.endsWith('ss'));
  return { start, end, person: isPersonNoun(head), named: false, plural };
}

/** The nominal run starting at `i` ("U.S. personnel", "members of a local militia"), or null. */
function runForward(tokens: readonly Token[], i: number): Run | null {
  let j = i;
  while (isNominal(tokens, j)) j++;
  // "three members of a local militia": a person head may take an "of" phrase
  const run = classify(tokens, i, j);
  if (run?.person && !run.named && tokens[j]?.normal === 'of') {
    let k = j + 1;
    if (opensOfObject(tokens[k])) k++;
    const start = k;
    while (isNominal(tokens, k)) k++;
    if (k > start) return { ...run, end: k };
  }
  return run;
}

/** A determiner an "of" phrase may open with: "members of the group", "of a local militia". */
function opensOfObject(t: Token | undefined): boolean {
  return t !== undefined && (DEFINITES.has(t.normal) || t.normal === 'a' || t.normal === 'an');
}

/** Where the nominal words ending before `end` start, read leftwards up to a count or determiner. */
function nominalStart(tokens: readonly Token[], end: number): number {
  let j = end - 1;
  while (j >= 0 && isNominal(tokens, j) && !isNumberWord(tokens, j)) j--;
  return j + 1;
}

/** The nominal run ending before `end`, read leftwards up to a count or determiner. */
function runBackward(tokens: readonly Token[], end: number): Run | null {
  const run = classify(tokens, nominalStart(tokens, end), end);
  // "two senior commanders of the group were killed", "five members of a local militia": the "of" phrase
  // runForward reads, read from its end; the head noun before "of" is what is counted
  if (run) {
    const of = opensOfObject(tokens[run.start - 1]) ? run.start - 2 : run.start - 1;
    if (tokens[of]?.normal === 'of') {
      const head = classify(tokens, nominalStart(tokens, of), of);
      if (head?.person && !head.named) return { ...head, end };
    }
  }
  return run;
}

function spanText(tokens: readonly Token[], text: string, offset: number, start: number, end: number): string {
  const first = tokens[start];
  const last = tokens[end - 1];
  if (!first || !last) return '';
  return text.slice(first.start - offset, last.end - offset);
}

/**
 * Victims after a harm verb, starting at token `i`: "at least four fighters", "two of the guards", "a civilian",
 * "Hezbollah's former commander Fuad Shukr", a bare "five". Null when the words there are not victims
 * ("the bill", "4 km", "civilians" without a count).
 */
export function victimsAfter(
  tokens: readonly Token[],
  i: number,
  sentenceText: string,
  offset: number,
  options: { personRequired: boolean; namesAllowed: boolean },
): Victims | null {
  const quantity = readQuantity(tokens, i);
  // "did not say how many soldiers had died": a question, not a count
  if (quantity && tokens[i - 1]?.normal === 'how') return null;
  if (quantity) {
    let at = quantity.end;
    // "two of the guards", "one of its commanders"
    if (tokens[at]?.normal === 'of' && PARTITIVE_DETERMINERS.has(tokens[at + 1]?.normal ?? '')) at += 2;
    const run = runForward(tokens, at);
    if (run && !run.person && !tokens[run.end - 1]?.text.match(/^[A-Z]/)) return null;
    if (!run && options.personRequired) return null;
    return {
      start: i,
      end: run?.end ?? quantity.end,
      min: quantity.min,
      max: quantity.max,
      text: run ? spanText(tokens, sentenceText, offset, run.start, run.end) : null,
      how: 'count',
    };
  }
  const first = tokens[i];
  if (!first) return null;
  // "a civilian", "another soldier"; "the deputy chief of the militia", "Hezbollah's former operations chief"
  const article = ARTICLES_ONE.has(first.normal);
  if (article || DEFINITES.has(first.normal)) {
    const run = runForward(tokens, i + 1);
    if (!run?.person || run.plural) return null;
    return {
      start: i,
      end: run.end,
      min: 1,
      max: 1,
      text: spanText(tokens, sentenceText, offset, run.start, run.end),
      how: article ? 'article' : run.named ? 'named' : 'definite',
    };
  }
  if (!options.namesAllowed && !isPersonNoun(first.normal)) return null;
  const run = runForward(tokens, i);
  if (!run?.person || run.plural) return null;
  if (!run.named && !tokens.slice(run.start, run.end).some((t) => POSSESSIVES.has(t.normal))) return null;
  return {
    start: i,
    end: run.end,
    min: 1,
    max: 1,
    text: spanText(tokens, sentenceText, offset, run.start, run.end),
    how: run.named ? 'named' : 'definite',
  };
}

/**
 * Victims before a passive or intransitive verb group that starts at `end`: "at least six militia fighters",
 * "a civilian", "Nasrallah", "five". Null when there is no countable subject ("civilians", "the bill").
 */
export function victimsBefore(
  tokens: readonly Token[],
  end: number,
  sentenceText: string,
  offset: number,
): Victims | null {
  let stop = end;
  // "three people, including two children, were wounded": step over the subset clause
  if (tokens[stop - 1]?.normal === ',') {
    for (let k = stop - 2; k > 0 && k > stop - 14; k--) {
      if (tokens[k]?.normal !== ',') continue;
      const opener = tokens[k + 1]?.normal ?? '';
      if (['including', 'among', 'mostly', 'mainly', 'most', 'all', 'who', 'which', 'both'].includes(opener)) stop = k;
      break;
    }
    if (stop === end) return null;
  }
  const only = tokens[stop - 1];
  if (only && SINGULAR_PRONOUNS.has(only.normal) && stop - 1 >= 0) {
    return { start: stop - 1, end: stop, min: 1, max: 1, text: null, how: 'pronoun' };
  }
  const run = runBackward(tokens, stop);
  const runStart = run ? run.start : stop;
  if (run && !run.person) return null;
  // the count right before the run: "at least four", "dozens", "two of the"
  let countEnd = runStart;
  if (PARTITIVE_DETERMINERS.has(tokens[countEnd - 1]?.normal ?? '') && tokens[countEnd - 2]?.normal === 'of') {
    const q = quantityEndingAt(tokens, countEnd - 2);
    if (q) countEnd -= 2;
  }
  const quantity = quantityEndingAt(tokens, countEnd);
  if (quantity && tokens[quantity.start - 1]?.normal === 'how') return null;
  if (quantity) {
    // "the three soldiers" is a back-reference to a counted group, still a count
    return {
      start: quantity.start,
      end: stop,
      min: quantity.min,
      max: quantity.max,
      text: run ? spanText(tokens, sentenceText, offset, run.start, run.end) : null,
      how: 'count',
    };
  }
  if (!run || run.plural) return null;
  const before = tokens[runStart - 1];
  if (before && ARTICLES_ONE.has(before.normal)) {
    return {
      start: runStart - 1,
      end: stop,
      min: 1,
      max: 1,
      text: spanText(tokens, sentenceText, offset, run.start, run.end),
      how: 'article',
    };
  }
  if (run.named)
    return {
      start: runStart,
      end: stop,
      min: 1,
      max: 1,
      text: spanText(tokens, sentenceText, offset, run.start, run.end),
      how: 'named',
    };
  if (before && DEFINITES.has(before.normal)) {
    return {
      start: runStart - 1,
      end: stop,
      min: 1,
      max: 1,
      text: spanText(tokens, sentenceText, offset, run.start, run.end),
      how: 'definite',
    };
  }
  // "Iraq's deputy commander was killed"
  if (tokens.slice(run.start, run.end).some((t) => POSSESSIVES.has(t.normal))) {
    return {
      start: runStart,
      end: stop,
      min: 1,
      max: 1,
      text: spanText(tokens, sentenceText, offset, run.start, run.end),
      how: 'definite',
    };
  }
  return null;
}

/** The longest quantity whose last word is right before `end`: "at least four" rather than "four". */
export function quantityEndingAt(tokens: readonly Token[], end: number): ReturnType<typeof readQuantity> {
  for (let k = Math.max(0, end - 6); k < end; k++) {
    const q = readQuantity(tokens, k);
    if (q && q.end === end) return q;
  }
  return null;
}
