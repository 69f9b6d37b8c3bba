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

/**
 * Splits the blocks of `text` into sentences with tokens carrying document offsets. wink reads the whole text at
 * once (one `readDoc` a block cost a fifth more, most of it per-call overhead on short lines); its sentences are
 * then cut where a block ends, and the line-break tokens between blocks dropped, which gives the same tokens, tags
 * and sentences as reading each block on its own.
 */
export function splitSentences(nlp: Nlp, text: string, blocks: readonly Block[]): Sentence[] {
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  // Every token's values at once; each sentence is a [first, last] token index range.
  const words = doc.tokens();
  const texts = words.out(its.value) as string[];
  const normals = words.out(its.normal) as string[];
  // wink types its.lemma with a signature `out` does not accept; it works at run time.
  const lemmas = words.out(its.lemma as unknown as typeof its.value) as string[];
  const tags = words.out(its.pos) as string[];
  const spans = doc.sentences().out(its.span) as unknown as Array<[number, number]>;
  const sentences: Sentence[] = [];
  let cursor = 0;
  let b = 0;
  for (const [from, to] of spans) {
    let tokens: Token[] = [];
    let block: Block | undefined;
    for (let i = from; i <= to; i++) {
      const value = texts[i] ?? '';
      const found = text.indexOf(value, cursor);
      // wink may normalise a token (e.g. quotes); keep the cursor where it was when it cannot be found.
      const at = found >= 0 && found - cursor < 200 ? found : cursor;
      const end = found >= 0 ? at + value.length : at;
      cursor = end;
      while (b < blocks.length && (blocks[b] as Block).end < end) b++;
      const inside = blocks[b];
      // Between blocks there is only white space (wink's line-break tokens): not part of any sentence.
      if (!inside || at < inside.start) continue;
      if (inside !== block) {
        if (block) pushSentence(sentences, text, block, tokens);
        block = inside;
        tokens = [];
      }
      tokens.push({
        text: value,
        normal: normals[i] ?? value.toLowerCase(),
        lemma: (lemmas[i] ?? value).toLowerCase(),
        pos: tags[i] ?? 'X',
        start: at,
        end,
      });
    }
    if (block) pushSentence(sentences, text, block, tokens);
  }
  return sentences;
}

function pushSentence(sentences: Sentence[], text: string, block: Block, tokens: Token[]): void {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (!first || !last) return;
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
