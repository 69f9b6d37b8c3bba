// PLOVER JSON records (PLOVER v0.8, table "PLOVER JSON"), one a line. Entities carry the information object for
// entities (code, sector, entity_text, identifier_id, identifier_text); event_loc the location object; text_info
// the first evidence sentence's sequence and offsets. The story text itself (`text`) is left out: the manual fills
// it only when the coder holds the rights to the text, and a news report's rights are its publisher's.
import type { Actor, EventRecord } from '../core/record.ts';
import type { ExportOptions, ExportWriter } from './format.ts';

export const PLOVER_CODEBOOK = 'plover-base-0.8';

function entity(actor: Actor): Record<string, string | null> {
  return {
    code: actor.country,
    sector: actor.sector,
    entity_text: actor.text,
    identifier_id: actor.id,
    identifier_text: actor.name,
  };
}

/** The location object's resolution: 5 sub-city, 4 city, 3 district, 2 province, 1 country. */
const RESOLUTION: Readonly<Record<string, number>> = {
  base: 5,
  town: 4,
  city: 4,
  village: 4,
  district: 3,
  admin2: 3,
  admin1: 2,
  region: 2,
  border: 2,
  country: 1,
};

export function ploverRecord(e: EventRecord, options: Pick<ExportOptions, 'codedDate' | 'countryName'>) {
  const first = e.evidence[0];
  const place = e.place;
  return {
    id: e.id,
    has_event: true,
    date: e.date?.start ?? null,
    enddate: e.date?.end ?? null,
    actor: e.actor.map(entity),
    recipient: e.recipient.map(entity),
    event: [e.type],
    event_loc:
      place === null
        ? null
        : {
            extracted_place: place.text,
            resolved_place: place.name,
            lat: place.lat,
            lon: place.lon,
            city: place.feature === 'town' ? place.name : null,
            province: place.admin1,
            country: place.country === null ? null : options.countryName(place.country),
            country_code: place.country,
            resolution: RESOLUTION[place.feature] ?? null,
          },
    event_text: e.evidence.map((ev) => ev.text),
    quad_code: e.quad,
    event_scale: e.intensity,
    mode: e.mode === null ? [] : [e.mode],
    context: e.context,
    text_info: first ? { sequence: first.sentence, start: first.start, end: first.end } : null,
    cite_info: { citation: e.document, coder: `sitrep ${e.provenance.extractor}`, codebook: PLOVER_CODEBOOK },
    size: { dead: e.killed?.min ?? null, injured: e.injured?.min ?? null },
    coder: `sitrep ${e.provenance.extractor}`,
    coded_date: options.codedDate,
    comment: `claim ${e.claim.status}${e.claim.via.length > 0 ? ` via ${e.claim.via.join(' ← ')}` : ''}`,
  };
}

export function createPloverWriter(options: ExportOptions): ExportWriter {
  return { begin: () => '', write: (event) => `${JSON.stringify(ploverRecord(event, options))}\n`, end: () => '' };
}
