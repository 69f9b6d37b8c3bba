// Stage: who says so. For each telling in a sentence — "four militia sources … told AFP", "according to AFP,
// citing state media", "the group said in a statement" — the sources, the outlet chain, the verb and the status
// (reported · claimed · suspected · alleged · denied).
//
// Rules:
// - the outlet chain runs nearest teller first: "… told Reuters" → [Reuters]; "according to AFP, citing state
//   media" → [AFP, state media]; the publishing outlet of the document is not added here;
// - an outlet as the teller is not a source: "Reuters reported" has outlets [Reuters] and no source;
// - status: "claimed responsibility", "claimed the attack", "said it carried out" → claimed; "suspected of having
//   been carried out by", "believed to be behind", "blamed on", "suspected militants" → suspected; "allegedly",
//   "alleged", "accused … of" → alleged; "denied", "rejected claims", "dismissed reports" → denied; other verbs
//   of telling → reported. "X claimed that …" is claimed: whether X claims its own act or accuses another is for
//   the event stage, which knows the actor;
// - status words that stand alone ("alleged involvement", "suspected militants", "reportedly") give an attribution
//   with no source, spanning the words they qualify;
// - a telling with neither source nor outlet ("hard to tell", "were reported") is dropped.
// The sources of one phrase are read by ./speaker.ts; ./source-ref.ts says how sources add up across sentences.
import { own } from '../../core/lookup.ts';
import type { Sentence, Token } from '../model.ts';
import type { OutletLexicon } from './outlets.ts';
import { mergeSources, refersBack, type SourceRef } from './source-ref.ts';
import { asksAnonymity, readSpeaker, type Speaker, type SpeakerGroup } from './speaker.ts';
import {
  CLAIM_NOUNS,
  CLAIMED_OBJECTS,
  type ClaimStatusCue,
  DENIAL_VERBS,
  DENIED_THINGS,
  OWN_ACT_VERBS,
  SPEECH_FILLERS,
  SPEECH_FORM_OF,
  SPEECH_VERB_OF,
  SPEECH_VERBS,
} from './words.ts';

// Made once: a regular-expression literal inside a function is a new object each time it runs.
const ENDS_ED_ING = /(?:ed|ing)$/;

export { mergeSources, refersBack, type SourceRef };

export type AttributionStatus = ClaimStatusCue;

export interface Attribution {
  sentence: number;
  start: number;
  end: number;
  /** The words of the attribution: "four militia sources … told AFP". */
  text: string;
  /** Who says so, in reading order. */
  sources: SourceRef[];
  /** The outlet chain, nearest teller first: ["AFP", "state media"]. */
  outlets: string[];
  /** "said", "told", "reported", "according to", "claimed", "denied", "suspected", "allegedly" … */
  verb: string;
  status: AttributionStatus | null;
  /** Provenance: "claim:speaker-before", "claim:according-to", "claim:suspected-of" … */
  rule: string;
}

const BOUNDARIES = new Set([',', ';', ':', '(', ')', '"', '“', '”', '—', '–', "''", '``', '«', '»']);
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
// verbs that can be inverted after a quote or a clause: ", said a senior commander"
const INVERTIBLE = new Set([
  'say',
  'add',
  'write',
  'report',
  'explain',
  'note',
  'claim',
  'state',
  'warn',
  'tell',
  'insist',
  'tweet',
  'post',
  'announce',
  'confirm',
]);
// "in an interview with the BBC", "in comments to AFP", "speaking to Rudaw"
const CHANNEL_LEADS = new Set([
  'interview',
  'interviews',
  'comments',
  'remarks',
  'speaking',
  'talking',
  'statement',
  'statements',
  'conversation',
]);
const PASSIVE_CARRIERS = new Set([
  'carried',
  'published',
  'aired',
  'broadcast',
  'quoted',
  'cited',
  'reported',
  'released',
  'issued',
  'run',
]);
const MODALS = new Set(['would', 'will', 'could', 'may', 'might', 'should', 'must', 'to']);
const NEGATIONS = new Set(['not', "n't", 'never', 'no']);
const TIME_FILLERS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const SELF_PRONOUNS = new Set(['it', 'they', 'we']);
const SELF_POSSESSIVES = new Set(['its', 'their', 'our']);
// "the semi-official Tasnim news agency reported, citing …"
const CITING = new Set(['citing', 'quoting', 'cited', 'quoted']);

