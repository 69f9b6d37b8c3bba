// Fetches one document over HTTP(S), defensively: a deadline for the whole exchange, a size cap on the (decoded)
// body, a content-type check, and no connection to a private, loopback or link-local address. The address is
// checked after resolution and is the one connected to (no second lookup an attacker's DNS could answer
// differently), at every redirect, which is followed by hand.
import { lookup as dnsLookup } from 'node:dns/promises';
import { type ClientRequest, request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type Socket } from 'node:net';
import { pipeline, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { InputError } from '../core/errors.ts';
import { forbiddenAddressKind } from './address.ts';
import { MAX_DOCUMENT_BYTES } from './text.ts';

/** Media types the readers can read: web pages, feeds, plain text and markdown, JSON Lines. */
/** What a feed URL is asked for (src/ingest/feed.ts). */
export const FEED_MEDIA_TYPES: readonly string[] = [
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/xml',
  'text/xml',
  'text/plain',
];

export const DOCUMENT_MEDIA_TYPES: readonly string[] = [
  'text/html',
  'application/xhtml+xml',
  ...FEED_MEDIA_TYPES,
  'text/markdown',
  'application/jsonl',
  'application/x-ndjson',
];

export interface ResolvedAddress {
  address: string;
  family: number;
}

export interface FetchOptions {
  /** Connect to private, loopback and link-local addresses too (a local feed server; tests). */
  allowPrivate?: boolean;
  /** Addresses allowed even though private, e.g. one intranet server; everything else stays refused. */
  allowAddresses?: readonly string[];
  /** For the whole exchange, redirects included. */
  timeoutMs?: number;
  /** Of the decoded body. */
  maxBytes?: number;
  maxRedirects?: number;
  /** Accepted media types; a response without a Content-Type is accepted and left to the readers to sniff. */
  accept?: readonly string[];
  userAgent?: string;
  /** Name resolution; the default is the system resolver (dns.lookup), every address. */
  lookup?: (hostname: string) => Promise<ResolvedAddress[]>;
}

export interface FetchedResource {
  /** The URL asked for. */
  requestedUrl: string;
  /** The URL the body came from, after redirects. */
  url: string;
  status: number;
  /** "text/html", lower case, without parameters; '' when the server sent none. */
  mediaType: string;
  charset: string | null;
  body: Buffer;
  /** The IP address connected to for the final response. */
  address: string;
}

const DEFAULTS = {
  timeoutMs: 20_000,
  maxBytes: MAX_DOCUMENT_BYTES,
  maxRedirects: 5,
  userAgent: 'sitrep/0.1 (+news event extraction)',
};

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Fetches `url`; every failure (refused address, timeout, HTTP error, wrong type, too large) is an InputError. */
export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<FetchedResource | InputError> {
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let target: URL;
    try {
      target = new URL(url);
    } catch (cause) {
      return new InputError(url, 'INPUT_INVALID', 'not a valid URL', { cause });
    }
    const redirects = options.maxRedirects ?? DEFAULTS.maxRedirects;
    for (let hop = 0; ; hop++) {
      const result = await fetchOnce(url, target, options, controller.signal);
      if (result instanceof InputError || !('redirect' in result)) return result;
      if (hop >= redirects) return new InputError(url, 'INPUT_UNREADABLE', `more than ${redirects} redirects`);
      target = result.redirect;
    }
  } catch (cause) {
    if (controller.signal.aborted)
      return new InputError(url, 'INPUT_UNREADABLE', `timed out after ${timeoutMs} ms`, { cause });
    return new InputError(url, 'INPUT_UNREADABLE', (cause as Error).message, { cause });
  } finally {
    clearTimeout(timer);
  }
}

