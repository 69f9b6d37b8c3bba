// Reader for HTML pages: the article's text (Readability on a linkedom DOM), its title, byline, publication date,
// outlet and canonical URL from the page's metadata, figure captions kept apart, and promotional blocks dropped.
// Readability drops figcaptions and keeps in-body promos ("Join our Telegram channel"), so both are handled here:
// captions are taken out before it runs and appended after the body, promos are removed before and after.
import { basename, extname } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { InputError } from '../core/errors.ts';
import { publicationDate } from './dates.ts';
import { readDocumentText } from './decode.ts';
import { type IngestedDocument, ingested } from './document.ts';
import { MAX_DOCUMENT_BYTES } from './text.ts';

// The few DOM members used here (the project's TypeScript has no DOM library).
interface DomNode {
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
}
interface DomElement extends DomNode {
  localName: string;
  getAttribute(name: string): string | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  closest(selectors: string): DomElement | null;
  innerHTML: string;
  remove(): void;
}
interface DomDocument {
  body: DomElement | null;
  documentElement: DomElement;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
}

const ELEMENT = 1;
const TEXT = 3;

// Elements that are never article text.
const JUNK = 'script, style, noscript, template, iframe, object, embed, form, nav, aside, button, select, svg, dialog';
// Containers named for what they are: class="newsletter-box", id="telegram-promo", class="share-tools" …
const PROMO_NAME =
  /(?:^|[-_])(?:newsletter|subscribe|subscription|signup|promo|promotion|advert|advertisement|ads?|sponsor(?:ed)?|paywall|cookies?|share|sharing|social-share|social-links|related|read-?more|telegram|whatsapp|follow-us)(?:[-_]|$)/i;
// A container with more text than this is a layout wrapper, not a promo box, whatever its class says.
const PROMO_MAX_CHARS = 1500;
// Never removed for their class: <body class="has-ads">, <article class="share-enabled">.
const CONTAINERS = new Set(['html', 'body', 'main', 'article']);
// Lines that sell, not report (kept short: a long line is a sentence of the story that mentions a channel).
const PROMO_LINES: readonly RegExp[] = [
  // "Join our Telegram channel for breaking news", "Join us on WhatsApp"
  /\bjoin (?:our|us on)\b.*\b(?:telegram|whatsapp|channel|newsletter|community|mailing list|signal)\b/i,
  // "Follow our Telegram channel", "our WhatsApp channel"
  /\bour (?:telegram|whatsapp|signal|viber) (?:channel|group)\b/i,
  // "Subscribe", "Subscribe to our newsletter", "Sign up for our daily briefing"
  /^(?:subscribe|sign up|register now)\b/i,
  /\b(?:subscribe|sign up) (?:to|for) our\b/i,
  /\b(?:sign up|subscribe)\b.*\bnewsletter\b/i,
  /\bnewsletter\b.*\b(?:inbox|sign up|subscribe)\b/i,
  // "Follow us on X", "Download our app", "Support independent journalism"
  /\bfollow us (?:on|at)\b/i,
  /\bdownload (?:our|the) app\b/i,
  /\bsupport (?:our|independent) journalism\b/i,
  // "Advertisement", "Read more: …", "Also read: …", "Related: …"
  /^(?:advertisement|sponsored(?: content)?|read more|also read|read also|related(?: articles| stories)?|recommended|more on this)\b\s*:?/i,
];
const PROMO_LINE_MAX_CHARS = 250;
// "Photo: …", "Caption: …": already marked as a caption for the extractor's normaliser.
const CAPTION_MARKED = /^(?:photo|image|picture|caption|file photo)\s*[:|-]/i;
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
]);
// schema.org types of a story: Article, NewsArticle, ReportageNewsArticle, BlogPosting, LiveBlogPosting, Report
const ARTICLE_TYPES = /(?:Article|BlogPosting|Report)$/;

export interface HtmlReadOptions {
  id: string;
  /** The file path or URL read. */
  source: string;
  /** The URL the page was fetched from: the url when the page names no canonical one, and the base for links. */
  url?: string | null;
  /** Used when the page gives no publication date. */
  published?: string | null;
}

interface PageMetadata {
  title: string | null;
  byline: string | null;
  published: string | null;
  outlet: string | null;
  url: string | null;
}

