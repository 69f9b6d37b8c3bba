// Actor phrases other than people: named groups and bodies ("Kata'ib Hezbollah fighters"), countries used as
// actors ("Iran denied"), capitals as metonyms ("Washington said"), generic agents with their country and backer
// ("Iran-backed Iraqi Shia militias", "U.S. troops"), unidentified ones ("unidentified gunmen"), and pronouns.

import { DAY_DEICTICS, MONTH_NAMES, WEEKDAY_NAMES } from '../calendar-words.ts';
import { NUMBER_WORDS } from '../quantity.ts';
import type { ActorEntry, ActorLexicon, AgentEntry, CountryInfo } from './lexicon.ts';
import type { ActorMention } from './mention.ts';
import { type AgentHit, isPlain, isWord, type Unit } from './units.ts';

// Made once: a regular-expression literal inside a function is a new object each time it runs.
const ENDS_S = /s$/;
const PRO_OR_ANTI = /^pro\b|^anti\b/;

// Words that may open a phrase without being part of its span.
const DETERMINERS = new Set([
  ...NUMBER_WORDS,
  'the',
  'a',
  'an',
  'these',
  'those',
  'this',
  'that',
  'some',
  'several',
  'many',
  'few',
  'dozens',
  'hundreds',
  'thousands',
  'scores',
  'numerous',
  'various',
  'both',
  'all',
  'most',
  'any',
  'each',
  'every',
  'such',
  'no',
  'least',
  'at',
  'about',
  'around',
  'nearly',
  'almost',
  'more',
  'than',
  'over',
  'up',
  'to',
]);
// Words of time that may follow a subject: "Iran today threatened", "Israel on Monday".
const TEMPORAL = new Set([
  ...WEEKDAY_NAMES,
  ...MONTH_NAMES,
  ...DAY_DEICTICS,
  'now',
  'earlier',
  'later',
  'overnight',
  'last',
  'this',
  'next',
]);
// "a group of", "a handful of": quantities, not actors.
const QUANTITY_HEADS = new Set(['group', 'band', 'handful', 'number', 'team', 'batch', 'wave', 'dozen', 'unit']);
// "these militias", "those forces": a demonstrative points back.
const DEMONSTRATIVES = new Set(['these', 'those', 'this', 'that', 'such']);
const POSSESSIVE_PRONOUNS = new Set(['its', 'their', 'his', 'her']);
/** The pronouns the actor stage reads as references to an actor named before. */
export const PRONOUNS: ReadonlySet<string> = new Set([
  'he',
  'she',
  'him',
  'they',
  'them',
  'it',
  'its',
  'his',
  'her',
  'their',
]);
const PLURAL_PRONOUNS = new Set(['they', 'them', 'their']);
const PERSONAL_PRONOUNS = new Set(['he', 'she', 'him', 'his', 'her']);
// "talks between Washington and Tehran", "a deal with Moscow": a capital after these is an actor.
// "in south Lebanon", "across northern Syria": a direction between a locative and the name.
const DIRECTION_WORDS = new Set(
  `north south east west northern southern eastern western central northeast northwest southeast southwest
  northeastern northwestern southeastern southwestern`.split(/\s+/),
);
const PARTNER_WORDS = new Set(['with', 'between', 'against', 'and', 'or', 'toward', 'towards', 'versus', 'vs']);
const AUXILIARIES = new Set([
  'has',
  'have',
  'had',
  'will',
  'would',
  'could',
  'should',
  'may',
  'might',
  'must',
  'did',
  'does',
  'do',
  'is',
  'was',
  'are',
  'were',
  'also',
  'not',
  'never',
  'again',
  'already',
  'quickly',
  'later',
  'then',
  'reportedly',
  'had',
  'swiftly',
  'publicly',
  'officially',
  'repeatedly',
  'strongly',
  'firmly',
  'previously',
]);
// Heads of the military family: an unidentified one is "Unidentified Military Forces".
const MILITARY_CLASSES = new Set(['military', 'air-force', 'drones', 'navy', 'military-site']);
const NOUNISH = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM']);
const NON_PHRASE_POS = new Set(['VERB', 'AUX', 'ADP', 'CCONJ', 'SCONJ', 'PRON', 'PART', 'ADV']);

export interface PhraseContext {
  units: readonly Unit[];
  lexicon: ActorLexicon;
  sentence: number;
  text: string;
  offset: number;
  consumed: boolean[];
}

export interface PhraseFinding {
  mention: ActorMention;
  from: number;
  to: number;
  /** A state read from a country's name or alias; may become a generic when coordinated ("U.S. and Iraqi forces"). */
  countryForm?: string;
}

function span(ctx: PhraseContext, from: number, to: number): { start: number; end: number; text: string } {
  const a = ctx.units[from] as Unit;
  const b = ctx.units[to - 1] as Unit;
  return {
    start: a.first.start,
    end: b.last.end,
    text: ctx.text.slice(a.first.start - ctx.offset, b.last.end - ctx.offset),
  };
}

