// Test helpers shared by the merge tests.
import type { Actor } from '../core/record.ts';

/** A named organisation as a record's actor or recipient. */
export const party = (id: string | null, name: string, country: string | null, sector: string | null): Actor => ({
  text: name,
  name,
  id,
  country,
  sector,
  acled: null,
  kind: 'organisation',
  span: { start: 0, end: name.length },
  refersTo: null,
});

/** Adds whole days to a YYYY-MM-DD day. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