interface Ctx {
  sentence: Sentence;
  tokens: readonly Token[];
  outlets: OutletLexicon;
}

function word(tokens: readonly Token[], i: number): string {
  return tokens[i]?.normal ?? '';
}

function isBoundary(tokens: readonly Token[], i: number): boolean {
  return BOUNDARIES.has(word(tokens, i)) || BOUNDARIES.has(tokens[i]?.text ?? '');
}

function slice(ctx: Ctx, startToken: number, endToken: number): { start: number; end: number; text: string } {
  const first = ctx.tokens[startToken];
  const last = ctx.tokens[endToken - 1];
  if (!first || !last) return { start: ctx.sentence.start, end: ctx.sentence.start, text: '' };
  const offset = ctx.sentence.start;
  return { start: first.start, end: last.end, text: ctx.sentence.text.slice(first.start - offset, last.end - offset) };
}

function readAt(ctx: Ctx, start: number, limit: number | null): Speaker | null {
  return readSpeaker(ctx.tokens, start, limit, ctx.outlets, ctx.sentence.text, ctx.sentence.start);
}

// "took responsibility", "assumed responsibility", "accepted responsibility"
const TAKE_VERBS: ReadonlySet<string> = new Set(['take', 'assume', 'accept']);

/** The lemma of a verb of telling at `i`, or null ("reports of shelling" and "the reported attack" are not). */
function speechLemma(tokens: readonly Token[], i: number): string | null {
  const t = tokens[i];
  if (!t || t.pos === 'NOUN' || t.pos === 'PROPN') return null;
  // ", saying it had …", "adding that …": the teller is the subject of another verb, read there
  if (t.normal.endsWith('ing')) return null;
  const lemma = SPEECH_FORM_OF.get(t.normal) ?? (t.pos === 'VERB' ? t.lemma : '');
  if (SPEECH_VERB_OF.get(lemma) === undefined && !DENIAL_VERBS.has(lemma) && !TAKE_VERBS.has(lemma)) return null;
  // "the reported attack", "an alleged plot": an adjective before a noun
  const next = tokens[i + 1];
  if (['DET'].includes(tokens[i - 1]?.pos ?? '') && next && (next.pos === 'NOUN' || next.pos === 'PROPN')) return null;
  if (t.pos === 'ADJ' && next && (next.pos === 'NOUN' || next.pos === 'ADJ')) return null;
  return lemma;
}

interface Collected {
  sources: SourceRef[];
  outlets: string[];
  first: number;
  last: number;
}

function collect(
  ctx: Ctx,
  into: Collected,
  speaker: Speaker | null,
  forceAnonymous = false,
  sourcesOnly = false,
): void {
  if (!speaker) return;
  into.first = Math.min(into.first, speaker.start);
  into.last = Math.max(into.last, speaker.end);
  for (const g of speaker.groups) {
    for (const o of g.outletsInside) if (!into.outlets.includes(o)) into.outlets.push(o);
    if (g.outlet !== null) {
      if (!sourcesOnly && !into.outlets.includes(g.outlet)) into.outlets.push(g.outlet);
      continue;
    }
    into.sources.push(toSource(ctx, g, forceAnonymous));
  }
}

function toSource(ctx: Ctx, g: SpeakerGroup, forceAnonymous: boolean): SourceRef {
  const span = slice(ctx, g.start, g.end);
  const anonymous = g.anonymous || (forceAnonymous && g.kind !== 'monitor');
  const source: SourceRef = {
    text: span.text,
    anonymous,
    count: g.count,
    kind: g.kind,
    start: span.start,
    end: span.end,
  };
  if (g.refersBack) source.refersBack = true;
  return source;
}