/** "in Iraq", "north of Baghdad", "travelled to Tehran", "parts of Syria": a place, not an actor. */
function isPlaceContext(ctx: PhraseContext, i: number, depth = 0): boolean {
  const { units, lexicon } = ctx;
  const cues = lexicon.cues;
  // "Kyiv's Darnytskyi district", "Beirut's southern suburbs": what the name owns is a part of the place.
  if (units[i + 1]?.possessive) {
    for (let q = i + 2; q < Math.min(units.length, i + 5); q++) {
      const u = units[q] as Unit;
      if (cues.placeNouns.has(u.key) || cues.placeNouns.has(u.first.lemma)) return true;
    }
  }
  // "attacks in Iraq and Syria": the second name shares the first one's preposition.
  const conj = units[i - 1];
  const other = units[i - 2];
  if (depth < 3 && conj && other && isWord(conj, 'and', 'or', ',') && (other.country || other.capital)) {
    if (isPlaceContext(ctx, i - 2, depth + 1)) return true;
  }
  let k = i - 1;
  if (units[k]?.joiner) return true;
  // "in western Iraq", "across war-torn Syria", "into the neighbouring country"
  for (let skip = 0; skip < 3 && k >= 0; skip++) {
    const u = units[k] as Unit;
    if (isWord(u, 'the') || u.joiner || (isPlain(u) && (u.first.pos === 'ADJ' || DIRECTION_WORDS.has(u.key)))) k--;
    else break;
  }
  const p = units[k];
  if (!p) return false;
  // "visited Iraq", "entered Syria": the object of a movement verb is a place.
  if (p.first.pos === 'VERB' && cues.motion.has(p.first.lemma)) return true;
  const p2 = units[k - 1];
  if (cues.locative.has(p.key)) return true;
  if (p2 && cues.locative.has(`${p2.key} ${p.key}`)) return true;
  if (p.key === 'to' || p.key === 'from') {
    // A motion word within four words ("the road to Baghdad"), or the verb that governs "to" further back, before
    // its object ("flew 35 medical and logistics staff to Haiti"); a nearer verb ("sold drones to Iran")
    // decides.
    for (let q = k - 1; q >= Math.max(0, k - 9); q--) {
      const u = units[q] as Unit;
      if (q >= k - 4 && (cues.motion.has(u.first.lemma) || cues.motion.has(u.key))) return true;
      if (u.first.pos === 'VERB') return cues.motion.has(u.first.lemma);
      if (q < k - 4 && (u.first.pos === 'ADP' || u.first.pos === 'PUNCT' || u.first.pos === 'SCONJ')) return false;
    }
    return false;
  }
  if (p.key === 'of' && p2) {
    let q = k - 1;
    if (ctx.units[q]?.possessive) return false;
    if (p2 && cues.placeNouns.has(p2.key)) return true;
    q = k - 1;
    return q >= 0 && cues.placeNouns.has((units[q] as Unit).first.lemma);
  }
  return false;
}

/** "Washington said", "Tehran has denied", "talks with Moscow": a capital as its government. */
function isMetonymContext(ctx: PhraseContext, i: number): boolean {
  const { units, lexicon } = ctx;
  const verbs = lexicon.cues.metonymVerbs;
  let j = i + 1;
  while (j < units.length && AUXILIARIES.has((units[j] as Unit).key) && j < i + 4) j++;
  const next = units[j];
  if (next && (next.first.pos === 'VERB' || next.first.pos === 'AUX') && verbs.has(next.first.lemma)) return true;
  const poss = units[i + 1];
  if (poss?.possessive) {
    const after = units[i + 2];
    if (after && (lexicon.cues.statementNouns.has(after.key) || lexicon.cues.statementNouns.has(after.first.lemma)))
      return true;
  }
  const before = units[i - 1];
  // "Kiev accused Moscow of ...", "urged Washington to ...": the object of a verb of saying or pressing.
  if (before && before.first.pos === 'VERB' && verbs.has(before.first.lemma)) return true;
  if (before && PARTNER_WORDS.has(before.key)) {
    if (before.key === 'and' || before.key === 'or') {
      const other = units[i - 2];
      return other !== undefined && (other.capital !== undefined || other.country !== undefined);
    }
    return true;
  }
  return false;
}

interface Parsed {
  det: string | null;
  pronoun: Unit | null;
  /** Unit indices of the phrase after the determiners. */
  run: number[];
  /** The phrase was cut at a compound: "Syrian-Iraqi border", "Iran-Iraq war". */
  compound: boolean;
}

function isRunUnit(u: Unit): boolean {
  if (u.punct || u.possessive || u.joiner) return false;
  // "killed" in "an airstrike killed Iran's commander" is a verb, even if it can qualify a noun.
  if (NON_PHRASE_POS.has(u.first.pos) && !(u.agent || u.entry || u.country || u.capital || u.event || u.marker))
    return false;
  if (!isPlain(u)) return true;
  return NOUNISH.has(u.first.pos);
}

/** "the", "these", "at least two": words before a phrase; "that"/"this" only when wink reads them as determiners. */
function isDeterminer(u: Unit | undefined): boolean {
  if (!u || u.start + 1 !== u.end || u.country || !DETERMINERS.has(u.key)) return false;
  if (u.key === 'that' || u.key === 'this') return u.first.pos === 'DET';
  return true;
}

