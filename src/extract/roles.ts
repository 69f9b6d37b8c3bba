// Stage: roles. Who did it (actor) and to whom (recipient), for each trigger of a sentence, from the order of words
// around it: active, passive and nominal patterns, without a parser.
import { DAY_DEICTICS, WEEKDAY_NAMES } from './calendar-words.ts';
import { clauseEnd, clauseStart, isHardBreak, SUBORDINATORS } from './clauses.ts';
import type { Sentence, Span, Token } from './model.ts';
import { readQuantity } from './quantity.ts';
import type { TriggerMention } from './triggers/find.ts';

/** An actor mention placed on the sentence's tokens: [first, last) token indices. */
export interface PlacedMention {
  /** Index in the caller's mention list. */
  index: number;
  first: number;
  last: number;
}

export interface Roles {
  actors: number[];
  recipients: number[];
  /** The rule that found them, for provenance: "active:subject", "nominal:by", … */
  actorRule: string | null;
  recipientRule: string | null;
}

// "carried out airstrikes", "launched an attack": the subject of the light verb is the actor of the noun.
const LIGHT_VERBS = new Set([
  'carry',
  'launch',
  'conduct',
  'stage',
  'mount',
  'wage',
  'claim',
  'perform',
  'execute',
  'unleash',
  'hold',
  'make',
  'pay',
  'issue',
  'begin',
  'start',
  'continue',
  'step',
  'intensify',
  'escalate',
  'resume',
  'order',
  'lead',
  'organize',
  'organise',
  'impose',
  'announce',
  'declare',
  'sign',
  'reach',
  'give',
  'send',
  'provide',
  'deliver',
]);
// "the garrison faced a wave of attacks": the subject suffered the event.
const EXPERIENCER_VERBS = new Set([
  'see',
  'face',
  'suffer',
  'endure',
  'sustain',
  'witness',
  'experience',
  'come',
  'repel',
  'repulse',
  'thwart',
  'foil',
  'survive',
  'withstand',
  'report',
]);
// "attacks on Turkish outposts", "talks with Iran", "a visit to Moscow"
const RECIPIENT_PREPOSITIONS = new Set([
  'on',
  'against',
  'at',
  'with',
  'to',
  'toward',
  'towards',
  'into',
  'upon',
  'targeting',
  'target',
  'for',
  'over',
]);
const AGENT_PREPOSITIONS = new Set(['by', 'from']);
// "sent its engineers to …": a possessive opens what one gives or moves.
const OWN = /^(its|their|his|her|our)\b/i;
const OF = new Set(['of']);
// Tokens that may stand between a verb and its object: "attacked the two remaining checkpoints".
const MODIFIER_POS = new Set(['DET', 'ADJ', 'NUM', 'ADV', 'PART', 'PRON', 'PUNCT']);

/** Token range of each span (document offsets) on the sentence. */
export function placeOnTokens(sentence: Sentence, spans: readonly Span[]): PlacedMention[] {
  const placed: PlacedMention[] = [];
  spans.forEach((span, index) => {
    const first = sentence.tokens.findIndex((t) => t.end > span.start);
    if (first < 0) return;
    let last = first;
    while (last < sentence.tokens.length && (sentence.tokens[last] as Token).start < span.end) last++;
    placed.push({ index, first, last: Math.max(last, first + 1) });
  });
  return placed;
}

/**
 * Roles of `trigger`; `others` are the sentence's other triggers, which a search for an argument does not cross:
 * in "the shelling came during a visit by a Qatari delegation", the delegation made the visit.
 */
export function assignRoles(
  sentence: Sentence,
  trigger: TriggerMention,
  mentions: readonly PlacedMention[],
  others: readonly TriggerMention[] = [],
): Roles {
  const tokens = sentence.tokens;
  const usable = mentions.filter((m) => m.last <= trigger.first || m.first >= trigger.last);
  const barrier = others.filter((o) => o.first >= trigger.last).reduce((at, o) => Math.min(at, o.first), tokens.length);
  const ahead = usable.filter((m) => m.first < trigger.first || m.last <= barrier);
  const base = trigger.pos === 'VERB' ? verbRoles(tokens, trigger, ahead) : nounRoles(tokens, trigger, ahead);
  return typeRoles(tokens, trigger, usable, base);
}

