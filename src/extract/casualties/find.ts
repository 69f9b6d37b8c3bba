// Stage: casualty counts in a sentence — killed, injured, missing, abducted, arrested — as ranges, with victims.
//
// Counting rules (see also ../quantity.ts for how the words become ranges):
// - a subset introduced by "including", "among them", "of whom" repeats victims already counted and is not
//   added: "injuries to five people, including three Italian soldiers" is injured 5, not 8;
// - "killing and injuring an unknown number of people": both kinds get the shared count (1–∞);
// - "no casualties were reported", "neither fatalities nor injuries", "nobody was hurt": the kinds named are
//   0–0; "there were no immediate reports of casualties" (not yet known) is 0–∞;
// - "casualties" alone (killed and wounded together) is not split into kinds, so "12 casualties" is not read, and
//   neither is "30 were killed or wounded" / "killing or wounding 50";
// - a suicide attacker's own death ("blew himself up", "killed himself") is not counted: the victims are the
//   people the attack killed (as in "killed 17 worshippers as well as themselves" → killed 17);
// - a plural without a count ("killed civilians") is not read: the report gives no figure;
// - a single person — "a civilian was killed", "Nasrallah was killed", "killed the deputy chief" — is 1;
// - a modal verb group ("could be killed", "would be arrested") is not a casualty.

import { own } from '../../core/lookup.ts';
import { DAY_DEICTICS, WEEKDAY_NAMES } from '../calendar-words.ts';
import type { Sentence, Token } from '../model.ts';
import { readQuantity } from '../quantity.ts';
import { quantityEndingAt, type Victims, victimsAfter, victimsBefore } from './victims.ts';
import {
  BE_FORMS,
  CASUALTY_NOUNS,
  type CasualtyKind,
  HARM_FORMS,
  HARM_VERBS,
  HAVE_FORMS,
  INNER_ADVERBS,
  NEEDS_PERSON_OBJECT,
  REFLEXIVES,
  STATE_WORDS,
  TOLL_VERBS,
} from './words.ts';

export type { CasualtyKind } from './words.ts';

// Made once: a regular-expression literal inside a function is a new object each time it runs.
const ENDS_ED = /ed$/;

export interface CasualtyMention {
  sentence: number;
  start: number;
  end: number;
  /** The words the count is read from: "killing at least four fighters". */
  text: string;
  kind: CasualtyKind;
  min: number;
  max: number | null;
  /** The victims as written ("fighters", "U.S. personnel"), null for a bare count ("wounded five"). */
  victims: string | null;
  /** Provenance: "casualty:killed-active", "casualty:none-reported" … */
  rule: string;
}

// "no reports of casualties" is none reported; "no word on casualties" and "no immediate reports" are not known yet
const REPORT_LEADS = new Set([
  'immediate',
  'immediately',
  'initial',
  'reports',
  'report',
  'word',
  'information',
  'news',
  'details',
  'of',
  'on',
  'about',
  'confirmed',
  'any',
]);
const NOT_YET_KNOWN = new Set(['immediate', 'immediately', 'initial', 'word', 'information', 'news', 'details']);
const KIND_ORDER: readonly CasualtyKind[] = ['killed', 'injured', 'missing', 'abducted', 'arrested'];
// "three killed Sunday": a time word after a participle is not its object
const DAY_WORDS = new Set([...WEEKDAY_NAMES, ...DAY_DEICTICS, 'overnight', 'last', 'earlier', 'this']);
const MODALS = new Set(['will', 'would', 'could', 'may', 'might', 'should', 'must', 'can', 'cannot', 'to']);
const NEGATIONS = new Set(['not', "n't", 'never', 'no']);
// verbs that may stand between "were" and a state word: "were found dead", "were reported missing"
const STATE_LEADS = new Set([
  'found',
  'shot',
  'stabbed',
  'beaten',
  'burned',
  'burnt',
  'left',
  'listed',
  'declared',
  'pronounced',
  'reported',
  'feared',
  'presumed',
  'believed',
  'confirmed',
  'still',
  'now',
  'later',
  'also',
]);
// "were shot and killed", "were beaten and arrested": a first verb joined to the harm participle
const CO_VERBS = new Set([
  'shot',
  'stabbed',
  'beaten',
  'tortured',
  'attacked',
  'ambushed',
  'hit',
  'struck',
  'targeted',
  'rounded',
  'surrounded',
  'tied',
  'raped',
  'robbed',
]);
// "the number of dead rose to 45"
const TOLL_NOUNS: Readonly<Record<string, CasualtyKind>> = {
  dead: 'killed',
  deaths: 'killed',
  fatalities: 'killed',
  killed: 'killed',
  victims: 'killed',
  injured: 'injured',
  wounded: 'injured',
  injuries: 'injured',
  missing: 'missing',
  detainees: 'arrested',
  arrests: 'arrested',
  arrested: 'arrested',
};
// "leaving 12 dead", "left three people wounded"
const LEAVE_FORMS = new Set(['left', 'leaving', 'leaves', 'leave']);

