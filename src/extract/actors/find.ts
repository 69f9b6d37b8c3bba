// Stage: the actors a sentence names — countries and capitals used as actors, named organisations, armed
// groups and people, generic agents with their country ("Iraqi Shia militias", "U.S. troops"), unidentified
// ones, and the pronouns and definite phrases that coreference later ties back to them.
// Order of the passes: people first (their titles are not generic agents), then organisations introduced with
// an acronym, then every other phrase.
import type { Sentence } from '../model.ts';
import { findAcronymOrganisations } from './acronyms.ts';
import type { ActorLexicon } from './lexicon.ts';
import type { ActorMention } from './mention.ts';
import { findPeople } from './people.ts';
import { findPhrases, type PhraseContext } from './phrases.ts';
import { readUnits } from './units.ts';
import { sentenceWords } from './words.ts';

export { resolveCoreference } from './coreference.ts';
export type { ActorMention, ActorMentionKind, Anaphor } from './mention.ts';

/** The actor mentions of one sentence, in reading order. Pure: reads only the sentence and the lexicon. */
export function findActorMentions(sentence: Sentence, lexicon: ActorLexicon): ActorMention[] {
  const words = sentenceWords(sentence, lexicon.abbreviations);
  const units = readUnits(words, lexicon);
  const consumed: boolean[] = new Array<boolean>(units.length).fill(false);
  const mentions: ActorMention[] = [];

  for (const p of findPeople(units, lexicon, sentence.index, sentence.text, sentence.start)) {
    mentions.push(p.mention);
    for (let k = p.consumedFrom; k < p.consumedTo; k++) consumed[k] = true;
  }
  const ctx: PhraseContext = {
    units,
    lexicon,
    sentence: sentence.index,
    text: sentence.text,
    offset: sentence.start,
    consumed,
  };
  for (const f of findAcronymOrganisations({ ...ctx, words })) mentions.push(f.mention);
  for (const f of findPhrases(ctx)) mentions.push(f.mention);

  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  return mentions;
}
