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
import { assignRoles, type PlacedMention, placeOnTokens, type Roles } from './roles.ts';
import { modeFromContent, type TriggerMention } from './triggers/find.ts';

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
  /** "the raids", "the envoy's visit", "the May 4 shelling": refers back to an event already reported. */
  definite: boolean;
  /** The event of this sentence that this one is the setting of: "called on X … during a meeting". */
  circumstanceOf: number | null;
  /** Told as part of another event of the sentence (the fighting behind a capture): no record of its own. */
  folded: boolean;
  /** Read from a photo caption, which mostly shows an event the report tells. */
  caption: boolean;
}

export interface SentenceFindings {
  sentence: Sentence;
  triggers: TriggerMention[];
  actors: ActorMention[];
  /** Countries named by an adjective before a thing ("an Australian ultimatum"): recipients of last resort. */
  attributives: ActorMention[];
  attributions: Attribution[];
  dates: DateMention[];
  places: PlaceMention[];
  casualties: CasualtyMention[];
}

const DEFINITE = new Set(['the', 'those', 'these', 'this', 'that', 'such', 'its', 'their', 'his', 'her']);
const SINGLING = new Set(['one', 'another', 'first', 'second', 'third', 'latest', 'last', 'deadliest']);
const VIOLENT: ReadonlySet<PloverType> = new Set(['ASSAULT', 'COERCE', 'PROTEST']);
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
  const tellingIsEvent = (a: Attribution) =>
    found.triggers.some(
      (t) => t.start >= a.start && t.end <= a.end && t.text.toLowerCase().startsWith(a.verb.toLowerCase()),
    );
  const told = found.attributions
    .filter((a) => !tellingIsEvent(a))
    .flatMap((a) => a.sources.map((s) => describedSource(sentence, s)));
  const inTold = (x: { start: number; end: number }) => told.some((s) => x.start < s.end && s.start < x.end);
  const live = found.triggers.filter((t) => t.governedBy === null && !t.suppressed && !inTold(t));
  if (live.length === 0) return [];
  const actors = found.actors.filter((m) => !inTold(m));
  const placed = placeOnTokens(sentence, actors);
  const dateOf = pickFor(sentence, found.dates, live);
  const placeOf = pickFor(sentence, found.places, live);
  const tellers = found.actors.filter((m) => inTold(m));
  const events = live.map((trigger, k): EventMention => {
    const roles = rolesOf(sentence, trigger, placed, found.triggers);
    if (trigger.speaker) speakerRoles(roles, tellers, actors);
    if (trigger.reverse) reverseRoles(roles);
    const pick = (indices: number[]) => indices.map((i) => actors[i]).filter((m): m is ActorMention => m !== undefined);
    const intent = intentOf(trigger);
    if (intent.type === 'ASSAULT' && intent.mode === null) intent.mode = modeOfWeapon(pick(roles.actors));
    // "rioters stormed a bank", "protesters pelted police with stones": violence by a crowd is a riot (PLOVER PROTEST/riot).
    const hint = crowdViolence(sentence, intent, pick(roles.actors)) ?? trigger.hint;
    return {
      index: nextIndex + k,
      sentence: sentence.index,
      trigger,
      type: intent.type,
      mode: intent.mode,
      hint,
      context: trigger.context,
      modality: intent.modality,
      actors: pick(roles.actors),
      recipients: pick(roles.recipients),
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

// "military aircraft struck hideouts", "artillery pounded the town": the weapon named as the actor gives the mode.
function modeOfWeapon(actors: readonly ActorMention[]): string | null {
  const words = actors.map((a) => a.text.toLowerCase()).join(' ');
  if (/\b(warplanes?|aircraft|jets?|helicopters?|gunships?|bombers?|air force)\b/.test(words)) return 'aerial';
  if (/\bdrones?\b/.test(words)) return 'drone';
  if (/\b(artillery|tanks?|mortars?|howitzers?|rocket launchers?)\b/.test(words)) return 'heavy-weapons';
  return null;
}

/** Types whose recipient can be whoever made the event they react to. */
const REACTING: ReadonlySet<PloverType> = new Set([
  'REJECT',
  'SUPPORT',
  'CONCEDE',
  'COERCE',
  'REQUEST',
  'AGREE',
  'SANCTION',
]);

const COOPERATIVE: ReadonlySet<PloverType> = new Set(['CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT']);
const MATERIAL_CONFLICT: ReadonlySet<PloverType> = new Set(['ASSAULT', 'COERCE', 'SANCTION', 'MOBILIZE', 'PROTEST']);

/**
 * PLOVER codes a stated intention as the promise or the threat it is: "will send aid" is AGREE, "would blockade
 * the capital" THREATEN, "will not accept more refugees" REJECT. The promise or threat itself is asserted.
 */
function intentOf(trigger: TriggerMention): { type: PloverType; mode: string | null; modality: Modality } {
  const { cues } = trigger;
  if (COOPERATIVE.has(trigger.type) && cues.future && cues.negated)
    return { type: 'REJECT', mode: null, modality: 'asserted' };
  if (cues.negated) return { type: trigger.type, mode: trigger.mode, modality: trigger.modality };
  if (COOPERATIVE.has(trigger.type) && cues.future) return { type: 'AGREE', mode: null, modality: 'asserted' };
  if (MATERIAL_CONFLICT.has(trigger.type) && (cues.future || cues.hypothetical)) {
    return { type: 'THREATEN', mode: modeFromContent('THREATEN', trigger), modality: 'asserted' };
  }
  return { type: trigger.type, mode: trigger.mode, modality: trigger.modality };
}

// "a VDP convoy struck an improvised explosive device": the convoy is the target; whoever laid it is unknown.
function reverseRoles(roles: Roles): void {
  roles.recipients = roles.actors;
  roles.recipientRule = roles.actorRule ? `reverse:${roles.actorRule}` : null;
  roles.actors = [];
  roles.actorRule = null;
}

const CROWD_MODES = new Set(['primitive', 'destroy', 'beat', null]);
const DEMANDING = /\b(demand|demanding|demanded|protest|protesting|protested|in protest|calling for|chanting)\b/i;

/**
 * "rioters stormed a bank", "depositors stormed a bank to demand their savings": violence by a crowd, or crowd
 * violence with a demand, is a riot (PLOVER PROTEST/riot, ACLED Riots); "a mob beat a man to death" with no demand
 * is ACLED's mob violence.
 */
function crowdViolence(
  sentence: Sentence,
  intent: { type: PloverType; mode: string | null },
  actors: readonly ActorMention[],
): 'mob' | null {
  if (intent.type !== 'ASSAULT' || !CROWD_MODES.has(intent.mode)) return null;
  const demanding = DEMANDING.test(sentence.text);
  const civilians = actors.some((a) => a.acled === 7);
  const crowd =
    actors.some((a) => a.acled === 5 || a.acled === 6) || (civilians && (intent.mode !== null || demanding));
  if (!crowd) return null;
  intent.type = 'PROTEST';
  intent.mode = 'riot';
  return demanding || actors.some((a) => a.acled === 6) ? null : 'mob';
}

// "Kenya said on Monday that Somalia must hand over the suspects": Kenya asks, Somalia is asked.
function speakerRoles(roles: Roles, tellers: readonly ActorMention[], actors: readonly ActorMention[]): void {
  const asked = roles.actors;
  roles.recipients = asked;
  roles.recipientRule = asked.length > 0 ? 'speaker:subject-is-asked' : null;
  roles.actors = [];
  roles.actorRule = null;
  const teller = tellers[0];
  if (!teller) return;
  // The teller is not among the sentence's actors (tellers are set apart); it joins them for this event.
  (actors as ActorMention[]).push(teller);
  roles.actors = [actors.length - 1];
  roles.actorRule = 'speaker:teller';
}

/** A source with the relative clause that describes it: "a diplomat, who was told of the envoy's trip,". */
function describedSource(sentence: Sentence, source: { start: number; end: number }): { start: number; end: number } {
  const after = sentence.text.slice(source.end - sentence.start);
  const clause = /^,\s*(?:who|which|whose)\b[^,]*,/.exec(after);
  return { start: source.start, end: source.end + (clause ? clause[0].length : 0) };
}

/**
 * The roles of a trigger, completed by the other words of the same event ("were killed in the airstrikes") and by
 * what it governs: "threatened to shoot down Turkish drones" — the drones are what the threat is aimed at.
 */
function rolesOf(
  sentence: Sentence,
  trigger: TriggerMention,
  placed: readonly PlacedMention[],
  all: readonly TriggerMention[],
): Roles {
  const others = all.filter((t) => t !== trigger && !trigger.also.includes(t));
  const roles = assignRoles(sentence, trigger, placed, others);
  const governed = all.filter((t) => t.governedBy !== null && all[t.governedBy] === trigger);
  // "complained to the UN over two Israeli air raids": the accused is who carried out what is complained of; "prevented
  // the demonstration staged by students", "rejected calls by Kofi Annan": the one reacted to made the event named.
  const objects = all.filter(
    (t) => t !== trigger && !trigger.also.includes(t) && t.first > trigger.last && t.first - trigger.last <= 4,
  );
  if (trigger.type === 'ACCUSE' || (REACTING.has(trigger.type) && roles.recipients.length === 0)) {
    for (const content of trigger.type === 'ACCUSE' ? [...governed, ...objects] : objects) {
      const carriedOut = assignRoles(sentence, content, placed, others).actors.filter((a) => !roles.actors.includes(a));
      if (carriedOut.length > 0 && roles.recipientRule !== 'active:object') {
        roles.recipients = carriedOut;
        roles.recipientRule = 'accused:actor-of-content';
        break;
      }
    }
  }
  for (const extra of [...trigger.also, ...governed]) {
    const more = assignRoles(sentence, extra, placed, others);
    const sameEvent = trigger.also.includes(extra);
    // "three civilians were killed in a suicide bombing": the bombing's fallback subject is the victims, not the actor.
    const actors = more.actors.filter((a) => !roles.recipients.includes(a));
    // ", killing four soldiers": a participle's subject is the main clause's, not the nearest name before it.
    const participle =
      extra.pos === 'VERB' && /ing$/.test(extra.text) && sentence.tokens[extra.first - 1]?.text === ',';
    if (
      roles.actors.length === 0 &&
      sameEvent &&
      actors.length > 0 &&
      more.actorRule !== 'nominal:clause-subject' &&
      !participle
    ) {
      roles.actors = actors;
      roles.actorRule = more.actorRule;
    }
    if (roles.recipients.length === 0 && more.recipients.length > 0) {
      roles.recipients = more.recipients.filter((r) => !roles.actors.includes(r));
      roles.recipientRule = sameEvent ? more.recipientRule : `governed:${more.recipientRule}`;
    }
  }
  return roles;
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
  const tokens = sentence.tokens;
  const tokenAt = (offset: number) => tokens.findIndex((t) => t.end > offset);
  const modifierOf = things.map((thing) =>
    triggers.findIndex((t) => {
      if (t.pos !== 'NOUN' || thing.end > t.start) return false;
      const between = tokens.slice(tokenAt(thing.end), t.first).filter((u) => u.start >= thing.end);
      return (
        between.length <= 4 && between.every((u) => ['PROPN', 'ADJ', 'NOUN', 'NUM'].includes(u.pos) || u.text === '-')
      );
    }),
  );
  const segmentOf = (offset: number) => segmentIndex(tokens, tokenAt(offset));
  return triggers.map((t, k) => {
    const own = modifierOf.indexOf(k);
    if (own >= 0) return own;
    const free = things.map((thing, i) => ({ thing, i })).filter(({ i }) => modifierOf[i] === -1);
    // A thing in the trigger's own part of the sentence first: "the talks came after shelling on May 4".
    const same = free.filter(({ thing }) => segmentOf(thing.start) === segmentOf(t.start));
    const pool =
      same.length > 0
        ? same
        : free.filter(({ thing }) => !triggers.some((o) => o !== t && segmentOf(o.start) === segmentOf(thing.start)));
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

function segmentIndex(tokens: readonly Token[], at: number): number {
  let segment = 0;
  for (let i = 0; i < at && i < tokens.length; i++) if (SEGMENT_BREAKS.has((tokens[i] as Token).normal)) segment++;
  return segment;
}

/** Violence gets the sentence's casualties: "killing two", "at least four were killed in the airstrikes". */
function attachCasualties(events: EventMention[], casualties: readonly CasualtyMention[]): void {
  for (const c of casualties) {
    if (c.kind !== 'killed' && c.kind !== 'injured') continue;
    const target =
      nearest(
        events.filter((e) => VIOLENT.has(e.type)),
        c,
      ) ?? (events.length === 1 ? events[0] : undefined);
    if (!target) continue;
    const slot = c.kind === 'killed' ? 'killed' : 'injured';
    if (target[slot] === null) target[slot] = c;
  }
}

// "A minefield explosion killed two Iraqi youths": with no other recipient, the victims were on the receiving end.
function victimsAsRecipients(sentence: Sentence, events: EventMention[], actors: readonly ActorMention[]): void {
  for (const e of events) {
    if (e.type !== 'ASSAULT' || e.recipients.length > 0) continue;
    for (const c of [e.killed, e.injured]) {
      const end = c ? c.end + includedAfter(sentence, c.end) : 0;
      const inside = c ? actors.filter((a) => a.start >= c.start && a.end <= end && !e.actors.includes(a)) : [];
      // "five people, including two French soldiers": the victims a country is named for say more.
      const named = inside.filter((a) => a.country !== null);
      const victims = named.length > 0 ? named : inside;
      if (victims.length > 0) {
        e.recipients = victims;
        e.recipientRule = 'casualties:victims';
        break;
      }
    }
  }
}

// "Serbia rejected an Australian ultimatum", "threatened to impose restrictions against German goods"
function attributivesAsRecipients(
  sentence: Sentence,
  events: EventMention[],
  attributives: readonly ActorMention[],
): void {
  for (const e of events) {
    if (e.recipients.length > 0 || !(REACTING.has(e.type) || e.type === 'THREATEN' || e.type === 'ACCUSE')) continue;
    const end = e.trigger.end + 60;
    const country = attributives.find(
      (a) =>
        a.start >= e.trigger.end &&
        a.start <= end &&
        !/[;:]/.test(sentence.text.slice(e.trigger.end - sentence.start, a.start - sentence.start)),
    );
    if (country && !e.actors.some((x) => x.country === country.country)) {
      e.recipients = [country];
      e.recipientRule = 'attributive-country';
    }
  }
}

// "HTS factions took control of Khan al-Asal after regime forces withdrew", "M23 captured the town after clashes with
// the army": the fighting and the withdrawal are how the town changed hands, one ACLED event.
function foldIntoCaptures(events: EventMention[]): void {
  const capture = events.find((e) => e.type === 'ASSAULT' && e.hint === 'territory');
  if (!capture) return;
  for (const e of events) {
    if (e === capture || e.folded) continue;
    const fighting = e.type === 'ASSAULT' && isAfter(e, capture);
    const withdrawal = e.type === 'RETREAT' && e.mode === 'withdraw';
    if (!fighting && !withdrawal) continue;
    if (capture.recipients.length === 0) {
      capture.recipients = withdrawal ? e.actors : e.recipients;
      capture.recipientRule = withdrawal ? 'capture:withdrawing-side' : 'capture:side-fought';
    }
    e.folded = true;
  }
}

function isAfter(e: EventMention, capture: EventMention): boolean {
  return e.trigger.start > capture.trigger.end;
}

// "a rocket attack on the base, which it blamed on the militia", "in an attack the army blamed on rebels": the blame
// says who is alleged to have done the event; it is the event's actor, with the claim's status "alleged".
function foldBlameIntoEvents(events: EventMention[]): void {
  for (const blame of events) {
    if (blame.type !== 'ACCUSE' || !/^blam/.test(blame.trigger.text.toLowerCase()) || blame.recipients.length === 0)
      continue;
    const event = events.find((e) => e !== blame && e.type !== 'ACCUSE' && e.trigger.start < blame.trigger.start);
    if (!event || (event.actors.length > 0 && event.actorRule !== 'nominal:clause-subject')) continue;
    event.actors = blame.recipients;
    event.actorRule = 'blamed-on';
    event.status = 'alleged';
    blame.folded = true;
  }
}

// "dozens of people demonstrated …, calling for the fall of the government": the protest's demand, not a request.
function foldDemandsIntoProtests(tokens: readonly Token[], events: EventMention[]): void {
  const protest = events.find((e) => e.type === 'PROTEST');
  if (!protest) return;
  for (const e of events) {
    if (
      e.type !== 'REQUEST' ||
      e.trigger.start < protest.trigger.end ||
      !/ing$/.test(tokens[e.trigger.first]?.normal ?? '')
    )
      continue;
    if (protest.recipients.length === 0 && e.recipients.length > 0) {
      protest.recipients = e.recipients;
      protest.recipientRule = 'protest:demand-addressee';
    }
    e.folded = true;
  }
}

/** How far ", including three Italian soldiers" runs on after a casualty phrase. */
function includedAfter(sentence: Sentence, end: number): number {
  const rest = sentence.text.slice(end - sentence.start);
  const m = /^,?\s*including\b[^,;]*/.exec(rest);
  return m ? m[0].length : 0;
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

/** Words that set an event as the background of another: "after two days of fighting", "at the talks". */
const BACKGROUND = new Set([
  'after',
  'during',
  'amid',
  'following',
  'since',
  'despite',
  'at',
  'ahead',
  'wake',
  'before',
  // "Previous truces have collapsed within weeks": an event recalled, not reported.
  'previous',
  'past',
  'earlier',
  'former',
]);

/**
 * "signed a truce after a week of heavy fighting": a noun event named only as the background of another,
 * with no party and no date of its own, is not a record of its own. "during talks on Monday" has a date, and
 * "after an attack by the militia" a party: both stay.
 */
function isBareBackground(tokens: readonly Token[], e: EventMention, dates: readonly DateMention[]): boolean {
  if (e.trigger.pos !== 'NOUN') return false;
  const before = tokens.slice(Math.max(0, e.trigger.first - 5), e.trigger.first);
  if (!before.some((t) => BACKGROUND.has(t.normal) && ['ADP', 'NOUN', 'SCONJ', 'ADJ'].includes(t.pos))) return false;
  if (before.some((t) => t.pos === 'VERB')) return false;
  const ownActor = e.actorRule !== null && e.actorRule !== 'nominal:clause-subject';
  const ownRecipient = e.recipientRule !== null;
  const next = tokens[e.trigger.last];
  const ownDate =
    dates.some((d) => d.start >= e.trigger.end && d.start - e.trigger.end <= 12) ||
    (next !== undefined && dates.some((d) => d.start === next.start));
  return !ownActor && !ownRecipient && !ownDate && e.killed === null;
}

// "urged the factions to widen their raids during a meeting on Monday": the meeting shares the call's people.
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
// ("believed to have been planted by", "alleged role") for the event nearest to it.
function attachStatus(
  events: EventMention[],
  attributions: readonly Attribution[],
  actors: readonly ActorMention[],
): void {
  for (const a of attributions) {
    if (a.status === null || a.status === 'reported') continue;
    const status = a.status;
    const targets =
      a.sources.length > 0 || a.outlets.length > 0 ? events : [nearest(events, a)].filter((e) => e !== undefined);
    // "Al-Shabab claimed responsibility for the attack": who claims an attack is its actor.
    const claimer =
      status === 'claimed' ? actors.filter((m) => a.sources.some((s) => m.start >= s.start && m.end <= s.end)) : [];
    for (const e of targets) {
      if (STATUS_STRENGTH.indexOf(status) > STATUS_STRENGTH.indexOf(e.status)) e.status = status;
      if (claimer.length > 0 && e.type === 'ASSAULT' && !e.actors.some((x) => claimer.includes(x))) {
        e.actors = claimer;
        e.actorRule = 'claim:claimed-by';
      }
    }
  }
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
