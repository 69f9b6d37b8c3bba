// Event page highlighting: record spans (document offsets) cut into the sentence, and casualty words found in it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { casualtySpans, recordSpans, segments } from '../src/highlight.ts';
import { EVIDENCE_TEXT, fixtureEvent } from './fixtures.ts';

const marked = (text: string, base: number, spans: Parameters<typeof segments>[2]) =>
  segments(text, base, spans).map((segment) =>
    segment.span ? `[${segment.text}|${segment.span.kind}]` : segment.text,
  );

test('highlight: the record spans mark actor, trigger, recipient, place and date in the sentence', () => {
  const event = fixtureEvent();
  const evidence = event.evidence[0];
  assert.ok(evidence);
  assert.equal(
    marked(evidence.text, evidence.start, recordSpans(event, evidence)).join(''),
    'Gunmen of the [Ashur Brigades|actor] [attacked|trigger] a [police post|recipient] in [Nahr District|place] ' +
      '[on Tuesday|date], killing at least six officers.',
  );
});

test('highlight: casualty words take the number beside them', () => {
  const event = fixtureEvent();
  const evidence = event.evidence[0];
  assert.ok(evidence);
  const spans = casualtySpans(event, evidence);
  assert.deepEqual(
    spans.map((span) => EVIDENCE_TEXT.slice(span.start - evidence.start, span.end - evidence.start)),
    ['killing at least six officers'],
  );
  assert.match(spans[0]?.label ?? '', /killed 6\+/);
  const before = { ...evidence, text: 'Two soldiers were wounded in the blast.', start: 0 };
  const found = casualtySpans(fixtureEvent({ killed: null, injured: { min: 2, max: 2 } }), before);
  assert.deepEqual(
    found.map((span) => before.text.slice(span.start, span.end)),
    ['Two soldiers were wounded'],
  );
  assert.deepEqual(casualtySpans(fixtureEvent({ killed: null }), evidence), [], 'no casualties, nothing marked');
});

test('highlight: spans outside the text are dropped, edges cut, overlaps resolved to the first', () => {
  const spans = [
    { start: 0, end: 4, kind: 'actor' as const, label: 'a' },
    { start: 12, end: 18, kind: 'date' as const, label: 'd' },
    { start: 14, end: 16, kind: 'place' as const, label: 'p' },
    { start: 18, end: 40, kind: 'trigger' as const, label: 't' },
  ];
  assert.deepEqual(marked('hello world, friend', 5, spans), ['hello w', '[orld, |date]', '[friend|trigger]']);
});
