// Stage: event mentions. Puts together, sentence by sentence, each live trigger with its actors, recipients and
// the date, place, casualties, count and claim the sentence gives it.
import type { Range } from '../core/record.ts';
import type { ActorMention } from './actors/find.ts';
import type { Attribution } from './claims/find.ts';
import type { DateMention } from './dates/find.ts';
import {
  foldBlameIntoEvents,
  foldDemandsIntoProtests,
  foldIntoCaptures,
  isBareBackground,
  linkCircumstances,
} from './event-folds.ts';
import { crowdViolence, intentOf, modeOfWeapon } from './event-kind.ts';
import type { EventMention, SentenceFindings } from './event-mention.ts';
import {
  attachCasualties,
  attachStatus,
  attributivesAsRecipients,
  describedSource,
  reverseRoles,
  rolesOf,
  speakerRoles,
  victimsAsRecipients,
} from './event-parties.ts';
import type { Sentence, Token } from './model.ts';
import { readQuantity } from './quantity.ts';
import { type PlacedMention, placeOnTokens } from './roles.ts';
import type { TriggerMention } from './triggers/find.ts';

export type { EventMention, SentenceFindings } from './event-mention.ts';

const DEFINITE = new Set(['the', 'those', 'these', 'this', 'that', 'such', 'its', 'their', 'his', 'her']);

const SINGLING = new Set(['one', 'another', 'first', 'second', 'third', 'latest', 'last', 'deadliest']);

/** Nouns that count events: "a string of attacks", "a wave of arrests". */
const GROUP_NOUNS = new Set([
  'string',
  'series',
  'wave',
  'spate',
  'number',
  'trio',
  'pair',
  'couple',
  'barrage',
  'volley',
  'handful',
  'flurry',
  'round',
  'campaign',
]);

/** The events of one sentence. `nextIndex` numbers them within the document. */
export function assembleSentenceEvents(found: SentenceFindings, nextIndex: number): EventMention[] {
  const { sentence } = found;
  // The people and outlets who tell of an event are not its actors, and what describes them is not an event:
  // "an officer briefed on the talks said …".
  // "Amnesty accused the United States of …": when the verb of telling is itself the event, its teller is the actor.
  const told = found.attributions
    .filter((a) => !tellingIsEvent(a, found.triggers) && !announcesEvent(sentence, a, found.triggers))
    .flatMap((a) => a.sources.map((s) => describedSource(sentence, s)));
  const live = found.triggers.filter((t) => t.governedBy === null && !t.suppressed && !inTold(t, told));
  if (live.length === 0) return [];
  const actors = found.actors.filter((m) => !inTold(m, told));
  const placed = placeOnTokens(sentence, actors);
  const dateOf = pickFor(sentence, found.dates, live);
  const placeOf = pickFor(sentence, found.places, live);
  // Role indices point into the actors, then the tellers: a speaker who asks ("X must …") is its event's actor.
  const tellers = found.actors.filter((m) => inTold(m, told));
  const parties = [...actors, ...tellers];
  const events = live.map((trigger, k): EventMention => {
    const roles = rolesOf(sentence, trigger, placed, found.triggers);
    if (trigger.speaker) speakerRoles(roles, tellers.length > 0 ? actors.length : null);
    if (trigger.reverse) reverseRoles(roles);
    const intent = intentOf(trigger);
    if (intent.type === 'ASSAULT' && intent.mode === null) intent.mode = modeOfWeapon(pick(parties, roles.actors));
    // "rioters stormed a bank", "protesters pelted police with stones": violence by a crowd is a riot (PLOVER PROTEST/riot).
    const hint = crowdViolence(sentence, intent, pick(parties, roles.actors)) ?? trigger.hint;
    return {
      index: nextIndex + k,
      sentence: sentence.index,
      trigger,
      type: intent.type,
      mode: intent.mode,
      hint,
      context: trigger.context,
      modality: intent.modality,
      actors: pick(parties, roles.actors),
      recipients: pick(parties, roles.recipients),
      actorRule: roles.actorRule,
      recipientRule: roles.recipientRule,
      date: dateFor(found.dates[dateOf[k] ?? -1] ?? null, trigger),
      place: found.places[placeOf[k] ?? -1] ?? null,
      killed: null,
      injured: null,
      count: trigger.pos === 'NOUN' ? countBefore(sentence.tokens, trigger, placed, found.dates) : null,
      attributions: found.attributions,
      status: 'reported',
      singledOut: isSingledOut(sentence.tokens, trigger),
      definite: isDefinite(sentence.tokens, trigger, found.dates),
      circumstanceOf: null,
      folded: false,
      caption: sentence.section === 'caption',
    };
  });
  attributivesAsRecipients(sentence, events, found.attributives);
  foldIntoCaptures(events);
  foldDemandsIntoProtests(sentence.tokens, events);
  foldBlameIntoEvents(events);
  // "No arrests were made", "did not strike homes": what is said not to have happened is no event; "possible
  // attacks", only perhaps one.
  const kept = events.filter(
    (e) =>
      !e.folded &&
      !isBareBackground(sentence.tokens, e, found.dates) &&
      e.modality !== 'negated' &&
      !(e.trigger.pos === 'NOUN' && e.modality === 'hypothetical'),
  );
  attachCasualties(kept, found.casualties);
  victimsAsRecipients(sentence, kept, actors);
  attachStatus(kept, found.attributions, found.actors);
  linkCircumstances(sentence.tokens, kept);
  return kept;
}

