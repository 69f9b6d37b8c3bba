// The extraction pipeline, stage by stage in the order they run. Every stage is pure: what it looks things up in
// (lexicons, the gazetteer) is built once and handed to it in `ExtractionResources`.
import type { DocumentInput, EventRecord } from '../core/record.ts';
import { findAttributives } from './actors/attributives.ts';
import { type ActorMention, findActorMentions, resolveCoreference } from './actors/find.ts';
import type { ActorLexicon } from './actors/lexicon.ts';
import { findCasualties } from './casualties/find.ts';
import { findAttributions } from './claims/find.ts';
import type { OutletLexicon } from './claims/outlets.ts';
import type { DateMention } from './dates/find.ts';
import { anchorFrom, findDates } from './dates/find.ts';
import { assembleSentenceEvents, type EventMention, type SentenceFindings } from './events.ts';
import { inferAcrossDocument } from './infer.ts';
import { findLinks, type MentionLink } from './links.ts';
import { mergeMentions } from './merge.ts';
import type { PreparedDocument, Sentence } from './model.ts';
import { normaliseText } from './normalise.ts';
import { findPlaces } from './places/find.ts';
import type { Gazetteer } from './places/gazetteer.ts';
import { buildRecords } from './records.ts';
import { type Nlp, splitSentences } from './sentences.ts';
import { findTriggers } from './triggers/find.ts';
import type { TriggerLexicon } from './triggers/lexicon.ts';

export interface ExtractionResources {
  nlp: Nlp;
  triggers: TriggerLexicon;
  actors: ActorLexicon;
  gazetteer: Gazetteer;
  outlets: OutletLexicon;
  /** The extractor's version and a hash of its data: "0.1.0+data.3f2a9c1e". */
  extractor: string;
}

/** Sections whose sentences are read for events; headlines repeat the body, promos and bylines hold none. */
const EVENT_SECTIONS = new Set(['body', 'caption']);

/** 1–2. Normalise the text and cut it into sentences and tokens. */
export function prepareDocument(input: DocumentInput, nlp: Nlp): PreparedDocument {
  const { blocks } = normaliseText(input.text);
  return {
    id: input.id,
    text: input.text,
    published: input.published ?? null,
    outlet: input.outlet ?? null,
    sentences: splitSentences(nlp, input.text, blocks),
  };
}

/** The whole pipeline: a document in, its event records out. */
export function extractEvents(
  input: DocumentInput,
  resources: ExtractionResources,
): { document: PreparedDocument; events: EventRecord[] } {
  const doc = prepareDocument(input, resources.nlp);
  const readable = doc.sentences.filter((s) => s.section !== 'promo' && s.section !== 'byline');
  // 3. Actors, then coreference across the document ("Karimi", "the group", "they").
  const actors = groupBySentence(
    resolveCoreference(
      readable.flatMap((s) => findActorMentions(s, resources.actors)),
      doc.sentences,
    ),
  );
  const countryHint = [
    ...new Set(
      [...actors.values()]
        .flat()
        .map((a) => a.country)
        .filter((c): c is string => c !== null),
    ),
  ];
  const mentions: EventMention[] = [];
  const links: MentionLink[] = [];
  const datesSoFar: DateMention[] = [];
  for (const sentence of readable) {
    // Dates are read in every sentence: "the following day" counts from the last date the text gave.
    const dates = findDates(sentence, { published: doc.published, anchor: anchorFrom(datesSoFar) });
    datesSoFar.push(...dates);
    if (!EVENT_SECTIONS.has(sentence.section)) continue;
    // 4–9. Triggers, roles, claims, dates, places and casualties of the sentence, put together as event mentions.
    const found = readSentence(sentence, resources, actors.get(sentence.index) ?? [], dates, countryHint);
    const events = assembleSentenceEvents(found, mentions.length);
    mentions.push(...events);
    // 10. Links the sentence states between its events.
    links.push(...findLinks(sentence, events));
  }
  // 11. Merge the mentions of one event; 12. infer what the document says elsewhere; 13. build the records.
  const clusters = mergeMentions(mentions, links);
  const inferred = inferAcrossDocument(doc, clusters, links);
  return { document: doc, events: buildRecords(doc, inferred, resources.extractor) };
}

function readSentence(
  sentence: Sentence,
  resources: ExtractionResources,
  actors: ActorMention[],
  dates: DateMention[],
  countryHint: readonly string[],
): SentenceFindings {
  const triggers = findTriggers(sentence, resources.triggers);
  if (triggers.length === 0) {
    return { sentence, triggers, actors, attributives: [], attributions: [], dates, places: [], casualties: [] };
  }
  return {
    sentence,
    triggers,
    actors,
    attributives: findAttributives(sentence, resources.actors, actors),
    attributions: findAttributions(sentence, resources.outlets),
    dates,
    // An actor's words ("the Baghdad government") are not a place.
    places: findPlaces(sentence, resources.gazetteer, { countryHint, excludeSpans: actors }),
    casualties: findCasualties(sentence),
  };
}

function groupBySentence(mentions: readonly ActorMention[]): Map<number, ActorMention[]> {
  const grouped = new Map<number, ActorMention[]>();
  for (const m of mentions) {
    const list = grouped.get(m.sentence) ?? [];
    list.push(m);
    grouped.set(m.sentence, list);
  }
  return grouped;
}
