import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../../src/core/errors.ts';
import { contentHash } from '../../src/ingest/document.ts';
import { parseJsonlLine, readJsonlFile } from '../../src/ingest/jsonl.ts';
import { collect, fixture } from './helpers.ts';

test('jsonl: lines become documents with provenance; a line without an id is named FILE:LINE', async () => {
  const path = fixture('folder', 'nested', 'batch.jsonl');
  const items = await collect(readJsonlFile(path, { published: '2010-10-10' }));
  assert.deepEqual(
    items.map((item) => (item instanceof InputError ? item.message.replace(path, 'FILE') : item.input)),
    [
      {
        id: 'b-1',
        text: 'A bridge collapsed near Orsk on Tuesday, officials said.',
        published: '2022-04-05',
        outlet: 'Plains Daily',
      },
      { id: 'batch:2', text: 'Strikers marched through the capital on Wednesday.', published: '2010-10-10' },
      'FILE:3: not valid JSON: Unexpected token \'o\', "not json at all" is not valid JSON',
      'FILE:4: the document has no text',
    ],
  );
  const first = items[0];
  assert.ok(first && !(first instanceof InputError));
  assert.deepEqual(first.provenance, {
    source: path,
    format: 'jsonl',
    contentHash: contentHash('A bridge collapsed near Orsk on Tuesday, officials said.'),
  });
});

test('jsonl: without a fallback id, a line must still carry its own (as `sitrep extract --jsonl` expects)', () => {
  const result = parseJsonlLine('f:1', '{"text": "x"}');
  assert.ok(result instanceof InputError);
  assert.match(result.message, /^f:1: id: /);
});

test('jsonl: a missing file is one InputError', async () => {
  const items = await collect(readJsonlFile(fixture('nope.jsonl')));
  assert.equal(items.length, 1);
  assert.ok(items[0] instanceof InputError);
  assert.equal(items[0].code, 'INPUT_UNREADABLE');
});