/** The speaker before the verb at `v`, in the same stretch of words: "Four militia sources said". */
function speakerBefore(ctx: Ctx, stop: number): Speaker | null {
  const { tokens } = ctx;
  let end = stop;
  // "the Pakistani Taliban, or Tehreek-e-Taliban Pakistan (TTP)": leave out a short parenthesis
  if (word(tokens, end - 1) === ')') {
    for (let j = end - 2; j >= Math.max(0, end - 6); j--) if (word(tokens, j) === '(') end = j;
  }
  let segStart = end - 1;
  while (segStart > 0 && !isBoundary(tokens, segStart - 1)) segStart--;
  for (let p = segStart; p < end; p++) {
    const t = tokens[p];
    if (!t || t.pos === 'ADP' || t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'SCONJ' || t.pos === 'CCONJ')
      continue;
    const speaker = readAt(ctx, p, end);
    if (speaker) return speaker;
  }
  return null;
}

/** Index of the boundary token before `i` (or -1 at the sentence start). */
function previousBoundary(tokens: readonly Token[], i: number): number {
  let k = i - 1;
  while (k >= 0 && !isBoundary(tokens, k)) k--;
  return k;
}

/**
 * "Col. Sami al-Ali, a spokesman for the coalition, said", "a Western official in Ankara, who was briefed …,
 * told AFP", "two police officers and a hospital official, who spoke on condition of anonymity, said".
 */
function speakerBeforeComma(
  ctx: Ctx,
  comma: number,
): { speaker: Speaker; anonymous: boolean; citing: Speaker | null } | null {
  const { tokens } = ctx;
  const b1 = previousBoundary(tokens, comma);
  if (b1 < 0 || word(tokens, b1) !== ',') return null;
  const clauseStart = b1 + 1;
  const opener = word(tokens, clauseStart);
  // "The Syrian Observatory for Human Rights (SOHR), a war monitor, said": the name before a short parenthesis
  let headEnd = b1;
  if (word(tokens, b1 - 1) === ')') {
    for (let j = b1 - 2; j >= Math.max(0, b1 - 6); j--) if (word(tokens, j) === '(') headEnd = j;
  }
  const b2 = previousBoundary(tokens, headEnd);
  // a relative or participle clause: "who spoke on condition of anonymity", "speaking to AFP", "citing …"
  if (
    [
      'who',
      'whom',
      'whose',
      'which',
      'speaking',
      'citing',
      'quoting',
      'familiar',
      'briefed',
      'declining',
      'requesting',
      'asking',
      'acting',
      'one',
    ].includes(opener)
  ) {
    const speaker = speakerBefore(ctx, b1);
    if (!speaker) return null;
    // "a militia officer, acting as one of the four militia sources, said" / ", one of the officers, said"
    const aside =
      opener === 'acting'
        ? readAt(ctx, clauseStart + 2, comma)
        : opener === 'one'
          ? readAt(ctx, clauseStart, comma)
          : null;
    if (aside?.groups.some((g) => g.refersBack)) for (const g of speaker.groups) g.refersBack = true;
    const citing = opener === 'citing' || opener === 'quoting' ? readAt(ctx, clauseStart + 1, comma) : null;
    return { speaker, anonymous: asksAnonymity(tokens, clauseStart, comma), citing };
  }
  // an appositive: "Col. Sami al-Ali, a spokesman for the coalition," or "a spokesman for the coalition, Col. X,"
  const appositive = readAt(ctx, clauseStart, comma);
  const head = readAt(ctx, b2 + 1, headEnd);
  // "The Islamic Resistance in Iraq, an umbrella of Iran-aligned factions, claimed": any description in apposition
  if (
    appositive === null &&
    head !== null &&
    ['a', 'an', 'the'].includes(opener) &&
    isDescription(tokens, clauseStart, comma)
  ) {
    return { speaker: head, anonymous: false, citing: null };
  }
  if (appositive?.groups.length !== 1) return null;
  if (head?.groups.length !== 1) return { speaker: appositive, anonymous: false, citing: null };
  const a = head.groups[0] as SpeakerGroup;
  const b = appositive.groups[0] as SpeakerGroup;
  // one person named twice: the name wins over the role for anonymity, the role gives the kind
  const merged: SpeakerGroup = {
    start: a.start,
    end: b.end,
    outlet: a.outlet ?? b.outlet,
    count: 1,
    kind: a.kind ?? b.kind,
    anonymous: a.anonymous && b.anonymous,
    refersBack: a.refersBack || b.refersBack,
    outletsInside: [...a.outletsInside, ...b.outletsInside],
  };
  if (
    a.outlet === null &&
    b.outlet === null &&
    (a.kind === null || ['military', 'official', 'government'].includes(a.kind))
  )
    merged.kind = b.kind ?? a.kind;
  return { speaker: { groups: [merged], start: a.start, end: b.end }, anonymous: false, citing: null };
}

