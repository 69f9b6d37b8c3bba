// The bundled examples, end to end: every record follows the schema, ids are stable, and extraction keeps at
// least the scores below against the examples' gold file (raise them as extraction improves; never lower them
// to make a change pass).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { EventRecordSchema } from '../src/core/record.ts';
import { asList, type GoldDocument, GoldDocumentSchema } from '../src/eval/gold.ts';
import { normaliseWords, scoreDocument, summarise } from '../src/eval/score.ts';
import { extractEvents } from '../src/extract/pipeline.ts';
import { splitFrontMatter } from '../src/ingest/text.ts';
import { testResources } from './helpers.ts';

const golds: GoldDocument[] = readFileSync('examples/gold.jsonl', 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => GoldDocumentSchema.parse(JSON.parse(l)));

function inputOf(gold: GoldDocument) {
  const raw = gold.text ?? readFileSync(`examples/${gold.textFile}`, 'utf8');
  const doc = splitFrontMatter(gold.id, raw, { id: gold.id, published: gold.published ?? null });
  if (doc instanceof Error) throw doc;
  return doc;
}

test('examples: the gold file codes at least 20 reports, and every evidence phrase is in its report', () => {
  assert.ok(golds.length >= 20);
  for (const gold of golds) {
    const text = normaliseWords(inputOf(gold).text);
    for (const event of gold.events) {
      const phrases = asList(event.evidence);
      assert.ok(
        phrases.length === 0 || phrases.some((p) => text.includes(normaliseWords(p))),
        `${gold.id} ${event.id}: evidence not in the report`,
      );
    }
  }
});

test('examples: every record follows the event record schema, and the same input gives the same ids', () => {
  for (const gold of golds.slice(0, 8)) {
    const first = extractEvents(inputOf(gold), testResources()).events;
    for (const record of first) EventRecordSchema.parse(record);
    const again = extractEvents(inputOf(gold), testResources()).events;
    assert.deepEqual(
      again.map((e) => e.id),
      first.map((e) => e.id),
    );
    assert.equal(new Set(first.map((e) => e.id)).size, first.length, `${gold.id}: ids are unique`);
  }
});

test('examples: extraction keeps its measured quality on the examples gold file', () => {
  const scores = golds.map((gold) => scoreDocument(gold, extractEvents(inputOf(gold), testResources()).events));
  const summary = summarise(scores, golds);
  const at = (field: keyof typeof summary.fields) => summary.fields[field]?.matched.accuracy ?? 0;
  assert.ok((summary.recall ?? 0) >= 0.85, `recall ${summary.recall}`);
  assert.ok((summary.precision ?? 0) >= 0.6, `precision ${summary.precision}`);
  assert.ok(at('date') >= 0.8, `date ${at('date')}`);
  assert.ok(at('actor') >= 0.55, `actor ${at('actor')}`);
  assert.ok(at('place') >= 0.65, `place ${at('place')}`);
});
