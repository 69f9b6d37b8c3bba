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