/** A noun phrase without a finite verb: "an umbrella of Iran-aligned factions". */
function isDescription(tokens: readonly Token[], start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const t = tokens[i] as Token;
    if (t.pos === 'AUX' || (t.pos === 'VERB' && !ENDS_ED_ING.test(t.normal))) return false;
  }
  return end > start + 1;
}

/** The end of the clause after `i`: the next ";" or sentence end, or a new "according to". */
function clauseEnd(tokens: readonly Token[], i: number): number {
  let k = i;
  while (
    k < tokens.length &&
    word(tokens, k) !== ';' &&
    !(word(tokens, k) === 'according' && word(tokens, k + 1) === 'to')
  )
    k++;
  return k;
}

/** Outlets and sources named after the verb: "told Reuters", "citing state media", "in an interview with the BBC". */
function readAfter(ctx: Ctx, from: number, lemma: string, into: Collected): void {
  const { tokens } = ctx;
  const end = clauseEnd(tokens, from);
  // "told Reuters", "told the Kurdish outlet Rudaw" (but "told reporters" is an audience)
  if (lemma === 'tell') {
    const audience = readAt(ctx, from, null);
    if (audience) {
      for (const g of audience.groups) {
        if (g.outlet !== null) {
          if (!into.outlets.includes(g.outlet)) into.outlets.push(g.outlet);
          into.last = Math.max(into.last, g.end);
        }
      }
    }
  }
  // "state media quoted a military spokesman as saying"
  if (lemma === 'quote') {
    const quoted = readAt(ctx, from, null);
    if (quoted && word(tokens, quoted.end) === 'as') collect(ctx, into, quoted, false, true);
  }
  for (let j = from; j < end && j < from + 25; j++) {
    const w = word(tokens, j);
    let target = -1;
    if (
      CITING.has(w) &&
      (w === 'citing' || w === 'quoting' || word(tokens, j - 1) === ',' || word(tokens, j - 1) === 'which')
    )
      target = j + 1;
    else if (CHANNEL_LEADS.has(w) && ['with', 'to'].includes(word(tokens, j + 1))) target = j + 2;
    else if ((w === 'through' || w === 'thru' || w === 'via') && readAt(ctx, j + 1, null)?.groups[0]?.outlet)
      target = j + 1;
    else if (PASSIVE_CARRIERS.has(w) && word(tokens, j + 1) === 'by') target = j + 2;
    else if (w === 'on' || w === 'to') {
      // "said on state television", "told to Al-Manar"
      const channel = readAt(ctx, j + 1, null);
      if (channel?.groups.length === 1 && channel.groups[0]?.outlet) target = j + 1;
    }
    if (target < 0) continue;
    const named = readAt(ctx, target, null);
    if (!named) continue;
    const channelOnly = !CITING.has(w);
    for (const g of named.groups) {
      for (const o of g.outletsInside) if (!into.outlets.includes(o)) into.outlets.push(o);
      if (g.outlet !== null) {
        if (!into.outlets.includes(g.outlet)) into.outlets.push(g.outlet);
      } else if (!channelOnly) into.sources.push(toSource(ctx, g, false));
      into.last = Math.max(into.last, g.end);
    }
    j = named.end - 1;
  }
  // "…, speaking on condition of anonymity": the clause covers every source of the telling
  if (asksAnonymity(tokens, from, end)) for (const s of into.sources) if (s.kind !== 'monitor') s.anonymous = true;
}

