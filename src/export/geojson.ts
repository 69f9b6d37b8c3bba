// GeoJSON (RFC 7946): a FeatureCollection with a Point for each event that has coordinates, written a feature a
// line so that it streams; events without coordinates are left out. Positions are [longitude, latitude].
import type { EventRecord } from '../core/record.ts';
import { type ExportWriter, names } from './format.ts';

export interface GeoJsonFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: Record<string, unknown>;
}

export function geojsonFeature(e: EventRecord): GeoJsonFeature | null {
  const lat = e.place?.lat;
  const lon = e.place?.lon;
  if (lat === null || lat === undefined || lon === null || lon === undefined) return null;
  return {
    type: 'Feature',
    id: e.id,
    geometry: { type: 'Point', coordinates: [lon, lat] },
    properties: {
      id: e.id,
      document: e.document,
      type: e.type,
      mode: e.mode,
      date: e.date?.start ?? null,
      date_end: e.date?.end ?? null,
      date_precision: e.date?.precision ?? null,
      actors: names(e.actor),
      recipients: names(e.recipient),
      place: e.place?.name ?? null,
      country: e.place?.country ?? null,
      admin1: e.place?.admin1 ?? null,
      geo_precision: e.place?.precision ?? null,
      killed_min: e.killed?.min ?? null,
      killed_max: e.killed?.max ?? null,
      injured_min: e.injured?.min ?? null,
      injured_max: e.injured?.max ?? null,
      claim_status: e.claim.status,
      acled_event_type: e.acled?.event_type ?? null,
      acled_sub_event_type: e.acled?.sub_event_type ?? null,
    },
  };
}

export function createGeojsonWriter(): ExportWriter {
  let first = true;
  return {
    begin: () => '{"type":"FeatureCollection","features":[\n',
    write(event) {
      const feature = geojsonFeature(event);
      if (feature === null) return '';
      const text = `${first ? '' : ',\n'}${JSON.stringify(feature)}`;
      first = false;
      return text;
    },
    end: () => `${first ? '' : '\n'}]}\n`,
  };
}
