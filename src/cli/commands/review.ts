// `sitrep review EVENT_ID`: a reviewer's decision on an event — confirm it, reject it, correct fields, or leave a
// note — kept with who and when; `--history` lists the decisions, `--orphans` those whose event vanished in a
// re-extraction, `--fields` what can be set. docs/REVIEW.md.
import { userInfo } from 'node:os';
import { SitrepError } from '../../core/errors.ts';
import type { Range } from '../../core/record.ts';
import {
  changesMerged,
  type ReviewDecision,
  type ReviewInput,
  type ReviewState,
  splitAssignment,
} from '../../store/review.ts';
import type { DateValue, FieldValue, PartyValue, PointValue } from '../../store/review-fields.ts';
import { SETTABLE_FIELDS } from '../../store/review-fields.ts';
import type { Store } from '../../store/store.ts';
import { databasePath, openExistingStore } from '../database.ts';
import { range } from '../table.ts';

export interface ReviewOptions {
  db?: string;
  confirm?: boolean;
  reject?: boolean;
  set?: string[];
  unset?: string[];
  note?: string;
  by?: string;
  history?: boolean;
  orphans?: boolean;
  fields?: boolean;
  json?: boolean;
}

/** --by, else $SITREP_REVIEWER, else the name of the user running sitrep. */
export function reviewerName(by: string | undefined): string | null {
  const given = by ?? process.env.SITREP_REVIEWER;
  if (given !== undefined && given.trim() !== '') return given.trim();
  try {
    return userInfo().username || null;
  } catch {
    return null;
  }
}

/** The decisions the options ask for, in the order they are recorded: fields first, then the verdict. */
export function decisionsFrom(options: ReviewOptions, reviewer: string): ReviewInput[] | string {
  if (options.confirm && options.reject) return '--confirm and --reject exclude each other';
  const note = options.note !== undefined ? { note: options.note } : {};
  const decisions: ReviewInput[] = [];
  for (const assignment of options.set ?? []) {
    const { field, value } = splitAssignment(assignment);
    decisions.push({ action: 'set', field, value, reviewer, ...note });
  }
  for (const field of options.unset ?? []) decisions.push({ action: 'unset', field, reviewer, ...note });
  if (options.confirm) decisions.push({ action: 'confirm', reviewer, ...note });
  if (options.reject) decisions.push({ action: 'reject', reviewer, ...note });
  if (decisions.length === 0) {
    if (options.note === undefined) return 'give --confirm, --reject, --set FIELD=VALUE, --unset FIELD or --note TEXT';
    decisions.push({ action: 'note', reviewer, note: options.note });
  }
  return decisions;
}

/** A field's value as a reviewer would type it: 3–5, 2024-03-02..2024-03-04, 33.75,44.64, Islamic State; army (IRQ). */
export function formatValue(value: FieldValue | unknown): string {
  if (value === null || value === undefined) return 'none';
  if (Array.isArray(value)) {
    const parties = value as PartyValue[];
    return parties.length === 0
      ? 'none'
      : parties.map((p) => `${p.name}${p.country ? ` (${p.country})` : ''}`).join('; ');
  }
  if (typeof value === 'object') {
    if ('min' in value) return range(value as Range);
    if ('start' in value) {
      const d = value as DateValue;
      return d.start === d.end ? d.start : `${d.start}..${d.end}`;
    }
    if ('lat' in value) return `${(value as PointValue).lat},${(value as PointValue).lon}`;
  }
  return String(value);
}

export function formatDecision(d: ReviewDecision): string {
  const what =
    d.action === 'set'
      ? `set ${d.field}=${formatValue(d.value)}`
      : d.action === 'unset'
        ? `unset ${d.field}`
        : d.action;
  const orphan = d.orphanedAt !== null ? `  [orphaned ${d.orphanedAt}: event ${d.eventId} vanished]` : '';
  return `${d.at}  ${d.reviewer}  ${what}${d.note ? `  — ${d.note}` : ''}${orphan}`;
}