interface Context {
  sentence: Sentence;
  tokens: readonly Token[];
  used: boolean[];
  mentions: CasualtyMention[];
}

function word(tokens: readonly Token[], i: number): string {
  return tokens[i]?.normal ?? '';
}

function isFree(ctx: Context, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (ctx.used[k]) return false;
  return true;
}

function emit(
  ctx: Context,
  start: number,
  end: number,
  kind: CasualtyKind,
  min: number,
  max: number | null,
  victims: string | null,
  rule: string,
): void {
  const first = ctx.tokens[start];
  const last = ctx.tokens[end - 1];
  if (!first || !last) return;
  const offset = ctx.sentence.start;
  ctx.mentions.push({
    sentence: ctx.sentence.index,
    start: first.start,
    end: last.end,
    text: ctx.sentence.text.slice(first.start - offset, last.end - offset),
    kind,
    min,
    max,
    victims,
    rule,
  });
}

function markUsed(ctx: Context, start: number, end: number): void {
  for (let k = start; k < end; k++) ctx.used[k] = true;
}

/** A word list as a Map: it looks up the words of running text faster, and never finds inherited names. */
function asLookup<T>(record: Readonly<Record<string, T>>): ReadonlyMap<string, T> {
  return new Map<string, T>(Object.entries(record));
}

const HARM_FORM_OF = asLookup(HARM_FORMS);
const HARM_VERB_OF = asLookup(HARM_VERBS);
const STATE_WORD_OF = asLookup(STATE_WORDS);

function harmKind(t: Token | undefined): CasualtyKind | undefined {
  if (!t) return undefined;
  return HARM_FORM_OF.get(t.normal) ?? (t.pos === 'VERB' ? HARM_VERB_OF.get(t.lemma) : undefined);
}

function isParticiple(t: Token | undefined): boolean {
  return !!t && (ENDS_ED.test(t.normal) || ['slain', 'hurt', 'seized', 'taken'].includes(t.normal));
}

// --- negation -------------------------------------------------------------------------------------------------

/** Casualty nouns coordinated from `i`: "fatalities nor injuries", "casualties or damage". */
function casualtyNounsFrom(tokens: readonly Token[], i: number): { kinds: Set<CasualtyKind>; end: number } | null {
  const kinds = new Set<CasualtyKind>();
  let j = i;
  let end = -1;
  for (let guard = 0; guard < 8 && j < tokens.length; guard++) {
    const w = word(tokens, j);
    // "loss of life"
    if (
      w === 'loss' &&
      word(tokens, j + 1) === 'of' &&
      (word(tokens, j + 2) === 'life' || word(tokens, j + 2) === 'lives')
    ) {
      kinds.add('killed');
      j += 3;
      end = j;
    } else if (own(CASUALTY_NOUNS, w)) {
      for (const k of own(CASUALTY_NOUNS, w) ?? []) kinds.add(k);
      j++;
      end = j;
    } else if (['or', 'nor', 'and', ','].includes(w) && kinds.size > 0) {
      j++;
    } else if (
      ['serious', 'major', 'civilian', 'human', 'other', 'further', 'any', 'reported', 'confirmed'].includes(w)
    ) {
      j++;
    } else break;
  }
  return kinds.size > 0 ? { kinds, end } : null;
}

