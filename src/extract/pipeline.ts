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
import { attachTolls, TOLL_CUE } from './tolls.ts';
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
  const { blocks, agency } = normaliseText(input.text);
  return {
    id: input.id,
    text: input.text,
    published: input.published ?? null,
    outlet: input.outlet ?? null,
    agency,
    sentences: splitSentences(nlp, input.text, blocks),
  };
}

/** What extraction gives for one document: the document as read, and its event records. */
export interface Extraction {
  document: PreparedDocument;
  events: EventRecord[];
}

/** The whole pipeline: a document in, its event records out. */
export function extractEvents(input: DocumentInput, resources: ExtractionResources): Extraction {
  return extractBatch([input], resources)[0] as Extraction;
}

/**
 * The whole pipeline over many documents, each stage reading every document (and every sentence) before the next
 * stage starts. A document's records are exactly those `extractEvents` gives it alone (stages are pure); the
 * order only keeps one stage's code and word lists — wink's model, the lexicons, the gazetteer — in the
 * processor's caches instead of each stage evicting the others' at every document. Bulk extraction in batches of
 * a few dozen reports takes about a quarter less CPU time than document by document. Memory grows with the batch.
 */
export function extractBatch(inputs: readonly DocumentInput[], resources: ExtractionResources): Extraction[] {
  const docs = inputs.map((input) => prepareDocument(input, resources.nlp));
  const readable = docs.map((doc) => doc.sentences.filter((s) => s.section !== 'promo' && s.section !== 'byline'));
  // 3. Actors, then coreference across the document ("Karimi", "the group", "they").
  const mentions = readable.map((sentences) => sentences.flatMap((s) => findActorMentions(s, resources.actors)));
  const actors = docs.map((doc, d) => groupBySentence(resolveCoreference(mentions[d] ?? [], doc.sentences)));
  const countryHints = actors.map(countriesOf);
  const dates = docs.map((doc, d) => datesOf(readable[d] ?? [], doc.published));
  const findings = readSentences(
    docs.map((_, d) => ({
      sentences: (readable[d] ?? []).filter((s) => EVENT_SECTIONS.has(s.section)),
      actors: actors[d] ?? new Map(),
      dates: dates[d] ?? new Map(),
      countryHint: countryHints[d] ?? [],
    })),
    resources,
  );
  // 10. Event mentions and the links the text states between them; 11. merge the mentions of one event, and give
  // it the toll a sentence of its own tells; 12. infer what the document says elsewhere; 13. build the records.
  const assembled = findings.map(assemble);
  const clusters = assembled.map(({ mentions, links }) => mergeMentions(mentions, links));
  clusters.forEach((list, d) => {
    attachTolls(list, findings[d] ?? [], docs[d]?.sentences ?? []);
  });
  const inferred = docs.map((doc, d) => inferAcrossDocument(doc, clusters[d] ?? [], assembled[d]?.links ?? []));
  return docs.map((doc, d) => ({ document: doc, events: buildRecords(doc, inferred[d] ?? [], resources.extractor) }));
}

/** The countries the document's actors belong to: a hint for places named without their country. */
function countriesOf(actors: ReadonlyMap<number, ActorMention[]>): string[] {
  return [
    ...new Set(
      [...actors.values()]
        .flat()
        .map((a) => a.country)
        .filter((c): c is string => c !== null),
    ),
  ];
}

/** Dates are read in every sentence: "the following day" counts from the last date the text gave. */
function datesOf(readable: readonly Sentence[], published: string | null): Map<number, DateMention[]> {
  const dates = new Map<number, DateMention[]>();
  const datesSoFar: DateMention[] = [];
  for (const sentence of readable) {
    const found = findDates(sentence, { published, anchor: anchorFrom(datesSoFar) });
    datesSoFar.push(...found);
    dates.set(sentence.index, found);
  }
  return dates;
}

/** The event sentences of one document, with what the earlier stages found in that document. */
interface DocumentSentences {
  sentences: readonly Sentence[];
  actors: ReadonlyMap<number, ActorMention[]>;
  dates: ReadonlyMap<number, DateMention[]>;
  countryHint: readonly string[];
}

/**
 * 4–9. Triggers, roles, claims, places and casualties of the event sentences of each document, put together with
 * their actors and dates. Only a sentence with a trigger is read past the triggers.
 */
function readSentences(documents: readonly DocumentSentences[], resources: ExtractionResources): SentenceFindings[][] {
  const findings = documents.map((doc) =>
    doc.sentences.map(
      (sentence): SentenceFindings => ({
        sentence,
        triggers: findTriggers(sentence, resources.triggers),
        actors: doc.actors.get(sentence.index) ?? [],
        attributives: [],
        attributions: [],
        dates: doc.dates.get(sentence.index) ?? [],
        places: [],
        casualties: [],
      }),
    ),
  );
  const read = findings.flatMap((list, d) =>
    list.filter((f) => f.triggers.length > 0).map((f) => ({ f, countryHint: documents[d]?.countryHint ?? [] })),
  );
  for (const { f } of read) f.attributives = findAttributives(f.sentence, resources.actors, f.actors);
  for (const { f } of read) f.attributions = findAttributions(f.sentence, resources.outlets);
  // An actor's words ("the Baghdad government") are not a place.
  for (const { f, countryHint } of read)
    f.places = findPlaces(f.sentence, resources.gazetteer, { countryHint, excludeSpans: f.actors });
  for (const { f } of read) f.casualties = findCasualties(f.sentence);
  // "No casualties were reported.": a toll with no event word of its own, for the event before it (tolls.ts).
  for (const f of findings.flat())
    if (f.triggers.length === 0 && TOLL_CUE.test(f.sentence.text)) f.casualties = findCasualties(f.sentence);
  return findings;
}

/** One document's event mentions, sentence by sentence, and the links each sentence states between its events. */
function assemble(findings: readonly SentenceFindings[]): { mentions: EventMention[]; links: MentionLink[] } {
  const mentions: EventMention[] = [];
  const links: MentionLink[] = [];
  for (const found of findings) {
    const events = assembleSentenceEvents(found, mentions.length);
    mentions.push(...events);
    links.push(...findLinks(found.sentence, events));
  }
  return { mentions, links };
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
