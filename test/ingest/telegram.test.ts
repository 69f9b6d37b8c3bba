import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { InputError } from '../../src/core/errors.ts';
import { flattenText, readTelegramExport } from '../../src/ingest/telegram.ts';
import { asDocument, collect, fixture } from './helpers.ts';

const exportFile = fixture('telegram-export', 'result.json');
const dir = mkdtempSync(join(tmpdir(), 'sitrep-telegram-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

test('telegram: one document per text message; service and media-only messages skipped', async () => {
  const docs = (await collect(readTelegramExport(exportFile))).map(asDocument);
  assert.deepEqual(
    docs.map((d) => [d.input.id, d.input.published, d.input.text]),
    [
      [
        'telegram-1987654321-2',
        '2024-02-03',
        'Explosions were heard in the port district of Velmar this afternoon, residents say.',
      ],
      [
        'telegram-1987654321-3',
        '2024-02-04',
        'URGENT: Drone strike on an ammunition depot near #Korvin overnight, local officials said. Two soldiers were wounded.',
      ],
      [
        'telegram-1987654321-5',
        '2024-02-05',
        'Evening summary:\nthree shelling incidents reported along the river line.',
      ],
    ],
  );
  for (const doc of docs) {
    assert.equal(doc.input.outlet, 'Frontline Digest');
    // Telegram Desktop does not write the channel's username: no public link can be made.
    assert.equal(doc.input.url, null);
    assert.equal(doc.provenance.format, 'telegram');
    assert.equal(doc.provenance.source, exportFile);
  }
  assert.equal(docs[2]?.provenance.byline, 'Ilya K.');
});

test('telegram: message links from the username, given or in the export', async () => {
  const given = (await collect(readTelegramExport(exportFile, { channelUsername: '@frontline_digest' }))).map(
    asDocument,
  );
  assert.deepEqual(
    given.map((d) => d.input.url),
    ['https://t.me/frontline_digest/2', 'https://t.me/frontline_digest/3', 'https://t.me/frontline_digest/5'],
  );
  const withName = file(
    'named.json',
    JSON.stringify({
      name: 'Delta Watch',
      username: 'deltawatch',
      type: 'public_channel',
      id: 42,
      messages: [{ id: 9, type: 'message', date: '2023-01-02T03:04:05', text: 'Boats seen off the delta.' }],
    }),
  );
  const [doc] = (await collect(readTelegramExport(withName))).map(asDocument);
  assert.equal(doc?.input.url, 'https://t.me/deltawatch/9');
  assert.equal(doc?.input.id, 'telegram-deltawatch-9');
});

test('telegram: keys after the messages and nested objects do not confuse the stream', async () => {
  const path = file(
    'order.json',
    JSON.stringify({
      name: 'Order Test',
      type: 'public_channel',
      id: 7,
      messages: [
        { id: 1, type: 'message', date: '2023-05-06T00:00:00', text: [{ type: 'link', text: 'https://a.example' }] },
        {
          id: 2,
          type: 'message',
          date: '2023-05-07T00:00:00',
          text: 'Second.',
          reactions: [{ type: 'emoji', count: 3 }],
        },
      ],
      extra: { messages: [{ id: 99, type: 'message', text: 'not a message of the channel' }] },
    }),
  );
  const docs = (await collect(readTelegramExport(path))).map(asDocument);
  assert.deepEqual(
    docs.map((d) => d.input.text),
    ['https://a.example', 'Second.'],
  );
});

/** [what is wrong, the file's content, code, reason] */
const badExports: [string, string, string, RegExp][] = [
  ['an empty file', '', 'INPUT_EMPTY', /empty/],
  ['a JSON array', '[1, 2]', 'INPUT_INVALID', /not an object/],
  ['no messages', '{"name": "x", "type": "public_channel"}', 'INPUT_INVALID', /no "messages" list/],
  ['not JSON', 'hello', 'INPUT_INVALID', /not valid JSON after 0 messages/],
];

for (const [what, content, code, reason] of badExports) {
  test(`telegram: ${what} is an InputError naming the file`, async () => {
    const path = file(`${what.replace(/\W+/g, '-')}.json`, content);
    const items = await collect(readTelegramExport(path));
    const last = items.at(-1);
    assert.ok(last instanceof InputError);
    assert.equal(last.code, code);
    assert.equal(last.input, path);
    assert.match(last.message, reason);
  });
}

test('telegram: an export cut off mid-file keeps the messages before the break, then reports it', async () => {
  const whole = JSON.stringify({
    name: 'Cut',
    type: 'public_channel',
    id: 1,
    messages: [
      { id: 1, type: 'message', date: '2022-02-02T00:00:00', text: 'First report.' },
      { id: 2, type: 'message', date: '2022-02-02T00:00:00', text: 'Second report, cut' },
    ],
  });
  const path = file('cut.json', whole.slice(0, whole.indexOf('Second report')));
  const items = await collect(readTelegramExport(path));
  assert.equal(asDocument(items[0]).input.text, 'First report.');
  assert.ok(items[1] instanceof InputError);
  assert.match(items[1].message, /not valid JSON after 1 messages/);
  assert.equal(items.length, 2);
});

test('telegram: a missing file is an InputError', async () => {
  const [error] = await collect(readTelegramExport(join(dir, 'nope', 'result.json')));
  assert.ok(error instanceof InputError);
  assert.equal(error.code, 'INPUT_UNREADABLE');
});

/** [the text field of a message, plain text] */
const textRows: [unknown, string][] = [
  ['plain', 'plain'],
  [['a ', { type: 'bold', text: 'b' }, ' c'], 'a b c'],
  [
    [
      { type: 'mention', text: '@someone' },
      { type: 'custom_emoji', text: '🔥', document_id: 'x' },
    ],
    '@someone🔥',
  ],
  [[{ type: 'broken' }, 5, null], ''],
  [null, ''],
];

for (const [value, text] of textRows) {
  test(`telegram: text ${JSON.stringify(value)} flattens to ${JSON.stringify(text)}`, () => {
    assert.equal(flattenText(value), text);
  });
}
