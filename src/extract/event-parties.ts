// Who an event of a sentence involves, beyond the plain roles: the words of one event read together, speakers who
// ask, mines struck, victims, countries named by adjective, claimers, and the casualties and status a sentence gives.
import type { PloverType } from '../core/ontology/plover.ts';
import type { ClaimStatus } from '../core/record.ts';
import type { ActorMention } from './actors/find.ts';
import type { CasualtyMention } from './casualties/find.ts';
import type { Attribution } from './claims/find.ts';
import type { EventMention } from './event-mention.ts';
import type { Sentence } from './model.ts';
import { assignRoles, type PlacedMention, type Roles } from './roles.ts';
import type { TriggerMention } from './triggers/find.ts';

/** Types whose recipient can be whoever made the event they react to. */
export const REACTING: ReadonlySet<PloverType> = new Set([
  'REJECT',
  'SUPPORT',
  'CONCEDE',
  'COERCE',
  'REQUEST',
  'AGREE',
  'SANCTION',
]);

// "a VDP convoy struck an improvised explosive device": the convoy is the target; whoever laid it is unknown.
export function reverseRoles(roles: Roles): void {
  roles.recipients = roles.actors;
  roles.recipientRule = roles.actorRule ? `reverse:${roles.actorRule}` : null;
  roles.actors = [];
  roles.actorRule = null;
}

// "Kenya said on Monday that Somalia must hand over the suspects": Kenya asks, Somalia is asked.
/** `teller`: the index of the sentence's first teller among the parties, or null when no one tells it. */
export function speakerRoles(roles: Roles, teller: number | null): void {
  const asked = roles.actors;
  roles.recipients = asked;
  roles.recipientRule = asked.length > 0 ? 'speaker:subject-is-asked' : null;
  roles.actors = teller === null ? [] : [teller];
  roles.actorRule = teller === null ? null : 'speaker:teller';
}

/** A source with the relative clause that describes it: "a diplomat, who was told of the envoy's trip,". */
export function describedSource(
  sentence: Sentence,
  source: { start: number; end: number },
): { start: number; end: number } {
  const after = sentence.text.slice(source.end - sentence.start);
  const clause = /^,\s*(?:who|which|whose)\b[^,]*,/.exec(after);
  return { start: source.start, end: source.end + (clause ? clause[0].length : 0) };
}

/**
 * The roles of a trigger, completed by the other words of the same event ("were killed in the airstrikes") and by
 * what it governs: "threatened to shoot down Turkish drones" — the drones are what the threat is aimed at.
 */
export function rolesOf(
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

const VIOLENT: ReadonlySet<PloverType> = new Set(['ASSAULT', 'COERCE', 'PROTEST']);

/** Violence gets the sentence's casualties: "killing two", "at least four were killed in the airstrikes". */
export function attachCasualties(events: EventMention[], casualties: readonly CasualtyMention[]): void {
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
export function victimsAsRecipients(sentence: Sentence, events: EventMention[], actors: readonly ActorMention[]): void {
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

/** How far ", including three Italian soldiers" runs on after a casualty phrase. */
function includedAfter(sentence: Sentence, end: number): number {
  const rest = sentence.text.slice(end - sentence.start);
  const m = /^,?\s*including\b[^,;]*/.exec(rest);
  return m ? m[0].length : 0;
}

// "Serbia rejected an Australian ultimatum", "threatened to impose restrictions against German goods"
export function attributivesAsRecipients(
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

function nearest(events: readonly EventMention[], thing: { start: number; end: number }): EventMention | undefined {
  let best: EventMention | undefined;
  let distance = Number.POSITIVE_INFINITY;
  for (const e of events) {
    // ", killing two" is a word of the event it tells more of ("opened fire …, killing two"): distances count from
    // every word of the event.
    const d = Math.min(...[e.trigger, ...e.trigger.also].map((t) => Math.abs(thing.start - t.start)));
    if (d < distance) {
      distance = d;
      best = e;
    }
  }
  return best;
}

const STATUS_STRENGTH: readonly ClaimStatus[] = ['reported', 'alleged', 'suspected', 'claimed', 'denied'];

// "the group said it carried out the attack" (a teller's status) holds for the sentence's events; a bare marker
// ("believed to have been planted by", "alleged role") for the event nearest to it.
export function attachStatus(
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
