// The actor stage's own word segmentation, shared by the lexicon (for its phrases) and the finder (for sentences),
// so that "Kata'ib Hezbollah", "Kata’ib Hizballah's" and "KATA'IB HEZBOLLAH" cut into the same keys.
// wink-nlp's tokens are still read for their part of speech, looked up by character offset.
import type { Sentence, Token } from '../model.ts';

/** One word of a sentence or of a lexicon phrase. */
export interface Word {
  /** As written. */
  text: string;
  /** Document offsets. */
  start: number;
  end: number;
  /** Lookup key: lower case, no diacritics, no apostrophes or periods ("kataib", "us", "gen"). */
  key: string;
  /** `key` before lower-casing: compared when a phrase is matched case-sensitively ("US" vs "us"). */
  folded: string;
  /** Starts with a capital letter. */
  cap: boolean;
  /** All letters are capitals (and there are at least two): "IRGC", "U.S.". */
  allCaps: boolean;
  /** A hyphen written between two words with no space: "Iran-backed", "al-Qaeda". Skipped by lookups. */
  joiner: boolean;
  /** The possessive "'s" or a bare "'" after a plural. */
  possessive: boolean;
  /** Punctuation other than a joining hyphen. */
  punct: boolean;
  /** Part of speech from wink-nlp (PROPN, NOUN, VERB, AUX, ADP, DET, ...), or 'X' for lexicon phrases. */
  pos: string;
  /** Lemma from wink-nlp, lower case (the key for lexicon phrases). */
  lemma: string;
  /** What the text alone says (shared by every word of this text): see `opensPhrase`. */
  shape: Shape;
}

