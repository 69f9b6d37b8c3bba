// JSON Lines: each event record, whole, on a line of its own.
import type { ExportWriter } from './format.ts';

export function createJsonlWriter(): ExportWriter {
  return { begin: () => '', write: (event) => `${JSON.stringify(event)}\n`, end: () => '' };
}