function readRun(ctx: PhraseContext, i: number): Parsed & { next: number } {
  const { units, consumed } = ctx;
  let j = i;
  let det: string | null = null;
  while (j < units.length && !consumed[j] && isDeterminer(units[j])) {
    det = (units[j] as Unit).key;
    j++;
  }
  let pronoun: Unit | null = null;
  const pj = units[j];
  if (pj && !consumed[j] && pj.start + 1 === pj.end && POSSESSIVE_PRONOUNS.has(pj.key)) {
    pronoun = pj;
    j++;
  }
  const run: number[] = [];
  let compound = false;
  let sawHead = false;
  for (; j < units.length; j++) {
    if (consumed[j]) break;
    const u = units[j] as Unit;
    const prev = run.length > 0 ? (units[run[run.length - 1] as number] as Unit) : undefined;
    if (u.possessive) {
      // "Iraq's army", "Hezbollah's fighters", "Moscow's forces"
      if (prev && (prev.country || prev.capital || prev.entry) && !sawHead) {
        run.push(j);
        continue;
      }
      break;
    }
    if (u.joiner) {
      const next = units[j + 1];
      // "Iran-backed", "U.S.-led"
      if (prev && next?.backer && (prev.country || prev.entry || prev.capital)) {
        run.push(j, j + 1);
        j++;
        continue;
      }
      // "pro-Iran"
      if (prev && isWord(prev, 'pro') && next && (next.country || next.entry)) {
        run.push(j, j + 1);
        j++;
        continue;
      }
      if (prev && next && (prev.country || prev.capital) && (next.country || next.capital)) compound = true;
      // "Iran-Iraq war", "Hezbollah-Israel clashes": the halves are not actors here.
      if (prev?.country || prev?.capital) compound = true;
      break;
    }
    if (!isRunUnit(u)) break;
    // "gave the Gambia 2.7 million euros", "Iran today threatened": a number or a day after a name is not
    // part of its phrase.
    if (prev && isPlain(u) && (u.first.pos === 'NUM' || TEMPORAL.has(u.key))) break;
    // A second name after a head starts a new phrase: "militias Kata'ib Hezbollah".
    if (sawHead && (u.country || u.entry || u.capital || u.marker)) break;
    run.push(j);
    // After a head or an event noun, a new name starts a new phrase: "Israeli drone strike killed Hezbollah's commander".
    if ((u.agent || u.event) && !u.country) sawHead = true;
  }
  return { det, pronoun, run, compound, next: j };
}

interface Identity {
  country: CountryInfo | null;
  countryVia: 'adjective' | 'name' | 'possessive' | 'capital' | 'of' | 'leader' | null;
  backer: { code: string; display: string; relation: string } | null;
  entry: ActorEntry | null;
  markers: AgentHit[];
  prefixes: string[];
}

function countryDisplay(c: CountryInfo, written: Unit, led: boolean): string {
  // "Saudi-led coalition" keeps the adjective as written; a backer is named by the country: "Iran-backed",
  // also for "Iranian-backed"; "U.S.-backed" uses the country's set adjective.
  if (led && written.country?.form === 'adjective') return c.adjectiveForm;
  return c.adjective ?? c.name;
}

function genericName(id: Identity, agent: AgentEntry): string {
  const parts: string[] = [...id.prefixes];
  if (id.backer) parts.push(`${id.backer.display}-${id.backer.relation}`);
  if (id.country && id.countryVia !== 'leader') parts.push(id.country.adjectiveForm);
  parts.push(agent.label);
  return parts.join(' ');
}

function genericId(id: Identity, agentClass: string): string {
  const country = id.country?.iso3;
  let out = country ? `generic:${country}:${agentClass}` : `generic:${agentClass}`;
  if (id.backer) out += `:${id.backer.relation}-by-${id.backer.code}`;
  return out;
}

function isPlural(u: Unit, hit: AgentHit): boolean {
  if (hit.number === 'plural') return true;
  if (hit.number === 'any') return ENDS_S.test(u.last.key) || u.first.lemma !== u.first.key;
  return false;
}

