// The text model every extraction stage reads: a normalised document cut into sentences and tokens.
// Offsets are always character offsets into the document's full text, so a field can point at its sentence.

/** Which part of a report a line belongs to; only the body is read for events by default. */
export type Section = 'headline' | 'dateline' | 'byline' | 'caption' | 'promo' | 'body';

export interface Token {
  /** The token as written. */
  text: string;
  /** Lower-cased, normalised form (wink-nlp `normal`). */
  normal: string;
  /** Lemma (wink-nlp `lemma`), lower case. */
  lemma: string;
  /** Universal part-of-speech tag (NOUN, VERB, PROPN, ADP …). */
  pos: string;
  start: number;
  end: number;
}

export interface Sentence {
  /** Index of the sentence within the document, in reading order. */
  index: number;
  /** Index of the paragraph (blank-line separated block) it sits in. */
  paragraph: number;
  section: Section;
  start: number;
  end: number;
  text: string;
  tokens: Token[];
}

/** A piece of text located in the document. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** A document ready for extraction. `published` is the reference date for relative dates (YYYY-MM-DD). */
export interface PreparedDocument {
  id: string;
  text: string;
  published: string | null;
  outlet: string | null;
  /** The agency the dateline names, which wrote the story (normalise stage). */
  agency: string | null;
  sentences: Sentence[];
}
