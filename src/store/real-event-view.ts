// A real-world event as one event record, for the listings and exports that print records (`sitrep events
// --merged`, `sitrep export --merged`): the merged fields in place of the member's own, under the merged id, with
// how many articles, outlets and independent sources report it. Pure.
import type { EventRecord } from '../core/record.ts';
import type { MergedEvent } from '../merge/merge.ts';

export interface ReportCounts {
  articles: number;
  outlets: number;
  independentSources: number;
}

/** One real-world event as a record: a merged event over one of its members, or an event no other document reports. */
export interface RealEventView {
  record: EventRecord;
  reports: ReportCounts;
  merged: MergedEvent | null;
}

/**
 * Example: two wires report one raid, one with 2 killed and one with 3 — the record says killed 2–3, the dates'
 * intersection, the most precise place, every named party, and `reports` 2 articles, 2 outlets.
 */
export function realEventView(event: EventRecord, merged: MergedEvent | null): RealEventView {
  if (merged === null) return { record: event, reports: { articles: 1, outlets: 1, independentSources: 1 }, merged };
  const f = merged.fields;
  const record: EventRecord = {
    ...event,
    id: merged.id,
    type: f.type.value,
    mode: f.mode.value,
    actor: f.actor.map((a) => a.value),
    recipient: f.recipient.map((a) => a.value),
    // Only firm, explicit dates merge (docs/MERGE.md), so the merged date is explicit too; its words differ by report.
    date: f.date
      ? { start: f.date.start, end: f.date.end, precision: f.date.precision, text: null, basis: 'explicit', span: null }
      : null,
    place: f.place?.value ?? event.place,
    killed: f.killed ? { min: f.killed.min, max: f.killed.max } : null,
    injured: f.injured ? { min: f.injured.min, max: f.injured.max } : null,
    claim: { ...event.claim, status: f.claim.value },
  };
  return {
    record,
    reports: { articles: merged.articles, outlets: merged.outlets, independentSources: merged.independentSources },
    merged,
  };
}

/** The view as one JSON object (a JSON Lines line, an API item): the record, with `reports` and `merged` beside. */
export function realEventJson(
  view: RealEventView,
): EventRecord & { reports: ReportCounts; merged: MergedEvent | null } {
  return { ...view.record, reports: view.reports, merged: view.merged };
}
