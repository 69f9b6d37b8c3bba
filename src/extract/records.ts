// Stage: records. Turns each cluster of event mentions into one event record: ontology codes, the most specific
// value of each field with the rule behind it, the evidence sentences, the claim chain and a stable id.
import { stableId } from '../core/ids.ts';
import type { AcledActorType } from '../core/ontology/acled.ts';
import { cameoRoot } from '../core/ontology/cameo.ts';
import { acledFor, cameoCodeFor } from '../core/ontology/mappings.ts';
import { intensityOf, type Modality, PLOVER } from '../core/ontology/plover.ts';
import type { Actor, Claim, EventDate, EventRecord, Evidence, Link } from '../core/record.ts';
import type { ActorMention } from './actors/find.ts';
import { PRONOUNS } from './actors/phrases.ts';
import type { CasualtyMention } from './casualties/find.ts';
import { mergeSources, type SourceRef } from './claims/find.ts';
import type { EventMention } from './events.ts';
import type { InferredCluster } from './infer.ts';
import { sameParty } from './merge.ts';
import type { PreparedDocument } from './model.ts';
import { tollOf } from './tolls.ts';

export function buildRecords(
  doc: PreparedDocument,
  clusters: readonly InferredCluster[],
  extractor: string,
): EventRecord[] {
  const ids = clusters.map((c) => stableId(doc.id, c.mentions[0]?.type ?? '', c.mentions[0]?.trigger.start ?? 0));
  const cutoff = historicalCutoff(doc.published);
  return clusters.map((cluster, i) => buildRecord(doc, cluster, ids[i] as string, ids, extractor, cutoff));
}

function buildRecord(
  doc: PreparedDocument,
  cluster: InferredCluster,
  id: string,
  ids: readonly string[],
  extractor: string,
  cutoff: string | null,
): EventRecord {
  const main = cluster.mentions[0] as EventMention;
  const mode = cluster.mentions.map((m) => m.mode).find((m) => m !== null) ?? null;
  const hint = cluster.mentions.map((m) => m.hint).find((h) => h !== null) ?? null;
  const actors = uniqueActors(
    cluster.mentions.flatMap((m) => m.actors),
    cluster.actorsInherited,
  );
  const recipients = uniqueActors(
    cluster.mentions.flatMap((m) => m.recipients),
    cluster.recipientsInherited,
  ).filter((r) => !actors.some((a) => sameSide(a.actor, r.actor)));
  const code = cameoCodeFor(main.type, mode);
  const killed = mostSpecific(cluster.mentions.map((m) => m.killed)) ?? tollOf(cluster.tolls, 'killed');
  const injured = mostSpecific(cluster.mentions.map((m) => m.injured)) ?? tollOf(cluster.tolls, 'injured');
  const fields: Record<string, string> = {
    type:
      main.type === main.trigger.type ? `trigger:${main.trigger.entry}` : `intent:${main.trigger.entry}→${main.type}`,
  };
  if (mode !== null) fields.mode = `trigger:${cluster.mentions.find((m) => m.mode === mode)?.trigger.entry}`;
  const actorRule = cluster.mentions.find((m) => m.actorRule)?.actorRule;
  if (actors[0])
    fields.actor = [cluster.actorsInherited.length > 0 ? 'inherited' : actorRule, actors[0].provenance]
      .filter(Boolean)
      .join('; ');
  const recipientRule = cluster.mentions.find((m) => m.recipientRule)?.recipientRule;
  if (recipients[0])
    fields.recipient = [recipientRule ?? 'inherited', recipients[0].provenance].filter(Boolean).join('; ');
  if (cluster.date) fields.date = cluster.dateRule;
  if (cluster.place) fields.place = cluster.placeRule;
  if (killed) fields.killed = killed.rule;
  if (injured) fields.injured = injured.rule;
  const count = cluster.mentions.map((m) => m.count).find((c) => c !== null) ?? null;
  if (count) fields.count = 'quantity-before-trigger';
  const claim = claimOf(doc, cluster.mentions);
  fields.claim = claim.rule;
  const modality = modalityOf(main.modality, cluster.date, cutoff);
  return {
    id,
    document: doc.id,
    type: main.type,
    mode,
    context: [...new Set(cluster.mentions.flatMap((m) => m.context))],
    intensity: intensityOf(main.type, mode),
    quad: PLOVER[main.type].quad,
    cameo: { root: code, goldstein: cameoRoot(code).goldstein },
    acled:
      modality === 'asserted' || modality === 'historical'
        ? acledFor(main.type, mode, {
            actor: (actors[0]?.actor.acled ?? null) as AcledActorType | null,
            recipient: (recipients[0]?.actor.acled ?? null) as AcledActorType | null,
            hint,
          })
        : null,
    actor: actors.map((a) => a.actor),
    recipient: recipients.map((r) => r.actor),
    date: cluster.date,
    place: cluster.place,
    count,
    killed: killed ? { min: killed.min, max: killed.max } : null,
    injured: injured ? { min: injured.min, max: injured.max } : null,
    victims: [...new Set([killed?.victims, injured?.victims].filter((v): v is string => !!v))],
    claim: claim.claim,
    modality,
    links: cluster.links.map((l): Link => ({ relation: l.relation, event: ids[l.to] as string, text: l.text })),
    evidence: evidenceOf(doc, cluster.mentions, cluster.tolls),
    provenance: { extractor, fields },
    confidence: confidenceOf(cluster, actors.length > 0, recipients.length > 0),
  };
}

interface BuiltActor {
  actor: Actor;
  provenance: string;
}

