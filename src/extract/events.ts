// Stage: event mentions. Puts together, sentence by sentence, each live trigger with its actors, recipients and
// the date, place, casualties, count and claim the sentence gives it.
import type { AcledHint } from '../core/ontology/mappings.ts';
import type { Modality, PloverType } from '../core/ontology/plover.ts';
import type { ClaimStatus, Range } from '../core/record.ts';
import type { ActorMention } from './actors/find.ts';
import type { CasualtyMention } from './casualties/find.ts';
import type { Attribution } from './claims/find.ts';
import type { DateMention } from './dates/find.ts';
import type { Sentence, Token } from './model.ts';
import type { PlaceMention } from './places/find.ts';
import { readQuantity } from './quantity.ts';
import { assignRoles, type PlacedMention, placeOnTokens } from './roles.ts';
import type { TriggerMention } from './triggers/find.ts';

export interface EventMention {
  /** Position in the document's list of event mentions. */
  index: number;
  sentence: number;
  trigger: TriggerMention;
  type: PloverType;
  mode: string | null;
  hint: AcledHint | null;
  context: readonly string[];
  modality: Modality;
  actors: ActorMention[];
  recipients: ActorMention[];
  actorRule: string | null;
  recipientRule: string | null;
  date: DateMention | null;
  place: PlaceMention | null;
  killed: CasualtyMention | null;
  injured: CasualtyMention | null;
  count: Range | null;
  attributions: Attribution[];
  status: ClaimStatus;
  /** "One attack, targeting the air base": one event singled out of a group reported before it. */
  singledOut: boolean;
  /** "the airstrikes", "Taeb's visit", "the June 27 airstrikes": refers back to an event already reported. */
  definite: boolean;
  /** The event of this sentence that this one is the setting of: "called on X … during a meeting". */
  circumstanceOf: number | null;
}

export interface SentenceFindings {
  sentence: Sentence;
  triggers: TriggerMention[];
  actors: ActorMention[];
  attributions: Attribution[];
  dates: DateMention[];
  places: PlaceMention[];
  casualties: CasualtyMention[];
}

const DEFINITE = new Set(['the', 'those', 'these', 'this', 'that', 'such', 'its', 'their', 'his', 'her']);
const SINGLING = new Set(['one', 'another', 'first', 'second', 'third', 'latest', 'last', 'deadliest']);
const VIOLENT: ReadonlySet<PloverType> = new Set(['ASSAULT', 'COERCE', 'PROTEST']);

/** The events of one sentence. `nextIndex` numbers them within the document. */
export function assembleSentenceEvents(found: SentenceFindings, nextIndex: number): EventMention[] {
  const { sentence } = found;
  const live = found.triggers.filter((t) => t.governedBy === null && !t.suppressed);
  if (live.length === 0) return [];
  // The people and outlets who tell of an event are not its actors.
  const told = found.attributions.flatMap((a) => a.sources.map((s) => ({ start: s.start, end: s.end })));
  const actors = found.actors.filter((m) => !told.some((s) => m.start < s.end && s.start < m.end));
  const placed = placeOnTokens(sentence, actors);
  const dateOf = pickFor(sentence, found.dates, live);
  const placeOf = pickFor(sentence, found.places, live);
  const events = live.map((trigger, k): EventMention => {
    const roles = assignRoles(sentence, trigger, placed);
    const pick = (indices: number[]) => indices.map((i) => actors[i]).filter((m): m is ActorMention => m !== undefined);
    return {
      index: nextIndex + k,
      sentence: sentence.index,
      trigger,
      type: trigger.type,
      mode: trigger.mode,
      hint: trigger.hint,
      context: trigger.context,
      modality: trigger.modality,
      actors: pick(roles.actors),
      recipients: pick(roles.recipients),
      actorRule: roles.actorRule,
      recipientRule: roles.recipientRule,
      date: found.dates[dateOf[k] ?? -1] ?? null,
      place: found.places[placeOf[k] ?? -1] ?? null,
      killed: null,
      injured: null,
      count: trigger.pos === 'NOUN' ? countBefore(sentence.tokens, trigger, placed) : null,
      attributions: found.attributions,
      status: 'reported',
      singledOut: isSingledOut(sentence.tokens, trigger),
      definite: isDefinite(sentence.tokens, trigger, found.dates),
      circumstanceOf: null,
    };
  });
  attachCasualties(events, found.casualties);
  attachStatus(events, found.attributions);
  linkCircumstances(sentence.tokens, events);
  return events;
}

/**
 * Which located thing (a date, a place) each trigger takes: one written right before a noun trigger ("the June 27
 * airstrikes") belongs to that trigger alone; the others go to every trigger, the nearest first.
 */
function pickFor(sentence: Sentence, things: readonly { start: number; end: number }[], triggers: readonly TriggerMention[]): number[] {
  const modifierOf = things.map((thing) =>
    triggers.findIndex(
      (t) =>
        t.pos === 'NOUN' &&
        thing.end <= t.start &&
        t.start - thing.end <= 12 &&
        !/[,;.]/.test(sentence.text.slice(thing.end - sentence.start, t.start - sentence.start)),
    ),
  );
  return triggers.map((t, k) => {
    const own = modifierOf.indexOf(k);
    if (own >= 0) return own;
    let best = -1;
    let distance = Number.POSITIVE_INFINITY;
    things.forEach((thing, i) => {
      if (modifierOf[i] !== -1) return;
      const d = thing.start >= t.end ? thing.start - t.end : t.start - thing.end;
      if (d < distance) {
        distance = d;
        best = i;
      }
    });
    return best;
  });
}