// "no casualties were reported", "neither fatalities nor injuries", "there were no injuries", "nobody was hurt",
// "no immediate reports of casualties" (not yet known: 0–∞)
function findNone(ctx: Context): void {
  const { tokens } = ctx;
  for (let i = 0; i < tokens.length; i++) {
    const w = word(tokens, i);
    // "no one was killed", "nobody was hurt", "none of the passengers were injured"
    const noOne =
      w === 'no' && word(tokens, i + 1) === 'one'
        ? i + 2
        : w === 'nobody' || w === 'none' || w === 'noone'
          ? i + 1
          : -1;
    if (noOne >= 0) {
      let j = noOne;
      if (word(tokens, j) === 'of') while (j < tokens.length && j < noOne + 6 && !BE_FORMS.has(word(tokens, j))) j++;
      while (BE_FORMS.has(word(tokens, j)) || HAVE_FORMS.has(word(tokens, j)) || INNER_ADVERBS.has(word(tokens, j)))
        j++;
      const kinds: CasualtyKind[] = [];
      let end = j;
      for (;;) {
        const kind = STATE_WORD_OF.get(word(tokens, end)) ?? harmKind(tokens[end]);
        if (!kind) break;
        kinds.push(kind);
        end++;
        if (
          ['or', 'and', 'nor'].includes(word(tokens, end)) &&
          (STATE_WORD_OF.get(word(tokens, end + 1)) ?? harmKind(tokens[end + 1]))
        )
          end++;
        else break;
      }
      if (kinds.length > 0 && isFree(ctx, i, end)) {
        for (const kind of kinds) emit(ctx, i, end, kind, 0, 0, null, 'casualty:none-reported');
        markUsed(ctx, i, end);
        i = end - 1;
      }
      continue;
    }
    // "not immediately clear whether there were any casualties"
    if ((w === 'not' || w === 'unclear') && (word(tokens, i + 1) === 'immediately' || w === 'unclear')) {
      for (let j = i + 1; j < Math.min(tokens.length, i + 10); j++) {
        const nouns = casualtyNounsFrom(tokens, j);
        if (!nouns) continue;
        if (isFree(ctx, i, nouns.end)) {
          for (const kind of nouns.kinds) emit(ctx, i, nouns.end, kind, 0, null, null, 'casualty:unknown');
          markUsed(ctx, i, nouns.end);
        }
        break;
      }
      continue;
    }
    const negated =
      w === 'no' ||
      w === 'neither' ||
      w === 'without' ||
      (w === 'any' && [1, 2, 3].some((d) => NEGATIONS.has(word(tokens, i - d))));
    if (!negated) continue;
    let j = i + 1;
    let unknown = false;
    // "no immediate reports of casualties", "no word on casualties": not yet known
    while (REPORT_LEADS.has(word(tokens, j)) && j < i + 5) {
      if (NOT_YET_KNOWN.has(word(tokens, j))) unknown = true;
      j++;
    }
    const nouns = casualtyNounsFrom(tokens, j);
    if (!nouns || !isFree(ctx, i, nouns.end)) continue;
    for (const kind of nouns.kinds) {
      emit(
        ctx,
        i,
        nouns.end,
        kind,
        0,
        unknown ? null : 0,
        null,
        unknown ? 'casualty:unknown' : 'casualty:none-reported',
      );
    }
    markUsed(ctx, i, nouns.end);
    i = nouns.end - 1;
  }
}

// --- noun phrases of death ------------------------------------------------------------------------------------

// "the death toll rose to 30", "raising the toll to 12", "a death toll of 30"
function findDeathToll(ctx: Context): void {
  const { tokens } = ctx;
  for (let i = 0; i < tokens.length; i++) {
    let kind: CasualtyKind = 'killed';
    let start = i;
    let head = i;
    if (word(tokens, i) === 'toll') {
      if (word(tokens, i - 1) === 'death') start = i - 1;
    } else if (word(tokens, i) === 'number' && word(tokens, i + 1) === 'of' && TOLL_NOUNS[word(tokens, i + 2)]) {
      // "the number of dead rose to 45", "the number of injured stands at 80"
      kind = TOLL_NOUNS[word(tokens, i + 2)] as CasualtyKind;
      head = i + 2;
    } else continue;
    const i0 = head;
    for (let j = i0 + 1; j < Math.min(tokens.length, i0 + 8); j++) {
      const q = readQuantity(tokens, j);
      if (q) {
        if (isFree(ctx, j, q.end)) {
          emit(
            ctx,
            start,
            q.end,
            kind,
            q.min,
            q.max,
            null,
            kind === 'killed' ? 'casualty:death-toll' : `casualty:${kind}-toll`,
          );
          markUsed(ctx, start, q.end);
        }
        break;
      }
      const t = tokens[j];
      const passable =
        t &&
        (TOLL_VERBS.has(t.lemma) ||
          TOLL_VERBS.has(t.normal) ||
          [
            'to',
            'at',
            'of',
            'has',
            'had',
            'have',
            'now',
            'since',
            'further',
            'officially',
            'already',
            'reportedly',
            'from',
            'the',
            'attack',
            'blast',
            'strike',
            'bombing',
          ].includes(t.normal));
      if (!passable) break;
    }
  }
}

