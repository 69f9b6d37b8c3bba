// Stage: inference across a document's events. What one event's words leave open, the document often says
// elsewhere: "One attack, targeting the air base" belongs to the four attacks of the sentence before; airstrikes
// that "followed" militia attacks say whom those attacks were aimed at; an event without a date of its own takes
// the nearest sensible one, and says so.
import type { PloverType } from '../core/ontology/plover.ts';
import type { EventDate, Place } from '../core/record.ts';
import type { ActorMention } from './actors/find.ts';
import type { DateMention } from './dates/find.ts';
import type { EventMention } from './events.ts';
import type { LinkRelation, MentionLink } from './links.ts';
import { type EventCluster, fit } from './merge.ts';
import type { PreparedDocument, Token } from './model.ts';
import type { PlaceMention } from './places/find.ts';

export interface ClusterLink {
  relation: LinkRelation;
  /** Index of the linked cluster. */
  to: number;
  text: string;
}

export interface InferredCluster extends EventCluster {
  links: ClusterLink[];
  date: EventDate | null;
  dateRule: string;
  place: Place | null;
  placeRule: string;
  actorsInherited: ActorMention[];
  recipientsInherited: ActorMention[];
}

export function inferAcrossDocument(
  doc: PreparedDocument,
  clusters: readonly EventCluster[],
  links: readonly MentionLink[],
): InferredCluster[] {
  const clusterOf = new Map<number, number>();
  clusters.forEach((c, i) => {
    for (const m of c.mentions) clusterOf.set(m.index, i);
  });
  const inferred: InferredCluster[] = clusters.map((cluster) => {
    const dated = ownDate(cluster.mentions);
    const placed = ownPlace(cluster.mentions);
    return {
      mentions: cluster.mentions,
      tolls: cluster.tolls,
      links: [],
      date: dated ? toEventDate(dated.date, 'explicit') : null,
      dateRule: dated ? dated.date.rule : '',
      place: placed ? toPlace(placed) : null,
      placeRule: placed ? placed.rule : '',
      actorsInherited: [],
      recipientsInherited: [],
    };
  });
  for (const link of links) {
    const from = clusterOf.get(link.from);
    const to = clusterOf.get(link.to);
    if (from === undefined || to === undefined || from === to) continue;
    const cluster = inferred[from] as InferredCluster;
    if (!cluster.links.some((l) => l.to === to && l.relation === link.relation))
      cluster.links.push({ relation: link.relation, to, text: link.text });
  }
  inheritFromGroups(inferred);
  inferFromLinks(inferred, doc.published);
  inheritDates(doc, inferred);
  inheritPlaces(doc, inferred);
  placesAsRecipients(doc, inferred);
  markInterventions(inferred);
  return inferred;
}

/** An explicit date beats a vague span. */
function ownDate(mentions: readonly EventMention[]): { date: DateMention } | null {
  const dates = mentions.map((m) => m.date).filter((d): d is DateMention => d !== null && !d.future);
  const date = dates.find((d) => d.precision !== 'range') ?? dates[0];
  return date ? { date } : null;
}

/** The most precise place any mention gives. */
function ownPlace(mentions: readonly EventMention[]): PlaceMention | null {
  let best: PlaceMention | null = null;
  for (const m of mentions) if (m.place && (!best || m.place.precision < best.precision)) best = m.place;
  return best;
}

function toEventDate(date: DateMention, basis: EventDate['basis']): EventDate {
  return {
    start: date.range.start,
    end: date.range.end,
    precision: date.precision,
    text: date.text,
    basis,
    span: { start: date.start, end: date.end },
  };
}

function toPlace(place: PlaceMention): Place {
  return {
    text: place.text,
    name: place.name,
    feature: place.feature,
    country: place.country,
    countries: place.countries,
    admin1: place.admin1,
    lat: place.lat,
    lon: place.lon,
    precision: place.precision,
    span: { start: place.start, end: place.end },
  };
}

/** An inherited date is known less precisely than the event it came from, and says so. */
function lower(precision: EventDate['precision']): EventDate['precision'] {
  const order: EventDate['precision'][] = ['day', 'week', 'month', 'year', 'range'];
  return order[Math.min(order.indexOf(precision) + 1, order.length - 1)] ?? 'range';
}

