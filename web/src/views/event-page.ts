// The event page: the record field by field with the rule or lexicon entry behind each (its provenance), the
// claim chain from the sources to the publisher, the sentences it was read from with the actor, trigger, date,
// place and casualty words marked, the events the report links it to, and the other reports of it.
import { type Child, h, on } from '../dom.ts';
import { actorNames, dateText, eventTitle, placeText, rangeText } from '../format.ts';
import { casualtySpans, recordSpans, SPAN_KINDS, type Span, segments } from '../highlight.ts';
import type { Claim, EventDetail, EventRecord, Link } from '../types.ts';
import type { ViewHandlers } from './handlers.ts';
import { swatch } from './swatch.ts';

export interface EventPageHandlers extends ViewHandlers {
  back(): void;
  /** Shows the whole report with this event's words marked. */
  showDocument(id: string): void;
}

/** The record's fields in reading order, each with how it reads and the provenance key it is filed under. */
function fieldRows(event: EventRecord): [string, string, string][] {
  const rows: [string, string | null, string][] = [
    ['type', `${event.type} (quad ${event.quad}, intensity ${event.intensity})`, 'type'],
    ['mode', event.mode, 'mode'],
    ['context', event.context.join(', ') || null, 'context'],
    ['actor', actorDetail(event.actor), 'actor'],
    ['recipient', actorDetail(event.recipient), 'recipient'],
    ['date', event.date ? `${dateText(event)} (${event.date.basis})` : null, 'date'],
    [
      'place',
      event.place
        ? `${placeText(event)} (${event.place.feature}, precision ${event.place.precision}${
            event.place.lat !== null && event.place.lon !== null ? `, ${event.place.lat}, ${event.place.lon}` : ''
          })`
        : null,
      'place',
    ],
    ['count', rangeText(event.count), 'count'],
    ['killed', rangeText(event.killed), 'killed'],
    ['injured', rangeText(event.injured), 'injured'],
    ['victims', event.victims.join(', ') || null, 'victims'],
    ['claim', event.claim.status, 'claim'],
    ['modality', event.modality, 'modality'],
    ['CAMEO', `root ${event.cameo.root}, Goldstein ${event.cameo.goldstein}`, 'cameo'],
    ['ACLED', event.acled ? `${event.acled.event_type} / ${event.acled.sub_event_type}` : null, 'acled'],
    ['confidence', event.confidence.toFixed(2), 'confidence'],
  ];
  return rows.filter((row): row is [string, string, string] => row[1] !== null);
}

function actorDetail(actors: EventRecord['actor']): string | null {
  if (actors.length === 0) return null;
  return actors
    .map((actor) => {
      const facts = [actor.country, actor.sector, actor.kind].filter(Boolean).join(' ');
      const words = actor.text !== actor.name ? ` from "${actor.text}"` : '';
      return `${actor.name}${facts ? ` (${facts})` : ''}${words}`;
    })
    .join('; ');
}

/**
 * `linked`: the records of the events this one links to, when the page could fetch them (their titles stand in
 * for their ids).
 */
export function renderEventPage(
  detail: EventDetail,
  handlers: EventPageHandlers,
  linked: ReadonlyMap<string, EventRecord> = new Map(),
): HTMLElement {
  const { event, provenance } = detail;
  const heading = h('h2', { class: 'event-title' }, swatch(event.type), eventTitle(event));
  const fields = h(
    'table',
    { class: 'fields' },
    h('thead', {}, h('tr', {}, h('th', {}, 'field'), h('th', {}, 'value'), h('th', {}, 'read by (provenance)'))),
    h(
      'tbody',
      {},
      ...fieldRows(event).map(([label, value, key]) =>
        h(
          'tr',
          { 'data-field': key },
          h('th', {}, label),
          h('td', {}, value),
          h('td', { class: 'provenance' }, provenance.fields[key] ?? ''),
        ),
      ),
    ),
  );
  const document = provenance.document;
  const source = h(
    'section',
    { class: 'report' },
    h('h3', {}, 'Report'),
    document
      ? h(
          'p',
          {},
          h('strong', {}, document.title ?? document.id),
          ` — ${[document.outlet, document.published].filter(Boolean).join(', ')}`,
          document.url ? h('br') : null,
          document.url ? link(document.url) : null,
        )
      : h('p', {}, `document ${event.document}`),
    h('p', { class: 'extractor' }, `extractor ${provenance.extractor}; ingested ${document?.ingestedAt ?? '?'}`),
    on(h('button', { type: 'button', class: 'show-document' }, 'Show the whole report'), 'click', () =>
      handlers.showDocument(event.document),
    ),
    h('div', { class: 'document-text', id: 'document-text' }),
  );
  return h(
    'article',
    { class: 'event-page', 'data-event': event.id },
    on(h('button', { type: 'button', class: 'back' }, '← All events'), 'click', () => handlers.back()),
    heading,
    h('section', { class: 'evidence' }, h('h3', {}, 'Evidence'), legend(), ...evidenceBlocks(event)),
    h('section', { class: 'claim-chain' }, h('h3', {}, 'Claim chain'), claimChain(event.claim)),
    h('section', { class: 'record' }, h('h3', {}, 'Record'), fields),
    event.links.length > 0
      ? h('section', { class: 'links' }, h('h3', {}, 'Linked events'), linkList(event.links, linked, handlers))
      : null,
    detail.merged ? mergedSection(detail, handlers) : null,
    source,
  );
}

