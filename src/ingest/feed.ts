// Reader for RSS 2.0 (and 1.0) and Atom feeds: one document per item, with its link, title, date and author, and
// the feed's title as the outlet. Item bodies are HTML (RSS description and content:encoded, Atom type="html" or
// "xhtml") read with the HTML reader, or plain text (Atom type="text").
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { InputError } from '../core/errors.ts';
import { publicationDate } from './dates.ts';
import { decodeDocumentBytes, readDocumentText } from './decode.ts';
import { type IngestedDocument, ingested } from './document.ts';
import { FEED_MEDIA_TYPES, type FetchOptions, fetchUrl } from './fetch.ts';
import { htmlFragmentText } from './html.ts';
import { MAX_DOCUMENT_BYTES } from './text.ts';

/** A feed file carries many items; it may be larger than one document. */
export const MAX_FEED_BYTES = 64 * 1024 * 1024;

// Elements whose content is taken raw, so that Atom's inline XHTML keeps its order and HTML its markup.
const TEXT_ELEMENTS = ['title', 'subtitle', 'description', 'content:encoded', 'content', 'summary'];
const REPEATED = new Set(['item', 'entry', 'link', 'author', 'category']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  stopNodes: TEXT_ELEMENTS.map((name) => `*.${name}`),
  isArray: (name) => REPEATED.has(name),
});

export interface FeedReadOptions {
  /** The file path or URL of the feed. */
  source: string;
  /** The feed's URL, for resolving relative item links. */
  url?: string | null;
  /** Used for items without a date. */
  published?: string | null;
}

type XmlNode = Record<string, unknown>;

/** Every item of the feed in `xml`, or one InputError when it is not well-formed XML or not a feed. */
export function* parseFeed(xml: string, options: FeedReadOptions): Generator<IngestedDocument | InputError> {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    yield new InputError(options.source, 'INPUT_INVALID', `not well-formed XML: ${msg} (line ${line}, column ${col})`);
    return;
  }
  let root: XmlNode;
  try {
    root = parser.parse(xml) as XmlNode;
  } catch (cause) {
    yield new InputError(options.source, 'INPUT_INVALID', `cannot parse the XML: ${(cause as Error).message}`, {
      cause,
    });
    return;
  }
  const feed = feedOf(root);
  if (!feed) {
    const element = Object.keys(root).find((k) => !k.startsWith('?')) ?? 'none';
    yield new InputError(
      options.source,
      'INPUT_INVALID',
      `XML, but not an RSS or Atom feed (root element <${element}>)`,
    );
    return;
  }
  const outlet = plainText(feed.channel.title) || null;
  const base = options.url ?? linkOf(feed.channel.link, null);
  let index = 0;
  for (const item of feed.items) {
    index++;
    yield feed.format === 'atom'
      ? atomEntry(item, index, outlet, base, options)
      : rssItem(item, index, outlet, base, options);
  }
}

export async function* readFeedFile(
  path: string,
  options: Omit<FeedReadOptions, 'source'> = {},
): AsyncGenerator<IngestedDocument | InputError> {
  const xml = await readDocumentText(path, { markup: 'xml', maxBytes: MAX_FEED_BYTES });
  if (xml instanceof InputError) yield xml;
  else yield* parseFeed(xml, { ...options, source: path });
}

/** Fetches a feed (see fetch.ts for what is refused) and reads its items. */
export async function* readFeedUrl(
  url: string,
  options: { published?: string | null; fetch?: FetchOptions } = {},
): AsyncGenerator<IngestedDocument | InputError> {
  const fetched = await fetchUrl(url, { maxBytes: MAX_FEED_BYTES, accept: FEED_MEDIA_TYPES, ...options.fetch });
  if (fetched instanceof InputError) {
    yield fetched;
    return;
  }
  const xml = decodeDocumentBytes(url, fetched.body, {
    charset: fetched.charset,
    markup: 'xml',
    maxBytes: MAX_FEED_BYTES,
  });
  if (xml instanceof InputError) yield xml;
  else yield* parseFeed(xml, { source: url, url: fetched.url, published: options.published ?? null });
}

interface Feed {
  format: 'rss' | 'atom';
  channel: XmlNode;
  items: XmlNode[];
}

function feedOf(root: XmlNode): Feed | null {
  const rss = node(root.rss);
  if (rss) {
    const channel = node(rss.channel) ?? {};
    return { format: 'rss', channel, items: nodes(channel.item) };
  }
  const atom = node(root.feed);
  if (atom) return { format: 'atom', channel: atom, items: nodes(atom.entry) };
  // RSS 1.0: the items are the channel's siblings.
  const rdf = node(root['rdf:RDF']);
  if (rdf) return { format: 'rss', channel: node(rdf.channel) ?? {}, items: nodes(rdf.item) };
  return null;
}