// The verbs of "claimed the lives of", "cost … lives", "took the lives of".
const LIVES_VERBS: ReadonlySet<string> = new Set(['claim', 'cost', 'take']);

// "claimed the lives of 14 people", "cost 14 lives", "the bodies of 7", "injuries to three people"
function findLeadNouns(ctx: Context): void {
  const { tokens, sentence } = ctx;
  for (let i = 0; i < tokens.length; i++) {
    const w = word(tokens, i);
    let objectAt = -1;
    let kind: CasualtyKind | null = null;
    let rule = '';
    if (
      LIVES_VERBS.has(tokens[i]?.lemma ?? '') &&
      word(tokens, i + 1) === 'the' &&
      word(tokens, i + 2) === 'lives' &&
      word(tokens, i + 3) === 'of'
    ) {
      objectAt = i + 4;
      kind = 'killed';
      rule = 'casualty:killed-lives';
    } else if (w === 'bodies' && word(tokens, i + 1) === 'of') {
      objectAt = i + 2;
      kind = 'killed';
      rule = 'casualty:killed-bodies';
    } else if ((w === 'injuries' || w === 'wounds') && word(tokens, i + 1) === 'to') {
      objectAt = i + 2;
      kind = 'injured';
      rule = 'casualty:injured-noun';
    }
    if (objectAt >= 0 && kind) {
      let at = objectAt;
      if (word(tokens, at) === 'the') at++;
      const victims = victimsAfter(tokens, at, sentence.text, sentence.start, {
        personRequired: false,
        namesAllowed: true,
      });
      if (victims && isFree(ctx, victims.start, victims.end)) {
        const start = w === 'bodies' && word(tokens, i - 1) === 'the' ? i - 1 : i;
        emit(ctx, start, victims.end, kind, victims.min, victims.max, victims.text, rule);
        markUsed(ctx, start, victims.end);
      }
      continue;
    }
    // "claimed 14 lives"
    if (LIVES_VERBS.has(tokens[i]?.lemma ?? '')) {
      const q = readQuantity(tokens, i + 1);
      if (q && (word(tokens, q.end) === 'lives' || word(tokens, q.end) === 'life') && isFree(ctx, i, q.end + 1)) {
        emit(ctx, i, q.end + 1, 'killed', q.min, q.max, null, 'casualty:killed-lives');
        markUsed(ctx, i, q.end + 1);
      }
    }
  }
}

// "12 deaths", "30 fatalities", "seven bodies were found", "three civilian deaths", "made 40 arrests"
const COUNTED_NOUNS = asLookup<CasualtyKind>({
  deaths: 'killed',
  fatalities: 'killed',
  bodies: 'killed',
  corpses: 'killed',
  injuries: 'injured',
  arrests: 'arrested',
  hostages: 'abducted',
});

function findCountedNouns(ctx: Context): void {
  const { tokens } = ctx;
  for (let i = 0; i < tokens.length; i++) {
    const kind = COUNTED_NOUNS.get(word(tokens, i));
    if (!kind || ctx.used[i]) continue;
    // "took 30 hostages": hostages only count when they are taken
    if (
      kind === 'abducted' &&
      !['take', 'seize', 'hold'].some((v) => [1, 2, 3, 4, 5].some((d) => tokens[i - d]?.lemma === v))
    )
      continue;
    // allow one or two modifiers between the count and the noun: "three civilian deaths"
    for (let gap = 0; gap <= 2; gap++) {
      const end = i - gap;
      if (gap > 0 && !['ADJ', 'NOUN', 'PROPN'].includes(tokens[end]?.pos ?? '')) break;
      const q = quantityEndingAt(tokens, end);
      if (q) {
        if (isFree(ctx, q.start, i + 1)) {
          emit(ctx, q.start, i + 1, kind, q.min, q.max, null, `casualty:${kind}-noun`);
          markUsed(ctx, q.start, i + 1);
        }
        break;
      }
    }
  }
}

