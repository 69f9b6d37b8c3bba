// Stage: event triggers. Finds the words that say an event happened, and decides for each whether it is an event
// of its own or only what another event is about ("vowed to attack": a threat, not an assault).
import type { AcledHint } from '../../core/ontology/mappings.ts';
import type { Modality, PloverType } from '../../core/ontology/plover.ts';
import { CIRCUMSTANCE_WORDS, clauseEnd, clauseStart } from '../clauses.ts';
import type { Sentence, Token } from '../model.ts';
import type { TriggerEntry, TriggerLexicon } from './lexicon.ts';

export interface TriggerMention {
  sentence: number;
  /** Token range [first, last) of the trigger words. */
  first: number;
  last: number;
  /** The token that carries the type: the noun or verb the phrase is built on. */
  head: number;
  start: number;
  end: number;
  text: string;
  type: PloverType;
  mode: string | null;
  hint: AcledHint | null;
  context: readonly string[];
  pos: 'VERB' | 'NOUN';
  entry: string;
  governs: boolean;
  /** The speaker of the sentence is the actor, the trigger's subject the recipient ("X must return …"). */
  speaker: boolean;
  /** The subject is on the receiving end: "a convoy struck a landmine". */
  reverse: boolean;
  /** Index (in this sentence's list) of the trigger this one is the content of, or null. */
  governedBy: number | null;
  /** A word such as "failed to" or "how to" governs it: it is not an event. */
  suppressed: boolean;
  modality: Modality;
  cues: ModalCues;
  passive: boolean;
  /** Other words of the same event in the sentence: "opened fire … killing", "were killed in the airstrikes". */
  also: TriggerMention[];
}

const BE = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', 'get', 'got', 'gotten']);

/** Tokens that may sit between an auxiliary and its verb: "was reportedly attacked". */
const ADVERB_POS = new Set(['ADV', 'PART']);

export function findTriggers(sentence: Sentence, lexicon: TriggerLexicon): TriggerMention[] {
  const tokens = sentence.tokens;
  const found: TriggerMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const match = matchAt(tokens, i, lexicon);
    if (!match) continue;
    const { entry, length, head } = match;
    const last = i + length;
    const headToken = tokens[head] as Token;
    const verbal = isVerbal(headToken) || unknownPastTense(tokens, head);
    const first = tokens[i] as Token;
    const end = (tokens[last - 1] as Token).end;
    found.push({
      sentence: sentence.index,
      first: i,
      last,
      head,
      start: first.start,
      end,
      text: sentence.text.slice(first.start - sentence.start, end - sentence.start),
      type: entry.type,
      mode: entry.mode,
      hint: entry.hint,
      context: entry.context,
      pos: verbal ? 'VERB' : 'NOUN',
      entry: entry.id,
      governs: entry.governs,
      speaker: entry.speaker,
      reverse: entry.reverse,
      governedBy: null,
      suppressed: false,
      modality: 'asserted',
      cues: { negated: false, future: false, hypothetical: false },
      passive: verbal && isPassive(tokens, i, last),
      also: [],
    });
    i = last - 1;
  }
  dropDescriptions(tokens, found);
  applyGovernance(tokens, found, lexicon);
  for (const trigger of found) {
    trigger.cues = cuesOf(tokens, trigger, lexicon);
    trigger.modality = modalityOf(trigger.cues);
  }
  return collapseRepeats(tokens, found);
}

/**
 * Words that describe a party rather than tell an event: "protesters demanding cheaper electricity threw stones"
 * (a reduced relative), "the army, supported by Wagner fighters, regained the town" (an aside).
 */
function dropDescriptions(tokens: readonly Token[], triggers: TriggerMention[]): void {
  for (const t of triggers) {
    if (t.pos !== 'VERB') continue;
    const before = tokens[t.first - 1];
    const after = tokens[t.last];
    // "an attack targeting a mosque" describes the attack itself: its words stay, to be read as one event.
    const afterEvent = triggers.some((o) => o.last === t.first);
    const relative =
      !afterEvent &&
      /ing$/.test(t.text) &&
      (before?.pos === 'NOUN' || before?.pos === 'PROPN') &&
      hasLaterVerb(tokens, t.last);
    const aside = before?.text === ',' && /ed$/.test(t.text) && after?.normal === 'by';
    // "a man accused of theft", "fighters backed by Iran"
    const attribute =
      /ed$/.test(t.text) &&
      (before?.pos === 'NOUN' || before?.pos === 'PROPN') &&
      (after?.normal === 'of' || after?.normal === 'by');
    if (relative || aside || attribute) {
      t.suppressed = true;
      t.governs = false;
    }
  }
}

