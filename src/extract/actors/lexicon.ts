// The actor lexicon: countries, named actors (organisations, armed groups, people), generic agent nouns and
// titles, built once into a trie over normalised words so that a sentence is looked up word by word.
import { foldWord, phraseKeys, phraseWords, type Word } from './words.ts';

// --- entry types (the YAML files under data/ parse into these) ---------------------------------------------

export interface CountryEntry {
  iso3: string;
  iso2: string;
  name: string;
  /** The form used in generic names ("U.S. forces"); defaults to the first demonym. */
  adjective?: string | undefined;
  aliases: string[];
  demonyms: string[];
  capital: string;
  capital_aliases?: string[] | undefined;
  /** false: the capital is never read as its government ("Victoria said" is a person). */
  capital_metonym?: boolean | undefined;
  note?: string | undefined;
}

export type ActorEntryKind = 'organisation' | 'armed-group' | 'igo' | 'person';

export type RelationType =
  | 'member_of'
  | 'part_of'
  | 'backed_by'
  | 'allied_with'
  | 'affiliate_of'
  | 'commanded_by'
  | 'successor_of'
  | 'splinter_of'
  | 'rival_of';

export interface ActorRelation {
  type: RelationType;
  /** Id of another entry, or an ISO3 country code. */
  target: string;
  from?: number | undefined;
  until?: number | undefined;
  note?: string | undefined;
}

export interface ActorRole {
  title: string;
  /** Id of the organisation, or an ISO3 country code for state offices. */
  org?: string | undefined;
  from?: number | undefined;
  until?: number | undefined;
}

export interface ActorEntry {
  id: string;
  name: string;
  aliases?: string[] | undefined;
  kind: ActorEntryKind;
  /** ISO3, or a PLOVER non-state code (UNO, EUR, IGO, NGO, IMG), or null. */
  country: string | null;
  sector: string | null;
  acled: number | null;
  /** Takes "they": "the Houthis", "the Taliban". */
  plural?: boolean | undefined;
  /** Match every alias exactly as written, lower-case words included. */
  caseSensitive?: boolean | undefined;
  relations?: ActorRelation[] | undefined;
  roles?: ActorRole[] | undefined;
  /** People: the surnames that name them alone; default: derived from the name ("Taeb", "al-Sudani"). */
  surnames?: string[] | undefined;
  /** Years the group or office was active. */
  from?: number | undefined;
  until?: number | undefined;
  note?: string | undefined;
  source: string;
}

export type AgentRole = 'agent' | 'title' | 'event' | 'unidentified' | 'modifier' | 'backer';

export interface AgentEntry {
  id: string;
  label: string;
  role?: AgentRole | undefined;
  /** Event nouns: the agent class of the implied actor. */
  class?: string | undefined;
  /** Titles: only before a name ("Lt. Gen."). */
  rank?: boolean | undefined;
  inherit?: boolean | undefined;
  needsModifier?: boolean | undefined;
  weak?: boolean | undefined;
  /** Modifiers: false for qualifiers left out of the span ("senior", "former"). */
  inSpan?: boolean | undefined;
  sector: string | null;
  acled: number | null;
  singular?: string[] | undefined;
  persons?: string[] | undefined;
  plural?: string[] | undefined;
  words?: string[] | undefined;
  note?: string | undefined;
}

export interface ActorCues {
  locativePrepositions: string[];
  motionWords: string[];
  metonymVerbs: string[];
  statementNouns: string[];
  placeNouns: string[];
  nameParticles: string[];
  notNames: string[];
}

export interface ActorLexiconInput {
  countries: readonly CountryEntry[];
  entries: readonly ActorEntry[];
  agents: readonly AgentEntry[];
  cues: ActorCues;
}

// --- built lookups ------------------------------------------------------------------------------------------

export type CountryForm = 'name' | 'alias' | 'adjective' | 'people';
export type AgentNumber = 'singular' | 'person' | 'plural' | 'any';

export type LexiconHit =
  | { type: 'country'; iso3: string; form: CountryForm }
  | { type: 'capital'; iso3: string; metonym: boolean }
  | { type: 'entry'; id: string }
  | { type: 'surname'; ids: readonly string[] }
  | { type: 'agent'; agent: AgentEntry; number: AgentNumber };