/** Reads one phrase starting at unit `i`; returns the mentions and where to go on. */
function parsePhrase(ctx: PhraseContext, i: number): { findings: PhraseFinding[]; next: number } {
  const { units, lexicon } = ctx;
  if (units[i] === undefined) return { findings: [], next: i + 1 };
  const parsed = readRun(ctx, i);
  const { run, det, pronoun } = parsed;
  const none = { findings: [], next: i + 1 };

  // A pronoun alone: "he said", "they attacked", "its fighters" (handled below with a head).
  if (run.length === 0) {
    const u = units[i] as Unit;
    if (pronoun || (u.start + 1 === u.end && PRONOUNS.has(u.key))) {
      const p = pronoun ?? u;
      const at = units.indexOf(p);
      if (p.key === 'it' && !itRefers(ctx, at)) return { findings: [], next: at + 1 };
      return { findings: [pronounFinding(ctx, at, at + 1, p, null)], next: at + 1 };
    }
    return { findings: [], next: i + 1 };
  }

  const id: Identity = { country: null, countryVia: null, backer: null, entry: null, markers: [], prefixes: [] };
  let headAt = -1; // index into run
  let entryAt = -1;
  let firstIdentity = -1;
  let eventAt = -1;
  for (let r = 0; r < run.length; r++) {
    const u = units[run[r] as number] as Unit;
    const next = units[(run[r] as number) + 1];
    if (u.joiner) continue;
    if (u.possessive) continue;
    if (u.backer && r > 0) {
      // the second half of "Iran-backed": handled with the first half
      continue;
    }
    const isBackerHalf =
      next?.joiner === true &&
      units[(run[r] as number) + 2]?.backer !== undefined &&
      run.includes((run[r] as number) + 2);
    if (isBackerHalf && (u.country || u.entry || u.capital)) {
      if (firstIdentity < 0) firstIdentity = r;
      const backerWord = units[(run[r] as number) + 2]?.backer;
      const led = backerWord?.agent.id === 'led';
      const iso = u.country?.iso3 ?? u.capital?.iso3 ?? null;
      const c = iso ? (lexicon.countries.get(iso) ?? null) : null;
      if (led && c) {
        id.country = c;
        id.countryVia = 'leader';
        id.prefixes.push(`${countryDisplay(c, u, true)}-led`);
      } else if (c) {
        id.backer = { code: c.iso3, display: countryDisplay(c, u, led), relation: led ? 'led' : 'backed' };
      } else if (u.entry) {
        id.backer = { code: u.entry.id, display: u.entry.name, relation: led ? 'led' : 'backed' };
      }
      continue;
    }
    if (isWord(u, 'pro') && next?.joiner) {
      if (firstIdentity < 0) firstIdentity = r;
      const target = units[(run[r] as number) + 2];
      const iso = target?.country?.iso3 ?? null;
      const c = iso ? (lexicon.countries.get(iso) ?? null) : null;
      if (c) id.backer = { code: c.iso3, display: c.name, relation: 'backed' };
      else if (target?.entry) id.backer = { code: target.entry.id, display: target.entry.name, relation: 'backed' };
      r += 2;
      continue;
    }
    if (u.marker) {
      if (firstIdentity < 0) firstIdentity = r;
      id.markers.push(u.marker);
      continue;
    }
    // "State Department", "Border Police": a capitalised name is the named body, not the generic noun.
    if (u.entry && (!u.agent || u.first.cap)) {
      if (firstIdentity < 0) firstIdentity = r;
      if (entryAt < 0 || headAt < 0) entryAt = r;
      id.entry ??= u.entry;
      continue;
    }
    if (u.country && !(id.country && u.modifier)) {
      if (id.country) {
        // a second country word: "Iraqi Turkmen" reads the second as a modifier when it can be one
        continue;
      }
      if (firstIdentity < 0) firstIdentity = r;
      const c = lexicon.countries.get(u.country.iso3) ?? null;
      id.country = c;
      id.countryVia = next?.possessive ? 'possessive' : u.country.form === 'adjective' ? 'adjective' : 'name';
      continue;
    }
    // "Moscow's forces", "the Khartoum government": a capital before an agent noun gives its country.
    // ("the Washington Post" is a name: the agent word after the capital must be lower case.)
    const nextIsAgent =
      next !== undefined && run.includes((run[r] as number) + 1) && next.agent !== undefined && !next.first.cap;
    if (u.capital && (next?.possessive || nextIsAgent) && !id.country) {
      if (firstIdentity < 0) firstIdentity = r;
      id.country = lexicon.countries.get(u.capital.iso3) ?? null;
      id.countryVia = 'capital';
      continue;
    }
    if (u.agent) {
      if (firstIdentity < 0) firstIdentity = r;
      headAt = r;
      continue;
    }
    if (u.event) {
      eventAt = r;
      continue;
    }
    if (u.modifier) {
      if (u.modifier.agent.inSpan !== false) {
        if (firstIdentity < 0) firstIdentity = r;
        if (PRO_OR_ANTI.test(u.key))
          id.prefixes.push(u.first.text.toLowerCase() === 'pro' ? u.key.replace(' ', '-') : u.key.replace(' ', '-'));
      }
    }
  }

  // An agent noun after the head word ("militia sources") is not a head: the head is the last agent noun.
  if (headAt >= 0 && entryAt > headAt) entryAt = -1;

  if (headAt >= 0) return generic(ctx, parsed, id, headAt, firstIdentity, det, pronoun);

  if (id.entry && entryAt >= 0) {
    // "Kata'ib Hezbollah", "the Iran-backed Houthis", "Iraq's Popular Mobilization Forces"
    const from = run[Math.max(0, firstIdentity)] as number;
    let to = (run[entryAt] as number) + 1;
    const m = entityMention(ctx, from, to, id.entry, units[to - 1] as Unit, null);
    if (id.backer) m.backer = id.backer.code;
    to = absorbAcronym(ctx, to, m);
    return { findings: [{ mention: m, from, to }], next: to };
  }

  const firstUnitIdx = run[0] as number;
  const first = units[firstUnitIdx] as Unit;

  // "U.S. airstrikes", "Israeli shelling", "Turkish drone strikes": the country's forces, spanning the adjective.
  // ("Moscow's response" is the capital as its government: below.)
  const statement =
    id.countryVia === 'capital' && lexicon.cues.statementNouns.has(units[run[eventAt] as number]?.key ?? '');
  if (eventAt >= 0 && (id.country || id.backer) && id.markers.length === 0 && !statement) {
    const ev = units[run[eventAt] as number]?.event;
    const cls = lexicon.agents.get(ev?.agent.class ?? 'military');
    if (cls && firstIdentity >= 0) {
      const from = run[firstIdentity] as number;
      let to = from + 1;
      // "Iran-backed": the backer compound is part of the span; a possessive is not ("North Korea's tests").
      while (to < ctx.units.length && run.includes(to) && (units[to]?.joiner || units[to]?.backer)) to++;
      const s = span(ctx, from, to);
      const m: ActorMention = {
        sentence: ctx.sentence,
        ...s,
        id: genericId(id, cls.id),
        name: genericName(id, cls),
        country: id.country?.iso3 ?? null,
        sector: cls.sector,
        acled: cls.acled,
        kind: 'generic',
        plural: true,
        head: (units[to - 1] as Unit).last.key,
        rule: 'generic:demonym+event',
        agentClass: cls.id,
      };
      if (id.backer) m.backer = id.backer.code;
      return { findings: [{ mention: m, from, to }], next: (run[eventAt] as number) + 1 };
    }
  }

  // A country alone: "Iran denied", "talks between the U.S. and Iraq", "Iran's nuclear programme".
  if (first.country && firstIdentity === 0 && !parsed.compound) {
    const form = first.country.form;
    const after = run[1];
    const possessive = after !== undefined && units[after]?.possessive === true;
    // "Iraq's sky", "Syria's north": a place.
    const owned = units[firstUnitIdx + 2];
    if (possessive && owned && lexicon.cues.placeNouns.has(owned.key)) return none;
    const alone = run.length === 1 || possessive;
    if (form === 'people' && run.length === 1) {
      // "two Americans were killed", "Iraqis protested"
      return { findings: [peopleFinding(ctx, firstUnitIdx, first, true)], next: firstUnitIdx + 1 };
    }
    // (At the sentence's end, "… between Hungarian and", nothing follows to share.)
    if (
      form === 'adjective' &&
      run.length === 1 &&
      isWord(units[firstUnitIdx + 1], 'and', 'or') &&
      units[firstUnitIdx + 2]
    ) {
      // "Hungarian and Romanian officials": the first adjective shares the head of the phrase after "and".
      const other = parsePhrase(ctx, firstUnitIdx + 2).findings[0];
      const c = lexicon.countries.get(first.country.iso3);
      const cls = other?.mention.agentClass ? lexicon.agents.get(other.mention.agentClass) : undefined;
      if (
        c &&
        cls &&
        other &&
        other.from === firstUnitIdx + 2 &&
        other.mention.kind === 'generic' &&
        other.mention.country
      ) {
        const s = span(ctx, firstUnitIdx, firstUnitIdx + 1);
        const m: ActorMention = {
          ...other.mention,
          ...s,
          id: `generic:${c.iso3}:${cls.id}`,
          name: `${c.adjectiveForm} ${cls.label}`,
          country: c.iso3,
          head: first.last.key,
          rule: 'generic:coordinated',
        };
        return { findings: [{ mention: m, from: firstUnitIdx, to: firstUnitIdx + 1 }], next: firstUnitIdx + 1 };
      }
    }
    if (form === 'adjective' && run.length === 1 && (det === 'a' || det === 'an' || det === 'one')) {
      // "an American was wounded"
      return { findings: [peopleFinding(ctx, firstUnitIdx, first, false)], next: firstUnitIdx + 1 };
    }
    if ((form === 'name' || form === 'alias') && alone && !isPlaceContext(ctx, firstUnitIdx)) {
      const c = lexicon.countries.get(first.country.iso3);
      if (c) {
        const s = span(ctx, firstUnitIdx, firstUnitIdx + 1);
        const m: ActorMention = {
          sentence: ctx.sentence,
          ...s,
          id: c.iso3,
          name: c.name,
          country: c.iso3,
          sector: 'GOV',
          acled: 1,
          kind: 'state',
          plural: false,
          head: first.last.key,
          rule: possessive ? `country-possessive:${c.iso3}` : `country:${c.iso3}`,
        };
        const finding: PhraseFinding = { mention: m, from: firstUnitIdx, to: firstUnitIdx + 1 };
        if (det !== 'the') finding.countryForm = form;
        return { findings: [finding], next: parsed.next };
      }
    }
    return none;
  }

  // "Washington said", "Tehran's response", "talks with Moscow"
  if (first.capital?.metonym && (firstIdentity <= 0 || statement) && !parsed.compound) {
    if (!isPlaceContext(ctx, firstUnitIdx) && isMetonymContext(ctx, firstUnitIdx)) {
      const c = lexicon.countries.get(first.capital.iso3);
      if (c) {
        const s = span(ctx, firstUnitIdx, firstUnitIdx + 1);
        const m: ActorMention = {
          sentence: ctx.sentence,
          ...s,
          id: c.iso3,
          name: c.name,
          country: c.iso3,
          sector: 'GOV',
          acled: 1,
          kind: 'capital',
          plural: false,
          head: first.last.key,
          rule: `capital:${c.iso3}`,
        };
        return { findings: [{ mention: m, from: firstUnitIdx, to: firstUnitIdx + 1 }], next: firstUnitIdx + 1 };
      }
    }
  }

  // A possessive pronoun before no head: "their attacks" -> "their".
  if (pronoun) {
    const at = units.indexOf(pronoun);
    return { findings: [pronounFinding(ctx, at, at + 1, pronoun, null)], next: at + 1 };
  }
  return none;
}

