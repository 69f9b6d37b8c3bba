// Coreference over a document's actor mentions: a later surname ("Karimi") or acronym ("IRGC") names the person
// or organisation introduced before; pronouns ("he", "they", "its fighters") and definite or demonstrative
// phrases ("the group", "these militias", "the ministry") take the identity of the nearest fitting mention.
import type { Sentence, Token } from '../model.ts';
import type { ActorMention } from './mention.ts';
import { foldWord } from './words.ts';

// Made once: a regular-expression literal inside a function is a new object each time it runs.
const STARTS_UPPER = /^\p{Lu}/u;

// How far back (in sentences) each kind of anaphor looks.
const PRONOUN_WINDOW = 2;
const NOMINAL_WINDOW = 8;
const SURNAME_PARTICLES = new Set(['al', 'el']);

// Agent classes and the named actors that can stand behind them: "the group" -> an armed group.
const CLASS_FITS: Record<string, (c: ActorMention) => boolean> = {
  militia: (c) => c.kind === 'armed-group',
  'armed-group': (c) => c.kind === 'armed-group' || c.kind === 'organisation',
  rebels: (c) => c.kind === 'armed-group',
  coalition: (c) => c.kind !== 'person' && /coalition|alliance|nato|task force/i.test(c.name),
  // Named bodies only where their name says what they are: "the army" is not the IRGC.
  military: (c) => c.kind === 'organisation' && c.sector === 'MIL' && /\b(army|armed forces|military)\b/i.test(c.name),
  police: (c) => c.kind === 'organisation' && /\bpolice\b/i.test(c.name),
  government: (c) => c.kind === 'organisation' && /\b(government|administration|cabinet)\b/i.test(c.name),
  ministry: (c) => c.kind === 'organisation' && /\b(ministry|department|office)\b/i.test(c.name),
  legislature: (c) =>
    c.kind === 'organisation' && /\b(parliament|congress|assembly|senate|majlis|knesset|duma)\b/i.test(c.name),
};

const IDENTITY_KEYS = ['id', 'name', 'country', 'sector', 'acled', 'kind'] as const;

function copyIdentity(to: ActorMention, from: ActorMention): void {
  for (const k of IDENTITY_KEYS) (to as unknown as Record<string, unknown>)[k] = from[k];
  if (from.org !== undefined) to.org = from.org;
  if (from.title !== undefined) to.title = from.title;
}

