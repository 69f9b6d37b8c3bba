import assert from 'node:assert/strict';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { InputError } from '../../src/core/errors.ts';
import type { IngestedDocument } from '../../src/ingest/document.ts';
import { readInputs } from '../../src/ingest/read.ts';
import { chooseReader } from '../../src/ingest/sniff.ts';
import { readSmallFile } from '../../src/ingest/text.ts';
import { collect, FIXTURES, fixture } from './helpers.ts';

const shown = (input: string) => (input.startsWith(FIXTURES) ? relative(FIXTURES, input) : input);

/** Each item as "file: format id" or "file: ERROR_CODE", a file relative to the fixtures. */
const summary = (items: (IngestedDocument | InputError)[]) =>
  items.map((item) =>
    item instanceof InputError
      ? `${shown(item.input)}: ${item.code}`
      : `${shown(item.provenance.source)}: ${item.provenance.format} ${item.input.id}`,
  );

test('read: a directory, recursively, each file by its reader; hidden entries skipped, bad files reported', async () => {
  const items = await collect(readInputs([fixture('folder')], { published: '2001-02-03' }));
  assert.deepEqual(summary(items), [
    'folder/briefing.md: markdown briefing',
    'folder/empty.txt: INPUT_EMPTY',
    // No extension: sniffed as HTML.
    'folder/mystery: html mystery',
    'folder/nested/batch.jsonl: jsonl b-1',
    'folder/nested/batch.jsonl: jsonl batch:2',
    'folder/nested/batch.jsonl:3: INPUT_INVALID',
    'folder/nested/batch.jsonl:4: INPUT_EMPTY',
    'folder/nested/deeper/story.htm: html nested/deeper/story',
    'folder/page.html: html page',
    'folder/pixel.png: INPUT_BINARY',
    'folder/report.txt: text report',
    'folder/style.css: INPUT_INVALID',
  ]);
  const byId = new Map(
    items.flatMap((item) => (item instanceof InputError ? [] : [[item.input.id, item.input] as const])),
  );
  // The caller's date fills in only where a document has none.
  assert.equal(byId.get('mystery')?.published, '2001-02-03');
  assert.equal(byId.get('briefing')?.published, '2023-08-19');
  assert.equal(byId.get('nested/deeper/story')?.published, '2020-01-15');
  assert.equal(byId.get('batch:2')?.published, '2001-02-03');
  assert.equal(byId.get('page')?.outlet, 'Harbor Ledger');
});

test('read: a Telegram export folder is read as its result.json, not its photos', async () => {
  const items = await collect(readInputs([fixture('telegram-export')]));
  assert.deepEqual(summary(items), [
    'telegram-export/result.json: telegram telegram-1987654321-2',
    'telegram-export/result.json: telegram telegram-1987654321-3',
    'telegram-export/result.json: telegram telegram-1987654321-5',
  ]);
});

test('read: files, feeds and bad paths given one by one, in order', async () => {
  const items = await collect(
    readInputs([
      fixture('rss.xml'),
      fixture('folder', 'report.txt'),
      fixture('missing.txt'),
      'ftp://files.example/report.txt',
      fixture('malformed.xml'),
    ]),
  );
  assert.deepEqual(summary(items), [
    'rss.xml: rss vc-2024-0311-001',
    'rss.xml: rss https://valleycourier.example/news/council-budget',
    'rss.xml#3: INPUT_EMPTY',
    'folder/report.txt: text report',
    'missing.txt: INPUT_UNREADABLE',
    'ftp://files.example/report.txt: INPUT_INVALID',
    'malformed.xml: INPUT_INVALID',
  ]);
});

test('read: a symbolic link back up the tree is not followed round', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-read-'));
  writeFileSync(join(dir, 'a.txt'), 'Troops entered the town on Friday.\n');
  symlinkSync(dir, join(dir, 'loop'));
  const items = await collect(readInputs([dir]));
  assert.equal(items.length, 1);
});