function nounish(u: Unit | undefined): boolean {
  return (
    u !== undefined &&
    !u.punct &&
    !u.possessive &&
    (u.first.pos === 'NOUN' || u.first.pos === 'PROPN' || u.event !== undefined || u.agent !== undefined)
  );
}

function isCompoundModifier(ctx: PhraseContext, headIdx: number): boolean {
  const next = ctx.units[headIdx + 1];
  if (!next) return false;
  if (nounish(next)) return true;
  if (isWord(next, 'and', 'or')) {
    const after = ctx.units[headIdx + 2];
    const then = ctx.units[headIdx + 3];
    return nounish(after) && after?.agent === undefined && (nounish(then) || after?.event !== undefined);
  }
  return false;
}

/** "it said", "it has denied" refer; "it is unclear", "it was not" do not. */
function itRefers(ctx: PhraseContext, at: number): boolean {
  const next = ctx.units[at + 1];
  if (!next) return false;
  if (next.first.pos === 'VERB') return true;
  if (next.first.pos === 'AUX' && next.first.lemma !== 'be') {
    const after = ctx.units[at + 2];
    return after !== undefined && (after.first.pos === 'VERB' || isWord(after, 'not', 'also'));
  }
  return false;
}

function pronounFinding(ctx: PhraseContext, from: number, to: number, p: Unit, head: Unit | null): PhraseFinding {
  const s = span(ctx, from, to);
  const m: ActorMention = {
    sentence: ctx.sentence,
    ...s,
    id: null,
    name: p.first.text.toLowerCase(),
    country: null,
    sector: null,
    acled: null,
    kind: 'reference',
    plural: PLURAL_PRONOUNS.has(p.key),
    head: head ? head.last.key : p.key,
    rule: head ? 'pronoun+agent' : 'pronoun',
    anaphor: 'pronoun',
  };
  if (PERSONAL_PRONOUNS.has(p.key)) m.personal = true;
  return { mention: m, from, to };
}

