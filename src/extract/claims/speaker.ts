// Reading who tells: the noun phrase before or after a verb of telling, cut into groups of sources
// ("four militia sources and two Syrian security sources familiar with the talks") or outlets ("state media",
// "the semi-official Tasnim news agency"), each with a count, a kind and whether it is named.
//
// Rules:
// - a number gives the count ("four militia sources" → 4); an article or a single name gives 1; a plural without
//   a number ("sources said", "officials told AFP") gives 2, the least a plural promises;
// - an institution speaking as a body ("police", "the ministry", "the group") is one named source;
// - a person named by role only ("a Western official in Ankara", "two police officers") is anonymous; a role
//   with a name ("spokesman John Kirby", "Col. Sami al-Ali, a spokesman") is named; a definite office holder
//   with a qualifier ("the army spokesman", "Iraq's defence minister") is named by office;
// - a back-reference is marked, to be left out when sources add up: "one of the officers", "the same sources",
//   "the official", "these officials", "he", "acting as one of AFP's four militia sources";
// - a monitor from the outlet lexicon (the Syrian Observatory for Human Rights) is a named source, not an outlet.
import type { Token } from '../model.ts';
import { readQuantity } from '../quantity.ts';
import type { OutletLexicon } from './outlets.ts';
import {
  ANONYMITY_PHRASES,
  ANONYMOUS_WORDS,
  BACK_DETERMINERS,
  INSTITUTION_NOUN_OF,
  KIND_MODIFIER_OF,
  METONYM_KIND_OF,
  OUTLET_AGENCY_LEADS,
  OUTLET_HEADS,
  OUTLET_NAME_WORDS,
  PRONOUN_SPEAKERS,
  ROLE_NOUN_OF,
  SOURCE_PARTICIPLES,
  SOURCE_PREPOSITIONS,
  SPEECH_FORM_OF,
  TIME_WORDS,
  TITLE_KIND_OF,
  WEAK_KIND_MODIFIER_OF,
} from './words.ts';

// Made once: a regular-expression literal inside a function is a new object each time it runs.
const SIBILANT_PLURAL = /(?:ss|ch|sh|x)es$/;
const STARTS_UPPER = /^\p{Lu}/u;
const ENDS_ED = /ed$/;
const STARTS_ASCII_UPPER = /^[A-Z]/;
const STARTS_UPPER_OR_DIGIT = /^[\p{Lu}\p{N}]/u;
const ENDS_ED_ING = /(?:ed|ing)$/;
const STARTS_UPPER_CLASS = /^[\p{Lu}]/u;

/** One coordinated part of a speaker phrase. */
export interface SpeakerGroup {
  /** Token range, modifiers after the head included. */
  start: number;
  end: number;
  /** When the group is an outlet: its canonical name, or the words for a generic one ("state media"). */
  outlet: string | null;
  count: number;
  kind: string | null;
  anonymous: boolean;
  refersBack: boolean;
  /** Outlets named inside the group: "one of AFP's four militia sources" → AFP. */
  outletsInside: string[];
}

export interface Speaker {
  groups: SpeakerGroup[];
  start: number;
  end: number;
}

const ARTICLES = new Set(['a', 'an', 'another', 'one']);
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'its', 'their', 'our']);
const POSSESSIVE = new Set(["'s", '’s', "'", '’']);
const DASHES = new Set(['-', '–']);
const RELATIVES = new Set(['who', 'whom', 'whose', 'that', 'which']);
const BOUNDARY_BEFORE = new Set(['"', '“', '”', '(', ':', "''", '``']);
// common words that open a generic outlet: "State media", "Local media", "Official television"
const LOWER_OUTLET_LEADS = new Set([
  'state',
  'local',
  'official',
  'semi',
  'government',
  'pro',
  'opposition',
  'independent',
  'foreign',
  'international',
  'regional',
  'public',
  'private',
  'military',
  'army',
  'social',
  'western',
  'news',
]);
const STOPPERS = new Set(['and', 'or', 'but', 'as', 'than', 'if', 'because', 'while', 'when', 'after', 'before']);

function word(tokens: readonly Token[], i: number): string {
  return tokens[i]?.normal ?? '';
}

