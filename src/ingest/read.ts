// The one entry point of ingestion: paths, directories and URLs in, documents with provenance out, and every input
// that cannot be read as an InputError value in the same stream (a caller counts and reports them; nothing throws
// for a bad document).
import { closeSync, type Dirent, openSync, readSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, join, relative, sep } from 'node:path';
import { InputError } from '../core/errors.ts';
import type { DocumentInput } from '../core/record.ts';
import { decodeDocumentBytes } from './decode.ts';
import { type IngestedDocument, ingested } from './document.ts';
import { MAX_FEED_BYTES, parseFeed, readFeedFile } from './feed.ts';
import { type FetchOptions, fetchUrl } from './fetch.ts';
import { parseHtmlDocument, readHtmlFile } from './html.ts';
import { parseJsonlLine, readJsonlFile } from './jsonl.ts';
import { chooseReader, type InputKind, SNIFF_BYTES } from './sniff.ts';
import { readTelegramExport, type TelegramReadOptions } from './telegram.ts';
import { MAX_DOCUMENT_BYTES, parseTextDocument, readTextFile } from './text.ts';

export interface ReadInputsOptions {
  /** The publication date of documents that give none. */
  published?: string | null;
  /** Fetch URLs from private, loopback and link-local addresses too (`--allow-private`). */
  allowPrivate?: boolean;
  /** Timeout, size cap, accepted types … for URLs; `allowPrivate` above, when given, wins. */
  fetch?: FetchOptions;
  telegram?: TelegramReadOptions;
}

export type IngestItem = IngestedDocument | InputError;

/**
 * Reads every path in order: a file by the reader its name and content call for, a directory recursively (hidden
 * entries skipped), an http(s) URL through the guarded fetcher.
 */
