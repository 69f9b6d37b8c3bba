// Stage: merge in document. One record per real-world event: the mentions of one event across a report's sentences
// ("two Turkish drone strikes … Those strikes … wounded in the strikes") become one cluster.

import { distanceKm } from '../core/geo.ts';
import type { ActorMention } from './actors/find.ts';
import type { CasualtyMention } from './casualties/find.ts';
import type { EventMention } from './events.ts';
import type { MentionLink } from './links.ts';

export interface EventCluster {
  mentions: EventMention[];
  /** Counts of the dead or wounded told in a sentence of their own, after the event (see tolls.ts). */
  tolls: CasualtyMention[];
}

type Fit = 'match' | 'neutral' | 'conflict';

/** Groups the document's event mentions (in reading order) into clusters of one real-world event each. */
export function mergeMentions(mentions: readonly EventMention[], links: readonly MentionLink[]): EventCluster[] {
  const clusters: EventCluster[] = [];
  const clusterOf = new Map<number, EventCluster>();
  // Captions last: the photo usually shows an event the body goes on to tell, wherever the caption stands.
  const ordered = [...mentions.filter((m) => !m.caption), ...mentions.filter((m) => m.caption)];
  for (const mention of ordered) {
    anchorVagueDate(mention, links, clusterOf);
    const target = findAntecedent(clusters, mention);
    const cluster = target ?? { mentions: [], tolls: [] };
    if (!target) clusters.push(cluster);
    cluster.mentions.push(mention);
    clusterOf.set(mention.index, cluster);
  }
  return clusters;
}

// "Those strikes [May 4] followed rocket fire in recent weeks": the vague span ends
// before the event it preceded, not at publication.
function anchorVagueDate(
  mention: EventMention,
  links: readonly MentionLink[],
  clusterOf: ReadonlyMap<number, EventCluster>,
): void {
  const date = mention.date;
  if (date?.precision !== 'range') return;
  for (const link of links) {
    if (link.to !== mention.index || (link.relation !== 'after' && link.relation !== 'response_to')) continue;
    const later = clusterOf.get(link.from)?.mentions.find((m) => m.date && m.date.precision !== 'range')?.date;
    if (!later || later.range.start > date.range.end) continue;
    const end = dayBefore(later.range.start);
    const length = daysBetween(date.range.start, date.range.end);
    mention.date = { ...date, range: { start: addDays(end, -length), end } };
    return;
  }
}

function dayBefore(iso: string): string {
  return addDays(iso, -1);
}