/** One request: resolve, check the address, connect to it, and either return the body or where to go next. */
async function fetchOnce(
  input: string,
  target: URL,
  options: FetchOptions,
  signal: AbortSignal,
): Promise<FetchedResource | { redirect: URL } | InputError> {
  if (target.protocol !== 'http:' && target.protocol !== 'https:')
    return new InputError(input, 'INPUT_INVALID', `${target.protocol} URLs are not fetched (only http and https)`);
  const hostname = target.hostname.replace(/^\[|\]$/g, '');
  const resolved = isIP(hostname)
    ? [{ address: hostname, family: isIP(hostname) }]
    : await abortable((options.lookup ?? systemLookup)(hostname), signal);
  if (resolved.length === 0) return new InputError(input, 'INPUT_UNREADABLE', `${hostname} has no address`);
  const permitted = resolved.find((r) => refusal(r.address, options) === null);
  if (!permitted) {
    const first = resolved[0] as ResolvedAddress;
    return new InputError(
      input,
      'INPUT_UNREADABLE',
      `refused to connect to ${target.host} (${first.address}, ${refusal(first.address, options)} address); ` +
        'private networks are fetched only when allowed (allowPrivate, --allow-private)',
    );
  }

  const secure = target.protocol === 'https:';
  const request = (secure ? httpsRequest : httpRequest)({
    host: permitted.address,
    family: permitted.family,
    port: target.port || (secure ? 443 : 80),
    path: `${target.pathname}${target.search}`,
    method: 'GET',
    headers: {
      host: target.host,
      'user-agent': options.userAgent ?? DEFAULTS.userAgent,
      accept: (options.accept ?? DOCUMENT_MEDIA_TYPES).join(', '),
      'accept-encoding': 'gzip, deflate, br',
    },
    // TLS: the certificate is checked against the name, not the address connected to.
    ...(secure && !isIP(hostname) ? { servername: hostname } : {}),
    agent: false,
    signal,
  });
  // Belt and braces: judge the peer the socket actually reached.
  request.on('socket', (socket: Socket) => {
    socket.once('connect', () => {
      const peer = socket.remoteAddress;
      const why = peer === undefined ? 'unknown' : refusal(peer, options);
      if (why) request.destroy(new Error(`refused: connected to ${peer}, a ${why} address`));
    });
  });
  const response = await responseOf(request);

  const status = response.statusCode ?? 0;
  if (REDIRECTS.has(status)) {
    response.resume();
    const location = response.headers.location;
    if (!location) return new InputError(input, 'INPUT_UNREADABLE', `HTTP ${status} without a Location`);
    return { redirect: new URL(location, target) };
  }
  if (status < 200 || status > 299) {
    response.resume();
    return new InputError(input, 'INPUT_UNREADABLE', `HTTP ${status} ${response.statusMessage ?? ''}`.trim());
  }
  const { mediaType, charset } = parseContentType(response.headers['content-type']);
  const accept = options.accept ?? DOCUMENT_MEDIA_TYPES;
  if (mediaType !== '' && !accept.includes(mediaType)) {
    response.destroy();
    return new InputError(input, 'INPUT_INVALID', `content type ${mediaType} is not a document type this reads`);
  }
  const maxBytes = options.maxBytes ?? DEFAULTS.maxBytes;
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    return new InputError(input, 'INPUT_TOO_LARGE', `${declared} bytes is over the ${maxBytes}-byte limit`);
  }
  const decoded = decodedBody(response);
  if (decoded instanceof Error) {
    response.destroy();
    return new InputError(input, 'INPUT_UNREADABLE', decoded.message);
  }
  const body = await readCapped(decoded, maxBytes);
  if (body === null) {
    response.destroy();
    return new InputError(input, 'INPUT_TOO_LARGE', `the body is over the ${maxBytes}-byte limit`);
  }
  return { requestedUrl: input, url: target.href, status, mediaType, charset, body, address: permitted.address };
}

function refusal(address: string, options: FetchOptions): string | null {
  if (options.allowPrivate || options.allowAddresses?.includes(address)) return null;
  return forbiddenAddressKind(address);
}

async function systemLookup(hostname: string): Promise<ResolvedAddress[]> {
  return dnsLookup(hostname, { all: true, verbatim: true });
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) reject(new Error('aborted'));
    signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
    promise.then(resolve, reject);
  });
}

function responseOf(request: ClientRequest): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    request.once('response', resolve);
    request.once('error', reject);
    request.end();
  });
}

/** "text/html; charset=UTF-8" → { mediaType: 'text/html', charset: 'utf-8' }. */
export function parseContentType(header: string | undefined): { mediaType: string; charset: string | null } {
  if (!header) return { mediaType: '', charset: null };
  const [type = '', ...parameters] = header.split(';');
  const charset = parameters
    .map((p) => /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p)?.[1])
    .find((c): c is string => c !== undefined);
  return { mediaType: type.trim().toLowerCase(), charset: charset?.toLowerCase() ?? null };
}

function decodedBody(response: IncomingMessage): Readable | Error {
  const encoding = (response.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity' || encoding === '') return response;
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? createGunzip()
      : encoding === 'deflate'
        ? createInflate()
        : encoding === 'br'
          ? createBrotliDecompress()
          : null;
  if (!decoder) return new Error(`unsupported content encoding ${encoding}`);
  // pipeline, not pipe: a response cut off (or aborted at the deadline) must end the decoder too.
  return pipeline(response, decoder, () => {
    // Errors surface where the decoder is read.
  });
}

/** The whole stream, or null as soon as it passes `maxBytes` (a decompression bomb stops there too). */
async function readCapped(stream: Readable, maxBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) {
      stream.destroy();
      return null;
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
