// Stage: cut each block of text into sentences and tokens with wink-nlp.
// Blocks come from the normalise stage (one line or paragraph each), so a caption and a dateline are never glued
// to the body sentence that follows them.

import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import type { Section, Sentence, Token } from './model.ts';

export interface Block {
  start: number;
  end: number;
  paragraph: number;
  section: Section;
}

export type Nlp = ReturnType<typeof winkNLP>;

/**
 * Loads wink-nlp's English model once (~0.15 s); hand the result to every call. Only the annotations the stage
 * reads are run: sentence boundaries and part of speech (which gives the lemmas). Entities, negation and sentiment
 * would cost a third of each `readDoc` and are never read; they change no token, tag, lemma or sentence boundary.
 */
export function createNlp(): Nlp {
  return winkNLP(model, ['sbd', 'pos']);
}

/** Splits the blocks of `text` into sentences with tokens carrying document offsets. */
export function splitSentences(nlp: Nlp, text: string, blocks: readonly Block[]): Sentence[] {
  const its = nlp.its;
  const sentences: Sentence[] = [];
  for (const block of blocks) {
    const blockText = text.slice(block.start, block.end);
    if (blockText.trim() === '') continue;
    const doc = nlp.readDoc(blockText);
    // Every token's values for the whole block at once; each sentence is a [first, last] token index range.
    const words = doc.tokens();
    const texts = words.out(its.value) as string[];
    const normals = words.out(its.normal) as string[];
    // wink types its.lemma with a signature `out` does not accept; it works at run time.
    const lemmas = words.out(its.lemma as unknown as typeof its.value) as string[];
    const tags = words.out(its.pos) as string[];
    const spans = doc.sentences().out(its.span) as unknown as Array<[number, number]>;
    let cursor = 0;
    for (const [from, to] of spans) {
      const tokens: Token[] = [];
      for (let i = from; i <= to; i++) {
        const value = texts[i] ?? '';
        const found = blockText.indexOf(value, cursor);
        // wink may normalise a token (e.g. quotes); keep the cursor where it was when it cannot be found.
        const at = found >= 0 && found - cursor < 200 ? found : cursor;
        const end = found >= 0 ? at + value.length : at;
        cursor = end;
        tokens.push({
          text: value,
          normal: normals[i] ?? value.toLowerCase(),
          lemma: (lemmas[i] ?? value).toLowerCase(),
          pos: tags[i] ?? 'X',
          start: block.start + at,
          end: block.start + end,
        });
      }
      const first = tokens[0];
      const last = tokens[tokens.length - 1];
      if (!first || !last) continue;
      sentences.push({
        index: sentences.length,
        paragraph: block.paragraph,
        section: block.section,
        start: first.start,
        end: last.end,
        text: text.slice(first.start, last.end),
        tokens,
      });
    }
  }
  return sentences;
}
