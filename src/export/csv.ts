// CSV (RFC 4180): one row per event with the record's main fields flattened. Fields holding a comma, a quote, a
// line break or leading/trailing spaces are quoted, quotes doubled; rows end in CRLF as the RFC says.
import type { EventRecord } from '../core/record.ts';
import { type ExportWriter, names } from './format.ts';

/** One field, quoted when it must be. null and undefined are empty fields. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

export const CSV_COLUMNS = [
  'id',
  'document',
  'date_start',
  'date_end',
  'date_precision',
  'type',
  'mode',
  'actors',
  'recipients',
  'country',
  'admin1',
  'place',
  'lat',
  'lon',
  'geo_precision',
  'killed_min',
  'killed_max',
  'injured_min',
  'injured_max',
  'claim_status',
  'via',
  'sources',
  'evidence',
] as const;

/** Several values in one field. */
const LIST = '; ';

export function csvValues(e: EventRecord): (string | number | null)[] {
  const sources = e.claim.sources.map(
    (s) => `${s.text}${s.count > 1 ? ` (${s.count})` : ''}${s.anonymous ? ' [anonymous]' : ''}`,
  );
  return [
    e.id,
    e.document,
    e.date?.start ?? null,
    e.date?.end ?? null,
    e.date?.precision ?? null,
    e.type,
    e.mode,
    names(e.actor).join(LIST),
    names(e.recipient).join(LIST),
    e.place?.country ?? null,
    e.place?.admin1 ?? null,
    e.place?.name ?? null,
    e.place?.lat ?? null,
    e.place?.lon ?? null,
    e.place?.precision ?? null,
    e.killed?.min ?? null,
    e.killed?.max ?? null,
    e.injured?.min ?? null,
    e.injured?.max ?? null,
    e.claim.status,
    e.claim.via.join(LIST),
    sources.join(LIST),
    e.evidence.map((ev) => ev.text.replace(/\s+/g, ' ').trim()).join(' … '),
  ];
}

export function createCsvWriter(): ExportWriter {
  return {
    begin: () => csvRow(CSV_COLUMNS),
    write: (event) => csvRow(csvValues(event)),
    end: () => '',
  };
}
