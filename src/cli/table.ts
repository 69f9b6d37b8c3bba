// A readable table of events: type, actor → recipient, date, place, casualties, claim and the sentence.
import type { DocumentInput, EventRecord, Range } from '../core/record.ts';

export const range = (r: Range | null): string =>
  r === null ? '–' : r.max === r.min ? `${r.min}` : r.max === null ? `${r.min}+` : `${r.min}–${r.max}`;
export const clip = (text: string, width: number): string =>
  text.length <= width ? text : `${text.slice(0, width - 1)}…`;

export function formatEventTable(doc: DocumentInput, events: readonly EventRecord[]): string {
  const title = `${doc.id}${doc.title ? ` — ${doc.title}` : ''}${doc.published ? ` (${doc.published})` : ''}: ${events.length} events`;
  if (events.length === 0) return title;
  const rows = events.map((e) => {
    const who = (list: EventRecord['actor']) => list.map((a) => a.text).join(' + ') || '?';
    const date = e.date
      ? `${e.date.start === e.date.end ? e.date.start : `${e.date.start}..${e.date.end}`} ${e.date.precision}`
      : '–';
    const place = e.place
      ? `${e.place.name}${e.place.country ? `, ${e.place.country}` : ''} (p${e.place.precision})`
      : '–';
    const claim = [e.claim.status, e.claim.via.join(' ← ')].filter(Boolean).join(' via ');
    return [
      `${e.type}${e.mode ? `/${e.mode}` : ''}${e.modality === 'asserted' ? '' : ` [${e.modality}]`}`,
      `${who(e.actor)} → ${who(e.recipient)}`,
      date,
      place,
      `k ${range(e.killed)} / i ${range(e.injured)}`,
      claim,
      clip(e.evidence[0]?.text.replace(/\s+/g, ' ') ?? '', 110),
    ];
  });
  const lines = [title];
  for (const r of rows) {
    lines.push(`  ${clip(r[0] ?? '', 28).padEnd(28)} ${clip(r[1] ?? '', 60)}`);
    lines.push(`      when ${r[2]} | where ${r[3]} | ${r[4]} | ${r[5]}`);
    lines.push(`      “${r[6]}”`);
  }
  return lines.join('\n');
}