/** The attribution's verb of telling is itself one of the sentence's triggers. */
function tellingIsEvent(a: Attribution, triggers: readonly TriggerMention[]): boolean {
  return triggers.some(
    (t) => t.start >= a.start && t.end <= a.end && t.text.toLowerCase().startsWith(a.verb.toLowerCase()),
  );
}

// "the United States announced new sanctions", "the army declared a ceasefire": what is announced is the teller's
// own act, an event named right after the verb.
const ANNOUNCING = new Set(['announced', 'announces', 'declared', 'declares', 'unveiled', 'unveils']);
const BEFORE_EVENT_NOUN =
  /^\s*(?:(?:a|an|the|new|fresh|further|additional|more|its|their|wider|tougher|sweeping|\d+)\s+){0,3}$/i;

function announcesEvent(sentence: Sentence, a: Attribution, triggers: readonly TriggerMention[]): boolean {
  if (!ANNOUNCING.has(a.verb.toLowerCase())) return false;
  return triggers.some(
    (t) =>
      t.pos === 'NOUN' &&
      t.start >= a.end &&
      BEFORE_EVENT_NOUN.test(sentence.text.slice(a.end - sentence.start, t.start - sentence.start)),
  );
}

function inTold(x: { start: number; end: number }, told: readonly { start: number; end: number }[]): boolean {
  return told.some((s) => x.start < s.end && s.start < x.end);
}

/** The parties at these role indices. */
function pick(parties: readonly ActorMention[], indices: readonly number[]): ActorMention[] {
  return indices.map((i) => parties[i]).filter((m): m is ActorMention => m !== undefined);
}

/** "two years after a drone strike killed the group's founder": the airstrike's own date is the anchor's. */
function dateFor(date: DateMention | null, trigger: TriggerMention): DateMention | null {
  const anchor = date?.relative?.anchorRange;
  if (!date || !anchor || trigger.start < date.end) return date;
  const { relative: _relative, ...rest } = date;
  return { ...rest, range: anchor, precision: 'range', rule: `${date.rule}:anchor` };
}

/**
 * Which located thing (a date, a place) each trigger takes: one written right before a noun trigger ("the May 4
 * shelling") belongs to that trigger alone; the others go to every trigger, the nearest first.
 */
function pickFor(
  sentence: Sentence,
  things: readonly { start: number; end: number }[],
  triggers: readonly TriggerMention[],
): number[] {
  if (things.length === 0) return triggers.map(() => -1);
  const tokens = sentence.tokens;
  const segments = segmentsOf(tokens);
  const modifierOf = things.map((thing) => triggers.findIndex((t) => modifies(tokens, thing, t)));
  return triggers.map((t, k) => {
    const own = modifierOf.indexOf(k);
    if (own >= 0) return own;
    const free = things.map((thing, i) => ({ thing, i })).filter(({ i }) => modifierOf[i] === -1);
    // A thing in the trigger's own part of the sentence first: "the talks came after shelling on May 4".
    const same = free.filter(
      ({ thing }) => segmentOf(segments, tokens, thing.start) === segmentOf(segments, tokens, t.start),
    );
    const pool =
      same.length > 0
        ? same
        : free.filter(
            ({ thing }) =>
              !triggers.some(
                (o) => o !== t && segmentOf(segments, tokens, o.start) === segmentOf(segments, tokens, thing.start),
              ),
          );
    let best = -1;
    let distance = Number.POSITIVE_INFINITY;
    for (const { thing, i } of pool) {
      const d = thing.start >= t.end ? thing.start - t.end : t.start - thing.end;
      if (d < distance) {
        distance = d;
        best = i;
      }
    }
    return best;
  });
}

