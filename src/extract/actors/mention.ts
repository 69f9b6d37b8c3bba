// What the actor stage returns for each actor it finds in a sentence.

export type ActorMentionKind =
  | 'state'
  | 'capital'
  | 'organisation'
  | 'armed-group'
  | 'igo'
  | 'person'
  | 'generic'
  | 'unidentified'
  | 'reference'
  /** A place standing for whoever is there, as a recipient: "visited Russia" (made by the event stage). */
  | 'place';

/** How a mention points back to an earlier one, when it does: resolved by coreference. */
export type Anaphor = 'pronoun' | 'definite' | 'demonstrative' | 'surname' | 'acronym';

export interface ActorMention {
  sentence: number;
  /** Document offsets of the span as written: "Iraqi Shia militias", "U.S. troops", "Lt. Gen. Ahmed Karimi". */
  start: number;
  end: number;
  text: string;
  /** Lexicon id, or a synthetic stable id: "generic:IRQ:militia", "person:ahmed-karimi", "org:pff". */
  id: string | null;
  /** Canonical name: "Kata'ib Hezbollah", "Iraq", "Iraqi militias", "Hossein Taeb". */
  name: string;
  /** ISO3 (or a PLOVER non-state code: UNO, EUR, IGO, NGO, IMG). */
  country: string | null;
  /** PLOVER sector code. */
  sector: string | null;
  /** ACLED actor type 1-8. */
  acled: number | null;
  kind: ActorMentionKind;
  plural: boolean;
  /** Lower-case head word: "militias", "taeb", "iraq". */
  head: string;
  /** Provenance: "lexicon:kataib-hezbollah", "country:IRQ", "generic:demonym+agent", "title+name", "coref:surname". */
  rule: string;
  /** Set by coreference: index, in the flat document-ordered list, of the mention this one refers to. */
  antecedent?: number;
  /** Set when the mention is a pronoun, a definite or demonstrative phrase, a bare surname or acronym. */
  anaphor?: Anaphor;
  /** Generic and title mentions: the agent class ("militia", "military", "prime-minister"). */
  agentClass?: string;
  /** A single person ("he"/"she"), named or not. */
  personal?: boolean;
  /** People: the title class nearest the name ("general", "prime-minister"). */
  title?: string;
  /** People: the organisation named with the title ("irgc-quds-force"), or a country code. */
  org?: string;
  /** "Iran-backed militias": the backer (ISO3 or lexicon id). */
  backer?: string;
  /** The acronym introduced in parentheses after the mention: "Islamic Revolutionary Guard Corps (IRGC)". */
  acronym?: string;
}
