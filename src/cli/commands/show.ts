// `sitrep show EVENT_ID`: one stored event with, for each field, its value and the rule behind it; the claim chain;
// the links to other events; and the sentences that support it, each with its document, url and offsets.
import type { EventRecord } from '../../core/record.ts';
import type { CasualtyRange, MergedEvent, Sourced } from '../../merge/merge.ts';
import type { ReviewDecision, ReviewedEvent } from '../../store/review.ts';
import type { Mention, Store, StoredDocument } from '../../store/store.ts';
import { databasePath, openExistingStore } from '../database.ts';
import { range } from '../table.ts';
import { formatDecision, formatState } from './review.ts';

export interface ShowOptions {
  db?: string;
  json?: boolean;
}

export interface ShownEvidence extends Mention {
  url: string | null;
  outlet: string | null;
  title: string | null;
}

export interface ShownEvent {
  /** As reviewed: overrides applied, with its `review` state (docs/REVIEW.md). */
  event: ReviewedEvent;
  /** Each field with its value as shown and the provenance rule that produced it (null when none is recorded). */
  fields: { field: string; value: string; rule: string | null }[];
  evidence: ShownEvidence[];
  /** The merged event this event is part of, when other documents report it too. */
  merged: MergedEvent | null;
  /** Every review decision on the event, oldest first. */
  reviews: ReviewDecision[];
}

/** The fields shown, in order, with their values as text. */
function fieldValues(e: EventRecord): [string, string][] {
  const parties = (list: EventRecord['actor']) =>
    list.length === 0
      ? '–'
      : list
          .map(
            (a) =>
              `${a.name} ("${a.text}"${a.country ? `, ${a.country}` : ''}${a.acled ? `, ACLED inter ${a.acled}` : ''})`,
          )
          .join('; ');
  return [
    [
      'type',
      `${e.type} (quad ${e.quad}, intensity ${e.intensity}, CAMEO ${e.cameo.root}, Goldstein ${e.cameo.goldstein})`,
    ],
    ['mode', e.mode ?? '–'],
    ['context', e.context.join(', ') || '–'],
    ['acled', e.acled ? `${e.acled.event_type} / ${e.acled.sub_event_type}` : '–'],
    ['actor', parties(e.actor)],
    ['recipient', parties(e.recipient)],
    [
      'date',
      e.date
        ? `${e.date.start === e.date.end ? e.date.start : `${e.date.start}..${e.date.end}`} (${e.date.precision}, ${e.date.basis}${e.date.text ? `, "${e.date.text}"` : ''})`
        : '–',
    ],
    [
      'place',
      e.place
        ? `${e.place.name}${e.place.admin1 ? `, ${e.place.admin1}` : ''}${e.place.country ? `, ${e.place.country}` : ''}` +
          `${e.place.lat !== null && e.place.lon !== null ? ` @ ${e.place.lat},${e.place.lon}` : ''} (geo-precision ${e.place.precision})`
        : '–',
    ],
    ['count', range(e.count)],
    ['killed', range(e.killed)],
    ['injured', range(e.injured)],
    ['victims', e.victims.join('; ') || '–'],
    ['modality', e.modality],
    ['claim', e.claim.status],
    ['confidence', String(e.confidence)],
  ];
}

export function showEvent(store: Store, id: string): ShownEvent | null {
  const event = store.getEvent(id);
  if (event === null) return null;
  const documents = new Map<string, StoredDocument | null>();
  const documentOf = (documentId: string) => {
    if (!documents.has(documentId)) documents.set(documentId, store.getDocument(documentId));
    return documents.get(documentId) ?? null;
  };
  const mentions = store.getMentions(id);
  const evidence = mentions.map((m) => {
    const doc = documentOf(m.documentId);
    return { ...m, url: doc?.url ?? null, outlet: doc?.outlet ?? null, title: doc?.title ?? null };
  });
  const fields = fieldValues(event).map(([field, value]) => ({
    field,
    value,
    rule: event.provenance.fields[field] ?? null,
  }));
  return { event, fields, evidence, merged: store.getMergedForEvent(id), reviews: store.reviewHistory(id) };
}

