// Which reader a file needs: by its name first (.txt/.md text, .html HTML, .xml/.rss/.atom feeds, result.json a
// Telegram export, .jsonl JSON Lines), by its first bytes when the name does not tell.
import { basename, extname } from 'node:path';
import { InputError } from '../core/errors.ts';

export type InputKind = 'text' | 'markdown' | 'html' | 'feed' | 'telegram' | 'jsonl';

/** How many bytes of a file are looked at to choose its reader. */
export const SNIFF_BYTES = 8192;

const BY_EXTENSION: Record<string, InputKind | 'json'> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.xml': 'feed',
  '.rss': 'feed',
  '.atom': 'feed',
  '.rdf': 'feed',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'json',
};
// Text files that are not reports: the styles and scripts of a saved web page, tables, configuration.
const NOT_REPORTS = new Set(['.css', '.js', '.mjs', '.cjs', '.map', '.csv', '.tsv', '.yaml', '.yml', '.svg']);

// "<rss version="2.0">", "<feed xmlns="http://www.w3.org/2005/Atom">", "<rdf:RDF …>"
const FEED_ROOT = /<(?:rss|feed|rdf:RDF)[\s>]/;
const HTML_START = /^(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|div|p)[\s>/]/i;
// Telegram Desktop writes { "name": …, "type": "public_channel", "id": …, "messages": [ … ] }
const TELEGRAM_HEAD =
  /"type"\s*:\s*"(?:public_channel|private_channel|public_supergroup|private_supergroup|private_group|personal_chat|bot_chat|saved_messages)"|"messages"\s*:\s*\[/;

/**
 * The reader for `path`, given its first bytes; binary content is an InputError whatever the name says. `input`
 * names the input in errors (a URL, whose path gave the name).
 */
export function chooseReader(path: string, head: Uint8Array, input: string = path): InputKind | InputError {
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!utf16 && head.includes(0)) return new InputError(input, 'INPUT_BINARY', 'binary content (NUL bytes), not text');
  const start = Buffer.from(head)
    .toString(utf16 ? 'utf16le' : 'utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  const extension = extname(path).toLowerCase();
  if (basename(path).toLowerCase() === 'result.json' && start.startsWith('{')) return 'telegram';
  if (NOT_REPORTS.has(extension))
    return new InputError(input, 'INPUT_INVALID', `a ${extension} file is not a report this reads`);
  const byName = BY_EXTENSION[extension];
  if (byName === 'json' || (byName === undefined && start.startsWith('{'))) return jsonKind(input, start);
  if (byName) return byName;
  if (start.startsWith('<')) {
    if (FEED_ROOT.test(start) || (start.startsWith('<?xml') && !HTML_START.test(start.replace(/^<\?xml[^>]*>\s*/, ''))))
      return 'feed';
    if (HTML_START.test(start) || /<html[\s>]/i.test(start)) return 'html';
  }
  return 'text';
}

function jsonKind(input: string, start: string): InputKind | InputError {
  if (start.startsWith('{') && TELEGRAM_HEAD.test(start)) return 'telegram';
  // JSON Lines: the first line is a whole object on its own.
  const firstLine = start.split('\n', 1)[0] ?? '';
  try {
    const value: unknown = JSON.parse(firstLine);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return 'jsonl';
  } catch {
    // Not a line of its own: an ordinary JSON document.
  }
  return new InputError(input, 'INPUT_INVALID', 'JSON, but neither a Telegram export nor JSON Lines');
}