function verbRoles(tokens: readonly Token[], trigger: TriggerMention, mentions: readonly PlacedMention[]): Roles {
  const subject = subjectBefore(tokens, trigger.first, mentions);
  if (trigger.passive) {
    // "The convoy was attacked by unidentified gunmen."
    const agent = afterPreposition(tokens, trigger.last, mentions, AGENT_PREPOSITIONS, 8);
    return roles(agent, 'passive:by', subject, 'passive:subject');
  }
  // "sent its engineers to the flooded province", "withdrew its forces from the town": what one gives or moves is
  // one's own; the recipient is the one it goes to or leaves.
  const toward = afterPreposition(tokens, trigger.last, mentions, GIVING_PREPOSITIONS, 10);
  const object = objectAfter(tokens, trigger.last, mentions).filter((i) => !OWN.test(textOf(tokens, mentions, i)));
  if (GIVING.has(trigger.type) && toward.length > 0) return roles(subject, 'active:subject', toward, 'active:to');
  // "Gunmen attacked a checkpoint", "The minister called on militias to …", "demanded that the US cancel …"
  if (object.length > 0) return roles(subject, 'active:subject', object, 'active:object');
  // "kept sending fuel to Chad", "sought guarantees from the junta", "rejected calls by the AU chair": a reaction's
  // recipient is who made the call, the offer or the appeal.
  const prepositions = REACTIONS.has(trigger.type) ? REACTION_PREPOSITIONS : VERB_PREPOSITIONS;
  const oblique = afterPreposition(tokens, trigger.last, mentions, prepositions, 8);
  return roles(
    subject,
    'active:subject',
    oblique.filter((i) => !subject.includes(i)),
    'active:preposition',
  );
}

const POSSESSIVES = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your']);
const TIME_WORDS = new Set([...WEEKDAY_NAMES, ...DAY_DEICTICS, 'again', 'also', 'formally', 'publicly']);
const GIVING = new Set(['AID', 'AGREE', 'COOPERATE', 'RETREAT', 'SUPPORT']);
const GIVING_PREPOSITIONS = new Set(['to', 'from']);

function textOf(tokens: readonly Token[], mentions: readonly PlacedMention[], index: number): string {
  const m = mentions.find((x) => x.index === index);
  return m
    ? tokens
        .slice(m.first, m.last)
        .map((t) => t.text)
        .join(' ')
    : '';
}

const VERB_PREPOSITIONS = new Set(['to', 'with', 'on', 'against', 'from', 'into', 'toward', 'towards', 'upon', 'at']);
const REACTIONS = new Set(['REJECT', 'AGREE', 'SUPPORT', 'ACCUSE', 'CONCEDE', 'REQUEST']);
const REACTION_PREPOSITIONS = new Set([...VERB_PREPOSITIONS, 'by', 'of']);

// "threatened to strike unless Israel withdrew": the one the condition is put to.
const CONDITIONS = new Set(['unless', 'if']);
// "demonstrated to demand the resignation of President X", "rallies against the party's leader", "in defiance of Y"
const PROTEST_PREPOSITIONS = new Set(['against', 'of', 'from', 'by', 'at', 'over', 'with', 'to', 'on']);