const APOSTROPHES = /['’‘`ʼʻ´]/g;
const COMBINING = /\p{M}+/gu;
const HYPHENS = new Set(['-', '‐', '‑', '–']);

// "U.S.", "D.R." — letters each followed by a period.
const DOTTED = /^(?:\p{L}\.){2,}/u;
// A word: letters and digits, with apostrophes inside ("Kata'ib", "Sana'a", "N'Djamena").
const WORD = /^[\p{L}\p{N}]+(?:['’‘ʼ][\p{L}\p{N}]+)*/u;

// Plain ASCII letters and digits: folding leaves such a word as it is.
const PLAIN = /^[A-Za-z0-9]*$/;

/** Folds a word for lookup: diacritics, apostrophes and periods removed, case kept. */
export function foldWord(text: string): string {
  if (PLAIN.test(text)) return text;
  return text.normalize('NFD').replace(COMBINING, '').replace(APOSTROPHES, '').replace(/\./g, '');
}

const POSSESSIVE_TAIL = /^['’]s(?![\p{L}\p{N}])/u;

function isPossessiveTail(rest: string): number {
  // "'s" or "’s" closing a word: "Hezbollah's"; a bare apostrophe after an s: "militias'".
  const c = rest.charAt(0);
  if (c !== "'" && c !== '’') return 0;
  const m = POSSESSIVE_TAIL.exec(rest);
  if (m) return m[0].length;
  return 0;
}

const SPACE = /\s/u;
const WORD_AT = /[\p{L}\p{N}]+(?:['’‘ʼ][\p{L}\p{N}]+)*/uy;
const POSSESSIVE_WORD = /^(.*[\p{L}\p{N}])['’‘ʼ]s$/u;
const SINGLE_CAPITAL = /^\p{Lu}$/u;

/** One of the apostrophes `POSSESSIVE_WORD` reads before its "s". */
function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2018 || c === 0x2bc;
}

function isSpace(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return SPACE.test(text[i] ?? '');
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * The word `WORD` would read at `i` of `text` (matched on a 64-character window, as it always was): matched in
 * place when the word starts with an ASCII letter or digit and is well inside the window, else on the window.
 */
function wordAt(text: string, i: number): string | null {
  if (isAsciiAlnum(text.charCodeAt(i))) {
    WORD_AT.lastIndex = i;
    // (test, not exec: the end of the match is all that is needed, without a match array)
    if (WORD_AT.test(text) && WORD_AT.lastIndex - i < 62) return text.slice(i, WORD_AT.lastIndex);
  }
  return WORD.exec(text.slice(i, i + 64))?.[0] ?? null;
}

interface RawPiece {
  text: string;
  start: number;
  end: number;
}

/**
 * Cuts `text` into words. `abbreviations` holds the keys of words that keep a closing period ("gen" for "Gen.",
 * "lt" for "Lt."); single capital letters keep theirs too ("K." in "Kim K. Lee").
 */
export function cutWords(text: string, offset: number, abbreviations: ReadonlySet<string>): RawPiece[] {
  const pieces: RawPiece[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (isSpace(text, i)) {
      i++;
      continue;
    }
    // "U.S.": a letter (one or two code units) and a period, at least twice
    if (text[i + 1] === '.' || text[i + 2] === '.') {
      const dotted = DOTTED.exec(text.slice(i, i + 64));
      if (dotted) {
        pieces.push({ text: dotted[0], start: offset + i, end: offset + i + dotted[0].length });
        i += dotted[0].length;
        continue;
      }
    }
    let w = wordAt(text, i);
    if (w !== null) {
      // The pattern swallows "'s" as if it were inside a word ("Hezbollah's"): give it back as a possessive.
      if (w.length > 2 && w.endsWith('s') && isApostrophe(w.charCodeAt(w.length - 2))) {
        const poss = POSSESSIVE_WORD.exec(w);
        if (poss?.[1]) w = poss[1];
      }
      let end = i + w.length;
      const next = text[end];
      if (next === '.' && (abbreviations.has(shapeOf(w).key) || SINGLE_CAPITAL.test(w))) end++;
      pieces.push({ text: text.slice(i, end), start: offset + i, end: offset + end });
      i = end;
      const c = text[i];
      const tail = c === "'" || c === '’' ? isPossessiveTail(text.slice(i, i + 3)) : 0;
      if (tail > 0) {
        pieces.push({ text: text.slice(i, i + tail), start: offset + i, end: offset + i + tail });
        i += tail;
      }
      continue;
    }
    pieces.push({ text: ch, start: offset + i, end: offset + i + 1 });
    i++;
  }
  return pieces;
}

/** The keys that open a lexicon phrase (the lexicon trie's first level). */
export interface Openers {
  has(key: string): boolean;
}

/** What a word's text alone says about it, worked out once per distinct text. */
export interface Shape {
  folded: string;
  key: string;
  cap: boolean;
  allCaps: boolean;
  /** "'s", "'", "’": possessive when written against the word before. */
  possessiveForm: boolean;
  hyphen: boolean;
  /** Holds a letter or a digit. */
  alnum: boolean;
  /** The last set of phrase openers the key was looked up in, and the answer (see `opensPhrase`). */
  openersSeen: Openers | null;
  opens: boolean;
}

const POSSESSIVE_FORM = /^['’‘ʼ]s?$/u;
const NOT_LETTER = /[^\p{L}]/gu;
const CAPITAL_FIRST = /^\p{Lu}/u;
const ALNUM = /[\p{L}\p{N}]/u;
// Bounded: a long run over many documents meets new words forever.
const SHAPES = new Map<string, Shape>();
const MAX_SHAPES = 50_000;

function shapeOf(text: string): Shape {
  const known = SHAPES.get(text);
  if (known) return known;
  const folded = foldWord(text);
  const letters = folded.replace(NOT_LETTER, '');
  const shape: Shape = {
    folded,
    key: folded.toLowerCase(),
    cap: CAPITAL_FIRST.test(folded),
    allCaps: letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
    possessiveForm: POSSESSIVE_FORM.test(text),
    hyphen: HYPHENS.has(text),
    alnum: ALNUM.test(text),
    openersSeen: null,
    opens: false,
  };
  if (SHAPES.size >= MAX_SHAPES) SHAPES.clear();
  SHAPES.set(text, shape);
  return shape;
}

function makeWord(
  piece: RawPiece,
  prev: RawPiece | undefined,
  next: RawPiece | undefined,
  tok: Token | undefined,
): Word {
  const { text } = piece;
  const shape = shapeOf(text);
  const possessive = shape.possessiveForm && prev !== undefined && prev.end === piece.start;
  const joiner =
    shape.hyphen && prev !== undefined && next !== undefined && prev.end === piece.start && next.start === piece.end;
  const punct = !joiner && !possessive && !shape.alnum;
  return {
    text,
    start: piece.start,
    end: piece.end,
    key: possessive ? "'s" : shape.key,
    folded: possessive ? "'s" : shape.folded,
    cap: shape.cap,
    allCaps: shape.allCaps,
    joiner,
    possessive,
    punct,
    pos: tok?.pos ?? 'X',
    lemma: tok?.lemma ?? shape.key,
    shape,
  };
}

/**
 * Whether `openers` (the first words of a lexicon's phrases, a set that never changes) holds the word's key; the
 * answer is kept with the word's shape, so a sentence's common words ("the", "said") are looked up once per text
 * instead of once per occurrence. Not for a possessive, whose key ("'s") is not its shape's.
 */
export function opensPhrase(word: Word, openers: Openers): boolean {
  const shape = word.shape;
  if (shape.openersSeen !== openers) {
    shape.opens = openers.has(shape.key);
    shape.openersSeen = openers;
  }
  return shape.opens;
}

/** Words of a lexicon phrase ("Kata'ib Hezbollah", "Lt. Gen.", "al-Shabaab"). */
export function phraseWords(phrase: string, abbreviations: ReadonlySet<string>): Word[] {
  const pieces = cutWords(phrase, 0, abbreviations);
  return pieces.map((p, i) => makeWord(p, pieces[i - 1], pieces[i + 1], undefined));
}

/** Words of a sentence, each carrying wink-nlp's part of speech and lemma for the token it falls in. */
export function sentenceWords(sentence: Sentence, abbreviations: ReadonlySet<string>): Word[] {
  const pieces = cutWords(sentence.text, sentence.start, abbreviations);
  const tokens = sentence.tokens;
  const words: Word[] = [];
  let t = 0;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] as RawPiece;
    while (t < tokens.length && (tokens[t] as Token).end <= piece.start) t++;
    const tok = tokens[t];
    const covering = tok && tok.start <= piece.start ? tok : undefined;
    words.push(makeWord(piece, pieces[i - 1], pieces[i + 1], covering));
  }
  return words;
}

/** Keys of the words of a phrase that a lookup compares: joining hyphens dropped. */
export function phraseKeys(words: readonly Word[]): string[] {
  return words.filter((w) => !w.joiner).map((w) => w.key);
}