// --- verbs ----------------------------------------------------------------------------------------------------

/** Index of the first token of the verb group ending before `i` ("have been", "were reportedly"), or -1. */
function passiveGroupStart(tokens: readonly Token[], i: number, allowStateLead: boolean): number {
  let k = i - 1;
  let sawBe = false;
  while (k >= 0) {
    const w = word(tokens, k);
    if (BE_FORMS.has(w) || w === 'got' || w === 'get' || w === 'gets') {
      sawBe = true;
      k--;
    } else if (HAVE_FORMS.has(w) || INNER_ADVERBS.has(w) || (allowStateLead && STATE_LEADS.has(w))) {
      k--;
    } else if (CO_VERBS.has(w) && word(tokens, k + 1) === 'and') {
      k--;
    } else if (w === 'and' && CO_VERBS.has(word(tokens, k - 1))) {
      k--;
    } else break;
  }
  if (!sawBe) return -1;
  // "could be killed", "not killed": modals and negations are another stage's business
  if (MODALS.has(word(tokens, k)) || NEGATIONS.has(word(tokens, k))) return -2;
  return k + 1;
}

// "killing two fighters", "killed three civilians and wounded five", "killing and injuring an unknown number of
// people", "killed Hezbollah's former commander", "arresting 12", "left 12 dead"
function findActive(ctx: Context): void {
  const { tokens, sentence } = ctx;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || ctx.used[i]) continue;
    // "leaving 12 dead and 30 wounded"
    if (LEAVE_FORMS.has(t.normal)) {
      findLeft(ctx, i);
      continue;
    }
    // "shot dead two Palestinians", "gunned down a judge"
    const shotDead = (t.lemma === 'shoot' || t.normal === 'shot') && word(tokens, i + 1) === 'dead';
    const gunnedDown = t.lemma === 'gun' && word(tokens, i + 1) === 'down';
    // "beat to death a man accused of theft", "stoned to death two women"
    const toDeath = t.pos === 'VERB' && word(tokens, i + 1) === 'to' && word(tokens, i + 2) === 'death';
    const kind = shotDead || gunnedDown || toDeath ? 'killed' : harmKind(t);
    if (!kind) continue;
    // "the killing of three journalists", "the abduction of two aid workers"
    const nounOf = t.pos === 'NOUN' && word(tokens, i + 1) === 'of';
    if (t.pos === 'NOUN' && !nounOf && !shotDead && !t.normal.endsWith('ing')) continue;
    // a passive participle ("were killed") is read from its subject, below
    if (isParticiple(t) && !shotDead && !gunnedDown && passiveGroupStart(tokens, i, false) !== -1) continue;
    if (NEGATIONS.has(word(tokens, i - 1)) || MODALS.has(word(tokens, i - 1))) continue;
    // "killing and injuring an unknown number of people": verbs sharing one object
    const verbs: Array<{ at: number; kind: CasualtyKind; token: Token }> = [{ at: i, kind, token: t }];
    let j = toDeath ? i + 3 : nounOf || shotDead || gunnedDown ? i + 2 : i + 1;
    // "killing or wounding 50": one figure for two kinds cannot be split
    if (word(tokens, j) === 'or' && harmKind(tokens[j + 1])) {
      markUsed(ctx, i, j + 2);
      continue;
    }
    while (word(tokens, j) === 'and' && harmKind(tokens[j + 1])) {
      const next = tokens[j + 1] as Token;
      verbs.push({ at: j + 1, kind: harmKind(next) as CasualtyKind, token: next });
      j += 2;
    }
    // "killed himself and 11 others": the attacker is not a victim, the others are
    if (REFLEXIVES.has(word(tokens, j))) {
      if (word(tokens, j + 1) === 'and') j += 2;
      else if (word(tokens, j + 1) === 'as' && word(tokens, j + 2) === 'well' && word(tokens, j + 3) === 'as') j += 4;
      else continue;
    }
    const personRequired = verbs.some(
      (v) => NEEDS_PERSON_OBJECT.has(v.token.normal) || NEEDS_PERSON_OBJECT.has(v.token.lemma),
    );
    const victims = victimsAfter(tokens, j, sentence.text, sentence.start, {
      personRequired,
      namesAllowed: !personRequired,
    });
    if (!victims || !isFree(ctx, victims.start, victims.end)) continue;
    if (personRequired && victims.text === null) continue;
    for (const v of verbs)
      emit(ctx, i, victims.end, v.kind, victims.min, victims.max, victims.text, `casualty:${v.kind}-active`);
    markUsed(ctx, i, victims.end);
    // "killed a Hamas commander and two of his bodyguards": a second object of the same verbs
    let end = victims.end;
    while (word(tokens, end) === 'and' && !harmKind(tokens[end + 1])) {
      const more = victimsAfter(tokens, end + 1, sentence.text, sentence.start, {
        personRequired: true,
        namesAllowed: false,
      });
      if (!more || more.text === null || !isFree(ctx, more.start, more.end)) break;
      for (const v of verbs)
        emit(ctx, more.start, more.end, v.kind, more.min, more.max, more.text, `casualty:${v.kind}-active`);
      markUsed(ctx, end, more.end);
      end = more.end;
    }
    i = end - 1;
  }
}