function addDays(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** "three fighters were killed", "two soldiers were wounded": a toll, with no one named as doing it. */
function isToll(mention: EventMention): boolean {
  const { trigger } = mention;
  return trigger.passive && mention.actors.length === 0 && TOLL_WORDS.test(trigger.text);
}

const TOLL_WORDS = /^(?:killed|wounded|injured|hurt)$/i;

function findAntecedent(clusters: readonly EventCluster[], mention: EventMention): EventCluster | undefined {
  for (let i = clusters.length - 1; i >= 0; i--) {
    const cluster = clusters[i] as EventCluster;
    if (canJoin(cluster, mention)) return cluster;
  }
  return undefined;
}

function lastSentence(cluster: EventCluster): number {
  return Math.max(...cluster.mentions.map((m) => m.sentence));
}

function canJoin(cluster: EventCluster, mention: EventMention): boolean {
  const head = cluster.mentions[0] as EventMention;
  // "Protesters threw stones at police. At least 20 people were injured.": the riot's toll.
  const riotToll = head.type === 'PROTEST' && head.mode === 'riot' && mention.type === 'ASSAULT' && isToll(mention);
  if (head.type !== mention.type && !riotToll) return false;
  if (head.modality !== mention.modality) return false;
  // "arrested 14 people … and imposed a curfew": two coercions of different kinds are two events.
  const mode = cluster.mentions.map((m) => m.mode).find((m) => m !== null);
  if (mode && mention.mode && mode !== mention.mode) return false;
  // "One attack, targeting the air base": singled out of a group, it is an event of its own.
  if (mention.singledOut && !cluster.mentions.every((m) => m.singledOut)) return false;
  // Two events told in one sentence are two events, but for the toll of one of them: "clashes broke out between
  // rival groups; three fighters were killed".
  const toll = isToll(mention) && (cluster.mentions.at(-1) as EventMention).sentence === mention.sentence;
  if (!toll && cluster.mentions.some((m) => m.sentence === mention.sentence)) return false;
  const actors = fit(clusterActors(cluster, 'actors'), mention.actors);
  const recipients = fit(clusterActors(cluster, 'recipients'), mention.recipients);
  // A toll right after its event names the victims ("two soldiers were killed"), not always as the event's
  // recipient was named ("shelled government positions").
  const tollNext = isToll(mention) && mention.sentence - lastSentence(cluster) <= 1;
  if (actors === 'conflict' || (recipients === 'conflict' && !tollNext)) return false;
  if (!datesFit(cluster, mention) || !placesFit(cluster, mention) || !countsFit(cluster, mention)) return false;
  // A back-reference ("those strikes", "the envoy's visit") joins on compatibility; a fresh mention needs a shared
  // party, or to follow within two sentences without naming one ("Two soldiers were wounded." after the attack).
  // "Smoke rises over a depot after U.S. strikes": a caption shows an event the report tells.
  if (mention.caption || toll) return true;
  const last = cluster.mentions.at(-1) as EventMention;
  const near = mention.sentence - last.sentence <= 2 && mention.actors.length === 0 && !mention.date;
  return (
    mention.definite ||
    actors === 'match' ||
    (actors === 'neutral' && recipients === 'match' && mention.type !== 'ASSAULT') ||
    near
  );
}

function clusterActors(cluster: EventCluster, side: 'actors' | 'recipients'): ActorMention[] {
  return cluster.mentions.flatMap((m) => m[side]);
}

function known(list: readonly ActorMention[]): ActorMention[] {
  return list.filter((m) => m.kind !== 'unidentified');
}

/** Whether two lists of actors can name the same side of one event. */
export function fit(a: readonly ActorMention[], b: readonly ActorMention[]): Fit {
  const left = known(a);
  const right = known(b);
  if (left.length === 0 || right.length === 0) return 'neutral';
  for (const x of left) for (const y of right) if (sameParty(x, y)) return 'match';
  return 'conflict';
}

/** The parts of a state that one report may name interchangeably: "the Turkish delegation" headed by "the general". */
const STATE_SECTORS = new Set(['GOV', 'MIL', 'SPY', 'COP', 'LEG', 'JUD']);

export function sameParty(x: ActorMention, y: ActorMention): boolean {
  if (x.id !== null && x.id === y.id) return true;
  if (x.name.toLowerCase() === y.name.toLowerCase()) return true;
  if (x.kind === 'state' || y.kind === 'state') return x.country !== null && x.country === y.country;
  const sectorsFit =
    x.sector === null ||
    y.sector === null ||
    x.sector === y.sector ||
    (STATE_SECTORS.has(x.sector) && STATE_SECTORS.has(y.sector));
  // "militia fighters" and "Turkish-backed militia posts": generic words without a country, of the same kind.
  if (x.country === null || y.country === null)
    return x.sector !== null && x.sector === y.sector && (x.kind === 'generic' || y.kind === 'generic');
  return x.country === y.country && sectorsFit;
}

function datesFit(cluster: EventCluster, mention: EventMention): boolean {
  if (!mention.date) return true;
  const own = mention.date.range;
  return cluster.mentions.every((m) => !m.date || (m.date.range.start <= own.end && own.start <= m.date.range.end));
}

function placesFit(cluster: EventCluster, mention: EventMention): boolean {
  const place = mention.place;
  if (!place) return true;
  return cluster.mentions.every((m) => {
    if (!m.place) return true;
    if (m.place.country !== null && place.country !== null && m.place.country !== place.country) {
      return m.place.countries.some((c) => place.countries.includes(c));
    }
    if (m.place.lat === null || place.lat === null || m.place.lon === null || place.lon === null) return true;
    return (
      distanceKm({ lat: m.place.lat, lon: m.place.lon }, { lat: place.lat, lon: place.lon }) <= 100 ||
      m.place.precision === 3 ||
      place.precision === 3
    );
  });
}

/** "four raids" and "a pair of air strikes" are different groups. */
function countsFit(cluster: EventCluster, mention: EventMention): boolean {
  if (!mention.count) return true;
  const count = mention.count;
  return cluster.mentions.every(
    (m) =>
      !m.count ||
      (m.count.min <= (count.max ?? Number.POSITIVE_INFINITY) &&
        count.min <= (m.count.max ?? Number.POSITIVE_INFINITY)),
  );
}
