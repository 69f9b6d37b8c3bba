// The outlet lexicon: news agencies, broadcasters, newspapers, conflict-news sites and monitors, looked up by the
// words a report names them with ("AFP", "Agence France-Presse", "the semi-official Tasnim news agency").
// Built once from data/outlets.yaml (see src/resources/outlets.ts) and handed to the claims stage read-only.
import type { Token } from '../model.ts';

export const OUTLET_KINDS = ['wire', 'broadcaster', 'newspaper', 'magazine', 'site', 'monitor'] as const;
export type OutletKind = (typeof OUTLET_KINDS)[number];

export interface OutletEntry {
  /** Stable identifier, kebab-case: "reuters", "al-masdar-news". */
  id: string;
  /** Canonical name, as written in claims: "Reuters", "Al-Masdar News". */
  name: string;
  /** Other names and abbreviations: "AMN", "Al Masdar". */
  aliases: readonly string[];
  /** A monitor (e.g. the Syrian Observatory for Human Rights) is read as a source, the others as outlets. */
  kind: OutletKind;
  /** ISO 3166-1 alpha-3 of the country it is based in or reports for; null for none in particular. */
  country: string | null;
  /** Owned or controlled by a state (IRNA, SANA, TASS, Xinhua …). */
  state: boolean;
  /** A party, armed group or government it speaks for ("Hezbollah" for Al-Manar), when known. */
  affiliation: string | null;
}

export interface OutletMatch {
  entry: OutletEntry;
  /** Token index of the first word (a leading "the" included). */
  start: number;
  /** Token index after the last word. */
  end: number;
}

export interface OutletLexicon {
  readonly entries: readonly OutletEntry[];
  /** The longest outlet name beginning at token `i` ("the New York Times", "AFP"), or null. */
  matchAt(tokens: readonly Token[], i: number): OutletMatch | null;
  /** The entry with this canonical name or alias, compared loosely ("al masdar news" finds Al-Masdar News). */
  find(name: string): OutletEntry | undefined;
}

/** Letters and digits only, so "Al-Masdar", "Al Masdar" and "AlMasdar" meet. */
function compact(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '');
}

/** An all-capitals abbreviation ("AP", "SANA") is matched with its case, so "ap" or "Sana" (a name) are not. */
function isAbbreviation(alias: string): boolean {
  const letters = alias.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters.length <= 6 && letters === letters.toUpperCase();
}

function withoutThe(alias: string): string {
  return alias.replace(/^the\s+/i, '');
}

const MAX_TOKENS = 10;
const POSSESSIVE = /^['’]s?$/;

/** Builds the lookup; throws when two entries claim the same name (a data error to fix in the YAML). */
export function buildOutletLexicon(entries: readonly OutletEntry[]): OutletLexicon {
  const exact = new Map<string, OutletEntry>(); // abbreviations, case kept
  const loose = new Map<string, OutletEntry>(); // everything else, lower case
  const prefixes = new Set<string>();
  const add = (map: Map<string, OutletEntry>, key: string, entry: OutletEntry): void => {
    if (key === '') return;
    const other = map.get(key);
    if (other && other !== entry) throw new Error(`outlet name "${key}" is given to both ${other.id} and ${entry.id}`);
    map.set(key, entry);
    for (let k = 1; k <= key.length; k++) prefixes.add(key.slice(0, k).toLowerCase());
  };
  for (const entry of entries) {
    for (const alias of [entry.name, ...entry.aliases]) {
      const bare = withoutThe(alias);
      if (isAbbreviation(bare)) add(exact, compact(bare), entry);
      else add(loose, compact(bare).toLowerCase(), entry);
    }
  }
  const byLooseName = new Map<string, OutletEntry>();
  for (const [key, entry] of [...exact, ...loose]) byLooseName.set(key.toLowerCase(), entry);

  return {
    entries,
    matchAt(tokens, i) {
      const start = i;
      let from = i;
      if (tokens[i]?.normal === 'the') from = i + 1;
      const first = tokens[from];
      // a name begins with a capital or a digit ("Reuters", "24 News"), never with "the agency"
      if (!first || !/^[\p{Lu}\p{N}]/u.test(first.text)) return null;
      let raw = '';
      let best: OutletMatch | null = null;
      for (let j = from; j < tokens.length && j < from + MAX_TOKENS; j++) {
        const text = tokens[j]?.text ?? '';
        // "Reuters' sources", "Reuter’s three sources": a possessive ends the name
        if (POSSESSIVE.test(text)) break;
        const piece = compact(text);
        // punctuation inside a name ("Al-Masdar") joins, but never ends it ("Al-Masdar News (AMN)")
        if (piece === '') continue;
        raw += piece;
        if (!prefixes.has(raw.toLowerCase())) break;
        const entry = exact.get(raw) ?? loose.get(raw.toLowerCase());
        if (entry) best = { entry, start, end: j + 1 };
      }
      return best;
    },
    find(name) {
      const bare = compact(withoutThe(name));
      return exact.get(bare) ?? loose.get(bare.toLowerCase()) ?? byLooseName.get(bare.toLowerCase());
    },
  };
}
