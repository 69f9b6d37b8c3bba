// Organisations the lexicon does not know, introduced with their acronym:
// "the Sudan Liberation Front (SLF)", "the Iraqi Security Forces (ISF)". The acronym later names them alone
// (resolved by coreference).
import type { ActorMention } from './mention.ts';
import type { PhraseContext, PhraseFinding } from './phrases.ts';
import { isWord, type Unit } from './units.ts';
import type { Word } from './words.ts';

// Lower-case words inside a name that give no letter to its acronym.
const FUNCTION_WORDS = new Set([
  'of',
  'for',
  'the',
  'and',
  'al',
  'el',
  'wal',
  'in',
  'on',
  'de',
  'des',
  'du',
  'la',
  'le',
  'to',
  'ul',
]);
// Words that make an unknown named organisation an armed group: "Liberation", "Resistance", "Brigades".
const ARMED_WORDS = new Set([
  'liberation',
  'resistance',
  'revolutionary',
  'front',
  'movement',
  'jihad',
  'mujahideen',
  'insurgent',
  'rebel',
  'rebels',
  'brigade',
  'brigades',
  'battalion',
  'battalions',
  'militia',
  'militias',
  'mobilisation',
  'mobilization',
  'defenders',
  'fighters',
  'martyrs',
  'jaish',
  'kataib',
  'saraya',
  'liwa',
  'harakat',
  'ansar',
  'jabhat',
]);

const NOT_BODIES = new Set([
  'agreement',
  'treaty',
  'accord',
  'accords',
  'convention',
  'act',
  'law',
  'plan',
  'programme',
  'program',
  'initiative',
  'summit',
  'conference',
  'zone',
  'area',
  'index',
  'protocol',
  'resolution',
  'charter',
  'declaration',
  'framework',
  'facility',
  'facilities',
  'plant',
  'reactor',
  'system',
  'missile',
  'project',
  'operation',
]);

export interface AcronymContext extends PhraseContext {
  words: readonly Word[];
}

function unitAtWord(units: readonly Unit[], w: number): number {
  for (let u = 0; u < units.length; u++) {
    const unit = units[u] as Unit;
    if (unit.start <= w && w < unit.end) return u;
  }
  return -1;
}

/** Finds "Name Of Organisation (NOO)" patterns whose name the lexicon does not hold. */
export function findAcronymOrganisations(ctx: AcronymContext): PhraseFinding[] {
  const { units, words, consumed } = ctx;
  const out: PhraseFinding[] = [];
  for (let c = 1; c + 2 < units.length; c++) {
    const acr = units[c + 1] as Unit;
    // (the cheap tests first: most words are not an all-capital word between parentheses)
    if (!acr.first.allCaps || acr.start + 1 !== acr.end || !isWord(units[c], '(') || !isWord(units[c + 2], ')'))
      continue;
    const before = units[c - 1] as Unit;
    // A lexicon name or a generic phrase before the parenthesis keeps it ("Islamic Revolutionary Guard Corps (IRGC)").
    if (before.entry || before.person || consumed[c - 1]) continue;
    const letters = acr.first.folded.replace(/[^A-Za-z]/g, '').toUpperCase();
    if (letters.length < 2) continue;
    // Words of the name, right to left.
    const name: number[] = [];
    for (let w = (units[c] as Unit).start - 1; w >= 0 && name.length < letters.length + 6; w--) {
      const word = words[w] as Word;
      if (word.joiner) continue;
      if (word.cap || FUNCTION_WORDS.has(word.key)) name.unshift(w);
      else break;
    }
    let best = -1;
    for (let s = 0; s < name.length; s++) {
      const first = words[name[s] as number] as Word;
      if (!first.cap || FUNCTION_WORDS.has(first.key)) continue;
      const initials = name
        .slice(s)
        .map((w) => words[w] as Word)
        .filter((w) => w.cap && !FUNCTION_WORDS.has(w.key))
        .map((w) => (w.folded[0] ?? '').toUpperCase())
        .join('');
      if (initials === letters) {
        best = s;
        break;
      }
    }
    if (best < 0) continue;
    // "the Central American Free Trade Agreement (CAFTA)": agreements, laws and meetings are not actors.
    if (NOT_BODIES.has((words[name[name.length - 1] as number] as Word).key)) continue;
    const fromUnit = unitAtWord(units, name[best] as number);
    if (fromUnit < 0 || units.slice(fromUnit, c).some((u, k) => consumed[fromUnit + k] || u.entry)) continue;
    const nameUnits = units.slice(fromUnit, c);
    const start = (units[fromUnit] as Unit).first.start;
    const end = before.last.end;
    const text = ctx.text.slice(start - ctx.offset, end - ctx.offset);
    const keys = name.slice(best).map((w) => (words[w] as Word).key);
    const armed = keys.some((k) => ARMED_WORDS.has(k));
    // "Forces", "Council": the name's last agent noun gives the sector ("Facilities" does not: it names a place).
    const head = [...nameUnits].reverse().find((u) => u.agent && !u.agent.agent.needsModifier);
    const countryUnit = nameUnits.find((u) => u.country && u.country.form !== 'people');
    const sector = armed ? 'REB' : (head?.agent?.agent.sector ?? null);
    const acled = armed ? 2 : (head?.agent?.agent.acled ?? null);
    const m: ActorMention = {
      sentence: ctx.sentence,
      start,
      end,
      text,
      id: `org:${letters.toLowerCase()}`,
      name: text.replace(/^the\s+/i, ''),
      country: countryUnit?.country?.iso3 ?? null,
      sector,
      acled,
      kind: armed ? 'armed-group' : 'organisation',
      plural: false,
      head: before.last.key,
      rule: 'name+acronym',
      acronym: acr.first.folded,
    };
    out.push({ mention: m, from: fromUnit, to: c + 3 });
    for (let k = fromUnit; k < c + 3; k++) consumed[k] = true;
  }
  return out;
}
