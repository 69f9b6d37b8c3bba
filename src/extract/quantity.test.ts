import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseQuantity, type Quantity, readQuantity } from './quantity.ts';
import { sentenceOf } from './testing.ts';

const q = (min: number, max: number | null, approximate = false): Quantity => ({ min, max, approximate });

const PHRASES: ReadonlyArray<readonly [string, Quantity | null]> = [
  // figures
  ['4', q(4, 4)],
  ['1,200', q(1200, 1200)],
  ['1.5 million', q(1_500_000, 1_500_000)],
  ['four', q(4, 4)],
  ['Twelve', q(12, 12)],
  ['twenty-three', q(23, 23)],
  ['twenty three', q(23, 23)],
  ['a hundred', q(100, 100)],
  ['two hundred and fifty', q(250, 250)],
  ['three thousand five hundred', q(3500, 3500)],
  ['one', q(1, 1)],
  ['zero', q(0, 0)],
  // bounds
  ['at least four', q(4, null)],
  ['no fewer than 12', q(12, null)],
  ['four or more', q(4, null)],
  ['20-plus', q(20, null)],
  ['more than 20', q(21, null)],
  ['over 20', q(21, null)],
  ['more than a dozen', q(13, null, true)],
  ['up to 30', q(1, 30)],
  ['as many as 30', q(1, 30)],
  ['no more than 30', q(1, 30)],
  ['fewer than 10', q(1, 9)],
  ['nearly 40', q(36, 39, true)],
  ['almost 100', q(90, 99, true)],
  ['close to 10', q(9, 9, true)],
  ['around 50', q(50, 50, true)],
  ['about 20', q(20, 20, true)],
  ['some 50', q(50, 50, true)],
  ['an estimated 300', q(300, 300, true)],
  ['20 or so', q(20, 20, true)],
  ['another three', q(3, 3)],
  ['all three', q(3, 3)],
  // ranges
  ['between 10 and 15', q(10, 15)],
  ['10 to 15', q(10, 15)],
  ['10-15', q(10, 15)],
  ['two or three', q(2, 3)],
  ['about 10 to 15', q(10, 15, true)],
  // collective plurals (ACLED's figures)
  ['dozens', q(12, null, true)],
  ['dozens of', q(12, null, true)],
  ['tens', q(10, null, true)],
  ['scores of', q(20, null, true)],
  ['hundreds', q(100, null, true)],
  ['thousands', q(1000, null, true)],
  ['tens of thousands', q(10_000, null, true)],
  ['hundreds of thousands of', q(100_000, null, true)],
  ['several hundred', q(200, null, true)],
  ['a few dozen', q(24, null, true)],
  ['several thousand', q(2000, null, true)],
  // vague
  ['several', q(2, null, true)],
  ['a number of', q(2, null, true)],
  ['many', q(2, null, true)],
  ['a few', q(2, null, true)],
  ['a handful of', q(2, null, true)],
  ['some', q(1, null, true)],
  ['an unknown number of', q(1, null, true)],
  ['an undisclosed number of', q(1, null, true)],
  ['a string of', q(2, null, true)],
  ['a series of', q(2, null, true)],
  ['a wave of', q(2, null, true)],
  // sets
  ['a trio of', q(3, 3)],
  ['a pair of', q(2, 2)],
  ['two', q(2, 2)],
  ['both', q(2, 2)],
  ['a dozen', q(12, 12, true)],
  ['half a dozen', q(6, 6, true)],
  // only the beginning is read
  ['four fighters', q(4, 4)],
  ['4 km', q(4, 4)],
  // not quantities
  ['a civilian', null],
  ['the bill', null],
  ['30-year-old', null],
  ['40%', null],
  ['about the attack', null],
  ['over the border', null],
  ['', null],
];

test('quantity: parseQuantity reads phrases into ranges', () => {
  for (const [phrase, expected] of PHRASES) {
    assert.deepEqual(parseQuantity(phrase), expected, phrase);
  }
});

// [sentence, word the quantity starts at, expected text of the quantity, min, max]
const IN_SENTENCES: ReadonlyArray<readonly [string, string, string | null, number, number | null]> = [
  ['Gunmen killed at least four fighters near the border.', 'at', 'at least four', 4, null],
  ['Twenty-three people were wounded in the blast.', 'Twenty', 'Twenty-three', 23, 23],
  ['The strike wounded dozens of people.', 'dozens', 'dozens of', 12, null],
  ['Police arrested between 10 and 15 protesters.', 'between', 'between 10 and 15', 10, 15],
  ['A 30-year-old man was shot.', '30', null, 0, null],
  ['The convoy was hit 4 km from the town.', '4', '4', 4, 4],
  ['Rebels fired more than 1,200 shells overnight.', 'more', 'more than 1,200', 1201, null],
];

test('quantity: readQuantity reads tokens of a sentence', () => {
  for (const [text, word, expectedText, min, max] of IN_SENTENCES) {
    const sentence = sentenceOf(text);
    const i = sentence.tokens.findIndex((t) => t.text === word);
    assert.ok(i >= 0, `${text}: no token ${word}`);
    const read = readQuantity(sentence.tokens, i);
    if (expectedText === null) {
      assert.equal(read, null, text);
      continue;
    }
    assert.ok(read, text);
    const first = sentence.tokens[read.start];
    const last = sentence.tokens[read.end - 1];
    assert.ok(first && last, text);
    assert.equal(text.slice(first.start, last.end), expectedText, text);
    assert.equal(read.min, min, text);
    assert.equal(read.max, max, text);
  }
});
