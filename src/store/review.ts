// Human review of events: what a reviewer's decision is, what the event's review state is, and the check of a
// decision as it arrives (from the CLI or the API). The extracted record is never changed by a review; the event as
// shown and queried is the record with the review applied (review-view.ts).
import { z } from 'zod';
import { SitrepError } from '../core/errors.ts';
import type { EventRecord } from '../core/record.ts';
import { type FieldValue, parseFieldValue, type SettableField } from './review-fields.ts';

export const REVIEW_ACTIONS = ['confirm', 'reject', 'set', 'unset', 'note'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export const REVIEW_STATUSES = ['unreviewed', 'confirmed', 'rejected'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** One decision as asked for: `--confirm`, `--reject`, `--set killed=4`, `--unset place`, a note alone. */
export interface ReviewInput {
  action: ReviewAction;
  /** For set and unset: a settable field (review-fields.ts). */
  field?: string | undefined;
  /** For set: the value, as text ("3-5", "2024-03-02..2024-03-04", "none") or a number. */
  value?: string | number | null | undefined;
  note?: string | undefined;
  reviewer: string;
}

/** A decision as stored: who, when, and the event it is attached to now. */
export interface ReviewDecision {
  id: number;
  /** The event the decision is attached to; when `orphanedAt` is set, the event it was last attached to. */
  eventId: string;
  documentId: string;
  action: ReviewAction;
  field: SettableField | null;
  /** The value set, in its canonical form (a range as {min, max}, a date as {start, end} …). */
  value: FieldValue | null;
  note: string | null;
  reviewer: string;
  /** ISO timestamp of the decision. */
  at: string;
  /** When a re-extraction or a new version of the document left no event covering the decision's evidence. */
  orphanedAt: string | null;
}

/** A field the reviewer set, with the value the extractor gave it. */
export interface Override {
  field: SettableField;
  value: FieldValue;
  extracted: unknown;
  by: string;
  at: string;
  note: string | null;
}

/** The review state an event carries, as `review` on the record shown and queried. */
export interface ReviewState {
  status: ReviewStatus;
  /** The decision that set the status (confirm or reject), when there is one. */
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
  overrides: Override[];
  /** How many decisions (notes included) the event has had, and the latest one's time. */
  decisions: number;
  lastAt: string;
}

/** An event as shown and queried: the record with the review applied, and its review state when it has one. */
export type ReviewedEvent = EventRecord & { review?: ReviewState };

/** What re-attaching the reviews of a document's earlier events to its new events did. */
export interface ReattachReport {
  reattached: { from: string; to: string; decisions: number; how: 'same-id' | 'trigger' | 'sentence' }[];
  orphaned: { event: string; decisions: number; reason: string }[];
}

const text = (name: string, max: number) =>
  z
    .string({ error: `${name} must be text` })
    .trim()
    .min(1, `${name} is empty`)
    .max(max, `${name} is longer than ${max} characters`);

/** The shape of a decision, as the API body and the CLI give it. */
export const ReviewInputSchema = z
  .object({
    action: z.enum(REVIEW_ACTIONS, `action must be one of ${REVIEW_ACTIONS.join(', ')}`),
    field: text('field', 40).optional(),
    value: z.union([z.string().max(2000, 'value is longer than 2000 characters'), z.number(), z.null()]).optional(),
    note: text('note', 4000).optional(),
    reviewer: text('reviewer', 200),
  })
  .strict();

/** A decision checked and in canonical form, ready to store. */
export interface CheckedInput {
  action: ReviewAction;
  field: SettableField | null;
  value: FieldValue | null;
  note: string | null;
  reviewer: string;
}

/**
 * Checks a decision: its shape, that set and unset name a settable field, that set's value parses for that field,
 * that a note alone has a note. Throws a SitrepError (REVIEW_INVALID) naming the field and the reason.
 */
export function checkReviewInput(input: unknown): CheckedInput {
  const parsed = ReviewInputSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) =>
      issue.path.length > 0 && !issue.message.startsWith(String(issue.path[0]))
        ? `${issue.path.join('.')}: ${issue.message}`
        : issue.message,
    );
    throw new SitrepError('REVIEW_INVALID', problems.join('; '));
  }
  const { action, field, value, note, reviewer } = parsed.data;
  const base = { action, note: note ?? null, reviewer };
  switch (action) {
    case 'set': {
      if (field === undefined) throw new SitrepError('REVIEW_INVALID', 'set needs a field (FIELD=VALUE)');
      if (value === undefined || value === null) {
        throw new SitrepError('REVIEW_INVALID', `${field}: set needs a value (use "none" to clear a field)`);
      }
      const parsedValue = parseFieldValue(field, String(value));
      return { ...base, field: parsedValue.field, value: parsedValue.value };
    }
    case 'unset': {
      if (field === undefined) throw new SitrepError('REVIEW_INVALID', 'unset needs the field to give back');
      if (value !== undefined) throw new SitrepError('REVIEW_INVALID', `${field}: unset takes no value`);
      return { ...base, field: parseFieldValue(field, null).field, value: null };
    }
    case 'note':
      if (note === undefined) throw new SitrepError('REVIEW_INVALID', 'a note-only decision needs a note');
      return rejectFieldOn(action, field, value, base);
    default:
      return rejectFieldOn(action, field, value, base);
  }
}

function rejectFieldOn(
  action: ReviewAction,
  field: string | undefined,
  value: unknown,
  base: Omit<CheckedInput, 'field' | 'value'>,
): CheckedInput {
  if (field !== undefined || value !== undefined) {
    throw new SitrepError('REVIEW_INVALID', `${action} takes no field or value (set one with action "set")`);
  }
  return { ...base, field: null, value: null };
}

/** "killed=3-5" → { field: 'killed', value: '3-5' }: the CLI's --set. */
export function splitAssignment(assignment: string): { field: string; value: string } {
  const at = assignment.indexOf('=');
  if (at <= 0) {
    throw new SitrepError('REVIEW_INVALID', `"${assignment}" is not FIELD=VALUE (such as killed=3 or place.name=Hit)`);
  }
  return { field: assignment.slice(0, at).trim(), value: assignment.slice(at + 1).trim() };
}

/**
 * Do these decisions change what the merged events are built from? A rejected event leaves them, a set field may
 * change them; a note, or confirming an event that was not rejected, changes nothing there.
 */
export function changesMerged(previous: ReviewStatus, decisions: readonly Pick<ReviewInput, 'action'>[]): boolean {
  return decisions.some(
    (d) =>
      d.action === 'set' ||
      d.action === 'unset' ||
      d.action === 'reject' ||
      (d.action === 'confirm' && previous === 'rejected'),
  );
}
