// Reader for Telegram Desktop channel exports (result.json), streamed: exports run to gigabytes, so the file is
// read token by token and only one message is held in memory at a time. One document per text message, the
// channel as outlet, the message link as url; service messages and messages without text are skipped.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { parser } from 'stream-json';
import { Assembler } from 'stream-json/assembler.js';
import type { Token } from 'stream-json/parser.js';
import { InputError } from '../core/errors.ts';
import { publicationDate } from './dates.ts';
import { type IngestedDocument, ingested } from './document.ts';
import { MAX_DOCUMENT_BYTES } from './text.ts';

export interface TelegramReadOptions {
  /** The channel's public username, when the export does not name it: message links are built from it. */
  channelUsername?: string | null;
}

interface Channel {
  name: string | null;
  username: string | null;
  id: string | null;
}

/** The export's text messages as documents; a file that is not a readable export ends in one InputError. */
export async function* readTelegramExport(
  path: string,
  options: TelegramReadOptions = {},
): AsyncGenerator<IngestedDocument | InputError> {
  try {
    const info = await stat(path);
    if (!info.isFile()) {
      yield new InputError(path, 'INPUT_UNREADABLE', 'not a regular file');
      return;
    }
    if (info.size === 0) {
      yield new InputError(path, 'INPUT_EMPTY', 'the file is empty');
      return;
    }
  } catch (cause) {
    yield new InputError(path, 'INPUT_UNREADABLE', (cause as Error).message, { cause });
    return;
  }
  const tokens = pipeline(createReadStream(path), parser.asStream({ streamValues: false }), () => {
    // Errors surface in the loop below.
  });
  const channel: Channel = { name: null, username: cleanUsername(options.channelUsername), id: null };
  let depth = 0;
  let rootKey: string | null = null;
  let inMessages = false;
  let sawMessages = false;
  let message: Assembler | null = null;
  let index = 0;
  try {
    for await (const token of tokens as AsyncIterable<Token>) {
      if (message) {
        message.consume(token);
        if (message.done) {
          index++;
          const document = messageDocument(path, index, message.current, channel);
          if (document) yield document;
          message = null;
        }
        continue;
      }
      switch (token.name) {
        case 'startObject':
        case 'startArray':
          if (depth === 0 && token.name !== 'startObject') {
            yield new InputError(path, 'INPUT_INVALID', 'not a Telegram export: the JSON is not an object');
            return;
          }
          if (inMessages && depth === 2 && token.name === 'startObject') {
            message = new Assembler();
            message.consume(token);
            continue;
          }
          if (depth === 1 && rootKey === 'messages' && token.name === 'startArray') inMessages = sawMessages = true;
          depth++;
          break;
        case 'endObject':
        case 'endArray':
          depth--;
          if (depth === 1) inMessages = false;
          break;
        case 'keyValue':
          if (depth === 1) rootKey = token.value;
          break;
        case 'stringValue':
        case 'numberValue':
          if (depth === 1 && rootKey) setChannelField(channel, rootKey, token.value);
          break;
      }
    }
  } catch (cause) {
    yield new InputError(path, 'INPUT_INVALID', `not valid JSON after ${index} messages: ${(cause as Error).message}`, {
      cause,
    });
    return;
  } finally {
    // A consumer that stops early must not leave the file open.
    tokens.destroy();
  }
  if (!sawMessages) yield new InputError(path, 'INPUT_INVALID', 'not a Telegram channel export: no "messages" list');
}

function setChannelField(channel: Channel, key: string, value: string): void {
  if (key === 'name') channel.name = value.trim() || null;
  else if (key === 'id') channel.id = value;
  // Not written by Telegram Desktop itself, but by some tools that produce the same format.
  else if (key === 'username') channel.username ??= cleanUsername(value);
}

function cleanUsername(value: string | null | undefined): string | null {
  const name = (value ?? '').trim().replace(/^@/, '');
  return /^\w{3,64}$/.test(name) ? name : null;
}

/** One message → a document; null for what is skipped (service messages, media without text). */
function messageDocument(
  path: string,
  index: number,
  value: unknown,
  channel: Channel,
): IngestedDocument | InputError | null {
  if (value === null || typeof value !== 'object') return null;
  const message = value as Record<string, unknown>;
  if (message.type !== 'message') return null;
  const text = flattenText(message.text) || flattenText(message.text_entities);
  if (text.trim() === '') return null;
  const id = typeof message.id === 'number' || typeof message.id === 'string' ? String(message.id) : null;
  const name = `${path}#${id ?? `message ${index}`}`;
  if (text.length > MAX_DOCUMENT_BYTES)
    return new InputError(name, 'INPUT_TOO_LARGE', 'the message is over the document size limit');
  const author = typeof message.author === 'string' ? message.author : null;
  return ingested(
    {
      id: `telegram-${channel.username ?? channel.id ?? 'channel'}-${id ?? index}`,
      text,
      // Telegram Desktop writes the exporting machine's local time, without a zone: its date is the one to keep.
      published: publicationDate(typeof message.date === 'string' ? message.date : null),
      outlet: channel.name,
      url: channel.username && id ? `https://t.me/${channel.username}/${id}` : null,
      title: null,
    },
    path,
    'telegram',
    { byline: author },
  );
}

/** `text` is a string, or an array of strings and { type, text } entities (bold, link, hashtag …): plain text. */
export function flattenText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!Array.isArray(value)) return '';
  return value
    .map((part) => {
      if (typeof part === 'string') return part;
      if (part !== null && typeof part === 'object' && typeof (part as { text?: unknown }).text === 'string')
        return (part as { text: string }).text;
      return '';
    })
    .join('');
}
