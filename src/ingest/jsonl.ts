// Reader for JSON Lines of articles ({id, text, published?, outlet?, url?, title?}), streamed line by line in
// constant memory. A bad line is reported as a value and the stream goes on.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { InputError } from '../core/errors.ts';
import { type DocumentInput, DocumentInputSchema } from '../core/record.ts';
import { MAX_DOCUMENT_BYTES, toIsoDate } from './text.ts';

export interface JsonlItem {
  line: number;
  document: DocumentInput | InputError;
}

export async function* readJsonlDocuments(path: string): AsyncGenerator<JsonlItem> {
  const stream = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  for await (const raw of lines) {
    line++;
    if (raw.trim() === '') continue;
    yield { line, document: parseJsonlLine(`${path}:${line}`, raw) };
  }
}

export function parseJsonlLine(input: string, raw: string): DocumentInput | InputError {
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
