// Stable ids: the same input gives the same ids, run after run.
import { createHash } from 'node:crypto';

/** A short, stable hex digest of the parts. */
export function stableId(...parts: readonly (string | number | null)[]): string {
  // One update of the parts joined (the same digest as one update a part, at a fraction of the calls).
  let joined = '';
  for (const part of parts) joined += `${part ?? ''}\u0000`;
  return createHash('sha256').update(joined).digest('hex').slice(0, 16);
}

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}