/** "In an interview with the BBC, the minister said …": a channel named before the speaker. */
function readChannelBefore(ctx: Ctx, into: Collected): void {
  const { tokens } = ctx;
  for (let j = 0; j < into.first; j++) {
    if (!(CHANNEL_LEADS.has(word(tokens, j)) && ['with', 'to'].includes(word(tokens, j + 1)))) continue;
    const named = readAt(ctx, j + 2, null);
    if (!named || named.end > into.first) continue;
    let added = false;
    for (const g of named.groups) {
      if (g.outlet !== null && !into.outlets.includes(g.outlet)) {
        into.outlets.push(g.outlet);
        added = true;
      }
    }
    if (added) into.first = Math.min(into.first, j);
  }
}

/** "said it was not involved", "said they had no role in": a denial of one's own part. */
function deniesOwnAct(tokens: readonly Token[], v: number): boolean {
  let j = v + 1;
  if (word(tokens, j) === 'that') j++;
  if (!SELF_PRONOUNS.has(word(tokens, j))) return false;
  const rest = tokens.slice(j + 1, j + 6).map((t) => t.normal);
  const negated = rest.includes('not') || rest.includes("n't") || rest.includes('no') || rest.includes('never');
  return negated && rest.some((w) => ['involved', 'responsible', 'behind', 'role', 'part', 'involvement'].includes(w));
}

/** "the group said in a statement that it had carried out the attack": a claim of one's own act. */
function claimsOwnAct(tokens: readonly Token[], v: number): boolean {
  for (let j = v + 1; j < Math.min(tokens.length, v + 14); j++) {
    const t = tokens[j] as Token;
    let from = j + 1;
    // "its fighters had fired", "their forces shot down"
    if (SELF_POSSESSIVES.has(t.normal)) {
      while (['NOUN', 'ADJ', 'PROPN'].includes(tokens[from]?.pos ?? '')) from++;
      if (from === j + 1) continue;
    } else if (!(SELF_PRONOUNS.has(t.normal) && t.pos === 'PRON')) continue;
    for (let k = from; k < Math.min(tokens.length, from + 4); k++) {
      const u = tokens[k] as Token;
      if (
        OWN_ACT_VERBS.has(u.lemma) ||
        u.normal === 'behind' ||
        (u.normal === 'responsible' && word(tokens, k + 1) === 'for')
      )
        return true;
      if (u.pos === 'PUNCT') break;
    }
    return false;
  }
  return false;
}

function objectWord(tokens: readonly Token[], i: number): string {
  let k = i;
  while (
    ['the', 'a', 'an', 'its', 'their', 'these', 'those', 'such', 'all', 'any'].includes(word(tokens, k)) ||
    tokens[k]?.pos === 'ADJ' ||
    tokens[k]?.pos === 'PROPN' ||
    tokens[k]?.normal === "'s" ||
    tokens[k]?.normal === '’s'
  )
    k++;
  return word(tokens, k);
}