function peopleFinding(ctx: PhraseContext, at: number, u: Unit, plural: boolean): PhraseFinding {
  const c = u.country ? ctx.lexicon.countries.get(u.country.iso3) : undefined;
  const iso = c?.iso3 ?? null;
  const peopleName = c
    ? (c.demonyms.find((d) => /s$/.test(d) && d !== c.adjectiveForm) ?? `${c.adjectiveForm} people`)
    : 'people';
  const s = span(ctx, at, at + 1);
  const m: ActorMention = {
    sentence: ctx.sentence,
    ...s,
    id: iso ? `generic:${iso}:people` : 'generic:people',
    name: peopleName,
    country: iso,
    sector: null,
    acled: null,
    kind: 'generic',
    plural,
    head: u.last.key,
    rule: 'generic:demonym-noun',
    agentClass: 'people',
  };
  if (!plural) m.personal = true;
  return { mention: m, from: at, to: at + 1 };
}

function entityMention(
  ctx: PhraseContext,
  from: number,
  to: number,
  entry: ActorEntry,
  headUnit: Unit,
  headHit: AgentHit | null,
): ActorMention {
  const s = span(ctx, from, to);
  const kind = entry.kind === 'person' ? 'person' : entry.kind;
  return {
    sentence: ctx.sentence,
    ...s,
    id: entry.id,
    name: entry.name,
    country: entry.country,
    sector: entry.sector,
    acled: entry.acled,
    kind,
    plural: headHit ? isPlural(headUnit, headHit) : entry.plural === true,
    head: headUnit.last.key,
    rule: `lexicon:${entry.id}`,
  };
}

/** "the Islamic Revolutionary Guard Corps (IRGC)": the acronym in parentheses joins the mention. */
function absorbAcronym(ctx: PhraseContext, to: number, m: ActorMention): number {
  const { units } = ctx;
  // "the Islamic Revolutionary Guard Corps' (IRGC) intelligence chief": past a possessive too.
  const at = units[to]?.possessive ? to + 1 : to;
  const open = units[at];
  const acr = units[at + 1];
  const close = units[at + 2];
  if (isWord(open, '(') && acr?.first.allCaps && acr.start + 1 === acr.end && isWord(close, ')')) {
    m.acronym = acr.first.folded;
    return at + 3;
  }
  return to;
}