function singular(w: string): string {
  if (w.endsWith('men')) return `${w.slice(0, -3)}man`;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (SIBILANT_PLURAL.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss') && w.length > 3) return w.slice(0, -1);
  return w;
}

function isSpeechForm(t: Token): boolean {
  return SPEECH_FORM_OF.get(t.normal) !== undefined && t.pos !== 'NOUN' && t.pos !== 'PROPN';
}

/** A word that can sit inside a source's name or description ("Iran-backed", "U.S.", "al-Ali", "30-strong"). */
function isNominal(tokens: readonly Token[], i: number, runStart: number): boolean {
  const t = tokens[i];
  if (!t || TIME_WORDS.has(t.normal) || STOPPERS.has(t.normal)) return false;
  if (isSpeechForm(t)) return false;
  if (DASHES.has(t.normal)) return i > runStart && isNominal(tokens, i + 1, runStart);
  // "Iran-backed", "U.S.-led": a verb joined by a hyphen is a modifier; "the Red Cross": a mistagged name;
  // "the besieged city": a participle before a noun describes it
  if (t.pos === 'VERB')
    return (
      (DASHES.has(word(tokens, i - 1)) && i > runStart) ||
      (i > 0 && STARTS_UPPER.test(t.text)) ||
      (ENDS_ED.test(t.normal) && ['NOUN', 'PROPN', 'ADJ'].includes(tokens[i + 1]?.pos ?? '')) ||
      // "a war monitor", "a police guard": a head noun mistagged as a verb after a modifier
      (i > runStart &&
        (ROLE_NOUN_OF.get(singular(t.normal)) !== undefined || INSTITUTION_NOUN_OF.get(t.normal) !== undefined) &&
        ['NOUN', 'ADJ', 'PROPN'].includes(tokens[i - 1]?.pos ?? ''))
    );
  if (POSSESSIVE.has(t.normal)) return i > runStart;
  if (t.pos === 'NUM') return DASHES.has(word(tokens, i + 1));
  return (
    t.pos === 'NOUN' ||
    t.pos === 'PROPN' ||
    t.pos === 'ADJ' ||
    (STARTS_ASCII_UPPER.test(t.text) && t.pos !== 'DET' && t.pos !== 'PRON')
  );
}

/** The anonymity phrases by first word: a speaker's every word is asked whether one starts there. */
const ANONYMITY_BY_FIRST: ReadonlyMap<string, readonly (readonly string[])[]> = (() => {
  const byFirst = new Map<string, (readonly string[])[]>();
  for (const phrase of ANONYMITY_PHRASES) {
    const first = phrase[0] ?? '';
    byFirst.set(first, [...(byFirst.get(first) ?? []), phrase]);
  }
  return byFirst;
})();

function hasAnonymityPhrase(tokens: readonly Token[], start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const phrases = ANONYMITY_BY_FIRST.get(word(tokens, i));
    if (phrases?.some((phrase) => phrase.every((w, k) => word(tokens, i + k) === w))) return true;
  }
  return false;
}

function isOutletWord(tokens: readonly Token[], at: number): boolean {
  return (
    OUTLET_HEADS.has(word(tokens, at)) ||
    (word(tokens, at) === 'agency' && OUTLET_AGENCY_LEADS.has(word(tokens, at - 1)))
  );
}

/** An outlet named by the words [start, end): a lexicon name covering the run, or a generic "state media". */
function outletOf(
  tokens: readonly Token[],
  start: number,
  end: number,
  outlets: OutletLexicon,
  text: string,
  offset: number,
): { name: string; monitor: boolean } | null {
  for (let i = start; i < end; i++) {
    const m = outlets.matchAt(tokens, i);
    if (!m) continue;
    // "the Somali National News Agency" is not Lebanon's "National News Agency"
    const before = tokens[m.start - 1];
    if (m.start > start && before && before.pos === 'PROPN' && STARTS_UPPER.test(before.text)) continue;
    // "the National Guard" is not "The National": the name must end the run, or be followed by outlet words only
    let k = m.end;
    while (
      k < end &&
      (OUTLET_HEADS.has(word(tokens, k)) || word(tokens, k) === 'agency' || word(tokens, k) === 'group')
    )
      k++;
    if (k === end) return { name: m.entry.name, monitor: m.entry.kind === 'monitor' };
    i = m.end - 1;
  }
  // "the official news agency Ceteka", "the Kurdish daily Hawlati": an outlet word followed by its name
  let headAt = end - 1;
  while (headAt > start && STARTS_UPPER.test(tokens[headAt]?.text ?? '') && tokens[headAt]?.pos === 'PROPN') headAt--;
  if (headAt < end - 1 && isOutletWord(tokens, headAt)) {
    const nameFirst = tokens[headAt + 1];
    const nameLast = tokens[end - 1];
    if (nameFirst && nameLast)
      return { name: text.slice(nameFirst.start - offset, nameLast.end - offset), monitor: false };
  }
  // "Levant Observer", "the Nile Dispatch": a name ending in a newspaper's word
  const named = tokens[end - 1];
  if (named && named.pos === 'PROPN' && OUTLET_NAME_WORDS.has(named.text)) {
    let nameFrom = start;
    while (['the', 'a', 'an'].includes(word(tokens, nameFrom))) nameFrom++;
    const nameFirst = tokens[nameFrom];
    if (nameFirst && STARTS_UPPER_OR_DIGIT.test(nameFirst.text)) {
      return { name: text.slice(nameFirst.start - offset, named.end - offset), monitor: false };
    }
  }
  if (!isOutletWord(tokens, end - 1)) return null;
  let from = start;
  while (['the', 'a', 'an'].includes(word(tokens, from))) from++;
  const first = tokens[from];
  const last = tokens[end - 1];
  if (!first || !last) return null;
  let name = text.slice(first.start - offset, last.end - offset);
  // "State media reported" at the start of a sentence is "state media"
  if (LOWER_OUTLET_LEADS.has(first.normal.split('-')[0] ?? '') && /^\p{Lu}\p{Ll}/u.test(name))
    name = name.charAt(0).toLowerCase() + name.slice(1);
  return { name, monitor: false };
}

