// What every reader yields: the document the extractor reads, and where it came from.
import { createHash } from 'node:crypto';
import type { DocumentInput } from '../core/record.ts';

export type IngestFormat = 'text' | 'markdown' | 'html' | 'rss' | 'atom' | 'telegram' | 'jsonl';

export interface Provenance {
  /** The file path or URL the document was read from (for a feed item or a message: the feed or the export). */
  source: string;
  format: IngestFormat;
  /** sha256 of `input.text`, hex: the same text read twice, from anywhere, has the same hash. */
  contentHash: string;
  byline?: string;
  /** Figure captions, also appended to the text after the body, one paragraph each. */
  captions?: string[];
}

export interface IngestedDocument {
  input: DocumentInput;
  provenance: Provenance;
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Wraps a document with its provenance; the hash is always computed here, from the final text. */
export function ingested(
  input: DocumentInput,
  source: string,
  format: IngestFormat,
  extra: { byline?: string | null; captions?: string[] } = {},
): IngestedDocument {
  const provenance: Provenance = { source, format, contentHash: contentHash(input.text) };
  if (extra.byline) provenance.byline = extra.byline;
  if (extra.captions && extra.captions.length > 0) provenance.captions = extra.captions;
  return { input, provenance };
}