export async function* readInputs(paths: string[], options: ReadInputsOptions = {}): AsyncGenerator<IngestItem> {
  for (const path of paths) {
    if (/^https?:\/\//i.test(path)) yield* readUrl(path, options);
    else if (/^[a-z][a-z\d+.-]*:\/\//i.test(path))
      yield new InputError(path, 'INPUT_INVALID', 'only http and https URLs are fetched');
    else yield* readPath(path, options);
  }
}

async function* readPath(path: string, options: ReadInputsOptions): AsyncGenerator<IngestItem> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (cause) {
    yield new InputError(path, 'INPUT_UNREADABLE', (cause as Error).message, { cause });
    return;
  }
  if (info.isDirectory()) yield* readDirectory(path, path, options, new Set());
  else if (info.isFile()) yield* readFileInput(path, undefined, options);
  else yield new InputError(path, 'INPUT_UNREADABLE', 'not a regular file or directory');
}

/**
 * A directory, depth first in name order. A folder holding a Telegram export's result.json is read as that export
 * alone: its photos/, files/ and messages.html are the export's attachments, not reports.
 */
async function* readDirectory(
  root: string,
  directory: string,
  options: ReadInputsOptions,
  visited: Set<string>,
): AsyncGenerator<IngestItem> {
  let entries: Dirent[];
  try {
    const real = await realpath(directory);
    if (visited.has(real)) return; // a symbolic link back up the tree
    visited.add(real);
    entries = (await readdir(directory, { withFileTypes: true }))
      .filter((entry) => !entry.name.startsWith('.'))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (cause) {
    yield new InputError(directory, 'INPUT_UNREADABLE', (cause as Error).message, { cause });
    return;
  }
  if (entries.some((entry) => entry.name === 'result.json')) {
    const exportFile = join(directory, 'result.json');
    if (fileKind(exportFile) === 'telegram') {
      yield* readTelegramExport(exportFile, options.telegram);
      return;
    }
  }
  for (const entry of entries) {
    const path = join(directory, entry.name);
    // The entry's own type, without a call per file; a symbolic link is followed to what it names.
    let info: Pick<Dirent, 'isDirectory' | 'isFile'> = entry;
    if (entry.isSymbolicLink()) {
      try {
        info = await stat(path);
      } catch (cause) {
        yield new InputError(path, 'INPUT_UNREADABLE', (cause as Error).message, { cause });
        continue;
      }
    }
    if (info.isDirectory()) yield* readDirectory(root, path, options, visited);
    else if (info.isFile()) yield* readFileInput(path, documentId(root, path), options);
    else yield new InputError(path, 'INPUT_UNREADABLE', 'not a regular file or directory');
  }
}

/** Inside a directory a document is named by its path there, without the extension: "2024/03/strike-report". */
function documentId(root: string, path: string): string {
  const inside = relative(root, path).split(sep).join('/');
  return inside.slice(0, inside.length - extname(inside).length) || basename(path);
}

/** The reader a file calls for, from its name and first bytes (read with blocking calls: see `readSmallFile`). */
function fileKind(path: string): InputKind | InputError {
  let head: Uint8Array;
  try {
    const fd = openSync(path, 'r');
    try {
      const buffer = Buffer.alloc(SNIFF_BYTES);
      head = buffer.subarray(0, readSync(fd, buffer, 0, SNIFF_BYTES, 0));
    } finally {
      closeSync(fd);
    }
  } catch (cause) {
    return new InputError(path, 'INPUT_UNREADABLE', (cause as Error).message, { cause });
  }
  if (head.length === 0) return new InputError(path, 'INPUT_EMPTY', 'the file is empty');
  return chooseReader(path, head);
}

/** One file, by the reader its name and first bytes call for. */
export async function* readFileInput(
  path: string,
  id: string | undefined,
  options: ReadInputsOptions = {},
): AsyncGenerator<IngestItem> {
  const kind = fileKind(path);
  if (kind instanceof InputError) {
    yield kind;
    return;
  }
  const published = options.published ?? null;
  switch (kind) {
    case 'text':
    case 'markdown': {
      const document = await readTextFile(path, id === undefined ? { published } : { published, id });
      yield document instanceof InputError ? document : ingested(document, path, kind);
      return;
    }
    case 'html':
      yield await readHtmlFile(path, id === undefined ? { published } : { published, id });
      return;
    case 'feed':
      yield* readFeedFile(path, { published });
      return;
    case 'telegram':
      yield* readTelegramExport(path, options.telegram);
      return;
    case 'jsonl':
      yield* readJsonlFile(path, { published });
      return;
  }
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const FEED_TYPES = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/xml',
  'text/xml',
]);
const JSONL_TYPES = new Set(['application/jsonl', 'application/x-ndjson']);

/** One URL: a web page, a feed, plain text or JSON Lines, by the response's type (and its bytes when vague). */
export async function* readUrl(url: string, options: ReadInputsOptions = {}): AsyncGenerator<IngestItem> {
  const fetched = await fetchUrl(url, {
    maxBytes: MAX_FEED_BYTES,
    ...options.fetch,
    ...(options.allowPrivate === undefined ? {} : { allowPrivate: options.allowPrivate }),
  });
  if (fetched instanceof InputError) {
    yield fetched;
    return;
  }
  const published = options.published ?? null;
  const type = fetched.mediaType;
  let kind: InputKind | InputError;
  if (HTML_TYPES.has(type)) kind = 'html';
  else if (FEED_TYPES.has(type)) kind = 'feed';
  else if (JSONL_TYPES.has(type)) kind = 'jsonl';
  else if (type === 'text/markdown') kind = 'markdown';
  else kind = chooseReader(new URL(fetched.url).pathname, fetched.body.subarray(0, SNIFF_BYTES), url);
  if (kind instanceof InputError) {
    yield kind;
    return;
  }
  const decode = (markup: 'html' | 'xml' | undefined, maxBytes: number) =>
    decodeDocumentBytes(url, fetched.body, { charset: fetched.charset, maxBytes, ...(markup ? { markup } : {}) });
  switch (kind) {
    case 'html': {
      const html = decode('html', MAX_DOCUMENT_BYTES);
      yield html instanceof InputError
        ? html
        : parseHtmlDocument(html, { id: fetched.url, source: url, url: fetched.url, published });
      return;
    }
    case 'feed': {
      const xml = decode('xml', MAX_FEED_BYTES);
      if (xml instanceof InputError) yield xml;
      else yield* parseFeed(xml, { source: url, url: fetched.url, published });
      return;
    }
    case 'jsonl': {
      const text = decode(undefined, MAX_FEED_BYTES);
      if (text instanceof InputError) {
        yield text;
        return;
      }
      let line = 0;
      for (const raw of text.split('\n')) {
        line++;
        if (raw.trim() === '') continue;
        const document = parseJsonlLine(`${url}:${line}`, raw, `${fetched.url}:${line}`);
        yield document instanceof InputError
          ? document
          : ingested({ ...document, published: document.published ?? published }, url, 'jsonl');
      }
      return;
    }
    case 'telegram':
      yield new InputError(url, 'INPUT_INVALID', 'Telegram exports are read from a file, not a URL');
      return;
    case 'text':
    case 'markdown': {
      if (fetched.body.length > MAX_DOCUMENT_BYTES) {
        yield new InputError(url, 'INPUT_TOO_LARGE', `${fetched.body.length} bytes is over the limit`);
        return;
      }
      const document = parseTextDocument(url, fetched.body, { id: fetched.url, published });
      yield document instanceof InputError ? document : ingested(withUrl(document, fetched.url), url, kind);
      return;
    }
  }
}

function withUrl(document: DocumentInput, url: string): DocumentInput {
  return document.url ? document : { ...document, url };
}
