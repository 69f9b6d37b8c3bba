// Countries named only by an adjective before a thing: "an Australian ultimatum", "Israeli changes", "French
// mediation". They are not actor mentions (an Australian ultimatum is not an actor), but when an event has no other
// recipient, the country behind the thing it reacts to is one (PLOVER codes "rejected an Australian ultimatum" with
// Australia as the recipient).
import type { Sentence } from '../model.ts';
import type { ActorMention } from './find.ts';
import type { ActorLexicon } from './lexicon.ts';

export function findAttributives(
  sentence: Sentence,
  lexicon: ActorLexicon,
  mentions: readonly ActorMention[],
): ActorMention[] {
  const found: ActorMention[] = [];
  const tokens = sentence.tokens;
  for (let i = 0; i < tokens.length - 1; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (!t || !next || !/^[A-Z]/.test(t.text) || (next.pos !== 'NOUN' && next.pos !== 'ADJ')) continue;
    if (insideAny(mentions, t.start, t.end)) continue;
    const country = countryOfAdjective(lexicon, t.text);
    if (!country) continue;
    found.push({
      sentence: sentence.index,
      start: t.start,
      end: t.end,
      text: t.text,
      id: country.iso3,
      name: country.name,
      country: country.iso3,
      sector: 'GOV',
      acled: null,
      kind: 'state',
      plural: false,
      head: t.normal,
      rule: `attributive:${country.iso3}`,
    });
  }
  return found;
}

function insideAny(mentions: readonly ActorMention[], start: number, end: number): boolean {
  for (const m of mentions) if (m.start <= start && end <= m.end) return true;
  return false;
}

// Built once per lexicon: a memo of a pure function of the lexicon, not state of the stage.
const byLexicon = new WeakMap<ActorLexicon, ReadonlyMap<string, { iso3: string; name: string }>>();

function countryOfAdjective(lexicon: ActorLexicon, word: string): { iso3: string; name: string } | null {
  let index = byLexicon.get(lexicon);
  if (!index) {
    const built = new Map<string, { iso3: string; name: string }>();
    for (const info of lexicon.countries.values()) {
      for (const form of [info.adjectiveForm, ...info.demonyms]) built.set(form, { iso3: info.iso3, name: info.name });
    }
    index = built;
    byLexicon.set(lexicon, index);
  }
  return index.get(word) ?? null;
}