interface GroupContext {
  tokens: readonly Token[];
  outlets: OutletLexicon;
  text: string;
  offset: number;
}

/** A group read up to its classification: its shape, and the outlets named inside it. */
interface ShapeRead {
  shape: GroupShape;
  outletsInside: string[];
}

/** Classifies a group read by `readGroupShape`. */
function finishGroup(ctx: GroupContext, read: SpeakerGroup | ShapeRead): SpeakerGroup {
  if (!('shape' in read)) return read;
  return classify(ctx, read.shape, read.outletsInside);
}

/** Where a group ending at `end` leaves a speaker phrase that must end at `limit`: there, or joined to another. */
function reachesLimit(tokens: readonly Token[], end: number, limit: number): boolean {
  if (end === limit) return true;
  if (word(tokens, end) === 'and' && end + 1 < limit) return true;
  return word(tokens, end) === 'as' && word(tokens, end + 1) === 'well' && word(tokens, end + 2) === 'as';
}

/** Reads one group starting at token `i`, not past `limit`, all but its classification (a pronoun: all of it). */
function readGroupShape(ctx: GroupContext, i: number, limit: number): SpeakerGroup | ShapeRead | null {
  const { tokens } = ctx;
  const start = i;
  let k = i;
  const first = tokens[k];
  if (!first || k >= limit) return null;
  // "he said", "they told reporters"
  if (PRONOUN_SPEAKERS.has(first.normal) && first.pos === 'PRON') {
    return {
      start,
      end: k + 1,
      outlet: null,
      count: first.normal === 'they' || first.normal === 'we' ? 2 : 1,
      kind: null,
      anonymous: false,
      refersBack: true,
      outletsInside: [],
    };
  }
  let count: number | null = null;
  let refersBack = false;
  let determiner: 'none' | 'article' | 'definite' | 'count' | 'possessive' = 'none';
  const outletsInside: string[] = [];
  // "one of the officers", "one of AFP's four militia sources"
  const partitive = readQuantity(tokens, k);
  if (partitive && word(tokens, partitive.end) === 'of' && partitive.end + 1 < limit) {
    count = Math.max(1, partitive.min);
    refersBack = true;
    k = partitive.end + 1;
  }
  let ownMedia = false;
  if (POSSESSIVE_PRONOUNS.has(word(tokens, k))) {
    // "his lawyer", "its spokesman": someone's identifiable aide
    determiner = 'possessive';
    ownMedia = true;
    k++;
  } else if (BACK_DETERMINERS.has(word(tokens, k))) {
    determiner = 'definite';
    if (word(tokens, k + 1) === 'same') {
      refersBack = true;
      k++;
    }
    k++;
  } else if (ARTICLES.has(word(tokens, k)) && !readQuantity(tokens, k)) {
    // "a senior official" (but "a number of officials" and "a dozen witnesses" are counts, read below)
    determiner = 'article';
    count ??= 1;
    k++;
  }
  // "AFP's four militia sources", "Iraq's interior ministry"
  const owner = ctx.outlets.matchAt(tokens, k);
  if (owner && POSSESSIVE.has(word(tokens, owner.end)) && owner.entry.kind !== 'monitor') {
    outletsInside.push(owner.entry.name);
    determiner = 'possessive';
    k = owner.end + 1;
  }
  // "four militia sources", "dozens of witnesses", "a number of officials"
  const q = readQuantity(tokens, k);
  if (q && q.end < limit) {
    count ??= Math.max(1, q.min);
    if (determiner === 'none' || determiner === 'article') determiner = 'count';
    k = q.end;
  }
  // the words of the name or description, up to its head
  const runStart = k;
  const lexical = ctx.outlets.matchAt(tokens, k);
  const named = lexical && lexical.end <= limit && !POSSESSIVE.has(word(tokens, lexical.end));
  if (named) {
    // "its Amaq news agency late on Tuesday": an outlet's name ends the run, but for "TV", "television" …
    k = lexical.end;
    while (k < limit && (OUTLET_HEADS.has(word(tokens, k)) || word(tokens, k) === 'agency')) k++;
  }
  while (!named && k < limit && isNominal(tokens, k, runStart)) {
    // a possessive inside the run starts a new owner: "the ministry's spokesman"
    if (POSSESSIVE.has(word(tokens, k))) determiner = determiner === 'none' ? 'possessive' : determiner;
    k++;
  }
  if (k === runStart) return null;
  const runEnd = k;
  const run = tokens.slice(runStart, runEnd);
  const head = run[run.length - 1] as Token;
  // modifiers after the head: "in Ankara", "familiar with the talks", "who spoke on condition of anonymity"
  let anonymityClause = false;
  while (k < limit) {
    const w = word(tokens, k);
    if (w === 'acting' && word(tokens, k + 1) === 'as') {
      // "a militia officer acting as one of the four militia sources"
      // (only its end and the outlets inside it are used: it is not classified)
      const inner = readGroupShape(ctx, k + 2, limit);
      if (!inner) break;
      refersBack = true;
      outletsInside.push(...inner.outletsInside);
      k = 'shape' in inner ? inner.shape.end : inner.end;
    } else if (RELATIVES.has(w) && w !== 'that' && w !== 'which') {
      // "officials who spoke on condition of anonymity": to the limit, or to the next comma
      let end = k + 1;
      while (end < limit && ![',', ';', '.', '!', '?', ':'].includes(word(tokens, end))) end++;
      if (hasAnonymityPhrase(tokens, k, end)) anonymityClause = true;
      k = end;
    } else if (
      SOURCE_PREPOSITIONS.has(w) &&
      (w !== 'to' || SOURCE_PARTICIPLES.has(word(tokens, k - 1))) &&
      (w !== 'close' || word(tokens, k + 1) === 'to')
    ) {
      let j = k + 1;
      if (w === 'close') j++;
      while (
        ['the', 'a', 'an', 'both', 'all', 'its', 'their', 'his', 'her'].includes(word(tokens, j)) ||
        readQuantity(tokens, j)?.end === j + 1
      )
        j++;
      const objectStart = j;
      while (j < limit && (isNominal(tokens, j, objectStart) || POSSESSIVE.has(word(tokens, j)))) j++;
      if (j === objectStart) break;
      if (hasAnonymityPhrase(tokens, k, j)) anonymityClause = true;
      k = j;
    } else if (
      SOURCE_PARTICIPLES.has(w) ||
      (tokens[k]?.pos === 'VERB' && ENDS_ED_ING.test(w) && SOURCE_PREPOSITIONS.has(word(tokens, k + 1)))
    ) {
      // "familiar with", "briefed on", "speaking on condition of anonymity", "based in"
      if (w === 'citing') break;
      k++;
      if (word(tokens, k) === 'directly' || word(tokens, k) === 'closely') k++;
    } else break;
  }
  return {
    shape: {
      start,
      end: k,
      runStart,
      runEnd,
      run,
      head,
      count,
      determiner,
      refersBack,
      anonymityClause,
      ownMedia,
    },
    outletsInside,
  };
}