function hasLaterVerb(tokens: readonly Token[], from: number): boolean {
  return tokens.slice(from).some((u) => u.pos === 'VERB' && !/ing$/.test(u.normal));
}

/** Words that put two events of one type apart: "airstrikes that followed rocket attacks". */
const SEPARATING = new Set([
  'follow',
  'followed',
  'precede',
  'preceded',
  'after',
  'before',
  'retaliation',
  'response',
  'respond',
  'responded',
  'revenge',
  'reprisal',
  'then',
  'later',
  'earlier',
  'while',
  'whereas',
  'also',
  ';',
]);

function live(t: TriggerMention): boolean {
  return t.governedBy === null && !t.suppressed;
}

// "gunmen opened fire on a checkpoint, killing two soldiers" and "a roadside bomb exploded": one event, several
// words for it. The more specific word gives the mode; the first one keeps its place.
function collapseRepeats(tokens: readonly Token[], triggers: TriggerMention[]): TriggerMention[] {
  const kept: TriggerMention[] = [];
  const remap = new Map<number, number>();
  triggers.forEach((trigger, index) => {
    // ", killing two": a participle after a comma tells more of the main clause's event, past any word between
    // that names another kind ("opened fire on students protesting against quotas, killing two").
    const previous =
      (isTrailingParticiple(tokens, trigger) ? kept.findLast((k) => live(k) && k.type === trigger.type) : undefined) ??
      kept.findLast(live);
    if (
      previous &&
      (previous.type === trigger.type || (isPropertyHarm(previous) && isPropertyHarm(trigger))) &&
      live(previous) &&
      live(trigger) &&
      previous.modality === trigger.modality &&
      !separated(tokens, previous.last, trigger.first)
    ) {
      previous.mode ??= trigger.mode;
      previous.hint ??= trigger.hint;
      previous.also.push(trigger);
      remap.set(index, kept.indexOf(previous));
      return;
    }
    remap.set(index, kept.length);
    kept.push(trigger);
  });
  for (const trigger of kept)
    if (trigger.governedBy !== null) trigger.governedBy = remap.get(trigger.governedBy) ?? null;
  return kept;
}

function isTrailingParticiple(tokens: readonly Token[], trigger: TriggerMention): boolean {
  return trigger.pos === 'VERB' && /ing$/.test(trigger.text) && tokens[trigger.first - 1]?.text === ',';
}

// "looted shops and burned several houses": one raid on property, in two words of two types.
function isPropertyHarm(t: TriggerMention): boolean {
  return (t.type === 'ASSAULT' && t.mode === 'destroy') || (t.type === 'COERCE' && t.hint === 'looting');
}

// "the talks …, told AFP that the envoy met …": a verb of telling or a "that" between two words starts another
// statement; "a roadside bomb struck a truck, killing four" is one event told in several words.
function separated(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    if (SEPARATING.has(t.normal) || SEPARATING.has(t.lemma)) return true;
    if (t.pos === 'VERB' && TELLING.has(t.lemma)) return true;
    if (t.normal === 'that' && t.pos === 'SCONJ') return true;
  }
  return to - from > 25;
}

const TELLING = new Set([
  'say',
  'tell',
  'report',
  'add',
  'state',
  'announce',
  'claim',
  'confirm',
  'deny',
  'accuse',
  'blame',
  'insist',
  'warn',
]);

function isVerbal(token: Token): boolean {
  return token.pos === 'VERB' || token.pos === 'AUX';
}

/** What may follow a verb as its object: "abducted six men", "abducted the driver", "abducted their son". */
const OBJECT_START = new Set(['DET', 'NUM', 'PRON', 'ADJ', 'NOUN', 'PROPN']);
/** What may come right before a verb: its subject ("gunmen abducted") or a form of "be" ("were abducted"). */
const SUBJECT_END = new Set(['NOUN', 'PROPN', 'PRON']);

/**
 * A past tense the tagger did not know and took for a noun: wink's model tags "abducted" in "gunmen abducted six
 * men" as a noun (its lemma is the word itself). Read as a verb when it ends in "-ed" and stands between a subject
 * (or "was", "were") and what can be an object.
 */