/** Roles some types find further away than others: whom a protest is aimed at, whom a threat is put to. */
function typeRoles(
  tokens: readonly Token[],
  trigger: TriggerMention,
  mentions: readonly PlacedMention[],
  base: Roles,
): Roles {
  if (base.recipients.length > 0) return base;
  if (trigger.type === 'PROTEST') {
    const target = afterPreposition(tokens, trigger.last, mentions, PROTEST_PREPOSITIONS, 20).filter(
      (i) => !base.actors.includes(i),
    );
    if (target.length > 0) return { ...base, recipients: target, recipientRule: 'protest:target' };
  }
  if (trigger.type === 'THREATEN' || trigger.type === 'REQUEST') {
    for (let i = trigger.last; i < tokens.length && !isHardBreak(tokens[i]); i++) {
      if (!CONDITIONS.has((tokens[i] as Token).normal)) continue;
      const put = mentions.find((m) => m.first > i && m.first <= i + 3);
      if (put && !base.actors.includes(put.index))
        return { ...base, recipients: [put.index], recipientRule: 'condition:subject' };
    }
  }
  return base;
}

function nounRoles(tokens: readonly Token[], trigger: TriggerMention, mentions: readonly PlacedMention[]): Roles {
  // "fighting between the army and the RSF", "clashes between the SDF and tribal fighters": both sides are named.
  const between = sidesBetween(tokens, trigger.last, mentions);
  if (between) {
    const [one, other] = between;
    return roles([one], 'nominal:between', other === null ? [] : [other], 'nominal:between');
  }
  const governingVerb = verbBefore(tokens, trigger.first);
  let actor = premodifier(tokens, trigger.first, mentions);
  let actorRule = 'nominal:premodifier';
  // "raids by Sahel militants", "a visit by a Qatari delegation", "… believed to have been planted by X"
  if (actor.length === 0) {
    actor = afterPreposition(tokens, trigger.last, mentions, AGENT_PREPOSITIONS, 16);
    actorRule = 'nominal:by';
  }
  let recipient = afterPreposition(tokens, trigger.last, mentions, RECIPIENT_PREPOSITIONS, 10);
  let recipientRule = 'nominal:preposition';
  // "the killing of two journalists", "the abduction of a judge": "of" right after the noun names its target.
  // "its call today that the junta free the detainees": the one asked is the subject of what is demanded.
  if (recipient.length === 0) {
    let k = trigger.last;
    while (k < tokens.length && TIME_WORDS.has((tokens[k] as Token).normal)) k++;
    if (tokens[k]?.normal === 'that') {
      const asked = mentions.find((m) => m.first > k && m.first <= k + 3);
      if (asked) {
        recipient = coordinated(tokens, asked, mentions);
        recipientRule = 'nominal:that-clause';
      }
    }
  }
  // "threatened to … and shell Turkish outposts": a noun used as a verb takes its object directly.
  const before = tokens[trigger.first - 1]?.normal;
  if (recipient.length === 0 && (before === 'to' || before === 'and' || before === 'or')) {
    recipient = objectAfter(tokens, trigger.last, mentions);
    recipientRule = 'nominal:verb-object';
  }
  if (recipient.length === 0 && tokens[trigger.last]?.normal === 'of') {
    recipient = afterPreposition(tokens, trigger.last, mentions, OF, 2);
    recipientRule = 'nominal:of';
  }
  if (governingVerb !== null) {
    const verb = tokens[governingVerb] as Token;
    if (EXPERIENCER_VERBS.has(verb.lemma)) {
      // "the garrison faced a wave of attacks": the subject is on the receiving end.
      const subject = subjectBefore(tokens, governingVerb, mentions);
      if (subject.length > 0) {
        recipient = subject;
        recipientRule = 'nominal:experiencer';
      }
    } else if (actor.length === 0 && (LIGHT_VERBS.has(verb.lemma) || verb.lemma === trigger.text.toLowerCase())) {
      actor = subjectBefore(tokens, governingVerb, mentions);
      actorRule = 'nominal:light-verb';
    }
  }
  if (actor.length === 0) {
    // "Kurdish fighters with coalition advisers during the Raqqa offensive": the clause's first actor.
    const start = clauseStart(tokens, trigger.first);
    const first = mentions.find((m) => m.first >= start && m.last <= trigger.first && !recipient.includes(m.index));
    if (first) {
      actor = coordinated(tokens, first, mentions);
      actorRule = 'nominal:clause-subject';
    }
  }
  return roles(
    actor,
    actorRule,
    recipient.filter((r) => !actor.includes(r)),
    recipientRule,
  );
}