// "left 12 dead", "leaving three people wounded and two missing"
function findLeft(ctx: Context, at: number): void {
  const { tokens, sentence } = ctx;
  let j = at + 1;
  for (;;) {
    const victims = victimsAfter(tokens, j, sentence.text, sentence.start, {
      personRequired: false,
      namesAllowed: false,
    });
    if (victims?.how !== 'count') return;
    const kind = STATE_WORD_OF.get(word(tokens, victims.end));
    if (!kind || !isFree(ctx, victims.start, victims.end + 1)) return;
    const start = j === at + 1 ? at : victims.start;
    emit(ctx, start, victims.end + 1, kind, victims.min, victims.max, victims.text, `casualty:${kind}-left`);
    markUsed(ctx, start, victims.end + 1);
    j = victims.end + 1;
    if (word(tokens, j) === 'and' || word(tokens, j) === ',') j++;
    else return;
  }
}

// "at least six militia fighters were killed", "a civilian was killed", "Nasrallah was killed", "five were
// arrested", "one person died", "two soldiers were killed and five others injured", "three civilians killed in
// the strike" (headline style, no "were")
function findPassive(ctx: Context): void {
  const { tokens, sentence } = ctx;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || ctx.used[i]) continue;
    const w = t.normal;
    let kind: CasualtyKind | undefined;
    let groupStart = -1;
    let rule = '';
    let end = i + 1;
    // "taken hostage", "taken into custody"
    if (w === 'taken' || w === 'took') {
      if (['hostage', 'captive', 'prisoner'].includes(word(tokens, i + 1))) {
        kind = 'abducted';
        end = i + 2;
      } else if (word(tokens, i + 1) === 'into' && word(tokens, i + 2) === 'custody') {
        kind = 'arrested';
        end = i + 3;
      }
      if (kind) groupStart = passiveGroupStart(tokens, i, false);
      rule = `casualty:${kind}-passive`;
    } else if (t.lemma === 'die' || t.lemma === 'perish' || (t.lemma === 'succumb' && word(tokens, i + 1) === 'to')) {
      // "one person died", "two more have since died of their wounds"
      kind = 'killed';
      rule = 'casualty:killed-died';
      let k = i - 1;
      while (k >= 0 && (HAVE_FORMS.has(word(tokens, k)) || INNER_ADVERBS.has(word(tokens, k)))) k--;
      if (MODALS.has(word(tokens, k)) || NEGATIONS.has(word(tokens, k)) || word(tokens, k) === 'did') continue;
      groupStart = k + 1;
      // "Two of the wounded died later in hospital": a count of those already hurt.
      const ofHurt = countOfHurt(tokens, k);
      if (ofHurt && isFree(ctx, ofHurt.start, i + 1)) {
        const text = sentence.text.slice(
          (tokens[k] as Token).start - sentence.start,
          (tokens[k] as Token).end - sentence.start,
        );
        emit(ctx, ofHurt.start, i + 1, 'killed', ofHurt.min, ofHurt.max, text, 'casualty:killed-of-wounded');
        markUsed(ctx, ofHurt.start, i + 1);
        continue;
      }
    } else if (
      t.lemma === 'lose' &&
      ['their', 'his', 'her'].includes(word(tokens, i + 1)) &&
      ['lives', 'life'].includes(word(tokens, i + 2))
    ) {
      // "four workers lost their lives"
      kind = 'killed';
      rule = 'casualty:killed-died';
      end = i + 3;
      let k = i - 1;
      while (k >= 0 && (HAVE_FORMS.has(word(tokens, k)) || INNER_ADVERBS.has(word(tokens, k)))) k--;
      groupStart = k + 1;
    } else if (w === 'missing' && ['went', 'gone', 'go', 'going'].includes(word(tokens, i - 1))) {
      kind = 'missing';
      rule = 'casualty:missing';
      groupStart = i - 1;
    } else if (STATE_WORD_OF.get(w) && (!harmKind(t) || isParticiple(t))) {
      kind = STATE_WORD_OF.get(w) ?? harmKind(t);
      groupStart = passiveGroupStart(tokens, i, true);
      rule = groupStart >= 0 ? `casualty:${kind}-passive` : `casualty:${kind}-reduced`;
      if (groupStart === -1) {
        // no "were": a headline-style clause, unless the participle has an object ("two bombers killed 23")
        const next = tokens[i + 1];
        const hasObject =
          next &&
          !DAY_WORDS.has(next.normal) &&
          (readQuantity(tokens, i + 1) ||
            ['DET', 'PROPN', 'PRON', 'NUM', 'NOUN'].includes(next.pos) ||
            REFLEXIVES.has(next.normal));
        if (hasObject) continue;
        // "Two of the wounded died": the wounded are a group named, counted elsewhere; the verb after tells.
        if (word(tokens, i - 1) === 'the' && word(tokens, i - 2) === 'of') continue;
        groupStart = i;
      }
    } else if (harmKind(t) && isParticiple(t)) {
      kind = harmKind(t);
      groupStart = passiveGroupStart(tokens, i, false);
      rule = `casualty:${kind}-passive`;
    }
    if (!kind || groupStart < 0) continue;
    // "30 were killed or wounded": one figure for two kinds cannot be split
    if (word(tokens, end) === 'or' && (STATE_WORD_OF.get(word(tokens, end + 1)) ?? harmKind(tokens[end + 1]))) {
      markUsed(ctx, i, end + 2);
      continue;
    }
    let victims: Victims | null = victimsBefore(tokens, groupStart, sentence.text, sentence.start);
    if (!victims) continue;
    // "a policeman and two civilians were killed": coordinated subjects add up
    while (word(tokens, victims.start - 1) === 'and' || word(tokens, victims.start - 1) === ',') {
      const more = victimsBefore(tokens, victims.start - 1, sentence.text, sentence.start);
      if (!more || more.how === 'pronoun') break;
      // "On 15 June 2024, two women were killed": a number alone before a comma is a date's year, not people.
      if (word(tokens, victims.start - 1) === ',' && !/\p{L}/u.test(more.text ?? '')) break;
      const first = tokens[more.start] as Token;
      const last = tokens[groupStart - 1] as Token;
      victims = {
        ...victims,
        start: more.start,
        min: more.min + victims.min,
        max: more.max === null || victims.max === null ? null : more.max + victims.max,
        text: sentence.text.slice(first.start - sentence.start, last.end - sentence.start),
      };
    }
    // a reduced clause needs a counted subject: "three civilians killed", not "the strike killed"
    if (rule.endsWith('-reduced') && victims.how !== 'count') continue;
    if (!isFree(ctx, victims.start, end)) continue;
    // "were killed and five others injured" / "were killed or wounded": a second participle of the same subject
    emit(ctx, victims.start, end, kind, victims.min, victims.max, victims.text, rule);
    markUsed(ctx, victims.start, end);
  }
}