function unknownPastTense(tokens: readonly Token[], at: number): boolean {
  const t = tokens[at] as Token;
  if (t.pos !== 'NOUN' || t.lemma !== t.normal || !/[a-z]ed$/.test(t.normal)) return false;
  const before = tokens[at - 1];
  const after = tokens[at + 1];
  if (!before || !after) return false;
  const subject = SUBJECT_END.has(before.pos) || BE.has(before.normal);
  return subject && (OBJECT_START.has(after.pos) || (BE.has(before.normal) && after.pos === 'ADP'));
}

function matchAt(
  tokens: readonly Token[],
  i: number,
  lexicon: TriggerLexicon,
): { entry: TriggerEntry; length: number; head: number } | null {
  const token = tokens[i];
  if (!token) return null;
  if (lexicon.notTriggers.has(token.normal)) return null;
  const candidates = lexicon.byFirst.get(token.normal) ?? lexicon.byFirst.get(token.lemma);
  if (!candidates) return null;
  for (const entry of candidates) {
    // One-word entries, most of the lexicon, need no phrase matching.
    if (entry.words.length === 1) {
      if (fits(token, entry.words[0] as ReadonlySet<string>) && posFits(token, entry, i === 0))
        return { entry, length: 1, head: i };
      continue;
    }
    const matched = matchPhrase(tokens, i, entry);
    if (!matched) continue;
    // A verb phrase ("open fire", "call on") is headed by its first word; a noun phrase ("drone strike") by its last.
    const head = matched.length > 1 && !isVerbal(token) ? (matched.at(-1) as number) : i;
    if (!posFits(tokens[head] as Token, entry, head === 0)) continue;
    if (head !== i && NOUN_MODIFIER.has(token.pos) && !nounHead(tokens[head] as Token, entry)) continue;
    return { entry, length: (matched.at(-1) as number) + 1 - i, head };
  }
  return null;
}

/** A phrase opened by one of these is a compound noun ("drone strike"); "sexually abused" is a verb's phrase. */
const NOUN_MODIFIER = new Set(['NOUN', 'PROPN', 'ADJ']);

/**
 * The head of a noun phrase read as a noun. "A U.S. drone struck a car" holds "drone" and a form of "strike", but
 * as a subject and its verb, not the compound "drone strike": a head tagged as a verb must be written as the noun
 * is (singular or plural — "drone strikes killed" is sometimes tagged so), not as a past tense or a participle.
 */
function nounHead(token: Token, entry: TriggerEntry): boolean {
  return token.pos !== 'VERB' || entry.nounForms.has(token.normal);
}

/** Words that may stand inside a phrase with a gap: "expelled two Russian diplomats", "upgraded their ties". */
const GAP_POS = new Set(['DET', 'ADJ', 'NUM', 'PROPN', 'PRON', 'ADV']);

/** The token indices the phrase's words take, or null. */
function matchPhrase(tokens: readonly Token[], i: number, entry: TriggerEntry): number[] | null {
  const matched: number[] = [];
  let at = i;
  for (const [k, forms] of entry.words.entries()) {
    let skipped = 0;
    const head = k === entry.words.length - 1;
    while (k > 0 && !fits(tokens[at], forms) && skipped < entry.gap && inGap(tokens, at, forms, head)) {
      at++;
      skipped++;
    }
    if (!fits(tokens[at], forms)) return null;
    matched.push(at);
    at++;
  }
  return matched;
}

/**
 * A word a gap may hold: a modifier, or a noun right before the phrase's last word, its head ("seized an army
 * outpost"); "set his body on fire" is no compound.
 */
function inGap(tokens: readonly Token[], at: number, forms: ReadonlySet<string>, head: boolean): boolean {
  const pos = tokens[at]?.pos ?? '';
  return GAP_POS.has(pos) || (head && pos === 'NOUN' && fits(tokens[at + 1], forms));
}

function fits(token: Token | undefined, forms: ReadonlySet<string>): boolean {
  return token !== undefined && (forms.has(token.normal) || forms.has(token.lemma));
}

// "March" the month and "Strike" in a name are proper nouns; "IEDs" is an acronym and still counts.
function posFits(token: Token, entry: TriggerEntry, sentenceInitial: boolean): boolean {
  if (token.pos === 'PROPN' && !/^[A-Z]{2,}s?$/.test(token.text) && !sentenceInitial) return false;
  if (entry.pos === null) return ['NOUN', 'VERB', 'PROPN', 'ADJ', 'AUX', 'ADV'].includes(token.pos);
  if (entry.pos === 'VERB') return isVerbal(token);
  return token.pos === 'NOUN' || token.pos === 'PROPN' || (token.pos === 'VERB' && /ing$/.test(token.normal));
}