function roles(actors: number[], actorRule: string, recipients: number[], recipientRule: string): Roles {
  return {
    actors,
    recipients,
    actorRule: actors.length > 0 ? actorRule : null,
    recipientRule: recipients.length > 0 ? recipientRule : null,
  };
}

function sidesBetween(
  tokens: readonly Token[],
  from: number,
  mentions: readonly PlacedMention[],
): [number, number | null] | null {
  for (let i = from; i < Math.min(tokens.length, from + 3); i++) {
    if ((tokens[i] as Token).normal !== 'between') continue;
    const first = mentions.find((m) => m.first > i && m.first <= i + 3);
    if (!first) return null;
    const second = mentions.find(
      (m) =>
        m.first >= first.last &&
        m.first <= first.last + 3 &&
        tokens.slice(first.last, m.first).some((t) => t.normal === 'and'),
    );
    if (second) return [first.index, second.index];
    // "clashes between rival Tuareg armed groups": both sides are of the one group named.
    return tokens[first.first - 1]?.normal === 'rival' ? [first.index, null] : null;
  }
  return null;
}

/** The nearest verb before `at` that the noun at `at` can be the object of: "launched (at least three) raids". */
function verbBefore(tokens: readonly Token[], at: number): number | null {
  for (let i = at - 1; i >= Math.max(0, at - 7); i--) {
    const t = tokens[i] as Token;
    if (t.pos === 'VERB') return i;
    // "came under attack", "carried out attacks": the particle belongs to the verb.
    if (
      ['ADP', 'DET', 'ADJ', 'NUM', 'ADV', 'PART'].includes(t.pos) ||
      (t.pos === 'NOUN' && /^(string|series|wave|spate|number|trio|pair|couple|barrage|volley)$/.test(t.normal))
    )
      continue;
    return null;
  }
  return null;
}

/** The subject of the verb at `at`: the nearest actor group before it in its clause. */
function subjectBefore(tokens: readonly Token[], at: number, mentions: readonly PlacedMention[]): number[] {
  const start = clauseStart(tokens, at);
  let best: PlacedMention | undefined;
  for (const m of mentions) {
    if (m.last <= at && m.first >= start && (!best || m.first > best.first)) best = m;
  }
  if (!best) return [];
  // Skip a mention inside a prepositional phrase when an earlier one heads the clause: "the commander of the army attacked".
  const before = tokens[best.first - 1];
  if (before && before.pos === 'ADP' && before.normal === 'of') {
    const inner = best.first;
    const head = mentions.filter((m) => m.last <= inner - 1 && m.first >= start).at(-1);
    if (head) best = head;
  }
  // "An attack targeting a Shiite mosque killed five": the mosque is the participle's object, not the subject.
  if (insideParticiple(tokens, best.first)) return [];
  return coordinated(tokens, best, mentions);
}

function insideParticiple(tokens: readonly Token[], first: number): boolean {
  for (let i = first - 1; i >= Math.max(0, first - 3); i--) {
    const t = tokens[i] as Token;
    if (t.pos === 'VERB') return /ing$/.test(t.normal) && tokens[i - 1]?.pos !== 'AUX';
    if (!['DET', 'ADJ', 'NUM'].includes(t.pos)) return false;
  }
  return false;
}

/** Tokens [a, b) join two mentions: at most two of "and", ",", "the". */
function joins(tokens: readonly Token[], a: number, b: number): boolean {
  return (
    b >= a && b - a <= 2 && tokens.slice(a, b).every((t) => t.normal === 'and' || t.text === ',' || t.normal === 'the')
  );
}