/** "two of the wounded" ending at `last`: the count, from its first token. */
function countOfHurt(
  tokens: readonly Token[],
  last: number,
): { start: number; min: number; max: number | null } | null {
  if (!['wounded', 'injured'].includes(word(tokens, last))) return null;
  if (word(tokens, last - 1) !== 'the' || word(tokens, last - 2) !== 'of') return null;
  for (let q = last - 3; q >= Math.max(0, last - 6); q--) {
    const quantity = readQuantity(tokens, q);
    if (quantity?.end === last - 2) return { start: q, min: quantity.min, max: quantity.max };
  }
  return null;
}

const SUFFER_VERBS = new Set(['suffered', 'sustained', 'suffering', 'sustaining', 'received']);
const WOUND_NOUNS = new Set(['injuries', 'injury', 'wounds', 'wound']);

// "four service members suffered minor injuries", "three soldiers sustained serious wounds": the subject is hurt
function findSuffered(ctx: Context): void {
  const { tokens, sentence } = ctx;
  for (let i = 1; i < tokens.length; i++) {
    if (!SUFFER_VERBS.has(word(tokens, i)) || ctx.used[i]) continue;
    // up to two words describing the wounds: "minor", "life-threatening", "shrapnel"
    let n = i + 1;
    while (n <= i + 3 && !WOUND_NOUNS.has(word(tokens, n)) && ['ADJ', 'NOUN'].includes(tokens[n]?.pos ?? '')) n++;
    if (!WOUND_NOUNS.has(word(tokens, n))) continue;
    let groupStart = i;
    while (
      groupStart > 0 &&
      (HAVE_FORMS.has(word(tokens, groupStart - 1)) || INNER_ADVERBS.has(word(tokens, groupStart - 1)))
    ) {
      groupStart--;
    }
    if (MODALS.has(word(tokens, groupStart - 1)) || NEGATIONS.has(word(tokens, groupStart - 1))) continue;
    const victims = victimsBefore(tokens, groupStart, sentence.text, sentence.start);
    if (!victims || victims.how === 'pronoun' || !isFree(ctx, victims.start, n + 1)) continue;
    emit(ctx, victims.start, n + 1, 'injured', victims.min, victims.max, victims.text, 'casualty:injured-suffered');
    markUsed(ctx, victims.start, n + 1);
  }
}