export function formatShown(shown: ShownEvent): string {
  const e = shown.event;
  const lines = [`event ${e.id} (document ${e.document}, extractor ${e.provenance.extractor})`, '', 'review:'];
  lines.push(...formatState(e.review).map((line) => `  ${line}`), '', 'fields:');
  const width = Math.max(...shown.fields.map((f) => f.field.length));
  for (const f of shown.fields) {
    lines.push(`  ${f.field.padEnd(width)}  ${f.value}`);
    if (f.rule !== null) lines.push(`  ${''.padEnd(width)}    rule: ${f.rule}`);
  }
  lines.push('', 'claim chain:');
  lines.push(`  status  ${e.claim.status}`);
  lines.push(`  via     ${e.claim.via.length > 0 ? e.claim.via.join(' → ') : '–'}`);
  if (e.claim.sources.length === 0) lines.push('  sources –');
  for (const s of e.claim.sources) {
    lines.push(
      `  source  ${s.text} (${s.count} ${s.count === 1 ? 'source' : 'sources'}, ${s.anonymous ? 'anonymous' : 'named'}${s.kind ? `, ${s.kind}` : ''})`,
    );
  }
  lines.push('', 'links:');
  if (e.links.length === 0) lines.push('  –');
  for (const link of e.links) lines.push(`  ${link.relation} ${link.event} ("${link.text}")`);
  lines.push('', 'evidence:');
  for (const m of shown.evidence) {
    lines.push(`  [${m.documentId} sentence ${m.sentence}, chars ${m.start}–${m.end}]${m.url ? ` ${m.url}` : ''}`);
    lines.push(`    “${m.text.replace(/\s+/g, ' ').trim()}”`);
  }
  if (shown.merged !== null) lines.push('', ...formatMerged(shown.merged));
  const history = shown.reviews.map((d) => `  ${formatDecision(d)}`);
  if (history.length > 0) lines.push('', 'review history:', ...history);
  return lines.join('\n');
}

/** The merged event: its members, its counts and each merged field with the documents it came from. */
export function formatMerged(m: MergedEvent): string[] {
  const from = (documents: readonly string[]) => `[from ${documents.join(', ')}]`;
  const lines = [
    `merged event ${m.id}: ${m.articles} articles, ${m.outlets} outlets, ${m.independentSources} independent sources`,
    '  members:',
  ];
  for (const member of m.members) {
    lines.push(
      `    ${member.event}  document ${member.document}` +
        `${member.outlet ? `, ${member.outlet}` : ''}${member.published ? `, ${member.published}` : ''}` +
        `${member.url ? `  ${member.url}` : ''}`,
    );
  }
  lines.push('  independent sources:');
  m.sources.forEach((group, i) => {
    lines.push(`    ${i + 1}. ${group.join(' = ')}${group.length > 1 ? ' (copies of one story)' : ''}`);
  });
  const f = m.fields;
  const party = (p: Sourced<EventRecord['actor'][number]>) =>
    `${p.value.name}${p.value.country ? ` (${p.value.country})` : ''} ${from(p.documents)}`;
  const casualties = (r: CasualtyRange | null) =>
    r === null
      ? '–'
      : `${r.min === r.max ? r.min : `${r.min}–${r.max}`} (${r.reports
          .map((x) => `${x.outlet ?? x.document} [${x.document}]: ${range({ min: x.min, max: x.max })}`)
          .join('; ')})`;
  const fields: [string, string][] = [
    ['type', `${f.type.value} ${from(f.type.documents)}`],
    ['mode', `${f.mode.value ?? '–'} ${from(f.mode.documents)}`],
    ['actor', f.actor.map(party).join('; ') || '–'],
    ['recipient', f.recipient.map(party).join('; ') || '–'],
    [
      'date',
      f.date
        ? `${f.date.start === f.date.end ? f.date.start : `${f.date.start}..${f.date.end}`} (${f.date.precision}, ${f.date.basis}) ${from(f.date.documents)}`
        : '–',
    ],
    [
      'place',
      f.place
        ? `${f.place.value.name}${f.place.value.admin1 ? `, ${f.place.value.admin1}` : ''}${f.place.value.country ? `, ${f.place.value.country}` : ''} (geo-precision ${f.place.value.precision}) ${from(f.place.documents)}`
        : '–',
    ],
    ['killed', casualties(f.killed)],
    ['injured', casualties(f.injured)],
    ['claim', `${f.claim.value} ${from(f.claim.documents)}`],
  ];
  lines.push('  merged fields:');
  const width = Math.max(...fields.map(([name]) => name.length));
  for (const [name, value] of fields) lines.push(`    ${name.padEnd(width)}  ${value}`);
  return lines;
}

export async function runShow(id: string, options: ShowOptions): Promise<number> {
  const dbPath = databasePath(options.db);
  const store = openExistingStore('show', dbPath);
  if (store === null) return 1;
  try {
    const shown = showEvent(store, id);
    if (shown === null) {
      // A re-extraction may have left reviews of an event that is gone: say so rather than just "no event".
      const orphans = store.reviewHistory(id).length;
      const note = orphans > 0 ? ` (${orphans} review decisions refer to it: sitrep review ${id} --history)` : '';
      process.stderr.write(`sitrep show: no event ${id} in ${dbPath}${note}\n`);
      return 1;
    }
    process.stdout.write(options.json ? `${JSON.stringify(shown, null, 2)}\n` : `${formatShown(shown)}\n`);
    return 0;
  } finally {
    store.close();
  }
}