/** "Lt. Gen. Ahmed Karimi" -> "karimi"; "Sami al-Ali" -> "ali". */
function surnameKey(name: string): string {
  const parts = foldWord(name)
    .toLowerCase()
    .replace(/['’]s$/, '')
    .split(/[\s-]+/)
    .filter(Boolean);
  return parts[parts.length - 1] ?? '';
}

function isUnknownName(m: ActorMention): boolean {
  return m.id !== null && (m.id.startsWith('person:') || m.id.startsWith('org:'));
}

/** `STARTS_UPPER`, answered without the regular expression for an ASCII first letter (this runs for every token). */
function startsUpper(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return STARTS_UPPER.test(text);
}

/** Bare surnames and acronyms after the mention that introduced them, where no mention covers them yet. */
function laterNames(list: readonly ActorMention[], sentences: readonly Sentence[]): Map<ActorMention, ActorMention> {
  const surnames = new Map<string, ActorMention>();
  const acronyms = new Map<string, ActorMention>();
  for (const m of list) {
    if (m.kind === 'person' && isUnknownName(m)) {
      const key = surnameKey(m.name);
      if (key.length >= 3 && !surnames.has(key)) surnames.set(key, m);
    }
    if (m.acronym && !acronyms.has(m.acronym)) acronyms.set(m.acronym, m);
  }
  const added = new Map<ActorMention, ActorMention>();
  if (surnames.size === 0 && acronyms.size === 0) return added;
  const covered = (s: number, e: number): boolean => list.some((m) => m.start < e && s < m.end);
  for (const sentence of sentences) {
    const tokens = sentence.tokens;
    for (let t = 0; t < tokens.length; t++) {
      const tok = tokens[t] as Token;
      if (!startsUpper(tok.text)) continue;
      const folded = foldWord(tok.text);
      const acronymOf = acronyms.get(folded);
      const surnameOf = surnames.get(folded.toLowerCase());
      const antecedent = acronymOf ?? surnameOf;
      if (!antecedent || antecedent.start >= tok.start || covered(tok.start, tok.end)) continue;
      // The introducing parenthesis itself: "Guard Corps' (IRGC)".
      if (acronymOf && tok.start - antecedent.end <= 6 && tokens[t - 1]?.text === '(') continue;
      let start = tok.start;
      const dash = tokens[t - 1];
      const particle = tokens[t - 2];
      if (
        surnameOf &&
        dash &&
        particle &&
        /^[-‐‑]$/.test(dash.text) &&
        SURNAME_PARTICLES.has(particle.text.toLowerCase())
      ) {
        start = particle.start;
      }
      const text = sentence.text.slice(start - sentence.start, tok.end - sentence.start);
      const m: ActorMention = {
        sentence: sentence.index,
        start,
        end: tok.end,
        text,
        id: null,
        name: text,
        country: null,
        sector: null,
        acled: null,
        kind: 'reference',
        plural: false,
        head: tok.text.toLowerCase(),
        rule: acronymOf ? 'coref:acronym' : 'coref:surname',
        anaphor: acronymOf ? 'acronym' : 'surname',
      };
      if (surnameOf) m.personal = true;
      added.set(m, antecedent);
    }
  }
  return added;
}

function pronounFits(m: ActorMention, c: ActorMention, loose: boolean): boolean {
  if (m.personal) return c.personal === true && !c.plural;
  if (m.plural) {
    if (c.plural) return true;
    return loose && (c.kind === 'armed-group' || c.kind === 'organisation' || c.kind === 'igo');
  }
  // it / its
  return !c.plural && !c.personal && c.kind !== 'person';
}

function nominalFits(m: ActorMention, c: ActorMention): boolean {
  const cls = m.agentClass;
  if (!cls) return false;
  if (m.country && c.country && m.country !== c.country) return false;
  if (c.kind === 'generic' || c.kind === 'unidentified') {
    if (c.agentClass !== cls) return false;
    return c.plural === m.plural;
  }
  if (c.kind === 'person') return c.title === cls && !m.plural;
  const fits = CLASS_FITS[cls];
  return fits ? fits(c) : false;
}

/**
 * Resolves the anaphors of a document's mentions (flat, in document order, as `findActorMentions` returned them
 * sentence by sentence). Returns copies, with bare surnames and acronyms added where they were not mentions yet;
 * a resolved mention takes its antecedent's identity and the antecedent's index in the returned list.
 */
export function resolveCoreference(mentions: readonly ActorMention[], sentences: readonly Sentence[]): ActorMention[] {
  const copies = mentions.map((m) => ({ ...m }));
  const added = laterNames(copies, sentences);
  const all = [...copies, ...added.keys()].sort((a, b) => a.start - b.start || b.end - a.end);
  const indexOf = new Map<ActorMention, number>();
  for (const [k, m] of all.entries()) indexOf.set(m, k);

  const link = (k: number, target: number, rule: string | null): void => {
    const m = all[k] as ActorMention;
    const t = all[target] as ActorMention;
    m.antecedent = target;
    // A more specific phrase keeps its own identity: "these Iraqi militias" after "militias".
    if (!(m.anaphor !== 'pronoun' && m.country && !t.country && m.kind === 'generic')) copyIdentity(m, t);
    if (rule) m.rule = rule;
  };

  for (let k = 0; k < all.length; k++) {
    const m = all[k] as ActorMention;
    const introduced = added.get(m);
    if (introduced) {
      const target = indexOf.get(introduced);
      if (target !== undefined) link(k, target, null);
      continue;
    }
    const surname = m.kind === 'person' || m.anaphor === 'surname' ? surnameKey(m.name) : '';
    if (m.kind === 'person' && m.rule.startsWith('lexicon-surname:')) {
      // "Karimi" after "Lt. Gen. Ahmed Karimi": the person of this document, not a namesake in the lexicon.
      for (let c = k - 1; c >= 0; c--) {
        const cand = all[c] as ActorMention;
        if (cand.kind === 'person' && cand.end <= m.start && surnameKey(cand.name) === surname) {
          link(k, c, 'coref:surname');
          break;
        }
      }
      continue;
    }
    if (!m.anaphor) continue;
    if (m.anaphor === 'surname') {
      for (let c = k - 1; c >= 0; c--) {
        const cand = all[c] as ActorMention;
        if (cand.kind === 'person' && cand.id !== null && surnameKey(cand.name) === surname) {
          link(k, c, 'coref:surname');
          break;
        }
      }
      continue;
    }
    const window = m.anaphor === 'pronoun' ? PRONOUN_WINDOW : NOMINAL_WINDOW;
    const passes = m.anaphor === 'pronoun' ? [false, true] : [false];
    let found = -1;
    for (const loose of passes) {
      for (let c = k - 1; c >= 0 && found < 0; c--) {
        const cand = all[c] as ActorMention;
        if (cand.sentence < m.sentence - window) break;
        if (cand.end > m.start || cand.id === null) continue;
        const ok = m.anaphor === 'pronoun' ? pronounFits(m, cand, loose) : nominalFits(m, cand);
        if (ok) found = c;
      }
      if (found >= 0) break;
    }
    if (found >= 0) link(k, found, `coref:${m.anaphor}`);
  }
  return all;
}