function generic(
  ctx: PhraseContext,
  parsed: Parsed & { next: number },
  id: Identity,
  headAt: number,
  firstIdentity: number,
  det: string | null,
  pronoun: Unit | null,
): { findings: PhraseFinding[]; next: number } {
  const { units, lexicon } = ctx;
  const { run } = parsed;
  const headIdx = run[headAt] as number;
  const headUnit = units[headIdx] as Unit;
  const headHit = headUnit.agent as AgentHit;
  let cls: AgentEntry = headHit.agent;
  let agentBefore = false;
  let entryBefore: ActorEntry | null = null;
  for (let r = headAt - 1; r >= 0; r--) {
    const u = units[run[r] as number] as Unit;
    if (u.entry) {
      entryBefore ??= u.entry;
      break;
    }
    if (u.agent && !agentBefore) {
      agentBefore = true;
      // "militia leaders", "army positions", "rebel fighters": the head takes the class before it.
      if (headHit.agent.inherit) cls = u.agent.agent;
    }
  }
  // "suspected Iran-backed militias": a weak marker that yields to a backer or country stays out of the span.
  let spanStart = Math.max(0, firstIdentity);
  if (id.country || id.backer) {
    while (spanStart < headAt && (units[run[spanStart] as number] as Unit).marker?.agent.weak) spanStart++;
  }
  const from0 = pronoun ? units.indexOf(pronoun) : (run[spanStart] as number);
  let to = headIdx + 1;

  // "the government of Iraq", "members of Hezbollah"
  let entry = entryBefore ?? id.entry;
  if (isWord(units[to], 'of')) {
    let q = to + 1;
    if (isWord(units[q], 'the')) q++;
    const target = units[q];
    if (target && !ctx.consumed[q]) {
      // "the government of Niger" (not "a member of the Chadian delegation": an adjective, or a name used as one).
      const ends = !units[q + 1] || (!(units[q + 1] as Unit).agent && !NOUNISH.has((units[q + 1] as Unit).first.pos));
      if (
        target.country &&
        (target.country.form === 'name' || target.country.form === 'alias') &&
        ends &&
        !id.country &&
        !entry
      ) {
        id.country = lexicon.countries.get(target.country.iso3) ?? null;
        id.countryVia = 'of';
        to = q + 1;
      } else if (target.entry && !entry && headHit.agent.inherit && headHit.number === 'plural') {
        entry = target.entry;
        to = q + 1;
      }
    }
  }

  const hasModifier =
    id.country !== null ||
    id.backer !== null ||
    entry !== null ||
    agentBefore ||
    id.markers.length > 0 ||
    pronoun !== null ||
    countedPeople(ctx, run, headAt, headHit, det);
  if (headHit.agent.needsModifier && !hasModifier) return { findings: [], next: headIdx + 1 };
  const skip = { findings: [], next: headIdx + 1 };
  // "Colombia's Cauca department": an administrative department after its name, not a ministry ("the Justice
  // Department" is written with a capital).
  if (headHit.agent.id === 'ministry' && /^department/.test(headUnit.last.key) && !headUnit.last.cap) {
    const before = units[headIdx - 1];
    if (before?.first.cap && isPlain(before) && run.includes(headIdx - 1)) return skip;
  }
  const after = units[headIdx + 1];
  // "a group of Yoruba leaders", "a handful of fighters": a quantity, the phrase after "of" is the actor.
  if (QUANTITY_HEADS.has(headUnit.key) && isWord(after, 'of')) return skip;
  // "the Organization of African Unity", "Army of the Men of ...": a capitalised head inside an unknown name.
  if (headUnit.first.cap && headIdx > 0 && isWord(after, 'of') && units[headIdx + 2]?.first.cap) return skip;
  // "freedom of movement", "militia attacks": a singular count noun with no determiner or modifier is no actor.
  if (!hasModifier && !det && (headHit.number === 'singular' || headHit.number === 'person') && !headUnit.first.cap)
    return skip;
  // "a Saudi oil facility", "Iraqi gas fields": a site named by what it holds is not the country's forces.
  if (headHit.agent.inherit && headHit.agent.needsModifier && !agentBefore && !entry) {
    for (let r = Math.max(0, firstIdentity); r < headAt; r++) {
      const u = units[run[r] as number] as Unit;
      if (isPlain(u) && (u.first.pos === 'NOUN' || u.first.pos === 'PROPN')) return { findings: [], next: headIdx + 1 };
    }
  }
  // "three militia sources", "drone and rocket attacks": a bare singular noun before another noun modifies it.
  if (!hasModifier && headHit.number !== 'plural' && isCompoundModifier(ctx, headIdx)) {
    return { findings: [], next: headIdx + 1 };
  }

  // "Hezbollah fighters", "IRGC commanders", "Kata'ib Hezbollah's military wing": the group itself.
  if (entry && !pronoun) {
    const m = entityMention(ctx, from0, to, entry, headUnit, headHit);
    if (id.backer) m.backer = id.backer.code;
    if (headHit.number === 'person') m.personal = true;
    to = absorbAcronym(ctx, to, m);
    return { findings: [{ mention: m, from: from0, to }], next: to };
  }

  const s = span(ctx, from0, to);
  const plural = isPlural(headUnit, headHit);
  const strongMarker = id.markers.some((mk) => !mk.agent.weak);
  const weakMarker = id.markers.some((mk) => mk.agent.weak);
  const unidentified =
    strongMarker || (weakMarker && !id.country && !id.backer) || (cls.sector === 'UAF' && !id.backer);

  if (pronoun) {
    // "its fighters", "their commanders": the pronoun's antecedent, with this head.
    const f = pronounFinding(ctx, from0, to, pronoun, headUnit);
    f.mention.agentClass = cls.id;
    f.mention.plural = PLURAL_PRONOUNS.has(pronoun.key);
    f.mention.name = s.text;
    return { findings: [f], next: to };
  }

  let m: ActorMention;
  if (unidentified) {
    const military = MILITARY_CLASSES.has(cls.id) || MILITARY_CLASSES.has(headHit.agent.id);
    const base = military ? 'Unidentified Military Forces' : 'Unidentified Armed Group';
    const name = id.country ? `${base} (${id.country.name})` : base;
    m = {
      sentence: ctx.sentence,
      ...s,
      id: `unidentified:${id.country?.iso3 ?? '-'}:${military ? 'military' : 'armed-group'}`,
      name,
      country: id.country?.iso3 ?? null,
      sector: 'UAF',
      acled: military ? 8 : 3,
      kind: 'unidentified',
      plural,
      head: headUnit.last.key,
      rule: id.markers.length > 0 ? 'unidentified:marker+agent' : 'unidentified:agent',
      agentClass: cls.id,
    };
  } else {
    const rule = id.backer
      ? 'generic:backer+agent'
      : id.countryVia === 'possessive' || id.countryVia === 'capital'
        ? 'generic:possessive+agent'
        : id.countryVia === 'of'
          ? 'generic:agent+of+country'
          : id.country
            ? 'generic:demonym+agent'
            : 'generic:agent';
    m = {
      sentence: ctx.sentence,
      ...s,
      id: genericId(id, cls.id),
      name: genericName(id, cls),
      country: id.country?.iso3 ?? null,
      sector: cls.sector,
      acled: cls.acled,
      kind: 'generic',
      plural,
      head: headUnit.last.key,
      rule,
      agentClass: cls.id,
    };
    if (id.backer) m.backer = id.backer.code;
    // "the militias", "these militias", "the ministry": may point back to an earlier actor.
    if (det && DEMONSTRATIVES.has(det)) m.anaphor = 'demonstrative';
    else if (det === 'the' && !id.country && !id.backer) m.anaphor = 'definite';
  }
  if (headHit.number === 'person') m.personal = true;
  to = absorbAcronym(ctx, to, m);
  return { findings: [{ mention: m, from: from0, to }], next: Math.max(to, headIdx + 1) };
}

