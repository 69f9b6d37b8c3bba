// The reviewed view of an event: the decisions folded, in time order, into a review state (the latest confirm or
// reject is the status; the latest set of a field, unless unset after it, is its override), and the extracted record
// with that state applied. The extracted record itself is never changed: the view is a copy.
import type { EventRecord } from '../core/record.ts';
import type { Override, ReviewDecision, ReviewedEvent, ReviewState } from './review.ts';
import { checkView, fieldSpec, rederive, type SettableField } from './review-fields.ts';

/** The state of a list of decisions, or null when there are none. */
export function reviewState(decisions: readonly ReviewDecision[], extracted: EventRecord): ReviewState | null {
  if (decisions.length === 0) return null;
  const ordered = [...decisions].sort((a, b) => (a.at === b.at ? a.id - b.id : a.at < b.at ? -1 : 1));
  const state: ReviewState = {
    status: 'unreviewed',
    decidedBy: null,
    decidedAt: null,
    reason: null,
    overrides: [],
    decisions: ordered.length,
    lastAt: ordered.at(-1)?.at ?? '',
  };
  const overrides = new Map<SettableField, Override>();
  for (const d of ordered) {
    if (d.action === 'confirm' || d.action === 'reject') {
      state.status = d.action === 'confirm' ? 'confirmed' : 'rejected';
      state.decidedBy = d.reviewer;
      state.decidedAt = d.at;
      state.reason = d.note;
    } else if (d.action === 'set' && d.field !== null) {
      // Re-set: the entry moves to the end, so the overrides apply in the order they were last made.
      overrides.delete(d.field);
      overrides.set(d.field, {
        field: d.field,
        value: d.value,
        extracted: fieldSpec(d.field).read(extracted),
        by: d.reviewer,
        at: d.at,
        note: d.note,
      });
    } else if (d.action === 'unset' && d.field !== null) {
      overrides.delete(d.field);
    }
  }
  state.overrides = [...overrides.values()];
  return state;
}

/** The record with the overrides applied, their provenance, and its `review` state. */
export function applyReview(extracted: EventRecord, state: ReviewState | null): ReviewedEvent {
  if (state === null) return extracted;
  const view = structuredClone(extracted) as ReviewedEvent;
  let derive = false;
  let modeSet = false;
  for (const o of state.overrides) {
    const spec = fieldSpec(o.field);
    spec.apply(view, o.value);
    view.provenance.fields[spec.provenance] = `reviewer: ${o.by}, ${o.at}${o.note ? ` — ${o.note}` : ''}`;
    if (o.field === 'type' || o.field === 'mode' || o.field === 'modality') derive = true;
    if (o.field === 'mode') modeSet = true;
  }
  if (derive) rederive(view, modeSet);
  view.review = state;
  return view;
}

/** The reviewed view of a record, or a message saying which field makes it impossible. */
export function reviewedView(
  extracted: EventRecord,
  decisions: readonly ReviewDecision[],
): { view: ReviewedEvent; problem: string | null } {
  const view = applyReview(extracted, reviewState(decisions, extracted));
  return { view, problem: view === extracted ? null : checkView(view) };
}
