// Events a sentence names that are part of, or the background to, another of its events: the fighting behind a
// capture, a protest's demands, a blame, a noun recalled in passing, the meeting an appeal was made at.
import type { DateMention } from './dates/find.ts';
import type { EventMention } from './event-mention.ts';
import type { Token } from './model.ts';

// "HTS factions took control of Khan al-Asal after regime forces withdrew", "M23 captured the town after clashes with
// the army": the fighting and the withdrawal are how the town changed hands, one ACLED event.
export function foldIntoCaptures(events: EventMention[]): void {
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
export function foldBlameIntoEvents(events: EventMention[]): void {
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
export function foldDemandsIntoProtests(tokens: readonly Token[], events: EventMention[]): void {
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
export function isBareBackground(tokens: readonly Token[], e: EventMention, dates: readonly DateMention[]): boolean {
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
export function linkCircumstances(tokens: readonly Token[], events: EventMention[]): void {
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