function rssItem(
  item: XmlNode,
  index: number,
  outlet: string | null,
  base: string | null,
  options: FeedReadOptions,
): IngestedDocument | InputError {
  const title = plainText(item.title) || null;
  const guid = textValue(item.guid);
  const guidIsLink = attribute(item.guid, 'isPermaLink') !== 'false' && /^https?:\/\//i.test(guid);
  const url = linkOf(item.link, base) ?? (guidIsLink ? guid : null);
  const encoded = richText(item['content:encoded'], 'html');
  const content = encoded.text ? encoded : richText(item.description, 'html');
  const byline = textValue(item['dc:creator']) || textValue(item.author) || null;
  const date = textValue(item.pubDate) || textValue(item['dc:date']);
  return itemDocument(index, content, {
    id: guid || url,
    title,
    url,
    outlet,
    byline,
    date,
    format: 'rss',
    options,
  });
}

function atomEntry(
  entry: XmlNode,
  index: number,
  outlet: string | null,
  base: string | null,
  options: FeedReadOptions,
): IngestedDocument | InputError {
  const title = plainText(entry.title) || null;
  const url = linkOf(entry.link, base);
  const full = richText(entry.content, 'text');
  const content = full.text ? full : richText(entry.summary, 'text');
  const byline =
    nodes(entry.author)
      .map((a) => textValue(a.name))
      .filter((name) => name !== '')
      .join(', ') || null;
  const date = textValue(entry.published) || textValue(entry.updated);
  return itemDocument(index, content, {
    id: textValue(entry.id) || url,
    title,
    url,
    outlet,
    byline,
    date,
    format: 'atom',
    options,
  });
}

function itemDocument(
  index: number,
  { text, captions }: { text: string; captions: string[] },
  item: {
    id: string | null;
    title: string | null;
    url: string | null;
    outlet: string | null;
    byline: string | null;
    date: string;
    format: 'rss' | 'atom';
    options: FeedReadOptions;
  },
): IngestedDocument | InputError {
  const name = `${item.options.source}#${index}`;
  if (text.trim() === '')
    return new InputError(name, 'INPUT_EMPTY', `item ${index}${item.title ? ` "${item.title}"` : ''} has no text`);
  if (text.length > MAX_DOCUMENT_BYTES)
    return new InputError(name, 'INPUT_TOO_LARGE', 'the item is over the document size limit');
  return ingested(
    {
      id: item.id || name,
      text,
      published: publicationDate(item.date) ?? item.options.published ?? null,
      outlet: item.outlet,
      url: item.url,
      title: item.title,
    },
    item.options.source,
    item.format,
    { byline: item.byline, captions },
  );
}

// ---- values ---------------------------------------------------------------------------------------------------

function node(value: unknown): XmlNode | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as XmlNode) : null;
}

function nodes(value: unknown): XmlNode[] {
  return (Array.isArray(value) ? value : [value]).map(node).filter((n): n is XmlNode => n !== null);
}

/** The text of a parsed (not raw) element: "x" or { "#text": "x", "@_attr": … }; the parser decoded it. */
function textValue(value: unknown): string {
  if (Array.isArray(value)) return textValue(value[0]);
  if (typeof value === 'string') return value.trim();
  const text = node(value)?.['#text'];
  return typeof text === 'string' ? text.trim() : '';
}

function attribute(value: unknown, name: string): string | null {
  const attr = node(value)?.[`@_${name}`];
  return typeof attr === 'string' ? attr : null;
}

/** RSS <link>text</link> or Atom <link rel="alternate" href="…"/>, made absolute. */
function linkOf(value: unknown, base: string | null): string | null {
  const links = Array.isArray(value) ? value : value === undefined ? [] : [value];
  for (const link of links) {
    const rel = attribute(link, 'rel');
    const href = typeof link === 'string' ? link.trim() : (attribute(link, 'href') ?? textValue(link));
    if (!href || (rel !== null && rel !== 'alternate')) continue;
    try {
      const url = base ? new URL(href, base) : new URL(href);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    } catch {
      // A relative link without a base, or garbage: try the next.
    }
  }
  return null;
}

/** A title: plain text, even when a feed put markup in it. */
function plainText(value: unknown): string {
  return richText(value, 'text').text.replace(/\s+/g, ' ').trim();
}

/** The text of a raw (stop-node) element by its type: HTML and XHTML through the HTML reader, text as it is. */
function richText(value: unknown, defaultType: 'html' | 'text'): { text: string; captions: string[] } {
  const raw = typeof value === 'string' ? value : node(value)?.['#text'];
  if (typeof raw !== 'string' || raw.trim() === '') return { text: '', captions: [] };
  const type = (attribute(value, 'type') ?? defaultType).toLowerCase();
  if (type === 'xhtml' || type === 'application/xhtml+xml') return htmlFragmentText(raw);
  const decoded = decodeXmlText(raw);
  if (type === 'html' || type === 'text/html' || /<\/?[a-z][^>]*>/i.test(decoded)) return htmlFragmentText(decoded);
  const text = decoded
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, captions: [] };
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Character data as XML means it: CDATA sections verbatim, entity and character references decoded. */
export function decodeXmlText(raw: string): string {
  return raw
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) =>
      part.startsWith('<![CDATA[')
        ? part.slice(9, -3)
        : part.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
            if (name[0] === '#') {
              const code =
                name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
              return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
            }
            return XML_ENTITIES[name] ?? entity;
          }),
    )
    .join('');
}