/** The state in a few lines: status, who decided, each override with the extracted value it replaces. */
export function formatState(state: ReviewState | undefined): string[] {
  if (state === undefined) return ['status     unreviewed'];
  const lines = [
    `status     ${state.status}${state.decidedBy ? ` by ${state.decidedBy}, ${state.decidedAt}` : ''}${state.reason ? ` — ${state.reason}` : ''}`,
  ];
  for (const o of state.overrides) {
    lines.push(
      `override   ${o.field} = ${formatValue(o.value)} (extracted: ${formatValue(o.extracted)}; ${o.by}, ${o.at}${o.note ? ` — ${o.note}` : ''})`,
    );
  }
  return lines;
}

export function formatFields(): string {
  const width = Math.max(...Object.keys(SETTABLE_FIELDS).map((f) => f.length));
  const lines = Object.entries(SETTABLE_FIELDS).map(([field, spec]) => `  ${field.padEnd(width)}  ${spec.syntax}`);
  return `fields a reviewer can set (--set FIELD=VALUE, --unset FIELD):\n${lines.join('\n')}\n`;
}

export async function runReview(id: string | undefined, options: ReviewOptions): Promise<number> {
  if (options.fields) {
    process.stdout.write(formatFields());
    return 0;
  }
  if (id === undefined && !options.orphans) {
    process.stderr.write('sitrep review: give an EVENT_ID (from `sitrep events`), or --orphans, or --fields\n');
    return 2;
  }
  const dbPath = databasePath(options.db);
  const store = openExistingStore('review', dbPath);
  if (store === null) return 1;
  try {
    if (options.orphans) return listDecisions(store.orphanedReviews(), options, 'no orphaned reviews');
    const eventId = id as string;
    if (options.history) {
      const history = store.reviewHistory(eventId);
      if (history.length === 0 && store.getEvent(eventId) === null) {
        process.stderr.write(`sitrep review: no event ${eventId} in ${dbPath}, and no review of one\n`);
        return 1;
      }
      return listDecisions(history, options, `no reviews of ${eventId}`);
    }
    return decide(store, eventId, options);
  } catch (error) {
    if (error instanceof SitrepError && error.code === 'REVIEW_NOT_FOUND') {
      process.stderr.write(`sitrep review: ${error.message} in ${dbPath}\n`);
      return 1;
    }
    if (error instanceof SitrepError && error.code === 'REVIEW_INVALID') {
      process.stderr.write(`sitrep review: ${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    store.close();
  }
}

function listDecisions(decisions: readonly ReviewDecision[], options: ReviewOptions, none: string): number {
  if (options.json) process.stdout.write(`${JSON.stringify(decisions, null, 2)}\n`);
  else if (decisions.length === 0) process.stdout.write(`${none}\n`);
  else process.stdout.write(`${decisions.map(formatDecision).join('\n')}\n`);
  return 0;
}

function decide(store: Store, eventId: string, options: ReviewOptions): number {
  const reviewer = reviewerName(options.by);
  if (reviewer === null) {
    process.stderr.write('sitrep review: no reviewer name: give --by NAME or set SITREP_REVIEWER\n');
    return 2;
  }
  const decisions = decisionsFrom(options, reviewer);
  if (typeof decisions === 'string') {
    process.stderr.write(`sitrep review: ${decisions}\n`);
    return 2;
  }
  const previous = store.getEvent(eventId)?.review?.status ?? 'unreviewed';
  const { decisions: stored, event } = store.review(eventId, decisions);
  // Merged events are built from the events as reviewed, without the rejected ones (docs/MERGE.md).
  if (changesMerged(previous, decisions)) store.rebuildMerged();
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ decisions: stored, review: event.review ?? null }, null, 2)}\n`);
    return 0;
  }
  const lines = [
    `event ${eventId}: ${stored.length} ${stored.length === 1 ? 'decision' : 'decisions'} recorded by ${reviewer}`,
    ...stored.map((d) => `  ${formatDecision(d)}`),
    ...formatState(event.review).map((line) => `  ${line}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
