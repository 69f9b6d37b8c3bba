// A sentence read as units: each lexicon phrase found (longest first, left to right) is one unit; every other
// word is a unit of its own. Each unit carries what the lexicon says about it, sorted by use.
import type { ActorEntry, ActorLexicon, AgentEntry, AgentNumber, CountryForm } from './lexicon.ts';
import { matchAt } from './lexicon.ts';
import { opensPhrase, type Word } from './words.ts';

export interface AgentHit {
  agent: AgentEntry;
  number: AgentNumber;
}

export interface Unit {
  /** Word indices [start, end). */
  start: number;
  end: number;
  first: Word;
  last: Word;
  /** Lower-case key of a one-word unit, the keys joined by spaces otherwise. */
  key: string;
  joiner: boolean;
  punct: boolean;
  possessive: boolean;
  // (Every unit is made with all of these, undefined when the lexicon says nothing: one object shape for all.)
  entry?: ActorEntry | undefined;
  person?: ActorEntry | undefined;
  surnameIds?: readonly string[] | undefined;
  country?: { iso3: string; form: CountryForm } | undefined;
  capital?: { iso3: string; metonym: boolean } | undefined;
  /** A head noun (role agent, or a title that may stand alone: "the president"). */
  agent?: AgentHit | undefined;
  title?: AgentHit | undefined;
  event?: AgentHit | undefined;
  marker?: AgentHit | undefined;
  backer?: AgentHit | undefined;
  modifier?: AgentHit | undefined;
}

const NO_HITS: readonly never[] = [];

/** Cuts the words into units, looking each phrase up once. */
export function readUnits(words: readonly Word[], lexicon: ActorLexicon): Unit[] {
  const units: Unit[] = [];
  let i = 0;
  while (i < words.length) {
    const w = words[i] as Word;
    const m =
      w.joiner || w.punct || w.possessive || !opensPhrase(w, lexicon.root.next) ? null : matchAt(words, i, lexicon);
    const end = m ? m.end : i + 1;
    const unit: Unit = {
      start: i,
      end,
      first: w,
      last: words[end - 1] as Word,
      key: unitKey(words, i, end),
      joiner: w.joiner,
      punct: w.punct,
      possessive: w.possessive,
      entry: undefined,
      person: undefined,
      surnameIds: undefined,
      country: undefined,
      capital: undefined,
      agent: undefined,
      title: undefined,
      event: undefined,
      marker: undefined,
      backer: undefined,
      modifier: undefined,
    };
    for (const hit of m ? m.hits : NO_HITS) {
      switch (hit.type) {
        case 'entry': {
          const e = lexicon.entries.get(hit.id);
          if (!e) break;
          if (e.kind === 'person') unit.person ??= e;
          else unit.entry ??= e;
          break;
        }
        case 'surname':
          unit.surnameIds ??= hit.ids;
          break;
        case 'country':
          unit.country ??= { iso3: hit.iso3, form: hit.form };
          break;
        case 'capital':
          unit.capital ??= { iso3: hit.iso3, metonym: hit.metonym };
          break;
        case 'agent': {
          const a: AgentHit = { agent: hit.agent, number: hit.number };
          const role = hit.agent.role ?? 'agent';
          if (role === 'agent') {
            unit.agent ??= a;
            // A person noun can title a name: "negotiator Saeb Erakat", "journalist Ahmed Saleh".
            if (hit.number === 'person') unit.title ??= a;
          } else if (role === 'title') {
            unit.title ??= a;
            if (!hit.agent.rank) unit.agent ??= a;
          } else if (role === 'event') unit.event ??= a;
          else if (role === 'unidentified') unit.marker ??= a;
          else if (role === 'backer') unit.backer ??= a;
          else if (role === 'modifier') unit.modifier ??= a;
          break;
        }
      }
    }
    units.push(unit);
    i = end;
  }
  return units;
}

/** The keys of words [start, end), joining hyphens left out, joined by spaces. */
function unitKey(words: readonly Word[], start: number, end: number): string {
  if (end === start + 1) {
    const w = words[start] as Word;
    return w.joiner ? '' : w.key;
  }
  let key = '';
  let any = false;
  for (let k = start; k < end; k++) {
    const x = words[k] as Word;
    if (x.joiner) continue;
    key = any ? `${key} ${x.key}` : x.key;
    any = true;
  }
  return key;
}

/** The unit has no lexicon reading at all. */
export function isPlain(u: Unit): boolean {
  return (
    !u.entry &&
    !u.person &&
    !u.surnameIds &&
    !u.country &&
    !u.capital &&
    !u.agent &&
    !u.title &&
    !u.event &&
    !u.marker &&
    !u.backer &&
    !u.modifier
  );
}

/** The unit is one word with this key. */
export function isWord(u: Unit | undefined, ...keys: string[]): boolean {
  return u !== undefined && u.start + 1 === u.end && keys.includes(u.key);
}
