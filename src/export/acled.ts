// ACLED-style CSV: ACLED's column names and codes, a row for each event that has an ACLED type (the others have
// no ACLED counterpart and are left out). What sitrep does not know is left blank: iso (ACLED's numeric country
// code: no table of them ships here), region, admin2, admin3, source_scale. event_id_cnty is the place's ISO3
// code, a hyphen and the event id; fatalities is the lower bound of the killed range (0 when unreported).
import { type AcledActorType, type AcledEventType, acledInteraction } from '../core/ontology/acled.ts';
import type { EventRecord } from '../core/record.ts';
import { csvRow } from './csv.ts';
import type { ExportOptions, ExportWriter } from './format.ts';

export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;

export type AcledRow = Record<(typeof ACLED_COLUMNS)[number], string | number | null>;

/** ACLED time_precision: 1 the day is known, 2 the week (or a few days), 3 only the month or longer. */
export function timePrecision(date: EventRecord['date']): 1 | 2 | 3 | null {
  if (date === null) return null;
  if (date.precision === 'day') return 1;
  if (date.precision === 'week') return 2;
  if (date.precision === 'range') {
    const days = (Date.parse(date.end) - Date.parse(date.start)) / 86_400_000;
    return days < 1 ? 1 : days <= 7 ? 2 : 3;
  }
  return 3;
}

/** ACLED's disorder type of an event (sub-)type. */
export function disorderType(type: AcledEventType, sub: string): string {
  if (type === 'Protests') {
    return sub === 'Excessive force against protesters' ? 'Political violence; Demonstrations' : 'Demonstrations';
  }
  if (type === 'Riots') return sub === 'Mob violence' ? 'Political violence' : 'Demonstrations';
  if (type === 'Strategic developments') return 'Strategic developments';
  return 'Political violence';
}

const isActorType = (n: number | null | undefined): n is AcledActorType =>
  typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 8;

export function acledRow(e: EventRecord, options: Pick<ExportOptions, 'timestamp' | 'countryName'>): AcledRow | null {
  if (e.acled === null) return null;
  const type = e.acled.event_type as AcledEventType;
  const actors = [...new Set(e.actor.map((a) => a.name))];
  const recipients = [...new Set(e.recipient.map((a) => a.name))];
  const inter1 = e.actor[0]?.acled;
  const inter2 = e.recipient[0]?.acled;
  const interaction = isActorType(inter1) ? acledInteraction(inter1, isActorType(inter2) ? inter2 : null) : null;
  const civilians = type === 'Violence against civilians' || e.recipient.some((r) => r.acled === 7);
  const iso3 = e.place?.country ?? null;
  return {
    event_id_cnty: `${iso3 ?? 'XXX'}-${e.id}`,
    event_date: e.date?.start ?? null,
    year: e.date ? Number(e.date.start.slice(0, 4)) : null,
    time_precision: timePrecision(e.date),
    disorder_type: disorderType(type, e.acled.sub_event_type),
    event_type: type,
    sub_event_type: e.acled.sub_event_type,
    actor1: actors[0] ?? null,
    assoc_actor_1: actors.slice(1).join('; '),
    inter1: isActorType(inter1) ? inter1 : null,
    actor2: recipients[0] ?? null,
    assoc_actor_2: recipients.slice(1).join('; '),
    inter2: isActorType(inter2) ? inter2 : null,
    interaction,
    civilian_targeting: civilians ? 'Civilian targeting' : '',
    iso: null,
    region: null,
    country: iso3 === null ? null : (options.countryName(iso3) ?? iso3),
    admin1: e.place?.admin1 ?? null,
    admin2: null,
    admin3: null,
    location: e.place?.name ?? null,
    latitude: e.place?.lat ?? null,
    longitude: e.place?.lon ?? null,
    geo_precision: e.place?.precision ?? null,
    source: e.claim.via.join('; '),
    source_scale: null,
    notes: e.evidence.map((ev) => ev.text.replace(/\s+/g, ' ').trim()).join(' '),
    fatalities: e.killed?.min ?? 0,
    tags: [
      e.claim.status === 'reported' ? null : `claim: ${e.claim.status}`,
      e.modality === 'asserted' ? null : `modality: ${e.modality}`,
      e.killed && e.killed.max !== e.killed.min ? `fatalities ${e.killed.min}–${e.killed.max ?? ''}` : null,
    ]
      .filter((tag) => tag !== null)
      .join('; '),
    timestamp: options.timestamp,
  };
}

export function createAcledWriter(options: ExportOptions): ExportWriter {
  return {
    begin: () => csvRow(ACLED_COLUMNS),
    write(event) {
      const row = acledRow(event, options);
      return row === null ? '' : csvRow(ACLED_COLUMNS.map((column) => row[column]));
    },
    end: () => '',
  };
}