/** The attribution of the verb of telling at `v`, or null. */
function tellingAt(ctx: Ctx, v: number, lemma: string): Attribution | null {
  const { tokens } = ctx;
  const verbToken = tokens[v] as Token;
  let status: AttributionStatus = own(SPEECH_VERBS, lemma) ?? 'reported';
  let rule = '';
  // "rejected claims", "dismissed the reports": denials; other objects are not tellings
  if (DENIAL_VERBS.has(lemma)) {
    if (!CLAIM_NOUNS.has(objectWord(tokens, v + 1))) return null;
    status = 'denied';
    rule = 'claim:rejected-claims';
  }
  // "took responsibility for", "assumed responsibility"
  if (['take', 'assume', 'accept'].includes(lemma)) {
    if (!['responsibility', 'credit'].includes(objectWord(tokens, v + 1))) return null;
    status = 'claimed';
    rule = 'claim:responsibility';
  }
  // "would deny entry to", "denied him a visa": denying a thing, not a claim
  if (lemma === 'deny' && (DENIED_THINGS.has(objectWord(tokens, v + 1)) || MODALS.has(word(tokens, v - 1))))
    return null;
  // "suspected of", "blamed on", "accused of": status words, read as markers
  if ((lemma === 'suspect' || lemma === 'accuse') && word(tokens, v + 1) === 'of') return null;
  if (lemma === 'blame' && word(tokens, v + 1) === 'on') return null;
  if (lemma === 'claim' && CLAIMED_OBJECTS.has(objectWord(tokens, v + 1))) rule = 'claim:responsibility';
  if (lemma === 'claim' && word(tokens, v + 1) === 'to') rule = 'claim:claimed-to-have';

  const into: Collected = { sources: [], outlets: [], first: v, last: v + 1 };
  let k = v - 1;
  for (;;) {
    if (
      k >= 0 &&
      (SPEECH_FILLERS.has(word(tokens, k)) || (tokens[k]?.pos === 'ADV' && word(tokens, k).endsWith('ly')))
    ) {
      // "spokeswoman Ayesha Qureshi on Wednesday accused"
      if (word(tokens, k - 1) === 'on' && TIME_FILLERS.has(word(tokens, k))) k--;
      k--;
    } else if (word(tokens, k) === ')' && word(tokens, k - 2) === '(') {
      // "the Islamic State Khorasan Province (ISKP) claimed": step over a short parenthesis
      k -= 3;
    } else break;
  }
  // "did not say", "has never denied": no telling
  if (tokens.slice(Math.max(0, k + 1), v).some((t) => NEGATIONS.has(t.normal))) return null;
  let after = v + 1;
  let how = '';
  if (k >= 0 && BE_FORMS.has(word(tokens, k))) {
    // passive: "was claimed by Islamic State", "were reported by AP"
    if (word(tokens, v + 1) === 'by') {
      const agent = readAt(ctx, v + 2, null);
      collect(ctx, into, agent);
      if (agent) after = agent.end;
    }
    how = 'passive';
  } else if (k >= 0 && !isBoundary(tokens, k)) {
    const speaker = speakerBefore(ctx, k + 1);
    // "No group has claimed responsibility"
    if (speaker && ['no', 'none', 'nobody'].includes(word(tokens, speaker.start - 1))) return null;
    collect(ctx, into, speaker);
    how = speaker ? 'speaker-before' : '';
  } else if (k >= 0 && word(tokens, k) === ',') {
    const found = speakerBeforeComma(ctx, k);
    if (found) {
      collect(ctx, into, found.speaker, found.anonymous);
      collect(ctx, into, found.citing);
      how = 'speaker-before';
    }
  }
  if (how === '' && INVERTIBLE.has(lemma) && (k < 0 || isBoundary(tokens, k))) {
    // ", said a militia officer briefed on the talks"
    const next = tokens[v + 1];
    // "said it had …", "said that …" open the content, not the teller ("said he" may be inverted)
    const content = !next || next.normal === 'that' || (next.pos === 'PRON' && !['he', 'she'].includes(next.normal));
    let speaker = content ? null : readAt(ctx, v + 1, null);
    // "said at least nine fighters were killed": a subject of the content, not an inverted teller
    const following = speaker ? tokens[speaker.end] : undefined;
    if (following && (following.pos === 'AUX' || following.pos === 'VERB')) speaker = null;
    if (speaker && !(speaker.groups.length === 1 && speaker.groups[0]?.count === 0)) {
      collect(ctx, into, speaker);
      after = speaker.end;
      how = 'speaker-after';
      // ", a spokesman for the coalition" after the name
      if (word(tokens, after) === ',') {
        const appositive = readAt(ctx, after + 1, null);
        const last = into.sources[into.sources.length - 1];
        if (appositive?.groups.length === 1 && last && appositive.groups[0]?.outlet === null) {
          const g = appositive.groups[0] as SpeakerGroup;
          const span = slice(ctx, g.start, g.end);
          if (!last.anonymous || g.anonymous) {
            last.text = ctx.sentence.text.slice(last.start - ctx.sentence.start, span.end - ctx.sentence.start);
            last.end = span.end;
            last.kind = g.kind ?? last.kind;
            into.last = Math.max(into.last, g.end);
            after = g.end;
          }
        }
      }
    }
  }
  readAfter(ctx, after, lemma, into);
  readChannelBefore(ctx, into);
  if (
    status === 'reported' &&
    ['say', 'announce', 'state', 'confirm', 'add'].includes(lemma) &&
    claimsOwnAct(tokens, v)
  ) {
    status = 'claimed';
    rule = 'claim:own-act';
  }
  if (status === 'reported' && ['say', 'state', 'insist'].includes(lemma) && deniesOwnAct(tokens, v)) {
    status = 'denied';
    rule = 'claim:own-denial';
  }
  if (into.sources.length === 0 && into.outlets.length === 0 && status === 'reported') return null;
  const span = slice(ctx, into.first, into.last);
  return {
    sentence: ctx.sentence.index,
    ...span,
    sources: into.sources,
    outlets: into.outlets,
    verb: verbToken.normal,
    status,
    rule: rule || `claim:${how || 'no-speaker'}`,
  };
}