// "six men", "dozens of people", "at least 11 people", "a man": people counted are the people an event concerns,
// unlike "people familiar with the matter" or "men" in general.
const COUNT_WORDS = new Set([
  ...NUMBER_WORDS,
  'dozens',
  'hundreds',
  'thousands',
  'scores',
  'several',
  'least',
  'more',
  'than',
  'about',
  'around',
  'nearly',
  'almost',
  'over',
]);
const COUNT_NOUNS = new Set(['dozens', 'hundreds', 'thousands', 'tens', 'scores', 'millions']);

function countedPeople(
  ctx: PhraseContext,
  run: readonly number[],
  headAt: number,
  headHit: AgentHit,
  det: string | null,
): boolean {
  if (headHit.agent.id !== 'people') return false;
  const { units } = ctx;
  if (headHit.number === 'person') return det === 'a' || det === 'an' || det === 'one';
  if (det !== null && COUNT_WORDS.has(det)) return true;
  for (let r = 0; r < headAt; r++) if ((units[run[r] as number] as Unit).first.pos === 'NUM') return true;
  // "dozens of people", "thousands of people".
  const first = run[0] ?? -1;
  return isWord(units[first - 1], 'of') && COUNT_NOUNS.has(units[first - 2]?.key ?? '');
}

/**
 * A unit no phrase can start at: not a determiner, not a pronoun, and not a word a phrase is made of. (For such a
 * unit `parsePhrase` reads an empty run and finds nothing; this answers the same without reading.)
 */
function opensNothing(u: Unit): boolean {
  if (isDeterminer(u) || isRunUnit(u)) return false;
  return !(u.start + 1 === u.end && PRONOUNS.has(u.key));
}

/** Finds the actor phrases of a sentence among the units people have not used. */
export function findPhrases(ctx: PhraseContext): PhraseFinding[] {
  const out: PhraseFinding[] = [];
  let i = 0;
  while (i < ctx.units.length) {
    if (ctx.consumed[i] || opensNothing(ctx.units[i] as Unit)) {
      i++;
      continue;
    }
    const { findings, next } = parsePhrase(ctx, i);
    for (const f of findings) {
      out.push(f);
      for (let k = f.from; k < f.to; k++) ctx.consumed[k] = true;
    }
    i = Math.max(next, i + 1);
  }
  coordinate(ctx, out);
  return out;
}

/** "U.S. and Iraqi forces": the bare country before "and" shares the head of the phrase after it. */
function coordinate(ctx: PhraseContext, found: PhraseFinding[]): void {
  for (let k = 0; k + 1 < found.length; k++) {
    const a = found[k] as PhraseFinding;
    const b = found[k + 1] as PhraseFinding;
    // Only an alias used as an adjective ("U.S.", "UK"): "Iran and Iraqi militias" keeps Iran a state.
    if (a.countryForm !== 'alias' || a.mention.kind !== 'state') continue;
    if (!isWord(ctx.units[a.to], 'and', 'or') || b.from !== a.to + 1) continue;
    const bm = b.mention;
    if (bm.kind !== 'generic' || !bm.agentClass) continue;
    const c = ctx.lexicon.countries.get(a.mention.country ?? '');
    // "U.S. and coalition forces": a country's share of a multinational force is its military.
    const shared = bm.country === null && bm.sector === 'MIL' ? 'military' : bm.agentClass;
    const cls = ctx.lexicon.agents.get(shared);
    if (!c || !cls) continue;
    a.mention.id = `generic:${c.iso3}:${cls.id}`;
    a.mention.name = `${c.adjectiveForm} ${cls.label}`;
    a.mention.kind = 'generic';
    a.mention.sector = cls.sector;
    a.mention.acled = cls.acled;
    a.mention.plural = bm.plural;
    a.mention.rule = 'generic:coordinated';
    a.mention.agentClass = cls.id;
  }
}
