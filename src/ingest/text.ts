// Reader for plain text and markdown reports, with an optional front-matter header (title, url, outlet, published).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parse } from 'yaml';
import { InputError } from '../core/errors.ts';
import type { DocumentInput } from '../core/record.ts';

/** Larger inputs are refused: a report is kilobytes; a 20 MB "article" is a mistake or an attack. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export interface ReadOptions {
  /** Used when the header gives no publication date. */
  published?: string | null;
  id?: string;
}

/** Reads one text or markdown file; a bad file comes back as an InputError value naming it and why. */
export async function readTextFile(path: string, options: ReadOptions = {}): Promise<DocumentInput | InputError> {
  const bytes = readSmallFile(path, MAX_DOCUMENT_BYTES);
  if (bytes instanceof InputError) return bytes;
  const id = options.id ?? basename(path, extname(path));
  return parseTextDocument(path, bytes, { ...options, id });
}

/**
 * A whole file of at most `maxBytes`, read at once with blocking calls: four system calls for a report of a few
 * kilobytes, where the promise API makes as many round trips to libuv's threads (an ingest of 10,000 files spent
 * more CPU reading them that way than storing them). Reports are small and local; large inputs (feeds, exports)
 * are streamed by their own readers.
 */
export function readSmallFile(path: string, maxBytes: number): Buffer | InputError {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (cause) {
    return new InputError(path, 'INPUT_UNREADABLE', (cause as Error).message, { cause });
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return new InputError(path, 'INPUT_UNREADABLE', 'not a regular file');
    if (info.size > maxBytes) {
      return new InputError(
        path,
        'INPUT_TOO_LARGE',
        `${info.size} bytes is over the ${maxBytes}-byte limit for one document`,
      );
    }
    // One byte more than the size: a file that grew since is read to its end or refused, never cut short.
    const buffer = Buffer.alloc(Math.min(info.size + 1, maxBytes + 1));
    let length = 0;
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxBytes)
      return new InputError(path, 'INPUT_TOO_LARGE', `over the ${maxBytes}-byte limit for one document`);
    return buffer.subarray(0, length);
  } catch (cause) {
    return new InputError(path, 'INPUT_UNREADABLE', (cause as Error).message, { cause });
  } finally {
    closeSync(fd);
  }
}

/** Decodes and checks the bytes of one document, then splits off its front matter. */
export function parseTextDocument(
  input: string,
  bytes: Uint8Array,
  options: ReadOptions & { id: string },
): DocumentInput | InputError {
  if (bytes.length === 0) return new InputError(input, 'INPUT_EMPTY', 'the file is empty');
  if (bytes.length > MAX_DOCUMENT_BYTES)
    return new InputError(input, 'INPUT_TOO_LARGE', `${bytes.length} bytes is over the limit`);
  if (bytes.subarray(0, 8192).includes(0))
    return new InputError(input, 'INPUT_BINARY', 'binary content (NUL bytes), not text');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    return new InputError(input, 'INPUT_ENCODING', 'not valid UTF-8 text', { cause });
  }
  if (text.trim() === '') return new InputError(input, 'INPUT_EMPTY', 'the file holds only whitespace');
  return splitFrontMatter(input, text.replace(/^\uFEFF/, ''), options);
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export function splitFrontMatter(
  input: string,
  text: string,
  options: ReadOptions & { id: string },
): DocumentInput | InputError {
  const match = FRONT_MATTER.exec(text);
  let header: Record<string, unknown> = {};
  let body = text;
  if (match) {
    try {
      const parsed: unknown = parse(match[1] ?? '');
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
        header = parsed as Record<string, unknown>;
    } catch (cause) {
      return new InputError(input, 'INPUT_INVALID', `front matter is not valid YAML: ${(cause as Error).message}`, {
        cause,
      });
    }
    body = text.slice(match[0].length);
  }
  const field = (name: string): string | null => {
    const value = header[name];
    if (value instanceof Date) return value.toISOString();
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
  };
  const published = toIsoDate(field('published') ?? field('date')) ?? options.published ?? null;
  if (body.trim() === '') return new InputError(input, 'INPUT_EMPTY', 'no text after the front matter');
  return {
    id: field('id') ?? options.id,
    text: body,
    published,
    outlet: field('outlet') ?? field('source'),
    url: field('url'),
    title: field('title'),
  };
}

/** "2024-03-12", "2024-03-12T08:00:00Z" → "2024-03-12"; anything else → null. */
export function toIsoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  if (m) return m[1] ?? null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}