function isPassive(tokens: readonly Token[], first: number, last: number): boolean {
  // "are demanding" is progressive, not passive.
  if (/ing$/.test(tokens[first]?.normal ?? '')) return false;
  for (let j = first - 1; j >= Math.max(0, first - 3); j--) {
    const t = tokens[j] as Token;
    if (BE.has(t.normal)) return true;
    if (!ADVERB_POS.has(t.pos)) break;
  }
  // A reduced relative: "a camp attacked by militiamen".
  const next = tokens[last];
  return next?.normal === 'by' && /ed$|en$/.test(tokens[last - 1]?.normal ?? '');
}

const PROMISES = new Set(['THREATEN:vow', 'THREATEN:pledge']);
const PROMISED_HELP = new Set<PloverType>(['SUPPORT', 'AID', 'COOPERATE', 'AGREE', 'RETREAT', 'CONCEDE']);

// "threatened to shell Turkish outposts": the shelling is what was threatened, not an event of its own.
// "urged the factions to widen their raids … during a meeting": the meeting is the circumstance, still an event.
function applyGovernance(tokens: readonly Token[], triggers: TriggerMention[], lexicon: TriggerLexicon): void {
  for (let g = 0; g < triggers.length; g++) {
    const governor = triggers[g] as TriggerMention;
    if (!governor.governs) continue;
    const end = clauseEnd(tokens, governor.last - 1);
    let first = true;
    for (let k = g + 1; k < triggers.length; k++) {
      const other = triggers[k] as TriggerMention;
      if (other.first >= end) break;
      if (isCircumstance(tokens, other)) continue;
      other.governedBy = g;
      // "pledged support for efforts to end the war": a promise of help is an agreement (PLOVER AGREE), whatever
      // violence the words after it name; "vowed to attack" stays a threat.
      if (first && PROMISES.has(governor.entry) && PROMISED_HELP.has(other.type)) {
        governor.type = 'AGREE';
        governor.mode = null;
      }
      first = false;
      if (governor.type !== 'AGREE') governor.mode ??= modeFromContent(governor.type, other);
    }
  }
  // "failed to yield", "how to keep the raids small": governed by a word that is not an event at all.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!lexicon.suppressors.has(t.normal) && !lexicon.suppressors.has(t.lemma)) continue;
    if (t.pos === 'PROPN') continue;
    const end = clauseEnd(tokens, i);
    for (const trigger of triggers) {
      if (trigger.first > i && trigger.first < end && !isCircumstance(tokens, trigger)) trigger.suppressed = true;
    }
  }
  // "vowed to avenge the two men", "warned it would respond": a threat of force with no event word of its own.
  for (const trigger of triggers) {
    if (trigger.type !== 'THREATEN' || trigger.mode !== null) continue;
    const end = clauseEnd(tokens, trigger.last - 1);
    if (tokens.slice(trigger.last, end).some((t) => VIOLENT_WORDS.has(t.lemma) || VIOLENT_WORDS.has(t.normal)))
      trigger.mode = 'violence';
  }
  // "opened the bridge to allow the delivery of grain", "sent material to help defend the kingdom": an event named as
  // the purpose of another is not one that happened.
  for (const trigger of triggers) {
    if (trigger.governedBy === null && isPurpose(tokens, trigger.first, lexicon)) trigger.suppressed = true;
  }
}

function isPurpose(tokens: readonly Token[], at: number, lexicon: TriggerLexicon): boolean {
  let i = at - 1;
  // "to help defend": a helping verb between "to" and the event.
  if (tokens[i] && lexicon.passThrough.has(tokens[i]?.normal ?? '') && tokens[i - 1]?.normal === 'to') i--;
  const to = tokens[i];
  if (to?.normal !== 'to' || to.pos !== 'PART') return false;
  const before = tokens[i - 1];
  if (!before) return false;
  // "decided to allow", "is willing to send", "will continue to send": intention or continuation, read as modality.
  const cue = [before.normal, before.lemma];
  if (cue.some((w) => lexicon.passThrough.has(w) || lexicon.future.some((f) => f.length === 1 && f[0] === w)))
    return false;
  return before.pos !== 'VERB' && before.pos !== 'AUX' && before.pos !== 'ADJ';
}

const VIOLENT_WORDS = new Set([
  'retaliate',
  'retaliation',
  'avenge',
  'revenge',
  'respond',
  'response',
  'war',
  'attack',
  'strike',
  'target',
  'kill',
  'destroy',
  'fight',
  'punish',
  'crush',
  'eliminate',
  'hit',
]);

