// Stable ids: the same input gives the same ids, run after run.
import { createHash } from 'node:crypto';

/** A short, stable hex digest of the parts. */
export function stableId(...parts: readonly (string | number | null)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part ?? ''}\u0000`);
  return hash.digest('hex').slice(0, 16);
}

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}