interface GroupShape {
  start: number;
  end: number;
  runStart: number;
  runEnd: number;
  run: Token[];
  head: Token;
  count: number | null;
  determiner: 'none' | 'article' | 'definite' | 'count' | 'possessive';
  refersBack: boolean;
  anonymityClause: boolean;
  /** "its Telegram channel", "their website": a speaker's own media, not an outlet that tells. */
  ownMedia: boolean;
}

/** A word that can stand in a name: capitalised, a dash, or the particle "al"/"el". */
function capitalisedInName(t: Token): boolean {
  return STARTS_UPPER_CLASS.test(t.text) || DASHES.has(t.normal) || t.normal === 'al' || t.normal === 'el';
}

/** Decides what a group is: an outlet, an institution, a named person, an anonymous person or a back-reference. */
/** A classified group, built whole (an object spread per group cost the speaker reader a tenth of its time). */
function groupOf(
  g: GroupShape,
  inside: string[],
  outlet: string | null,
  count: number,
  kind: string | null,
  anonymous: boolean,
  refersBack: boolean,
): SpeakerGroup {
  return { start: g.start, end: g.end, outlet, count, kind, anonymous, refersBack, outletsInside: inside };
}

function classify(ctx: GroupContext, g: GroupShape, inside: string[]): SpeakerGroup {
  const { tokens } = ctx;
  const outlet = outletOf(tokens, g.runStart, g.runEnd, ctx.outlets, ctx.text, ctx.offset);
  if (outlet && !outlet.monitor && g.ownMedia && !ctx.outlets.find(outlet.name)) {
    return groupOf(g, inside, null, 0, null, false, false);
  }
  if (outlet && !outlet.monitor) {
    return groupOf(g, inside, outlet.name, 1, null, false, false);
  }
  if (outlet?.monitor) {
    return groupOf(g, inside, null, 1, 'monitor', false, g.refersBack);
  }
  const words = g.run.map((t) => t.normal);
  // the last word naming a role or an institution, and the capitalised words after it (a name)
  let roleAt = -1;
  for (let r = g.run.length - 1; r >= 0; r--) {
    const w = singular(words[r] as string);
    if (
      ROLE_NOUN_OF.get(w) !== undefined ||
      ROLE_NOUN_OF.get(words[r] as string) !== undefined ||
      INSTITUTION_NOUN_OF.get(words[r] as string) !== undefined ||
      INSTITUTION_NOUN_OF.get(w) !== undefined
    ) {
      roleAt = r;
      break;
    }
  }
  const after = roleAt >= 0 ? g.run.slice(roleAt + 1) : g.run;
  const named = after.length > 0 && after.every(capitalisedInName) && (roleAt >= 0 || g.run.every(capitalisedInName));
  const headWord = roleAt >= 0 ? (words[roleAt] as string) : g.head.normal;
  const headSingular = singular(headWord);
  // "the Revolutionary Guards", "the Border Guard": a role word in capitals, inside a sentence, names a body
  const roleToken = roleAt >= 0 ? (g.run[roleAt] as Token) : null;
  const capitalRole =
    roleToken !== null &&
    STARTS_UPPER.test(roleToken.text) &&
    g.runStart + roleAt > 0 &&
    !BOUNDARY_BEFORE.has(word(tokens, g.runStart + roleAt - 1));
  // "militants said" speak as a body; "three militants said" are people
  const counted = g.determiner === 'count' || g.determiner === 'article';
  const isRole =
    roleAt >= 0 &&
    !capitalRole &&
    (ROLE_NOUN_OF.get(headSingular) !== undefined || ROLE_NOUN_OF.get(headWord) !== undefined) &&
    (counted || !(INSTITUTION_NOUN_OF.get(headWord) !== undefined && ROLE_NOUN_OF.get(headWord) === undefined));
  const plural = headWord !== headSingular || headWord === 'people' || headWord === 'police';
  // kind: the nearest qualifying word before the head, then the head, then a title or known place
  let kind: string | null = null;
  for (let r = (roleAt >= 0 ? roleAt : g.run.length) - 1; r >= 0 && kind === null; r--)
    kind = KIND_MODIFIER_OF.get(words[r] as string) ?? null;
  if (kind === null && roleAt >= 0)
    kind =
      (isRole
        ? (ROLE_NOUN_OF.get(headSingular) ?? ROLE_NOUN_OF.get(headWord))
        : (INSTITUTION_NOUN_OF.get(headWord) ?? INSTITUTION_NOUN_OF.get(headSingular))) ?? null;
  if (kind === null) kind = TITLE_KIND_OF.get(words[0] as string) ?? METONYM_KIND_OF.get(words.join(' ')) ?? null;
  for (let r = 0; r < words.length && kind === null; r++) kind = WEAK_KIND_MODIFIER_OF.get(words[r] as string) ?? null;
  const anonymousWord = words.some((w) => ANONYMOUS_WORDS.has(w));
  if (!isRole) {
    // an institution or a name: "police", "the ministry", "Hezbollah", "Col. Sami al-Ali"
    if (capitalRole) {
      return groupOf(g, inside, null, 1, kind, anonymousWord || g.anonymityClause, g.refersBack);
    }
    if (roleAt < 0 && !named) {
      // an unknown common noun ("the statement", "the report") is not a speaker
      if (!g.run.some(capitalisedInName)) return groupOf(g, inside, null, 0, null, false, false);
    }
    return groupOf(g, inside, null, g.count ?? 1, kind, anonymousWord || g.anonymityClause, g.refersBack);
  }
  if (named) return groupOf(g, inside, null, 1, kind, false, g.refersBack);
  // "the army spokesman", "Iraq's defence minister", "the governor of Belgorod region": an office, identifiable
  const qualified = roleAt > 0 || g.determiner === 'possessive' || g.end > g.runEnd;
  let refersBack = g.refersBack;
  let anonymous = true;
  if (g.determiner === 'definite' && !anonymousWord) {
    // "the official", "these sources" point back; "the army spokesman" is an office holder
    if (!qualified || plural) refersBack = true;
    else anonymous = false;
  } else if (g.determiner === 'possessive' && !plural && !anonymousWord) {
    anonymous = false;
  }
  const count = g.count ?? (plural ? 2 : 1);
  return groupOf(g, inside, null, count, kind, anonymous || g.anonymityClause, refersBack);
}