/** "U.S. and Iraqi forces", "Israel and Hamas": mentions joined by "and" or commas count together. */
function coordinated(tokens: readonly Token[], anchor: PlacedMention, mentions: readonly PlacedMention[]): number[] {
  const group = [anchor];
  let changed = true;
  while (changed) {
    changed = false;
    for (const m of mentions) {
      if (group.includes(m)) continue;
      const first = group.reduce((a, b) => (a.first < b.first ? a : b));
      const last = group.reduce((a, b) => (a.last > b.last ? a : b));
      if (joins(tokens, m.last, first.first) || joins(tokens, last.last, m.first)) {
        group.push(m);
        changed = true;
      }
    }
  }
  return group.sort((a, b) => a.first - b.first).map((m) => m.index);
}

/** The object right after a verb, allowing determiners and a recipient preposition: "called on X", "attacked the X". */
function objectAfter(tokens: readonly Token[], from: number, mentions: readonly PlacedMention[]): number[] {
  const end = clauseEnd(tokens, from - 1);
  for (let i = from; i < end; i++) {
    const m = mentions.find((x) => x.first === i);
    // "insisted on its demands that …": a possessive pronoun is a determiner here, not the object.
    if (m && !(m.last === m.first + 1 && POSSESSIVES.has((tokens[i] as Token).normal)))
      return coordinated(tokens, m, mentions);
    // "arrested more than 100 Palestinians", "killed at least four soldiers"
    const quantity = readQuantity(tokens, i);
    if (quantity && quantity.end > i + 1) {
      i = quantity.end - 1;
      continue;
    }
    const t = tokens[i] as Token;
    if (MODIFIER_POS.has(t.pos) && t.text !== ',') continue;
    if (t.pos === 'ADP' && RECIPIENT_PREPOSITIONS.has(t.normal)) continue;
    // "demanded Friday that …": a day named between the verb and its object.
    if (TIME_WORDS.has(t.normal)) continue;
    // "demanded that the United States cancel …": the subject of what is demanded is on the receiving end.
    if (t.normal === 'that' && t.pos === 'SCONJ') continue;
    if (t.pos === 'NOUN' && i + 1 < end && mentions.some((x) => x.first === i + 1)) continue;
    // "arrested 14 members of the opposition party", "detained dozens of supporters of the movement": the people
    // taken are the group's own.
    if (t.pos === 'NOUN') {
      const owner = afterPreposition(tokens, i + 1, mentions, OF, 1);
      if (owner.length > 0) return owner;
    }
    return [];
  }
  return [];
}

/** A mention introduced by one of `prepositions` within `reach` tokens after the trigger, without crossing a verb. */
function afterPreposition(
  tokens: readonly Token[],
  from: number,
  mentions: readonly PlacedMention[],
  prepositions: ReadonlySet<string>,
  reach: number,
): number[] {
  for (let i = from; i < Math.min(tokens.length, from + reach); i++) {
    const t = tokens[i] as Token;
    if (isHardBreak(t) || (SUBORDINATORS.has(t.normal) && i > from)) return [];
    if (!prepositions.has(t.normal)) continue;
    for (let j = i + 1; j < Math.min(tokens.length, i + 6); j++) {
      const m = mentions.find((x) => x.first === j);
      if (m) return coordinated(tokens, m, mentions);
      const u = tokens[j] as Token;
      if (!MODIFIER_POS.has(u.pos) || u.text === ',') break;
    }
    // "targeting": a verb that takes the recipient as its object.
    if (t.pos === 'VERB' && !prepositions.has(t.normal)) return [];
  }
  return [];
}

/** "U.S. airstrikes", "Israel's strikes", "militia rocket attacks": an actor right before the noun. */
function premodifier(tokens: readonly Token[], at: number, mentions: readonly PlacedMention[]): number[] {
  for (const m of mentions) {
    if (m.last > at) continue;
    const between = tokens.slice(m.last, at);
    if (between.length > 3) continue;
    const fits = between.every(
      (t) =>
        t.text === "'s" ||
        t.text === '’s' ||
        t.text === "'" ||
        t.pos === 'ADJ' ||
        t.pos === 'NOUN' ||
        t.pos === 'NUM' ||
        t.text === '-' ||
        t.normal === 'and',
    );
    if (fits) return coordinated(tokens, m, mentions);
  }
  return [];
}
