// Reader for JSON Lines of articles ({id, text, published?, outlet?, url?, title?}), streamed line by line in
// constant memory. A bad line is reported as a value and the stream goes on.
import { createReadStream } from 'node:fs';
import { basename, extname } from 'node:path';
import { createInterface } from 'node:readline';
import { InputError } from '../core/errors.ts';
import { type DocumentInput, DocumentInputSchema } from '../core/record.ts';
import { type IngestedDocument, ingested } from './document.ts';
import { MAX_DOCUMENT_BYTES, toIsoDate } from './text.ts';

export interface JsonlItem {
  line: number;
  document: DocumentInput | InputError;
}

/** Streams the lines of `path`; a line without an id gets `idPrefix:LINE` when `idPrefix` is given. */
export async function* readJsonlDocuments(path: string, idPrefix?: string): AsyncGenerator<JsonlItem> {
  const stream = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  for await (const raw of lines) {
    line++;
    if (raw.trim() === '') continue;
    yield { line, document: parseJsonlLine(`${path}:${line}`, raw, idPrefix ? `${idPrefix}:${line}` : undefined) };
  }
}

export function parseJsonlLine(input: string, raw: string, fallbackId?: string): DocumentInput | InputError {
  if (raw.length > MAX_DOCUMENT_BYTES)
    return new InputError(input, 'INPUT_TOO_LARGE', 'line over the document size limit');
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (cause) {
    return new InputError(input, 'INPUT_INVALID', `not valid JSON: ${(cause as Error).message}`, { cause });
  }
  if (value !== null && typeof value === 'object' && 'published' in value && typeof value.published === 'string') {
    (value as { published: string | null }).published = toIsoDate(value.published);
  }
  if (fallbackId && value !== null && typeof value === 'object' && !Array.isArray(value) && !('id' in value)) {
    (value as { id: string }).id = fallbackId;
  }
  const parsed = DocumentInputSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return new InputError(
      input,
      'INPUT_INVALID',
      `${issue?.path.join('.') || 'document'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  if (parsed.data.text.trim() === '') return new InputError(input, 'INPUT_EMPTY', 'the document has no text');
  return parsed.data;
}

/**
 * The documents of a JSON Lines file with their provenance; a line without an id is named FILE:LINE. A file that
 * cannot be read ends the stream with an InputError.
 */
export async function* readJsonlFile(
  path: string,
  options: { published?: string | null } = {},
): AsyncGenerator<IngestedDocument | InputError> {
  try {
    for await (const item of readJsonlDocuments(path, basename(path, extname(path)))) {
      const document = item.document;
      if (document instanceof InputError) yield document;
      else yield ingested({ ...document, published: document.published ?? options.published ?? null }, path, 'jsonl');
    }
  } catch (cause) {
    yield new InputError(path, 'INPUT_UNREADABLE', (cause as Error).message, { cause });
  }
}
