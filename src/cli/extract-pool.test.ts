// The extraction pool: worker threads give what extraction in this thread gives; an error or a crash on one
// document is that document's answer and the rest go on; a pool whose workers cannot start says so.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { DocumentInput } from '../core/record.ts';
import { splitFrontMatter } from '../ingest/text.ts';
import { createExtractPool, type Extraction, loadExtractor } from './extract-pool.ts';
import { answerBatch, type Extractor } from './worker-jobs.ts';

const FAULTY = new URL('../../test/fixtures/faulty-extract-worker.ts', import.meta.url);

const example = (name: string): DocumentInput => {
  const doc = splitFrontMatter(name, readFileSync(`examples/${name}`, 'utf8'), { id: name, published: null });
  if (doc instanceof Error) throw doc;
  return doc;
};

// Extraction in this thread, the reference: built once for the tests that compare with it.
let reference: Extractor | undefined;
const alone = (input: DocumentInput): Extraction => {
  reference ??= loadExtractor();
  return { events: reference([input])[0] ?? [] };
};

test('extract pool: two worker threads give exactly the events of extraction in this thread', async () => {
  const docs = ['01-drone-strike-al-qaim.md', '03-el-fasher-clashes.md', '09-popayan-indigenous-march.md'].map(example);
  const pool = createExtractPool({ workers: 2 });
  try {
    const threaded = await Promise.all(docs.map((doc) => pool.extract(doc)));
    const inProcess = docs.map(alone);
    assert.deepEqual(threaded, inProcess);
    assert.ok(threaded.every((r) => 'events' in r && r.events.length > 0));
  } finally {
    await pool.close();
  }
});

test('extract pool: in this thread, in batches, each document gets the events it gets alone', async () => {
  const docs = ['02-kherson-shelling-odesa-drones.md', '05-bannu-suicide-bombing.md', '12-luanda-ceasefire-deal.md'];
  const inputs = docs.map(example);
  const pool = createExtractPool({ workers: 0, batchSize: 2 });
  try {
    // Two documents fill a batch; the third waits for the flush.
    const answers = inputs.map((input) => pool.extract(input));
    pool.flush();
    assert.deepEqual(await Promise.all(answers), inputs.map(alone));
  } finally {
    await pool.close();
  }
});

const doc = (id: string, text: string): DocumentInput => ({ id, text, published: '2024-05-02' });

test('extract pool (worker side): a batch that throws is extracted again one by one; only the culprit fails', () => {
  const calls: number[] = [];
  const extract: Extractor = (inputs) => {
    calls.push(inputs.length);
    if (inputs.some((input) => input.text === 'bad')) throw new Error('a stage tripped on it');
    return inputs.map(() => []);
  };
  const jobs = ['one', 'two', 'three'].map((text, id) => ({ id, input: doc(`d${id}`, text) }));
  assert.deepEqual(answerBatch(extract, jobs), [
    { id: 0, events: [] },
    { id: 1, events: [] },
    { id: 2, events: [] },
  ]);
  assert.deepEqual(calls, [3], 'a batch that extracts is extracted once, whole');
  calls.length = 0;
  const withBad = ['one', 'bad', 'three'].map((text, id) => ({ id, input: doc(`d${id}`, text) }));
  assert.deepEqual(answerBatch(extract, withBad), [
    { id: 0, events: [] },
    { id: 1, failed: 'a stage tripped on it' },
    { id: 2, events: [] },
  ]);
  assert.deepEqual(calls, [3, 1, 1, 1]);
});

test('extract pool: a document that fails or crashes its worker inside a batch is the only one skipped', async () => {
  const pool = createExtractPool({ workers: 2, batchSize: 4, entry: FAULTY });
  try {
    // Batches of four: d0–d3 (a document that throws), d4–d7 (one that ends its worker), then d8–d9.
    const texts = ['zero', 'THROW', 'two', 'three', 'four', 'five', 'EXPLODE', 'seven', 'eight', 'nine'];
    const answers = texts.map((text, i) => pool.extract(doc(`d${i}`, text)));
    pool.flush();
    const results = await Promise.all(answers);
    assert.deepEqual(
      results,
      texts.map(
        (text): Extraction =>
          text === 'THROW'
            ? { failed: 'extraction failed: no sentence could be read' }
            : text === 'EXPLODE'
              ? { failed: 'the extraction worker crashed: it exited with code 3' }
              : { events: [] },
      ),
    );
  } finally {
    await pool.close();
  }
});

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