/** Reads one HTML page. A page without article text is an InputError. */
export function parseHtmlDocument(html: string, options: HtmlReadOptions): IngestedDocument | InputError {
  const document = parseDocument(html);
  const meta = pageMetadata(document, options.url ?? null);
  const captions = takeCaptions(document, articleRoot(document));
  removeJunk(document.documentElement);
  // Readability rewrites the tree; the cleaned body is kept for when it finds no article.
  const cleanedBody = document.body?.innerHTML ?? '';
  let article: ReturnType<Readability['parse']> = null;
  try {
    article = new Readability(document as never, { charThreshold: 200 }).parse();
  } catch {
    // Readability gives up on some broken trees; the whole body is read instead.
  }
  let paragraphs = article?.content ? paragraphsOf(parseDocument(wrap(article.content)).body) : [];
  if (paragraphs.length === 0) paragraphs = paragraphsOf(parseDocument(wrap(cleanedBody)).body);
  if (paragraphs.length === 0) return new InputError(options.source, 'INPUT_EMPTY', 'no article text in the page');
  const text = withCaptions(paragraphs, captions);
  const byline = meta.byline ?? cleanByline(article?.byline ?? null);
  return ingested(
    {
      id: options.id,
      text,
      published: meta.published ?? publicationDate(article?.publishedTime) ?? options.published ?? null,
      outlet: meta.outlet ?? clean(article?.siteName),
      url: meta.url ?? options.url ?? null,
      title: meta.title ?? clean(article?.title) ?? clean(document.querySelector('title')?.textContent),
    },
    options.source,
    'html',
    { byline, captions },
  );
}

/** The text of an HTML fragment (a feed item's content): paragraphs, promos dropped, captions appended. */
export function htmlFragmentText(html: string): { text: string; captions: string[] } {
  const document = parseDocument(wrap(html));
  const captions = takeCaptions(document, document.body);
  removeJunk(document.documentElement);
  return { text: withCaptions(paragraphsOf(document.body), captions), captions };
}

function parseDocument(html: string): DomDocument {
  // linkedom builds a proper tree only around a whole page; a fragment is wrapped first.
  const page = /<html[\s>]/i.test(html) ? html : wrap(html);
  return parseHTML(page).document as unknown as DomDocument;
}

function wrap(fragment: string): string {
  return `<!DOCTYPE html><html><head></head><body>${fragment}</body></html>`;
}

function withCaptions(paragraphs: string[], captions: string[]): string {
  const marked = captions.map((c) => (CAPTION_MARKED.test(c) ? c : `Caption: ${c}`));
  return [...paragraphs, ...marked].join('\n\n');
}

// ---- metadata -------------------------------------------------------------------------------------------------

/** Title, byline, date, outlet and canonical URL from meta tags, JSON-LD and <time>, best source first. */
function pageMetadata(document: DomDocument, baseUrl: string | null): PageMetadata {
  const meta = new Map<string, string>();
  for (const element of Array.from(document.querySelectorAll('meta'))) {
    const key = (
      element.getAttribute('property') ??
      element.getAttribute('name') ??
      element.getAttribute('itemprop') ??
      ''
    ).toLowerCase();
    const content = clean(element.getAttribute('content'));
    if (key && content && !meta.has(key)) meta.set(key, content);
  }
  const ld = jsonLdArticle(document);
  const first = (...values: (string | null | undefined)[]) => values.find((v) => v) ?? null;

  const timeElement =
    document.querySelector('time[itemprop="datePublished"]') ??
    document.querySelector('time[pubdate]') ??
    articleRoot(document)?.querySelector('time[datetime]') ??
    document.querySelector('time[datetime]');
  const published = first(
    ...[
      meta.get('article:published_time'),
      ld.datePublished,
      meta.get('og:published_time'),
      meta.get('datepublished'),
      meta.get('pubdate'),
      meta.get('publishdate'),
      meta.get('publish-date'),
      meta.get('dc.date.issued'),
      meta.get('dcterms.created'),
      meta.get('dc.date'),
      meta.get('date'),
      meta.get('parsely-pub-date'),
      timeElement?.getAttribute('datetime'),
    ].map(publicationDate),
  );

  const authorMeta = meta.get('author') ?? meta.get('article:author') ?? meta.get('dc.creator');
  const authorElement =
    document.querySelector('[itemprop="author"] [itemprop="name"]') ??
    document.querySelector('[rel="author"]') ??
    document.querySelector('.byline, .author');
  const byline = first(
    cleanByline(ld.author),
    authorMeta && !/^https?:/i.test(authorMeta) ? cleanByline(authorMeta) : null,
    cleanByline(authorElement?.textContent ?? null),
  );

  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const url = first(
    absoluteUrl(canonical, baseUrl),
    absoluteUrl(meta.get('og:url'), baseUrl),
    absoluteUrl(ld.url, baseUrl),
  );

  return {
    title: first(clean(ld.headline), meta.get('og:title'), meta.get('twitter:title')),
    byline,
    published,
    outlet: first(meta.get('og:site_name'), clean(ld.publisher), meta.get('application-name')),
    url,
  };
}

interface JsonLdArticle {
  datePublished: string | null;
  headline: string | null;
  author: string | null;
  publisher: string | null;
  url: string | null;
}