/**
 * Reads a speaker phrase from token `start`: groups joined by "and" ("two police officers and a hospital
 * official"). With `limit`, the phrase must end exactly there; without, it ends where the grammar does.
 */
export function readSpeaker(
  tokens: readonly Token[],
  start: number,
  limit: number | null,
  outlets: OutletLexicon,
  text: string,
  offset: number,
): Speaker | null {
  const ctx: GroupContext = { tokens, outlets, text, offset };
  const bound = limit ?? tokens.length;
  const groups: SpeakerGroup[] = [];
  let k = start;
  let joinsName = false;
  for (;;) {
    const read = readGroupShape(ctx, k, bound);
    if (!read) return null;
    // A phrase that must end at `limit` but whose group stops short of it, with nothing joined after it, is no
    // speaker whatever the group is: answered before classifying it.
    if (limit !== null && 'shape' in read && !reachesLimit(tokens, read.shape.end, limit)) return null;
    const group = finishGroup(ctx, read);
    if (group.count === 0 && group.outlet === null) return null;
    const previous = groups[groups.length - 1];
    if (previous && joinsName) {
      // "Trade and Industry Minister Nguyen Van Binh", "Iraqi and U.S. officials": one phrase, the last head rules
      groups[groups.length - 1] = {
        ...group,
        start: previous.start,
        kind: group.kind ?? previous.kind,
        outletsInside: [...previous.outletsInside, ...group.outletsInside],
      };
    } else groups.push(group);
    k = group.end;
    joinsName = false;
    if (word(tokens, k) === 'and' && k + 1 < bound) {
      joinsName =
        capitalised(tokens[k - 1]) &&
        capitalised(tokens[k + 1]) &&
        tokens[k + 1]?.pos !== 'DET' &&
        tokens[k + 1]?.pos !== 'NUM' &&
        (group.end - group.start === 1 || !capitalised(tokens[k + 2]) || isSpeechForm(tokens[k + 2] as Token));
      k++;
      continue;
    }
    if (word(tokens, k) === 'as' && word(tokens, k + 1) === 'well' && word(tokens, k + 2) === 'as') {
      k += 3;
      continue;
    }
    break;
  }
  if (limit !== null && k !== limit) return null;
  // "two police officers and a hospital official who spoke on condition of anonymity": the clause covers all
  if (groups.length > 1 && hasAnonymityPhrase(tokens, (groups[groups.length - 1] as SpeakerGroup).start, k)) {
    for (const g of groups) if (g.outlet === null && g.kind !== 'monitor') g.anonymous = true;
  }
  return { groups, start, end: k };
}

function capitalised(t: Token | undefined): boolean {
  return !!t && STARTS_UPPER.test(t.text);
}

/** True when tokens [start, end) ask for anonymity ("who spoke on condition of anonymity"). */
export function asksAnonymity(tokens: readonly Token[], start: number, end: number): boolean {
  return hasAnonymityPhrase(tokens, start, end);
}
