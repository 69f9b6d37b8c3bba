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

const readGold = (file: string): GoldDocument[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => GoldDocumentSchema.parse(JSON.parse(l)));
const golds = readGold('examples/gold.jsonl');
const notes = readGold('examples/acled-notes.gold.jsonl');

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

/** Scores on a gold file: event precision and recall, and per-field accuracy on matched events. */
function measure(set: readonly GoldDocument[]) {
  const scores = set.map((gold) => scoreDocument(gold, extractEvents(inputOf(gold), testResources()).events));
  const summary = summarise(scores, set);
  const at = (field: keyof typeof summary.fields) => summary.fields[field]?.matched.accuracy ?? 0;
  return { precision: summary.precision ?? 0, recall: summary.recall ?? 0, at };
}

test('examples: extraction keeps its measured quality on the reports (examples/gold.jsonl)', () => {
  const m = measure(golds);
  assert.ok(m.recall >= 0.9, `recall ${m.recall}`);
  assert.ok(m.precision >= 0.66, `precision ${m.precision}`);
  assert.ok(m.at('date') >= 0.84, `date ${m.at('date')}`);
  assert.ok(m.at('actor') >= 0.68, `actor ${m.at('actor')}`);
  assert.ok(m.at('recipient') >= 0.64, `recipient ${m.at('recipient')}`);
  assert.ok(m.at('place') >= 0.76, `place ${m.at('place')}`);
  assert.ok(m.at('acled.sub_event_type') >= 0.85, `ACLED sub-event ${m.at('acled.sub_event_type')}`);
});

test('examples: extraction keeps its measured quality on ACLED-style notes (examples/acled-notes.gold.jsonl)', () => {
  const m = measure(notes);
  assert.ok(m.recall >= 0.93, `recall ${m.recall}`);
  assert.ok(m.precision >= 0.88, `precision ${m.precision}`);
  assert.ok(m.at('acled.event_type') >= 0.9, `ACLED type ${m.at('acled.event_type')}`);
  assert.ok(m.at('acled.sub_event_type') >= 0.88, `ACLED sub-event ${m.at('acled.sub_event_type')}`);
  assert.ok(m.at('date') >= 0.95, `date ${m.at('date')}`);
  assert.ok(m.at('place.admin1') >= 0.95, `admin1 ${m.at('place.admin1')}`);
  assert.ok(m.at('place') >= 0.9, `place ${m.at('place')}`);
  assert.ok(m.at('actor') >= 0.85, `actor ${m.at('actor')}`);
  assert.ok(m.at('killed') >= 0.88, `killed ${m.at('killed')}`);
});