/** The article node of the page's JSON-LD (in @graph or not), or an empty one. */
function jsonLdArticle(document: DomDocument): JsonLdArticle {
  const nodes: Record<string, unknown>[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value !== null && typeof value === 'object') {
      const node = value as Record<string, unknown>;
      nodes.push(node);
      if ('@graph' in node) collect(node['@graph']);
    }
  };
  for (const script of Array.from(document.querySelectorAll('script'))) {
    if ((script.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
    try {
      collect(JSON.parse(script.textContent ?? ''));
    } catch {
      // Broken JSON-LD is common; the page's other metadata still counts.
    }
  }
  const types = (node: Record<string, unknown>) => [node['@type']].flat().filter((t) => typeof t === 'string');
  const node =
    nodes.find((n) => types(n).some((t) => ARTICLE_TYPES.test(t as string))) ??
    nodes.find((n) => typeof n.datePublished === 'string');
  if (!node) return { datePublished: null, headline: null, author: null, publisher: null, url: null };
  const string = (value: unknown) => (typeof value === 'string' ? value : null);
  const names = (value: unknown): string[] =>
    [value]
      .flat()
      .map((v) =>
        typeof v === 'string' ? v : v !== null && typeof v === 'object' ? string((v as { name?: unknown }).name) : null,
      )
      .filter((v): v is string => v !== null && v.trim() !== '');
  return {
    datePublished: string(node.datePublished) ?? string(node.dateCreated),
    headline: string(node.headline) ?? string(node.name),
    author: names(node.author).join(', ') || null,
    publisher: names(node.publisher)[0] ?? null,
    url: string(node.url) ?? string(node.mainEntityOfPage),
  };
}

function absoluteUrl(value: string | null | undefined, base: string | null): string | null {
  if (!value) return null;
  try {
    const url = base ? new URL(value, base) : new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function clean(value: string | null | undefined): string | null {
  const text = (value ?? '').replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/** "By Jane Roe | Desert Wire" → "Jane Roe | Desert Wire"; overlong or empty → null. */
function cleanByline(value: string | null | undefined): string | null {
  const text = clean(value)?.replace(/^by\s+/i, '') ?? null;
  return text && text.length <= 200 ? text : null;
}

// ---- body -----------------------------------------------------------------------------------------------------

/** Where the story is: <article>, the articleBody, <main>, or the whole body. */
function articleRoot(document: DomDocument): DomElement | null {
  return (
    document.querySelector('article') ??
    document.querySelector('[itemprop="articleBody"]') ??
    document.querySelector('main') ??
    document.querySelector('[role="main"]') ??
    document.body
  );
}

/** The story's figure captions, in order and once each; every caption element is then taken out of the page. */
function takeCaptions(document: DomDocument, root: DomElement | null): string[] {
  const captions: string[] = [];
  for (const element of Array.from(root?.querySelectorAll('figcaption, .wp-caption-text') ?? [])) {
    if (element.closest('aside, nav, footer')) continue;
    const text = clean(element.textContent);
    if (text && !captions.includes(text)) captions.push(text);
  }
  for (const element of Array.from(document.querySelectorAll('figcaption, .wp-caption-text'))) element.remove();
  return captions;
}

function removeJunk(root: DomElement): void {
  for (const element of Array.from(root.querySelectorAll(JUNK))) element.remove();
  // A promo box is a small part of the page: a short story in <div class="story ads-wrapper"> stays.
  const limit = Math.min(PROMO_MAX_CHARS, (root.textContent ?? '').length / 2);
  for (const element of Array.from(root.querySelectorAll('[class], [id]'))) {
    if (CONTAINERS.has(element.localName) || element.querySelector('article, main, [itemprop="articleBody"]')) continue;
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`.split(/\s+/);
    if (!names.some((name) => PROMO_NAME.test(name))) continue;
    if ((element.textContent ?? '').length <= limit) element.remove();
  }
}

/** Block elements become paragraphs, <br> a line break; promotional lines are dropped. */
function paragraphsOf(root: DomElement | null): string[] {
  if (!root) return [];
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const lines = current
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter((line) => line !== '' && !isPromoLine(line));
    if (lines.length > 0) paragraphs.push(lines.join('\n'));
    current = '';
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === TEXT) {
      current += (node.textContent ?? '').replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== ELEMENT) return;
    const name = (node as DomElement).localName;
    if (name === 'br') {
      current += '\n';
      return;
    }
    if (name === 'td' || name === 'th') current += ' ';
    const block = BLOCK.has(name);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs;
}

function isPromoLine(line: string): boolean {
  return line.length <= PROMO_LINE_MAX_CHARS && PROMO_LINES.some((pattern) => pattern.test(line));
}

/** Reads one HTML file (its charset from a byte-order mark or <meta charset>, UTF-8 by default). */
export async function readHtmlFile(
  path: string,
  options: { id?: string; published?: string | null } = {},
): Promise<IngestedDocument | InputError> {
  const html = await readDocumentText(path, { markup: 'html', maxBytes: MAX_DOCUMENT_BYTES });
  if (html instanceof InputError) return html;
  return parseHtmlDocument(html, {
    id: options.id ?? basename(path, extname(path)),
    source: path,
    published: options.published ?? null,
  });
}