export interface Terminal {
  hit: LexiconHit;
  /** The phrase's folded words, case kept: compared when the phrase has capitals. */
  surface: readonly string[];
  exact: boolean;
}

export interface TrieNode {
  next: Map<string, TrieNode>;
  terminals: Terminal[];
}

export interface CountryInfo extends CountryEntry {
  /** "U.S.", "Iraqi", "Iranian": used in generic names. */
  adjectiveForm: string;
}

export interface CueSets {
  locative: ReadonlySet<string>;
  motion: ReadonlySet<string>;
  metonymVerbs: ReadonlySet<string>;
  statementNouns: ReadonlySet<string>;
  placeNouns: ReadonlySet<string>;
  nameParticles: ReadonlySet<string>;
  notNames: ReadonlySet<string>;
}

export interface ActorLexicon {
  readonly root: TrieNode;
  /** Keys of words that keep their closing period ("gen", "lt", "col"). */
  readonly abbreviations: ReadonlySet<string>;
  readonly countries: ReadonlyMap<string, CountryInfo>;
  readonly entries: ReadonlyMap<string, ActorEntry>;
  readonly agents: ReadonlyMap<string, AgentEntry>;
  readonly cues: CueSets;
}

// Abbreviations every text uses, beyond those the lexicon's own phrases show ("Gen.", "Lt.").
const COMMON_ABBREVIATIONS = [
  'mr',
  'mrs',
  'ms',
  'dr',
  'jr',
  'sr',
  'st',
  'gen',
  'col',
  'lt',
  'maj',
  'capt',
  'sgt',
  'brig',
  'adm',
  'cpl',
  'pvt',
  'rep',
  'sen',
  'gov',
  'prof',
  'rev',
  'cmdr',
  'vs',
  'no',
];

function collectAbbreviations(phrases: Iterable<string>): Set<string> {
  const out = new Set(COMMON_ABBREVIATIONS);
  for (const p of phrases) {
    for (const m of p.matchAll(/(?:^|[\s-])(\p{L}+)\.(?=\s|$|-)/gu)) {
      const w = m[1];
      if (w && w.length > 1) out.add(foldWord(w).toLowerCase());
    }
  }
  return out;
}

function newNode(): TrieNode {
  return { next: new Map(), terminals: [] };
}

class TrieBuilder {
  readonly root = newNode();
  constructor(private readonly abbreviations: ReadonlySet<string>) {}

  add(phrase: string, hit: LexiconHit, exact = false): void {
    const words = phraseWords(phrase, this.abbreviations).filter((w) => !w.joiner);
    if (words.length === 0) return;
    let node = this.root;
    for (const w of words) {
      let child = node.next.get(w.key);
      if (!child) {
        child = newNode();
        node.next.set(w.key, child);
      }
      node = child;
    }
    const surface = words.map((w) => w.folded);
    // One phrase, one hit: the same alias listed twice for one entry is kept once.
    if (node.terminals.some((t) => sameHit(t.hit, hit) && t.surface.join(' ') === surface.join(' '))) return;
    node.terminals.push({ hit, surface, exact });
  }

  /** The hits already stored for exactly this phrase. */
  find(phrase: string): Terminal[] {
    let node: TrieNode | undefined = this.root;
    for (const key of phraseKeys(phraseWords(phrase, this.abbreviations))) {
      node = node?.next.get(key);
      if (!node) return [];
    }
    return node.terminals;
  }
}

function sameHit(a: LexiconHit, b: LexiconHit): boolean {
  if (a.type !== b.type) return false;
  switch (a.type) {
    case 'country':
      return b.type === 'country' && a.iso3 === b.iso3 && a.form === b.form;
    case 'capital':
      return b.type === 'capital' && a.iso3 === b.iso3;
    case 'entry':
      return b.type === 'entry' && a.id === b.id;
    case 'surname':
      return false;
    case 'agent':
      return b.type === 'agent' && a.agent.id === b.agent.id && a.number === b.number;
  }
}