const hasActors = (c: InferredCluster) => c.mentions.some((m) => m.actors.length > 0) || c.actorsInherited.length > 0;
const hasRecipients = (c: InferredCluster) =>
  c.mentions.some((m) => m.recipients.length > 0) || c.recipientsInherited.length > 0;
const actorsOf = (c: InferredCluster) => {
  const own = c.mentions.flatMap((m) => m.actors);
  return own.length > 0 ? own : c.actorsInherited;
};
const recipientsOf = (c: InferredCluster) => {
  const own = c.mentions.flatMap((m) => m.recipients);
  return own.length > 0 ? own : c.recipientsInherited;
};

// "Gunmen carried out three raids on Sunday … One raid, on a clinic, …"
function inheritFromGroups(clusters: InferredCluster[]): void {
  clusters.forEach((cluster, i) => {
    if (!cluster.mentions[0]?.singledOut) return;
    const group = clusters
      .slice(0, i)
      .reverse()
      .find((c) => c.mentions[0]?.type === cluster.mentions[0]?.type && !c.mentions[0]?.singledOut);
    if (!group) return;
    if (!hasActors(cluster)) cluster.actorsInherited = actorsOf(group);
    if (!hasRecipients(cluster)) cluster.recipientsInherited = recipientsOf(group);
    if (!cluster.date && group.date) {
      cluster.date = { ...group.date, precision: lower(group.date.precision), basis: 'inherited', span: null };
      cluster.dateRule = 'inherited:group';
    }
    if (!cluster.place && group.place) {
      cluster.place = group.place;
      cluster.placeRule = 'inherited:group';
    }
  });
}

// "army shelling [of rebel positions] followed mortar fire by the rebels": those attacks were aimed at
// the United States. "Following the airstrikes, the militia vowed …": the vow came after them.
function inferFromLinks(clusters: InferredCluster[], published: string | null): void {
  for (const later of clusters) {
    for (const link of later.links) {
      if (link.relation !== 'after' && link.relation !== 'response_to') continue;
      const earlier = clusters[link.to];
      if (!earlier) continue;
      if (!hasRecipients(earlier) && hasActors(earlier) && fit(actorsOf(earlier), recipientsOf(later)) === 'match') {
        earlier.recipientsInherited = actorsOf(later);
      }
      if (!hasRecipients(later) && hasActors(later) && fit(actorsOf(later), recipientsOf(earlier)) === 'match') {
        later.recipientsInherited = actorsOf(earlier);
      }
      if (!later.date && earlier.date) {
        later.date = {
          start: earlier.date.start,
          end: published !== null && published > earlier.date.end ? published : earlier.date.end,
          precision: 'range',
          text: null,
          basis: 'inherited',
          span: null,
        };
        later.dateRule = `inherited:after-linked-event (${link.text})`;
      }
    }
  }
}

/**
 * An undated event takes the date of the nearest earlier event with a party in common ("the envoy urged the factions"
 * after "a meeting last week"), else of the nearest dated event in the same or the previous paragraph, else the
 * week before publication.
 */
function inheritDates(doc: PreparedDocument, clusters: InferredCluster[]): void {
  const paragraphOf = (c: InferredCluster) => doc.sentences[c.mentions[0]?.sentence ?? 0]?.paragraph ?? 0;
  const parties = (c: InferredCluster) => [...actorsOf(c), ...recipientsOf(c)];
  clusters.forEach((cluster, i) => {
    if (cluster.date) return;
    const here = paragraphOf(cluster);
    const earlier = clusters
      .slice(0, i)
      .reverse()
      .filter(
        (c) => c.date && c.date.basis === 'explicit' && c.mentions[0]?.modality === cluster.mentions[0]?.modality,
      );
    const related = earlier.find((c) => fit(parties(c), parties(cluster)) === 'match');
    const near = earlier.find((c) => here - paragraphOf(c) <= 1);
    const source = related ?? near;
    if (source?.date) {
      cluster.date = {
        ...source.date,
        precision: lower(source.date.precision),
        basis: 'inherited',
        text: null,
        span: null,
      };
      cluster.dateRule = related ? 'inherited:event-with-a-common-party' : 'inherited:nearest-event';
      return;
    }
    if (doc.published) {
      const end = doc.published;
      const start = new Date(Date.parse(`${end}T00:00:00Z`) - 6 * 86_400_000).toISOString().slice(0, 10);
      cluster.date = { start, end, precision: 'week', text: null, basis: 'publication', span: null };
      cluster.dateRule = 'inherited:publication-week';
    }
  });
}