function harm(x: CasualtyMention): boolean {
  return x.kind === 'killed' || x.kind === 'injured';
}

/** "others" and a bare count take the victims of the mention before: "killed three civilians and wounded five". */
function inheritVictims(mentions: CasualtyMention[]): void {
  for (let k = 1; k < mentions.length; k++) {
    const m = mentions[k] as CasualtyMention;
    const prev = mentions[k - 1] as CasualtyMention;
    if (m.rule.startsWith('casualty:none') || m.rule === 'casualty:unknown' || prev.victims === null) continue;
    if (m.victims === 'others' || m.victims === 'more' || (m.victims === null && harm(m) && harm(prev))) {
      m.victims = prev.victims;
    }
  }
}

/** Casualty counts stated in one sentence, in reading order. */
export function findCasualties(sentence: Sentence): CasualtyMention[] {
  const ctx: Context = { sentence, tokens: sentence.tokens, used: sentence.tokens.map(() => false), mentions: [] };
  findNone(ctx);
  findDeathToll(ctx);
  findLeadNouns(ctx);
  findActive(ctx);
  findPassive(ctx);
  findSuffered(ctx);
  findCountedNouns(ctx);
  dropSubsets(ctx);
  ctx.mentions.sort((a, b) => a.start - b.start || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  inheritVictims(ctx.mentions);
  return ctx.mentions;
}

/** A count right after "including" / "among them" repeats victims already counted. */
function dropSubsets(ctx: Context): void {
  const { tokens } = ctx;
  ctx.mentions = ctx.mentions.filter((m) => {
    const first = tokens.findIndex((t) => t.start === m.start);
    const before = word(tokens, first - 1);
    const before2 = word(tokens, first - 2);
    const subset =
      before === 'including' ||
      (before2 === 'among' && ['them', 'whom', 'those'].includes(before)) ||
      (before === 'whom' && before2 === 'of');
    return !subset || m.rule.startsWith('casualty:none');
  });
}