/** Plural demonyms used as nouns: "Iraqis", "Americans", "Frenchmen" (their singular is in the list too). */
function isPeopleForm(demonym: string, all: readonly string[]): boolean {
  if (/men$/.test(demonym)) return true;
  if (!demonym.endsWith('s')) return false;
  return all.includes(demonym.slice(0, -1)) || all.includes(demonym.slice(0, -2));
}

function lowerSet(words: readonly string[]): Set<string> {
  return new Set(words.map((w) => foldWord(w).toLowerCase()));
}

/** Surnames that name a person alone: "Hossein Taeb" -> Taeb; "Mustafa al-Kadhimi" -> al-Kadhimi, Kadhimi. */
export function deriveSurnames(
  entry: ActorEntry,
  particles: ReadonlySet<string>,
  abbreviations: ReadonlySet<string>,
): string[] {
  if (entry.surnames) return entry.surnames;
  const out = new Set<string>();
  for (const full of [entry.name, ...(entry.aliases ?? [])]) {
    const words = phraseWords(full, abbreviations).filter((w) => !w.joiner && !w.punct);
    // A single word ("Khamenei" as an alias) or an acronym is not a full name to take a surname from.
    if (words.length < 2 || words.some((w) => w.allCaps)) continue;
    const last = words[words.length - 1] as Word;
    if (particles.has(last.key) || !last.cap) continue;
    out.add(last.text);
    const before = words[words.length - 2] as Word;
    if (particles.has(before.key) && words.length > 2) out.add(`${before.text}-${last.text}`);
  }
  return [...out];
}

/** Builds the lookups once; the result is read-only and shared by every call of the stage. */
export function buildActorLexicon(input: ActorLexiconInput): ActorLexicon {
  const allPhrases: string[] = [];
  for (const c of input.countries)
    allPhrases.push(c.name, ...c.aliases, ...c.demonyms, c.capital, ...(c.capital_aliases ?? []));
  for (const e of input.entries) allPhrases.push(e.name, ...(e.aliases ?? []));
  for (const a of input.agents)
    allPhrases.push(...(a.singular ?? []), ...(a.persons ?? []), ...(a.plural ?? []), ...(a.words ?? []));
  const abbreviations = collectAbbreviations(allPhrases);
  const trie = new TrieBuilder(abbreviations);

  const countries = new Map<string, CountryInfo>();
  for (const c of input.countries) {
    const adjectiveForm = c.adjective ?? c.demonyms[0] ?? c.name;
    countries.set(c.iso3, { ...c, adjectiveForm });
  }
  // Countries first: a phrase that names two countries keeps the first ("Congolese" -> the DRC, listed so).
  const claimed = new Set<string>();
  const claim = (phrase: string): boolean => {
    const key = phraseKeys(phraseWords(phrase, abbreviations)).join(' ');
    if (claimed.has(key)) return false;
    claimed.add(key);
    return true;
  };
  for (const c of input.countries) {
    if (claim(c.name)) trie.add(c.name, { type: 'country', iso3: c.iso3, form: 'name' });
    for (const a of c.aliases) if (claim(a)) trie.add(a, { type: 'country', iso3: c.iso3, form: 'alias' });
    for (const d of c.demonyms) {
      if (!claim(d)) continue;
      const form: CountryForm = isPeopleForm(d, c.demonyms) ? 'people' : 'adjective';
      trie.add(d, { type: 'country', iso3: c.iso3, form });
    }
    const metonym = c.capital_metonym !== false;
    for (const cap of [c.capital, ...(c.capital_aliases ?? [])]) {
      if (claim(cap)) trie.add(cap, { type: 'capital', iso3: c.iso3, metonym });
    }
  }

  const entries = new Map<string, ActorEntry>();
  for (const e of input.entries) {
    if (entries.has(e.id)) throw new Error(`actor lexicon: duplicate id ${e.id}`);
    entries.set(e.id, e);
    for (const phrase of new Set([e.name, ...(e.aliases ?? [])])) {
      trie.add(phrase, { type: 'entry', id: e.id }, e.caseSensitive === true);
    }
  }

  const agents = new Map<string, AgentEntry>();
  for (const a of input.agents) {
    if (agents.has(a.id)) throw new Error(`actor lexicon: duplicate agent id ${a.id}`);
    agents.set(a.id, a);
    const numbered: Array<[readonly string[] | undefined, AgentNumber]> = [
      [a.singular, 'singular'],
      [a.persons, 'person'],
      [a.plural, 'plural'],
      [a.words, 'any'],
    ];
    for (const [list, number] of numbered) {
      for (const w of list ?? []) {
        // A word listed both singular and plural ("aircraft", "police") is number-neutral.
        const both = number !== 'any' && numbered.filter(([l]) => l?.includes(w)).length > 1;
        trie.add(w, { type: 'agent', agent: a, number: both ? 'any' : number });
      }
    }
  }

  const particles = lowerSet(input.cues.nameParticles);
  const notNames = lowerSet(input.cues.notNames);
  // Surnames last, and only where no other phrase claims the word: "Houthi" stays the Houthis.
  const surnameOwners = new Map<string, { phrase: string; ids: string[] }>();
  for (const e of input.entries) {
    if (e.kind !== 'person') continue;
    const listed = e.surnames !== undefined;
    for (const s of deriveSurnames(e, particles, abbreviations)) {
      const key = phraseKeys(phraseWords(s, abbreviations)).join(' ');
      // Derived surnames of two letters ("Un", "Yi") are too weak; a listed one ("Xi") is kept.
      if ((!listed && key.length < 3) || notNames.has(key)) continue;
      const owner = surnameOwners.get(key) ?? { phrase: s, ids: [] };
      if (!owner.ids.includes(e.id)) owner.ids.push(e.id);
      surnameOwners.set(key, owner);
    }
  }
  for (const { phrase, ids } of surnameOwners.values()) {
    const existing = trie.find(phrase);
    if (existing.length > 0) continue;
    trie.add(phrase, { type: 'surname', ids });
  }

  const cues: CueSets = {
    locative: lowerSet(input.cues.locativePrepositions),
    motion: lowerSet(input.cues.motionWords),
    metonymVerbs: lowerSet(input.cues.metonymVerbs),
    statementNouns: lowerSet(input.cues.statementNouns),
    placeNouns: lowerSet(input.cues.placeNouns),
    nameParticles: particles,
    notNames,
  };
  return { root: trie.root, abbreviations, countries, entries, agents, cues };
}