/** Violence gets the sentence's casualties: "killing two", "at least four were killed in the airstrikes". */
function attachCasualties(events: EventMention[], casualties: readonly CasualtyMention[]): void {
  for (const c of casualties) {
    if (c.kind !== 'killed' && c.kind !== 'injured') continue;
    const target = nearest(events.filter((e) => VIOLENT.has(e.type)), c) ?? (events.length === 1 ? events[0] : undefined);
    if (!target) continue;
    const slot = c.kind === 'killed' ? 'killed' : 'injured';
    if (target[slot] === null) target[slot] = c;
  }
}

function nearest(events: readonly EventMention[], thing: { start: number; end: number }): EventMention | undefined {
  let best: EventMention | undefined;
  let distance = Number.POSITIVE_INFINITY;
  for (const e of events) {
    const d = Math.abs(thing.start - e.trigger.start);
    if (d < distance) {
      distance = d;
      best = e;
    }
  }
  return best;
}

// "called on the militias to step up attacks during a meeting last week": the meeting shares the call's people.
function linkCircumstances(tokens: readonly Token[], events: EventMention[]): void {
  for (const e of events) {
    const before = tokens.slice(Math.max(0, e.trigger.first - 3), e.trigger.first).map((t) => t.normal);
    if (!before.some((w) => w === 'during' || w === 'at' || w === 'amid')) continue;
    const host = events.find((o) => o !== e && o.trigger.first < e.trigger.first);
    if (!host) continue;
    e.circumstanceOf = host.index;
    if (e.actors.length === 0) {
      e.actors = host.actors;
      e.actorRule = 'circumstance:host-actors';
    }
    if (e.recipients.length === 0) {
      e.recipients = host.recipients;
      e.recipientRule = 'circumstance:host-recipients';
    }
  }
}

const STATUS_STRENGTH: readonly ClaimStatus[] = ['reported', 'alleged', 'suspected', 'claimed', 'denied'];

// "the group said it carried out the attack" (a teller's status) holds for the sentence's events; a bare marker
// ("suspected of having been carried out by", "alleged involvement") for the event nearest to it.
function attachStatus(events: EventMention[], attributions: readonly Attribution[]): void {
  for (const a of attributions) {
    if (a.status === null || a.status === 'reported') continue;
    const status = a.status;
    const targets = a.sources.length > 0 || a.outlets.length > 0 ? events : [nearest(events, a)].filter((e) => e !== undefined);
    for (const e of targets) {
      if (STATUS_STRENGTH.indexOf(status) > STATUS_STRENGTH.indexOf(e.status)) e.status = status;
    }
  }
}

// "One attack, targeting …", "one of the strikes", "the first attack"
function isSingledOut(tokens: readonly Token[], trigger: TriggerMention): boolean {
  const before = tokens.slice(Math.max(0, trigger.first - 3), trigger.first).map((t) => t.normal);
  return before.some((w) => SINGLING.has(w)) && !(trigger.text.endsWith('s') && before.at(-1) === 'first');
}

// "Those U.S. airstrikes", "the string of attacks", "Taeb's visit", "the June 27 airstrikes"
function isDefinite(tokens: readonly Token[], trigger: TriggerMention, dates: readonly DateMention[]): boolean {
  if (trigger.pos !== 'NOUN') return false;
  for (let i = trigger.first - 1; i >= Math.max(0, trigger.first - 6); i--) {
    const t = tokens[i] as Token;
    if (DEFINITE.has(t.normal) || t.text === "'s" || t.text === '’s') return true;
    if (t.pos === 'VERB' || t.pos === 'ADP' || t.text === ',') return dates.some((d) => d.end <= trigger.start && d.start >= t.end);
  }
  return false;
}

/** "at least four attacks", "a trio of airstrikes", "two drone strikes" — skipping actor words in between. */
function countBefore(tokens: readonly Token[], trigger: TriggerMention, mentions: readonly PlacedMention[]): Range | null {
  let i = trigger.first - 1;
  // Skip "U.S." in "a trio of U.S. airstrikes" and adjectives in "two deadly drone strikes".
  while (i >= 0) {
    const t = tokens[i] as Token;
    const inMention = mentions.some((m) => i >= m.first && i < m.last);
    if (inMention || t.pos === 'ADJ' || (t.pos === 'NOUN' && !/^(string|series|wave|spate|number|trio|pair|couple|dozen|dozens|barrage|volley|handful)$/.test(t.normal)) || t.text === '-') i--;
    else break;
  }
  for (let start = Math.max(0, i - 4); start <= i; start++) {
    const quantity = readQuantity(tokens, start);
    if (quantity && quantity.end === i + 1) return { min: quantity.min, max: quantity.max };
  }
  return null;
}
