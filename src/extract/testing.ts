// Test helpers shared by the stage tests: build sentences from plain strings.
import type { Sentence } from './model.ts';
import { createNlp, type Nlp, splitSentences } from './sentences.ts';

let shared: Nlp | undefined;

/** One wink-nlp instance for a whole test file (loading it takes ~0.15 s). */
export function testNlp(): Nlp {
  shared ??= createNlp();
  return shared;
}

/** The sentences of `text`, read as one body paragraph. */
export function sentencesOf(text: string): Sentence[] {
  return splitSentences(testNlp(), text, [{ start: 0, end: text.length, paragraph: 0, section: 'body' }]);
}

/** The first sentence of `text`. */
export function sentenceOf(text: string): Sentence {
  const first = sentencesOf(text)[0];
  if (!first) throw new Error(`no sentence in ${JSON.stringify(text)}`);
  return first;
}