// --- lookup -------------------------------------------------------------------------------------------------

export interface LexiconMatch {
  /** Word indices: [start, end). */
  start: number;
  end: number;
  hits: LexiconHit[];
}

function upperCaseVariant(surface: string): string {
  return surface.toUpperCase();
}

function terminalFits(t: Terminal, matched: readonly Word[]): boolean {
  const multi = t.surface.length > 1;
  for (let k = 0; k < t.surface.length; k++) {
    const s = t.surface[k] as string;
    const w = matched[k] as Word;
    if (t.exact) {
      if (w.folded !== s) return false;
      continue;
    }
    if (s === s.toLowerCase()) continue;
    if (w.folded === s) continue;
    // A name in a headline written in capitals: "KATA'IB HEZBOLLAH" (never a lone acronym-like word).
    if (multi && w.allCaps && w.folded === upperCaseVariant(s)) continue;
    return false;
  }
  return true;
}

/** The longest lexicon phrase starting at word `i` (joining hyphens skipped), or null. */
export function matchAt(words: readonly Word[], i: number, lexicon: ActorLexicon): LexiconMatch | null {
  const first = words[i];
  if (!first || first.joiner || first.punct) return null;
  // Most words begin no phrase: answer those without setting up the walk.
  if (!lexicon.root.next.has(first.key)) return null;
  let node: TrieNode | undefined = lexicon.root;
  const matched: Word[] = [];
  let best: LexiconMatch | null = null;
  for (let j = i; j < words.length; j++) {
    const w = words[j] as Word;
    if (w.joiner) continue;
    node = node.next.get(w.key);
    if (!node) break;
    matched.push(w);
    if (node.terminals.length > 0) {
      const hits = node.terminals.filter((t) => terminalFits(t, matched)).map((t) => t.hit);
      if (hits.length > 0) best = { start: i, end: j + 1, hits };
    }
  }
  return best;
}