function evidenceBlocks(event: EventRecord): HTMLElement[] {
  return event.evidence.map((evidence) =>
    h(
      'blockquote',
      { class: 'sentence', 'data-sentence': evidence.sentence },
      ...marked(evidence.text, evidence.start, [...recordSpans(event, evidence), ...casualtySpans(event, evidence)]),
    ),
  );
}

/** Text with spans as <mark class="span-KIND" title="LABEL">; the text always as text nodes. */
export function marked(text: string, base: number, spans: readonly Span[]): Child[] {
  return segments(text, base, spans).map((segment) =>
    segment.span
      ? h(
          'mark',
          { class: `span span-${segment.span.kind}`, title: segment.span.label, 'data-kind': segment.span.kind },
          segment.text,
        )
      : segment.text,
  );
}

function legend(): HTMLElement {
  return h(
    'p',
    { class: 'legend' },
    ...SPAN_KINDS.map((kind) => h('mark', { class: `span span-${kind}` }, kind)),
    h('span', { class: 'note' }, ' (casualty words are found in the sentence; the record keeps their counts)'),
  );
}

/** "three militia sources (anonymous) → Reuters → AMN: claimed". */
export function claimChain(claim: Claim): HTMLElement {
  const steps: Child[] = [];
  const step = (kind: string, label: string) => {
    if (steps.length > 0) steps.push(h('span', { class: 'arrow', 'aria-hidden': 'true' }, '→'));
    steps.push(h('span', { class: `step step-${kind}` }, label));
  };
  // The sources speak side by side, not one through another: one step holding them all.
  if (claim.sources.length > 0) {
    steps.push(
      h(
        'span',
        { class: 'step step-sources' },
        ...claim.sources.map((source) => {
          const facts = [source.anonymous ? 'anonymous' : 'named', source.count > 1 ? `${source.count} sources` : null];
          return h(
            'span',
            { class: 'claim-source' },
            source.text,
            h('small', {}, ` (${facts.filter(Boolean).join(', ')})`),
          );
        }),
      ),
    );
  }
  for (const outlet of claim.via) step('outlet', outlet);
  return h(
    'div',
    { class: 'claim-steps' },
    ...(steps.length > 0 ? steps : [h('span', { class: 'step' }, 'no source named')]),
    h('span', { class: `status status-${claim.status}` }, claim.status),
  );
}

const RELATION_WORDS: Record<Link['relation'], string> = {
  after: 'came after',
  before: 'came before',
  response_to: 'in response to',
  coincides: 'at the same time as',
};

function linkList(
  links: readonly Link[],
  linked: ReadonlyMap<string, EventRecord>,
  handlers: ViewHandlers,
): HTMLElement {
  return h(
    'ul',
    {},
    ...links.map((link) =>
      h(
        'li',
        {},
        `${RELATION_WORDS[link.relation]} ("${link.text}") `,
        on(
          h('button', { type: 'button', class: 'linked-event', 'data-event': link.event }, linkedTitle(link, linked)),
          'click',
          () => handlers.openEvent(link.event),
        ),
      ),
    ),
  );
}

function linkedTitle(link: Link, linked: ReadonlyMap<string, EventRecord>): string {
  const other = linked.get(link.event);
  return other ? eventTitle(other) : `event ${link.event}`;
}

function mergedSection(detail: EventDetail, handlers: ViewHandlers): HTMLElement | null {
  const merged = detail.merged;
  if (!merged) return null;
  return h(
    'section',
    { class: 'merged' },
    h('h3', {}, 'Other reports of this event'),
    h(
      'p',
      {},
      `${merged.articles} articles from ${merged.outlets} outlets, ${merged.independentSources} independent sources; ` +
        `merged parties: ${actorNames(merged.fields.actor.map((a) => a.value))} → ${actorNames(
          merged.fields.recipient.map((a) => a.value),
        )}`,
    ),
    h(
      'ul',
      {},
      ...merged.members.map((member) =>
        h(
          'li',
          {},
          member.event === detail.event.id
            ? h('strong', {}, `this report (${member.outlet ?? member.document})`)
            : on(
                h('button', { type: 'button', class: 'linked-event' }, `${member.outlet ?? member.document}`),
                'click',
                () => handlers.openEvent(member.event),
              ),
          member.published ? ` ${member.published}` : '',
        ),
      ),
    ),
  );
}

/** The whole report, this event's words marked; the text is a text node whatever it contains. */
export function renderDocumentText(text: string, event: EventRecord): HTMLElement {
  const spans = event.evidence.flatMap((evidence) => [
    ...recordSpans(event, evidence),
    ...casualtySpans(event, evidence),
  ]);
  return h('pre', { class: 'document' }, ...marked(text, 0, spans));
}

/** Only web addresses become links; anything else ("javascript:…") stays text. */
function link(url: string): Child {
  if (!/^https?:\/\//i.test(url)) return url;
  return h('a', { href: url, rel: 'noreferrer noopener', target: '_blank' }, url);
}