/** What was threatened or asked decides the mode: "threatened to cut ties" is THREATEN/relations. */
export function modeFromContent(type: PloverType, content: Pick<TriggerMention, 'type' | 'mode'>): string | null {
  if (type === 'THREATEN') {
    if (content.type === 'ASSAULT' || content.type === 'MOBILIZE') return 'violence';
    if (content.type === 'SANCTION') return content.mode === 'expel' ? 'expel' : 'relations';
    if (content.type === 'COERCE') return content.mode === 'arrest' ? 'arrest' : 'restrict';
  }
  if (type === 'REQUEST' || type === 'REJECT') {
    if (content.type === 'CONSULT') return 'meet';
    if (content.type === 'AID' || content.type === 'COOPERATE') return 'assist';
    if (content.type === 'RETREAT' || content.type === 'CONCEDE') return 'yield';
  }
  return null;
}

/** "during a meeting", "after the airstrikes": a trigger introduced as the time or setting of another. */
function isCircumstance(tokens: readonly Token[], trigger: TriggerMention): boolean {
  for (let j = trigger.first - 1; j >= Math.max(0, trigger.first - 5); j--) {
    const t = tokens[j] as Token;
    if (CIRCUMSTANCE_WORDS.has(t.normal) && t.pos === 'ADP') return t.normal !== 'in' || trigger.pos === 'NOUN';
    if (t.pos === 'VERB' || t.text === ',') return false;
  }
  return false;
}

export interface ModalCues {
  negated: boolean;
  future: boolean;
  hypothetical: boolean;
}

/**
 * PLOVER's auxiliary modes from the words before the trigger in its clause: "did not attack", "could strike",
 * "will keep sending fuel", "is ready to impose a curfew". A verb in between ends the search unless it
 * passes the cue on ("continue to") or is itself a word of intention ("plans to").
 */
function cuesOf(tokens: readonly Token[], trigger: TriggerMention, lexicon: TriggerLexicon): ModalCues {
  const start = Math.max(clauseStart(tokens, trigger.first), trigger.first - 8);
  const words: string[] = [];
  for (let j = trigger.first - 1; j >= start; j--) {
    const t = tokens[j] as Token;
    if (t.text === ',') break;
    if (t.pos === 'VERB' && j < trigger.first - 1) {
      const governsInfinitive = tokens[j + 1]?.normal === 'to';
      if (governsInfinitive && (lexicon.passThrough.has(t.normal) || lexicon.passThrough.has(t.lemma))) continue;
      if (governsInfinitive) words.unshift(t.lemma);
      break;
    }
    words.unshift(t.normal === t.lemma || t.pos === 'AUX' ? t.normal : t.lemma);
  }
  return {
    // "no attacks were reported": a negating determiner right before a noun; a verb's own negation before it.
    negated: trigger.pos === 'NOUN' ? words.at(-1) === 'no' : hasCue(words, lexicon.negated),
    future: hasCue(words, lexicon.future),
    hypothetical: hasCue(words, lexicon.hypothetical),
  };
}

function modalityOf(cues: ModalCues): Modality {
  if (cues.negated) return 'negated';
  if (cues.hypothetical) return 'hypothetical';
  if (cues.future) return 'future';
  return 'asserted';
}

/** Each lexicon cue list indexed by first word, built once per list: a trigger asks three lists about its words. */
const CUES_BY_FIRST = new WeakMap<readonly string[][], ReadonlyMap<string, readonly string[][]>>();

function byFirstWord(cues: readonly string[][]): ReadonlyMap<string, readonly string[][]> {
  let index = CUES_BY_FIRST.get(cues);
  if (!index) {
    const built = new Map<string, string[][]>();
    for (const cue of cues) {
      // (The lexicon splits each cue on spaces: none is without a first word.)
      const first = cue[0];
      if (first === undefined) continue;
      const list = built.get(first) ?? [];
      list.push(cue);
      built.set(first, list);
    }
    index = built;
    CUES_BY_FIRST.set(cues, index);
  }
  return index;
}

function hasCue(words: readonly string[], cues: readonly string[][]): boolean {
  const index = byFirstWord(cues);
  for (let i = 0; i < words.length; i++) {
    const starting = index.get(words[i] as string);
    if (starting?.some((cue) => cue.every((w, k) => words[i + k] === w))) return true;
  }
  return false;
}