function toActor(m: ActorMention, all: readonly ActorMention[]): BuiltActor {
  const antecedent = m.antecedent !== undefined ? all[m.antecedent] : undefined;
  return {
    actor: {
      text: m.text,
      name: m.name,
      id: m.id,
      country: m.country,
      sector: m.sector,
      acled: m.acled,
      kind: m.kind,
      span: { start: m.start, end: m.end },
      refersTo: antecedent ? antecedent.text : null,
    },
    provenance: m.rule,
  };
}

/** One entry per party: "Karimi" and "Ahmed Karimi" are one. */
/**
 * A recipient that is one of the actors is not a recipient as well. A named actor is itself wherever it is named;
 * a generic one only when it is written the same way (or as a pronoun): "residents beat a woman to death" has
 * civilians on both sides.
 */
function sameSide(actor: Actor, recipient: Actor): boolean {
  if (actor.name !== recipient.name) return false;
  const [a, r] = [actor.text.toLowerCase(), recipient.text.toLowerCase()];
  // A pronoun carries the name of what it refers to: "bar Americans from dealing with them" is no second side.
  return actor.kind !== 'generic' || PRONOUNS.has(a) || PRONOUNS.has(r) || a === r;
}

function uniqueActors(mentions: readonly ActorMention[], inherited: readonly ActorMention[]): BuiltActor[] {
  const list = mentions.length > 0 ? mentions : inherited;
  const kept: ActorMention[] = [];
  for (const m of list) if (!kept.some((k) => sameParty(k, m) && k.id === m.id)) kept.push(m);
  return kept.map((m) => toActor(m, list));
}

/** The casualty figure with the most information: a stated number beats "an unknown number". */
function mostSpecific(list: readonly (CasualtyMention | null)[]): CasualtyMention | null {
  let best: CasualtyMention | null = null;
  for (const c of list) if (c && (!best || c.min > best.min)) best = c;
  return best;
}

function claimOf(doc: PreparedDocument, mentions: readonly EventMention[]): { claim: Claim; rule: string } {
  let sources: SourceRef[] = [];
  const via: string[] = [];
  const rules: string[] = [];
  const seen = new Set<number>();
  for (const m of mentions) {
    if (seen.has(m.sentence)) continue;
    seen.add(m.sentence);
    for (const a of m.attributions) {
      sources = mergeSources(sources, a.sources);
      // The claims stage lists a chain as it is read ("according to AFP, citing state media" → AFP, state media);
      // the record runs from the origin to the publisher: state media → AFP → the publishing outlet.
      for (const outlet of [...a.outlets].reverse()) if (!via.includes(outlet)) via.push(outlet);
      rules.push(a.rule);
    }
  }
  // "BAGHDAD, March 12 (Desert Wire) -" in a paper's pages: the wire wrote the story the paper publishes, so the
  // chain runs through it (and two papers printing one wire story share its origin: docs/MERGE.md).
  for (const outlet of [doc.agency, doc.outlet]) {
    if (outlet && !via.some((v) => v.toLowerCase() === outlet.toLowerCase())) via.push(outlet);
  }
  const statuses = mentions.map((m) => m.status);
  const status =
    (['denied', 'claimed', 'suspected', 'alleged'] as const).find((s) => statuses.includes(s)) ?? 'reported';
  return {
    claim: {
      status,
      via,
      sources: sources.map((s) => ({ text: s.text, anonymous: s.anonymous, count: s.count, kind: s.kind })),
    },
    rule: rules.length > 0 ? [...new Set(rules)].join('; ') : 'claim:publication',
  };
}

/** The day a year before publication (worked out once a document): events that ended before it are background. */
function historicalCutoff(published: string | null): string | null {
  const day = published ? Date.parse(`${published}T00:00:00Z`) : Number.NaN;
  // (An unreadable publication date has no cutoff: no event is called background.)
  return Number.isNaN(day) ? null : new Date(day - 365 * 86_400_000).toISOString().slice(0, 10);
}

function modalityOf(modality: Modality, date: EventDate | null, cutoff: string | null): Modality {
  if (modality !== 'asserted' || !date || !cutoff) return modality;
  // An event that ended more than a year before the report is background: PLOVER's "historical".
  return date.end < cutoff ? 'historical' : modality;
}

/** The sentences of the event's mentions (with their trigger words), then those of its tolls (with none). */
function evidenceOf(
  doc: PreparedDocument,
  mentions: readonly EventMention[],
  tolls: readonly CasualtyMention[],
): Evidence[] {
  const evidence: Evidence[] = [];
  const cite = (index: number, trigger: Evidence['trigger']) => {
    const sentence = doc.sentences[index];
    if (!sentence || evidence.some((e) => e.sentence === index)) return;
    evidence.push({ sentence: index, start: sentence.start, end: sentence.end, text: sentence.text, trigger });
  };
  for (const m of mentions) cite(m.sentence, { start: m.trigger.start, end: m.trigger.end });
  for (const t of tolls) cite(t.sentence, null);
  return evidence;
}

function confidenceOf(cluster: InferredCluster, hasActor: boolean, hasRecipient: boolean): number {
  const main = cluster.mentions[0] as EventMention;
  let score = 0.45;
  if (hasActor) score += 0.15;
  if (hasRecipient) score += 0.1;
  if (cluster.date?.basis === 'explicit') score += 0.1;
  if (cluster.place) score += 0.05;
  if (cluster.mentions.length > 1) score += 0.1;
  if (main.trigger.pos === 'VERB') score += 0.05;
  return Math.round(Math.min(0.95, score) * 100) / 100;
}
