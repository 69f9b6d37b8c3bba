import { NUMBER_WORDS } from '../quantity.ts';
// A source: who told the outlet ("four militia sources", "Col. Sami al-Ali, a spokesman"), and how the sources of
// one event add up across sentences.
//
// Adding up: sources about the same event in several sentences are summed, but a back-reference is not a new
// source. Not added:
// - a marked back-reference: "one of the officers", "one of AFP's four militia sources", "the same sources",
//   "the official", "these officials", "he";
// - an anonymous group of the same kind no larger than one already counted ("Four militia sources said" after
//   "four militia sources … told AFP"; "a militia commander" after them), unless both carry different
//   qualifiers ("a U.S. official" after "an Iraqi official" is a new source);
// - a named source already counted ("the Pentagon" after "the Pentagon").

export interface SourceRef {
  /** The words that name or describe the source: "two Syrian security sources familiar with the talks". */
  text: string;
  /** Unnamed people ("a Western official in Ankara"); institutions and named people are not anonymous. */
  anonymous: boolean;
  /** How many people or bodies: "four militia sources" → 4, "sources" → 2, "a spokesman" → 1. */
  count: number;
  /** "militia", "security", "official", "police", "hospital", "witness", "spokesman", "monitor" … or null. */
  kind: string | null;
  start: number;
  end: number;
  /** Set when the words point back to a source already counted ("one of the officers", "the official"). */
  refersBack?: true;
}

const BACK_TEXT = [
  /^(?:one|two|three|four|five|some|several|all|both|each|none|many|most|either|neither)\s+of\b/i,
  /^(?:the|these|those|this|that)\s+same\b/i,
  /^(?:the|these|those|this|that)\s+(?:sources?|officials?|officers?|witness(?:es)?|residents?|commanders?|spokes(?:man|woman|person))$/i,
  /^(?:he|she|they|it|we)$/i,
];

// function words that may open a source's text in capitals without qualifying it ("Four militia sources")
const NOT_QUALIFIERS = new Set([
  ...NUMBER_WORDS,
  'a',
  'an',
  'the',
  'several',
  'some',
  'many',
  'senior',
  'local',
  'another',
  'other',
  'these',
  'those',
  'dozens',
  'both',
  'sources',
  'officials',
]);

/** True when the source points back to one already named. */
export function refersBack(source: SourceRef): boolean {
  return source.refersBack === true || BACK_TEXT.some((re) => re.test(source.text.trim()));
}

function normalised(text: string): string {
  return text
    .toLowerCase()
    .replace(/^(?:the|a|an)\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Capitalised words that say whose source it is: "Iraqi", "U.S.", "Kurdish" (not a sentence-initial "Three"). */
function qualifiers(text: string): Set<string> {
  const found = new Set<string>();
  for (const w of text.split(/\s+/)) {
    const bare = w.replace(/[^\p{L}\p{N}.]/gu, '');
    if (/^\p{Lu}/u.test(bare) && !NOT_QUALIFIERS.has(bare.toLowerCase())) found.add(bare.toLowerCase());
  }
  return found;
}

function sameSource(known: SourceRef, next: SourceRef): boolean {
  if (!known.anonymous && !next.anonymous) {
    const a = normalised(known.text);
    const b = normalised(next.text);
    return a === b || (a.length > 0 && b.length > 0 && (a.includes(b) || b.includes(a)));
  }
  if (known.anonymous && next.anonymous) {
    // "a hospital official … said" then "the official at the city's main hospital said": a definite mention of a
    // source already named is that source.
    const definite = /^the\s+(\p{L}+)/iu.exec(next.text.trim());
    if (definite?.[1] && next.count <= known.count && new RegExp(`\\b${definite[1]}`, 'i').test(known.text))
      return true;
    if (known.kind !== next.kind || next.count > known.count) return false;
    const qa = qualifiers(known.text);
    const qb = qualifiers(next.text);
    if (qa.size > 0 && qb.size > 0 && ![...qb].some((q) => qa.has(q))) return false;
    return true;
  }
  return false;
}

/**
 * The sources of `earlier` and `later` together, without counting a source twice. The groups of `later` are
 * compared with `earlier` only: "two militia commanders and three militia fighters" in one phrase are five.
 */
export function mergeSources(earlier: readonly SourceRef[], later: readonly SourceRef[]): SourceRef[] {
  const merged = [...earlier];
  for (const source of later) {
    if (refersBack(source)) continue;
    if (earlier.some((known) => sameSource(known, source))) continue;
    merged.push(source);
  }
  return merged;
}