/** "the May 4 shelling": a thing right before a noun trigger, with only names, adjectives and numbers between. */
function modifies(tokens: readonly Token[], thing: { start: number; end: number }, t: TriggerMention): boolean {
  if (t.pos !== 'NOUN' || thing.end > t.start) return false;
  let between = 0;
  for (let i = tokenAt(tokens, thing.end); i < t.first; i++) {
    const u = tokens[i] as Token;
    if (u.start < thing.end) continue;
    if (++between > 4 || !(MODIFIER_TAGS.has(u.pos) || u.text === '-')) return false;
  }
  return true;
}

const MODIFIER_TAGS = new Set(['PROPN', 'ADJ', 'NOUN', 'NUM']);

/** Index of the first token ending after `offset` (tokens are in order). */
function tokenAt(tokens: readonly Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((tokens[mid] as Token).end > offset) high = mid;
    else low = mid + 1;
  }
  return low < tokens.length ? low : -1;
}

// "came after", "followed", "in retaliation for": the words that put two events in different parts of a sentence.
const SEGMENT_BREAKS = new Set([
  'after',
  'before',
  'followed',
  'follows',
  'following',
  'preceded',
  'retaliation',
  'response',
  'while',
  'whereas',
  'but',
  ';',
]);

function segmentOf(segments: readonly number[], tokens: readonly Token[], offset: number): number {
  return segments[tokenAt(tokens, offset)] ?? 0;
}

/** The part of the sentence each token is in, counting the words that separate events. */
function segmentsOf(tokens: readonly Token[]): number[] {
  const segments: number[] = [];
  let segment = 0;
  for (const t of tokens) {
    segments.push(segment);
    if (SEGMENT_BREAKS.has(t.normal)) segment++;
  }
  return segments;
}

// "One attack, targeting …", "one of the strikes", "the first attack"
function isSingledOut(tokens: readonly Token[], trigger: TriggerMention): boolean {
  const before = tokens.slice(Math.max(0, trigger.first - 3), trigger.first).map((t) => t.normal);
  return before.some((w) => SINGLING.has(w)) && !(trigger.text.endsWith('s') && before.at(-1) === 'first');
}

// "those raids", "the wave of arrests", "the envoy's visit", "the May 4 shelling", "wounded in the raids"
function isDefinite(tokens: readonly Token[], trigger: TriggerMention, dates: readonly DateMention[]): boolean {
  if (trigger.pos !== 'NOUN') return trigger.also.some((t) => isDefinite(tokens, t, dates));
  for (let i = trigger.first - 1; i >= Math.max(0, trigger.first - 6); i--) {
    const t = tokens[i] as Token;
    if (DEFINITE.has(t.normal) || t.text === "'s" || t.text === '’s') return true;
    // "the wave of arrests": the quantity noun and its "of" stand between the article and the event.
    if (t.normal === 'of' && GROUP_NOUNS.has(tokens[i - 1]?.normal ?? '')) {
      i--;
      continue;
    }
    if (t.pos === 'VERB' || t.pos === 'ADP' || t.text === ',')
      return dates.some((d) => d.end <= trigger.start && d.start >= t.end);
  }
  return false;
}

/** "at least four attacks", "a pair of raids", "two drone strikes" — skipping actor words in between. */
function countBefore(
  tokens: readonly Token[],
  trigger: TriggerMention,
  mentions: readonly PlacedMention[],
  dates: readonly DateMention[],
): Range | null {
  let i = trigger.first - 1;
  // Skip "Turkish" in "a pair of Turkish drone strikes" and adjectives in "two deadly drone strikes".
  while (i >= 0) {
    const t = tokens[i] as Token;
    const inMention = mentions.some((m) => i >= m.first && i < m.last);
    if (
      inMention ||
      t.pos === 'ADJ' ||
      (t.pos === 'NOUN' &&
        !/^(string|series|wave|spate|number|trio|pair|couple|dozen|dozens|barrage|volley|handful)$/.test(t.normal)) ||
      t.text === '-'
    )
      i--;
    else break;
  }
  for (let start = Math.max(0, i - 4); start <= i; start++) {
    const quantity = readQuantity(tokens, start);
    if (!quantity || quantity.end !== i + 1) continue;
    // "the May 4 shelling": a day of the month is not a number of events.
    const from = (tokens[quantity.start] as Token).start;
    if (dates.some((d) => d.start <= from && from < d.end)) return null;
    return { min: quantity.min, max: quantity.max };
  }
  return null;
}
