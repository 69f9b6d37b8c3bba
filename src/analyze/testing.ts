// Invented events for the analysis tests: a record with only what analysis reads filled in meaningfully.
import { cameoRoot } from '../core/ontology/cameo.ts';
import { cameoCodeFor } from '../core/ontology/mappings.ts';
import { intensityOf, type Modality, PLOVER, type PloverType } from '../core/ontology/plover.ts';
import type { Actor, EventRecord } from '../core/record.ts';
import type { CountedEvent, MergedView } from './input.ts';

/** An actor: [id or null, name, country or null]. */
export type PartySpec = readonly [string | null, string, string | null];

export interface EventSpec {
  id: string;
  /** The document it was read from (default doc-ID). */
  document?: string;
  type?: PloverType;
  mode?: string | null;
  /** A day, or [start, end]; null: undated. */
  date?: string | readonly [string, string] | null;
  actor?: readonly PartySpec[];
  recipient?: readonly PartySpec[];
  killed?: number;
  injured?: number;
  modality?: Modality;
}

export function party([id, name, country]: PartySpec): Actor {
  return {
    text: name,
    name,
    id,
    country,
    sector: null,
    acled: null,
    kind: id === null ? 'generic' : 'lexicon',
    span: { start: 0, end: name.length },
    refersTo: null,
  };
}

export function record(spec: EventSpec): EventRecord {
  const type = spec.type ?? 'ASSAULT';
  const mode = spec.mode === undefined ? null : spec.mode;
  const date = spec.date === undefined ? '2024-05-01' : spec.date;
  const [start, end] = date === null ? [null, null] : typeof date === 'string' ? [date, date] : date;
  return {
    id: spec.id,
    document: spec.document ?? `doc-${spec.id}`,
    type,
    mode,
    context: [],
    intensity: intensityOf(type, mode),
    quad: PLOVER[type].quad,
    cameo: { root: cameoCodeFor(type, mode), goldstein: cameoRoot(cameoCodeFor(type, mode)).goldstein },
    acled: null,
    actor: (spec.actor ?? []).map(party),
    recipient: (spec.recipient ?? []).map(party),
    date:
      start === null || end === null
        ? null
        : {
            start,
            end,
            precision: start === end ? 'day' : 'range',
            text: 'on Tuesday',
            basis: 'explicit',
            span: null,
          },
    place: null,
    count: null,
    killed: spec.killed === undefined ? null : { min: spec.killed, max: spec.killed },
    injured: spec.injured === undefined ? null : { min: spec.injured, max: spec.injured },
    victims: [],
    claim: { status: 'reported', via: [], sources: [] },
    modality: spec.modality ?? 'asserted',
    links: [],
    evidence: [{ sentence: 0, start: 0, end: 10, text: `Report ${spec.id}.`, trigger: null }],
    provenance: { extractor: 'test', fields: {} },
    confidence: 0.8,
  };
}

/** An event no other document reports. */
export const single = (spec: EventSpec): CountedEvent => ({ records: [record(spec)], merged: null });

/** Several reports of one event, merged: the merged fields are those of the first, with these casualties. */
export function merged(id: string, specs: readonly EventSpec[], killed: { min: number } | null = null): CountedEvent {
  const records = specs.map(record);
  const first = records[0] as EventRecord;
  const view: MergedView = {
    id,
    fields: {
      type: { value: first.type },
      mode: { value: first.mode },
      actor: first.actor.map((value) => ({ value })),
      recipient: first.recipient.map((value) => ({ value })),
      date: first.date,
      killed,
      injured: null,
    },
  };
  return { records, merged: view };
}
