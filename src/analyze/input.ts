// What analysis reads: one real-world event at a time, as the store hands it over — the stored event, or the
// members of a merged event with the merged event's fields — reduced to what the counts need.
import type { PloverType } from '../core/ontology/plover.ts';
import type { Actor, DatePrecision, EventRecord } from '../core/record.ts';
import { type EventWeight, weightOf } from './intensity.ts';
import { daysSpanned, weekOf } from './weeks.ts';

/** The fields of a merged event analysis reads (the store's `MergedEvent` has them, and more). */
export interface MergedView {
  id: string;
  fields: {
    type: { value: PloverType };
    mode: { value: string | null };
    actor: readonly { value: Actor }[];
    recipient: readonly { value: Actor }[];
    date: { start: string; end: string; precision: DatePrecision } | null;
    /** From the lowest to the highest of the members' minima. */
    killed: { min: number } | null;
    injured: { min: number } | null;
  };
}

/**
 * One real-world event: the stored events that report it (one, or the members of a merged event) and the merged
 * event when other documents report it too. A merged event counts once, with the merged fields.
 */
export interface CountedEvent {
  records: readonly EventRecord[];
  merged: MergedView | null;
}

export interface AnalysisEvent {
  /** The merged event's id, or the stored event's. */
  id: string;
  type: PloverType;
  mode: string | null;
  weight: EventWeight;
  /** The ISO week (its Monday) the event falls in; null when undated or dated only to more than a week. */
  week: string | null;
  /** The event's date range (the merged one for a merged event); null when undated. */
  date: { start: string; end: string } | null;
  /** The year relations of the actor lexicon are read at ("member of … from 2023"); null when undated. */
  year: number | null;
  actors: readonly Actor[];
  recipients: readonly Actor[];
  /** The conservative count: the lowest reported minimum. */
  killed: number;
  injured: number;
  /** Said to have happened (asserted or historical) by at least one report, not only denied, feared or planned. */
  asserted: boolean;
}

/** A week or shorter (a day, "last week", Friday to Tuesday) goes in the week it starts in; longer spans in none. */
export const MAX_DAYS_IN_A_WEEK = 7;

/** The counted event reduced to what analysis needs, or null when it has no stored event at all. */
export function toAnalysisEvent(counted: CountedEvent): AnalysisEvent | null {
  const first = counted.records[0];
  if (first === undefined) return null;
  const asserted = counted.records.some((r) => r.modality === 'asserted' || r.modality === 'historical');
  const m = counted.merged;
  const type = m ? m.fields.type.value : first.type;
  const mode = m ? m.fields.mode.value : first.mode;
  const date = m ? m.fields.date : first.date;
  const week = date !== null && daysSpanned(date.start, date.end) <= MAX_DAYS_IN_A_WEEK ? weekOf(date.start) : null;
  return {
    id: m ? m.id : first.id,
    type,
    mode,
    weight: weightOf(type, mode),
    week,
    date: date === null ? null : { start: date.start, end: date.end },
    year: date !== null ? Number(date.start.slice(0, 4)) : null,
    actors: m ? m.fields.actor.map((a) => a.value) : first.actor,
    recipients: m ? m.fields.recipient.map((a) => a.value) : first.recipient,
    killed: (m ? m.fields.killed?.min : first.killed?.min) ?? 0,
    injured: (m ? m.fields.injured?.min : first.injured?.min) ?? 0,
    asserted,
  };
}