/** "according to AFP, citing state media", "according to a report by the UN refugee agency". */
function accordingTo(ctx: Ctx, i: number): Attribution | null {
  const { tokens } = ctx;
  let target = i + 2;
  // "according to a report by …", "according to a statement from …", "according to figures from …"
  let k = target;
  while (
    ['a', 'an', 'the', 'its', 'their', 'new', 'latest', 'local', 'official', 'preliminary', 'initial'].includes(
      word(tokens, k),
    )
  )
    k++;
  if (
    [
      'report',
      'reports',
      'statement',
      'statements',
      'figures',
      'data',
      'tally',
      'count',
      'estimate',
      'estimates',
      'toll',
      'document',
      'documents',
      'video',
      'post',
      'footage',
      'survey',
      'study',
      'investigation',
    ].includes(word(tokens, k))
  ) {
    let j = k + 1;
    if (['published', 'released', 'issued', 'compiled'].includes(word(tokens, j))) j++;
    if (['by', 'from', 'in', 'on', 'of'].includes(word(tokens, j))) target = j + 1;
  }
  const into: Collected = { sources: [], outlets: [], first: i, last: i + 2 };
  const speaker = readAt(ctx, target, null);
  // "according to a Reuters report", "according to an AFP tally"
  if (!speaker) {
    const m = ctx.outlets.matchAt(tokens, target + (['a', 'an'].includes(word(tokens, target)) ? 1 : 0));
    if (m) {
      into.outlets.push(m.entry.name);
      into.last = m.end;
    }
  }
  collect(ctx, into, speaker);
  const after = speaker ? speaker.end : into.last;
  readAfter(ctx, after, 'according', into);
  if (into.sources.length === 0 && into.outlets.length === 0) return null;
  return {
    sentence: ctx.sentence.index,
    ...slice(ctx, into.first, into.last),
    sources: into.sources,
    outlets: into.outlets,
    verb: 'according to',
    status: 'reported',
    rule: 'claim:according-to',
  };
}