test('read: a symbolic link to a file or folder is read as what it names; a broken one is reported', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-read-'));
  const elsewhere = mkdtempSync(join(tmpdir(), 'sitrep-read-other-'));
  writeFileSync(join(elsewhere, 'b.txt'), 'Police dispersed a march in the capital on Sunday.\n');
  writeFileSync(join(dir, 'a.txt'), 'Troops entered the town on Friday.\n');
  symlinkSync(join(elsewhere, 'b.txt'), join(dir, 'b-link.txt'));
  symlinkSync(elsewhere, join(dir, 'other'));
  symlinkSync(join(elsewhere, 'gone.txt'), join(dir, 'broken.txt'));
  const items = await collect(readInputs([dir]));
  assert.deepEqual(
    items.map((item) => (item instanceof InputError ? `${relative(dir, item.input)}: ${item.code}` : item.input.id)),
    ['a', 'b-link', 'broken.txt: INPUT_UNREADABLE', 'other/b'],
  );
});

test('read: a text file over the size limit is refused with its size, before it is read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-read-'));
  const path = join(dir, 'big.txt');
  writeFileSync(path, 'x'.repeat(2000));
  const refused = readSmallFile(path, 1000);
  assert.ok(refused instanceof InputError);
  assert.equal(refused.code, 'INPUT_TOO_LARGE');
  assert.match(refused.message, /2000 bytes is over the 1000-byte limit/);
  const read = readSmallFile(path, 2000);
  assert.ok(read instanceof Buffer);
  assert.equal(read.length, 2000);
  assert.equal((readSmallFile(dir, 1000) as InputError).code, 'INPUT_UNREADABLE');
  assert.equal((readSmallFile(join(dir, 'missing.txt'), 1000) as InputError).code, 'INPUT_UNREADABLE');
});

/** [file name, its first bytes, the reader chosen or the error code] */
const sniffRows: [string, string | Buffer, string][] = [
  ['a.txt', 'Troops entered the town.', 'text'],
  ['a.md', '# Heading', 'markdown'],
  ['a.html', 'just text in an .html file', 'html'],
  ['a.xml', '<?xml version="1.0"?><rss>', 'feed'],
  ['a.atom', '<feed xmlns="http://www.w3.org/2005/Atom">', 'feed'],
  ['a.jsonl', '{"id":"1","text":"x"}', 'jsonl'],
  ['result.json', '{\n "name": "Ch",\n "type": "public_channel"', 'telegram'],
  ['channel.json', '{\n "name": "Ch",\n "type": "private_channel",\n "id": 1,\n "messages": [', 'telegram'],
  ['lines.json', '{"id":"1","text":"x"}\n{"id":"2","text":"y"}', 'jsonl'],
  ['config.json', '{\n  "a": 1\n}', 'INPUT_INVALID'],
  ['feed', '<?xml version="1.0"?>\n<rss version="2.0"><channel>', 'feed'],
  ['page', '<!-- saved --><!DOCTYPE html><html>', 'html'],
  ['data', '{"id":"1","text":"x"}\n', 'jsonl'],
  ['notes', 'Plain words, no markup.', 'text'],
  ['image.jpg', Buffer.from([0xff, 0xd8, 0xff, 0x00]), 'INPUT_BINARY'],
  ['report.txt', Buffer.from([0x41, 0x00, 0x42]), 'INPUT_BINARY'],
  ['utf16.txt', Buffer.from([0xff, 0xfe, 0x41, 0x00]), 'text'],
  ['script.js', 'console.log(1)', 'INPUT_INVALID'],
];

for (const [name, head, expected] of sniffRows) {
  test(`read: ${name} is read as ${expected}`, () => {
    const kind = chooseReader(name, typeof head === 'string' ? Buffer.from(head) : head);
    assert.equal(kind instanceof InputError ? kind.code : kind, expected);
  });
}
