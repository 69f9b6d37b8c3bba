// Bytes → text for the markup readers (HTML, feeds): refuses empty, oversized and binary input, and decodes with the
// charset the bytes carry (byte-order mark, HTTP header, <meta charset>, <?xml encoding?>), UTF-8 by default.
import { readFile, stat } from 'node:fs/promises';
import { TextDecoder } from 'node:util';
import { InputError } from '../core/errors.ts';

export interface DecodeOptions {
  /** The charset an HTTP Content-Type header declared. */
  charset?: string | null;
  /** Where to look for an in-document declaration. */
  markup?: 'html' | 'xml';
  maxBytes: number;
}

// <meta charset="windows-1256">, <meta http-equiv="Content-Type" content="text/html; charset=windows-1256">
const HTML_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i;
// <?xml version="1.0" encoding="ISO-8859-1"?>
const XML_ENCODING = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/;

export function decodeDocumentBytes(input: string, bytes: Uint8Array, options: DecodeOptions): string | InputError {
  if (bytes.length === 0) return new InputError(input, 'INPUT_EMPTY', 'the input is empty');
  if (bytes.length > options.maxBytes)
    return new InputError(input, 'INPUT_TOO_LARGE', `${bytes.length} bytes is over the ${options.maxBytes}-byte limit`);
  let label = byteOrderMark(bytes);
  if (!label && bytes.subarray(0, 8192).includes(0))
    return new InputError(input, 'INPUT_BINARY', 'binary content (NUL bytes), not text');
  label ??= options.charset ?? declaredCharset(bytes, options.markup);
  const decoder = textDecoder(label);
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch (cause) {
    return new InputError(input, 'INPUT_ENCODING', `not valid ${decoder.encoding} text`, { cause });
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return new InputError(input, 'INPUT_EMPTY', 'the input holds only whitespace');
  return text;
}

function byteOrderMark(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function declaredCharset(bytes: Uint8Array, markup: DecodeOptions['markup']): string | null {
  if (!markup) return null;
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const match = (markup === 'html' ? HTML_CHARSET : XML_ENCODING).exec(head);
  return match?.[1] ?? null;
}

/** UTF-8 is decoded strictly (a broken file is reported); a declared legacy charset leniently, as browsers do. */
function textDecoder(label: string | null): TextDecoder {
  if (label) {
    try {
      const decoder = new TextDecoder(label);
      if (decoder.encoding !== 'utf-8') return decoder;
    } catch {
      // An unknown label: fall back to UTF-8, the web's default.
    }
  }
  return new TextDecoder('utf-8', { fatal: true });
}

/** Reads and decodes one markup file; a missing, unreadable, oversized or binary file is an InputError. */
export async function readDocumentText(path: string, options: DecodeOptions): Promise<string | InputError> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return new InputError(path, 'INPUT_UNREADABLE', 'not a regular file');
    if (info.size > options.maxBytes)
      return new InputError(path, 'INPUT_TOO_LARGE', `${info.size} bytes is over the ${options.maxBytes}-byte limit`);
    return decodeDocumentBytes(path, await readFile(path), options);
  } catch (cause) {
    return new InputError(path, 'INPUT_UNREADABLE', (cause as Error).message, { cause });
  }
}