/** The end of the noun phrase starting at `i` ("Iran-aligned Syrian militias"), for a marker's span. */
function nounPhraseEnd(tokens: readonly Token[], i: number): number {
  let k = i;
  while (
    k < tokens.length &&
    (['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(tokens[k]?.pos ?? '') ||
      ['-', "'s", '’s', 'u.s.'].includes(word(tokens, k)) ||
      (word(tokens, k - 1) === '-' && k > i))
  )
    k++;
  return k;
}

/** Status words standing alone: "suspected of being staged by", "allegedly", "blamed on" … */
function markerAt(ctx: Ctx, i: number): Attribution | null {
  const { tokens } = ctx;
  const w = word(tokens, i);
  let status: AttributionStatus | null = null;
  let end = i + 1;
  let rule = '';
  if (w === 'suspected' && word(tokens, i + 1) === 'of') {
    // "suspected of being staged by these Iran-aligned Syrian militias"
    status = 'suspected';
    rule = 'claim:suspected-of';
    end = i + 2;
    for (let k = i + 2; k < Math.min(tokens.length, i + 9); k++) {
      if (word(tokens, k) === 'by') {
        end = Math.max(k + 1, nounPhraseEnd(tokens, k + 1));
        break;
      }
    }
  } else if (
    (w === 'suspected' || w === 'suspect') &&
    !['NOUN', 'PROPN', 'PRON'].includes(tokens[i - 1]?.pos ?? '') &&
    ['NOUN', 'PROPN', 'ADJ'].includes(tokens[i + 1]?.pos ?? '')
  ) {
    // "suspected militants attacked a checkpoint"
    status = 'suspected';
    rule = 'claim:suspected-actor';
    end = nounPhraseEnd(tokens, i + 1);
  } else if (
    ['believed', 'thought', 'presumed', 'understood', 'suspected'].includes(w) &&
    word(tokens, i + 1) === 'to'
  ) {
    // "believed to be behind the attack", "thought to have been responsible"
    for (let k = i + 2; k < Math.min(tokens.length, i + 6); k++) {
      if (word(tokens, k) === 'behind' || word(tokens, k) === 'responsible') {
        status = 'suspected';
        rule = 'claim:believed-behind';
        end = k + 1;
        break;
      }
    }
  } else if (w === 'blamed' && word(tokens, i + 1) === 'on') {
    // "an attack blamed on Islamic State"
    status = 'suspected';
    rule = 'claim:blamed-on';
    end = Math.max(i + 2, nounPhraseEnd(tokens, i + 2));
  } else if (w === 'accused' && word(tokens, i + 1) === 'of') {
    status = 'alleged';
    rule = 'claim:accused-of';
    end = i + 2;
  } else if (w === 'allegedly' || w === 'purportedly') {
    status = 'alleged';
    rule = 'claim:allegedly';
    end = nounPhraseEnd(tokens, i + 1) > i + 1 ? i + 1 : i + 2;
  } else if ((w === 'alleged' || w === 'purported') && ['NOUN', 'ADJ', 'PROPN'].includes(tokens[i + 1]?.pos ?? '')) {
    // "the minister's alleged involvement", "the alleged plot"
    status = 'alleged';
    rule = 'claim:alleged';
    end = nounPhraseEnd(tokens, i + 1);
  } else if (w === 'reportedly') {
    status = 'reported';
    rule = 'claim:reportedly';
  }
  if (!status) return null;
  return {
    sentence: ctx.sentence.index,
    ...slice(ctx, i, Math.min(end, tokens.length)),
    sources: [],
    outlets: [],
    verb: w,
    status,
    rule,
  };
}

/** The attributions of one sentence, in reading order. */
export function findAttributions(sentence: Sentence, outlets: OutletLexicon): Attribution[] {
  const ctx: Ctx = { sentence, tokens: sentence.tokens, outlets };
  const found: Attribution[] = [];
  for (let i = 0; i < ctx.tokens.length; i++) {
    if (word(ctx.tokens, i) === 'according' && word(ctx.tokens, i + 1) === 'to') {
      const a = accordingTo(ctx, i);
      if (a) found.push(a);
      continue;
    }
    const marker = markerAt(ctx, i);
    if (marker) {
      found.push(marker);
      continue;
    }
    const lemma = speechLemma(ctx.tokens, i);
    if (!lemma) continue;
    const a = tellingAt(ctx, i, lemma);
    if (a) found.push(a);
  }
  return found;
}
