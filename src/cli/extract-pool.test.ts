// The extraction pool: worker threads give what extraction in this thread gives; an error or a crash on one
// document is that document's answer and the rest go on; a pool whose workers cannot start says so.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { DocumentInput } from '../core/record.ts';
import { splitFrontMatter } from '../ingest/text.ts';
import { createExtractPool, type Extraction, loadExtractor } from './extract-pool.ts';

const FAULTY = new URL('../../test/fixtures/faulty-extract-worker.ts', import.meta.url);

const example = (name: string): DocumentInput => {
  const doc = splitFrontMatter(name, readFileSync(`examples/${name}`, 'utf8'), { id: name, published: null });
  if (doc instanceof Error) throw doc;
  return doc;
};

test('extract pool: two worker threads give exactly the events of extraction in this thread', async () => {
  const docs = ['01-drone-strike-al-qaim.md', '03-el-fasher-clashes.md', '09-popayan-indigenous-march.md'].map(example);
  const pool = createExtractPool({ workers: 2 });
  try {
    const threaded = await Promise.all(docs.map((doc) => pool.extract(doc)));
    const extract = loadExtractor();
    const inProcess = docs.map((doc): Extraction => ({ events: extract(doc) }));
    assert.deepEqual(threaded, inProcess);
    assert.ok(threaded.every((r) => 'events' in r && r.events.length > 0));
  } finally {
    await pool.close();
  }
});

const doc = (id: string, text: string): DocumentInput => ({ id, text, published: '2024-05-02' });

test('extract pool: an extraction error and a crashed worker answer for their document; the others are extracted', async () => {
  const pool = createExtractPool({ workers: 2, entry: FAULTY });
  try {
    const texts = ['one', 'two', 'THROW', 'four', 'EXPLODE', 'six', 'seven', 'eight', 'nine'];
    const results = await Promise.all(texts.map((text, i) => pool.extract(doc(`d${i}`, text))));
    assert.deepEqual(results[2], { failed: 'extraction failed: no sentence could be read' });
    assert.deepEqual(results[4], { failed: 'the extraction worker crashed: it exited with code 3' });
    // The documents queued behind the crash on its worker went to the fresh one.
    const answered = results.map((r) => ('events' in r ? 'events' : r.failed.slice(0, 10)));
    assert.deepEqual(answered, ['events', 'events', 'extraction', 'events', 'the extrac', ...Array(4).fill('events')]);
    // The replacement worker keeps serving.
    assert.deepEqual(await pool.extract(doc('after', 'ten')), { events: [] });
  } finally {
    await pool.close();
  }
});

test('extract pool: workers that cannot build their resources reject every document with the reason', async () => {
  const pool = createExtractPool({ workers: 2, entry: FAULTY, data: 'broken' });
  try {
    const results = await Promise.allSettled([pool.extract(doc('a', 'one')), pool.extract(doc('b', 'two'))]);
    for (const result of results) {
      assert.equal(result.status, 'rejected');
      assert.match(String(result.reason), /could not start: the lexicon folder is missing/);
    }
    await assert.rejects(pool.extract(doc('c', 'three')), /could not start/);
  } finally {
    await pool.close();
  }
});