/** A place said of the neighbouring event in the same paragraph. */
function inheritPlaces(doc: PreparedDocument, clusters: InferredCluster[]): void {
  const paragraphOf = (c: InferredCluster) => doc.sentences[c.mentions[0]?.sentence ?? 0]?.paragraph ?? 0;
  clusters.forEach((cluster, i) => {
    if (cluster.place) return;
    const here = paragraphOf(cluster);
    const source = clusters
      .slice(0, i)
      .reverse()
      .find((c) => c.place && c.placeRule.startsWith('inherited') === false && paragraphOf(c) === here);
    if (source?.place) {
      cluster.place = source.place;
      cluster.placeRule = 'inherited:same-paragraph';
    }
  });
}

/**
 * Types whose recipient PLOVER codes as the place when no party is named: "visited Russia", "lifted the curfew in
 * Montenegro", "sent arms to Pakistan", "withdrew from Panama". Violence happens at a place; it is not done to it.
 */
const PLACE_AS_RECIPIENT: ReadonlySet<PloverType> = new Set([
  'PROTEST',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'AGREE',
  'SANCTION',
  'REQUEST',
  'REJECT',
  'THREATEN',
  'MOBILIZE',
]);
const TARGET_WORDS = new Set([
  'to',
  'in',
  'into',
  'from',
  'on',
  'for',
  'with',
  'against',
  'visit',
  'visited',
  'visits',
  'toured',
  'tour',
]);

function placeIsTarget(tokens: readonly Token[], place: PlaceMention): boolean {
  const at = tokens.findIndex((t) => t.start >= place.start);
  const before = tokens[at - 1];
  return (
    before !== undefined && (TARGET_WORDS.has(before.normal) || (before.pos === 'VERB' && place.feature === 'country'))
  );
}

function placeAsActor(place: PlaceMention): ActorMention {
  return {
    sentence: place.sentence,
    start: place.start,
    end: place.end,
    text: place.text,
    id: `place:${place.country ?? ''}:${place.name}`,
    name: place.name,
    country: place.country,
    sector: place.feature === 'country' ? 'GOV' : null,
    acled: null,
    kind: 'place',
    plural: false,
    head: place.name.toLowerCase(),
    rule: `place:${place.rule}`,
  };
}

/** The last resort for a recipient: the place the event was aimed at, when the text names no party. */
function placesAsRecipients(doc: PreparedDocument, clusters: InferredCluster[]): void {
  for (const cluster of clusters) {
    const type = cluster.mentions[0]?.type;
    if (!type || !PLACE_AS_RECIPIENT.has(type) || hasRecipients(cluster)) continue;
    const place = cluster.mentions
      .map((m) => m.place)
      .find((p): p is PlaceMention => p !== null && placeIsTarget(doc.sentences[p.sentence]?.tokens ?? [], p));
    if (place) cluster.recipientsInherited = [placeAsActor(place)];
  }
}

// "Police fired tear gas to disperse hundreds of protesters": a protest and the force used on it, told together, are
// ACLED's "Protest with intervention" (both records say so).
function markInterventions(clusters: InferredCluster[]): void {
  const force = (m: EventMention) =>
    (m.type === 'ASSAULT' && m.mode === 'crowd-control') || (m.type === 'COERCE' && m.mode === 'arrest');
  for (const protest of clusters.filter((c) => c.mentions[0]?.type === 'PROTEST')) {
    const sentences = new Set(protest.mentions.map((m) => m.sentence));
    const met = clusters.filter((c) => c.mentions.some((m) => force(m) && sentences.has(m.sentence)));
    if (met.length === 0) continue;
    for (const m of protest.mentions) m.hint = 'protest-intervention';
    for (const c of met)
      for (const m of c.mentions) if (m.type === 'ASSAULT' && m.killed === null) m.hint = 'protest-intervention';
  }
}
