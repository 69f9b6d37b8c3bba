// People: named in the lexicon ("Hossein Taeb", "Putin"), or a capitalised name after a title
// ("Lt. Gen. Ahmed Karimi", "militia commander Abu Ali al-Askari") or before an appositive title
// ("Sami al-Ali, a spokesman for the coalition"). The title chain before the name gives the sector, the
// organisation and the country.
import type { ActorEntry, ActorLexicon } from './lexicon.ts';
import type { ActorMention } from './mention.ts';
import { isPlain, isWord, type Unit } from './units.ts';

/** What the finder needs back: the mention and the units it used up (span, title chain, appositive). */
export interface PersonFinding {
  mention: ActorMention;
  /** Unit indices [from, to) no other rule may read. */
  consumedFrom: number;
  consumedTo: number;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her']);
// "a spokesman for the coalition", "the head of the IRGC": the preposition after an appositive title.
const TITLE_PREPOSITIONS = new Set(['for', 'of', 'at', 'with', 'in']);
// Name openers that are particles: "Abu Fadak", "Abdul-Malik", "Umm Ahmed".
const NAME_OPENERS = new Set(['abu', 'abd', 'abdul', 'abdel', 'umm', 'al', 'el', 'bin', 'ibn']);
const NAME_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'X']);
const STRUCTURAL_POS = new Set(['DET', 'ADP', 'CCONJ', 'SCONJ', 'PRON', 'AUX', 'PART', 'NUM', 'PUNCT']);

interface Context {
  units: readonly Unit[];
  lexicon: ActorLexicon;
  sentence: number;
  text: string;
  offset: number;
}

function isParticle(u: Unit, ctx: Context): boolean {
  return u.start + 1 === u.end && ctx.lexicon.cues.nameParticles.has(u.key);
}

/**
 * A capitalised word that can be part of a person's name. After a title (`loose`), wink's part of speech is not
 * trusted ("Lt. Gen. Prosper Avril": "Prosper" read as a verb); elsewhere it must say noun or name.
 */
function isNameWord(u: Unit, ctx: Context, loose = false): boolean {
  if (u.start + 1 !== u.end || u.punct || u.joiner || u.possessive) return false;
  const w = u.first;
  if (!w.cap || w.allCaps) return false;
  // "Then", "Despite": capitalised words wink reads as something other than a name.
  if (!(loose ? !STRUCTURAL_POS.has(w.pos) : NAME_POS.has(w.pos))) return false;
  if (ctx.lexicon.cues.notNames.has(u.key)) return false;
  // A surname from the lexicon may sit in an unknown full name ("Gen. Mark Milley"); other readings may not.
  return isPlain(u) || (u.surnameIds !== undefined && !u.entry && !u.country && !u.capital && !u.agent);
}

/** A word the lexicon knows only as a title ("King", "Major"), which can also be a surname. */
function onlyTitle(u: Unit): boolean {
  return (
    u.title !== undefined &&
    !u.entry &&
    !u.person &&
    !u.surnameIds &&
    !u.country &&
    !u.capital &&
    !u.event &&
    !u.marker &&
    !u.backer &&
    !u.modifier
  );
}

/** End (exclusive unit index) of a name starting at `i`, or `i` when there is none. Needs a non-particle word. */
export function readName(i: number, ctx: Context, loose = false): number {
  const { units } = ctx;
  let j = i;
  let end = i;
  let words = 0;
  while (j < units.length && words < 6) {
    const u = units[j] as Unit;
    if (u.joiner) {
      const next = units[j + 1];
      if (words > 0 && next && (isNameWord(next, ctx, loose) || isParticle(next, ctx))) {
        j++;
        continue;
      }
      break;
    }
    const particle =
      isParticle(u, ctx) || (words === 0 && u.start + 1 === u.end && NAME_OPENERS.has(u.key) && u.first.cap);
    if (particle && (words > 0 || u.first.cap)) {
      words++;
      j++;
      continue;
    }
    if (isNameWord(u, ctx, loose)) {
      words++;
      j++;
      end = j;
      continue;
    }
    // "Defence Secretary Tom King", "John Major": a title word can end a name that has begun.
    const next = units[j + 1];
    if (words > 0 && onlyTitle(u) && u.first.cap && u.start + 1 === u.end && !(next && isNameWord(next, ctx, loose))) {
      words++;
      j++;
      end = j;
    }
    break;
  }
  return end;
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘`ʼ]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function spanText(ctx: Context, from: number, to: number): { start: number; end: number; text: string } {
  const a = ctx.units[from] as Unit;
  const b = ctx.units[to - 1] as Unit;
  const start = a.first.start;
  const end = b.last.end;
  return { start, end, text: ctx.text.slice(start - ctx.offset, end - ctx.offset) };
}

interface ChainInfo {
  /** First unit of the span (capitalised titles and a country adjective before them). */
  spanFrom: number;
  /** First unit of the title chain (lower-case titles and agent nouns: consumed, outside the span). */
  chainFrom: number;
  titleId: string | null;
  titleSector: string | null;
  titleAcled: number | null;
  rankSector: string | null;
  agentSector: string | null;
  agentAcled: number | null;
  org: ActorEntry | null;
  country: string | null;
}

/** Reads the titles and organisation before a name: "the army's chief of staff Lt. Gen. Ahmed Karimi". */
function readChain(nameFrom: number, ctx: Context): ChainInfo {
  const { units } = ctx;
  const info: ChainInfo = {
    spanFrom: nameFrom,
    chainFrom: nameFrom,
    titleId: null,
    titleSector: null,
    titleAcled: null,
    rankSector: null,
    agentSector: null,
    agentAcled: null,
    org: null,
    country: null,
  };
  // The title that says most: "Supreme Leader" over "Ayatollah", "Prime Minister" over "Mr."
  let weakTitle: string | null = null;
  const noteTitle = (u: Unit): void => {
    const t = u.title;
    if (!t) return;
    const strong = t.agent.sector !== null && t.agent.sector !== 'REL';
    if (t.agent.rank) {
      info.rankSector ??= t.agent.sector;
      if (t.agent.id !== 'honorific') info.titleId ??= t.agent.id;
    } else {
      if (strong) info.titleId ??= t.agent.id;
      else weakTitle ??= t.agent.id;
      if (t.agent.sector && !info.titleSector) {
        info.titleSector = t.agent.sector;
        info.titleAcled = t.agent.acled;
      }
    }
  };
  let k = nameFrom - 1;
  // "Afghan Supreme Leader Mullah", "Brig. Gen.": capitalised titles belong to the span.
  while (k >= 0 && (units[k] as Unit).title && (units[k] as Unit).first.cap) {
    noteTitle(units[k] as Unit);
    k--;
  }
  if (k < nameFrom - 1) {
    const before = units[k];
    // "Russian President", "U.S. Secretary of State"
    if (before?.country && before.country.form !== 'people') {
      info.country = before.country.iso3;
      k--;
    }
    info.spanFrom = k + 1;
  }
  info.chainFrom = info.spanFrom;
  // "intelligence chief", "senior militia commander", "chief of staff": lower-case titles and agent nouns.
  while (k >= 0) {
    const u = units[k] as Unit;
    if (u.title && !u.first.cap) noteTitle(u);
    else if (u.agent && !u.entry && !u.country) {
      if (u.agent.agent.sector && !info.agentSector) {
        info.agentSector = u.agent.agent.sector;
        info.agentAcled = u.agent.agent.acled;
      }
    } else if (!(u.modifier || (u.first.pos === 'ADJ' && isPlain(u)))) break;
    info.chainFrom = k;
    k--;
  }
  // Further left, not consumed: the organisation or country the title belongs to ("IRGC Aerospace
  // Force commander", "the army's chief of staff", "Iran's former navy commander").
  for (let steps = 0; k >= 0 && steps < 8; steps++, k--) {
    const u = units[k] as Unit;
    if (u.possessive || isWord(u, 'the', '(', ')') || u.first.allCaps) {
      if (u.entry) info.org ??= u.entry;
      continue;
    }
    if (u.entry) {
      info.org ??= u.entry;
      info.country ??= u.entry.country;
      continue;
    }
    if (u.country && u.country.form !== 'people') {
      info.country ??= u.country.iso3;
      continue;
    }
    if (u.capital) {
      info.country ??= u.capital.iso3;
      continue;
    }
    if (u.agent && !info.agentSector) {
      info.agentSector = u.agent.agent.sector;
      info.agentAcled = u.agent.agent.acled;
      continue;
    }
    if (u.modifier || u.first.pos === 'ADJ') continue;
    break;
  }
  info.titleId ??= weakTitle;
  return info;
}

interface Appositive {
  to: number;
  titleId: string | null;
  sector: string | null;
  acled: number | null;
  org: ActorEntry | null;
  country: string | null;
}

/** ", a spokesman for the coalition," after a name: consumed up to the title (the organisation is its own mention). */
function readAppositive(nameTo: number, ctx: Context): Appositive | null {
  const { units } = ctx;
  if (!isWord(units[nameTo], ',')) return null;
  let j = nameTo + 1;
  if (units[j] && DETERMINERS.has((units[j] as Unit).key)) j++;
  let titleAt = -1;
  let org: ActorEntry | null = null;
  let country: string | null = null;
  let agentSector: string | null = null;
  let agentAcled: number | null = null;
  for (let steps = 0; j < units.length && steps < 6; steps++, j++) {
    const u = units[j] as Unit;
    if (u.title && !u.title.agent.rank) {
      titleAt = j;
      break;
    }
    if (u.entry) org ??= u.entry;
    else if (u.country) country ??= u.country.iso3;
    else if (u.agent) {
      agentSector ??= u.agent.agent.sector;
      agentAcled ??= u.agent.agent.acled;
    } else if (!(u.possessive || u.modifier || u.first.pos === 'ADJ' || isWord(u, 'the'))) return null;
  }
  if (titleAt < 0) return null;
  const title = (units[titleAt] as Unit).title;
  if (!title) return null;
  // ", a spokesman for the coalition": the organisation after the preposition.
  const prep = units[titleAt + 1];
  if (prep && TITLE_PREPOSITIONS.has(prep.key)) {
    for (let q = titleAt + 2; q < Math.min(units.length, titleAt + 6); q++) {
      const u = units[q] as Unit;
      if (u.entry) {
        org ??= u.entry;
        break;
      }
      if (u.country) {
        country ??= u.country.iso3;
        break;
      }
      if (u.agent) {
        agentSector ??= u.agent.agent.sector;
        agentAcled ??= u.agent.agent.acled;
        break;
      }
      if (u.punct) break;
    }
  }
  return {
    to: titleAt + 1,
    country: country ?? org?.country ?? null,
    titleId: title.agent.id,
    sector: title.agent.sector ?? agentSector ?? org?.sector ?? null,
    acled: title.agent.acled ?? agentAcled ?? org?.acled ?? null,
    org,
  };
}

function personFromEntry(
  entry: ActorEntry,
  rule: string,
): Omit<ActorMention, 'sentence' | 'start' | 'end' | 'text' | 'head'> {
  return {
    id: entry.id,
    name: entry.name,
    country: entry.country,
    sector: entry.sector,
    acled: entry.acled,
    kind: 'person',
    plural: false,
    rule,
    personal: true,
  };
}

/** Finds the people of a sentence. */
export function findPeople(
  units: readonly Unit[],
  lexicon: ActorLexicon,
  sentence: number,
  text: string,
  offset: number,
): PersonFinding[] {
  const ctx: Context = { units, lexicon, sentence, text, offset };
  const found: PersonFinding[] = [];
  let i = 0;
  while (i < units.length) {
    const u = units[i] as Unit;
    let nameFrom = -1;
    let nameTo = -1;
    let entry: ActorEntry | null = null;
    let rule = '';
    let ambiguous: readonly string[] | null = null;
    // Where the title chain is read from: the name, or the comma after "spokesman, Abu Ali al-Askari,".
    let chainAt = -1;
    if (u.person) {
      // "Hakan Fidan", "Vladimir Putin"
      nameFrom = i;
      nameTo = i + 1;
      entry = u.person;
      rule = `lexicon:${entry.id}`;
    } else if (
      u.surnameIds &&
      isNameWord(u, ctx) &&
      !(units[i - 1] && isNameWord(units[i - 1] as Unit, ctx)) &&
      !(units[i - 1] && lexicon.cues.locative.has((units[i - 1] as Unit).key))
    ) {
      // ("near Kobani" is a place even if a lexicon alias ends in that word.)
      // "Burns met ...": a lexicon surname alone. An unknown first name before it is read by the title rule.
      const ids = u.surnameIds;
      nameFrom = i;
      nameTo = i + 1;
      if (ids.length === 1) {
        entry = lexicon.entries.get(ids[0] as string) ?? null;
        rule = `lexicon-surname:${ids[0]}`;
      } else {
        ambiguous = ids;
        rule = 'surname:ambiguous';
      }
    } else if (u.title && i + 1 < units.length) {
      // "Lt. Gen. Ahmed Karimi", "militia commander Abu Ali al-Askari", "President Joe Biden",
      // and "the militia's spokesman, Abu Ali al-Askari, said" (the name set off by commas).
      const commaName = isWord(units[i + 1], ',') && !u.title.agent.rank;
      const from = commaName ? i + 2 : i + 1;
      const end = readName(from, ctx, true);
      const closed = !commaName || isWord(units[end], ',', '.', ';') || end === units.length;
      if (end > from && closed && (units[end - 1] as Unit).person === undefined) {
        nameFrom = from;
        nameTo = end;
        rule = commaName ? 'title,name' : 'title+name';
        if (commaName) chainAt = i + 1;
        const last = units[end - 1] as Unit;
        if (last.surnameIds?.length === 1) {
          entry = lexicon.entries.get(last.surnameIds[0] as string) ?? null;
          if (entry) rule = `lexicon-surname:${entry.id}`;
        }
      }
    } else if (isNameWord(u, ctx) && !units[i - 1]?.title) {
      // "Sami al-Ali, a spokesman for the coalition, said"
      const end = readName(i, ctx);
      const nameWords = units.slice(i, end).filter((x) => !x.joiner && !isParticle(x, ctx)).length;
      const last = units[end - 1];
      if (nameWords >= 2 && last?.surnameIds?.length === 1) {
        // "Mark Milley said": an unknown first name before a lexicon surname.
        entry = lexicon.entries.get(last.surnameIds[0] as string) ?? null;
        nameFrom = i;
        nameTo = end;
        rule = `lexicon-surname:${entry?.id ?? ''}`;
      } else if (nameWords >= 2 && readAppositive(end, ctx)) {
        nameFrom = i;
        nameTo = end;
        rule = 'name+appositive';
      } else if (end > i) {
        i = end;
        continue;
      }
    }
    if (nameFrom < 0) {
      i++;
      continue;
    }
    const chain = readChain(chainAt >= 0 ? chainAt : nameFrom, ctx);
    if (chainAt >= 0) chain.spanFrom = nameFrom;
    // "Iraq's Prime Minister ...": the possessive country belongs to the person, not a mention of its own.
    let consumedFrom = chain.chainFrom;
    const owner = units[consumedFrom - 2];
    if (units[consumedFrom - 1]?.possessive && owner?.country && owner.country.form !== 'people') {
      consumedFrom -= 2;
      chain.country ??= owner.country.iso3;
    }
    const apposition = readAppositive(nameTo, ctx);
    const span = spanText(ctx, chain.spanFrom, nameTo);
    const nameSpan = spanText(ctx, nameFrom, nameTo);
    const headUnit = units[nameTo - 1] as Unit;
    const base = {
      sentence,
      start: span.start,
      end: span.end,
      text: span.text,
      head: headUnit.last.key,
    };
    let mention: ActorMention;
    if (entry) {
      mention = { ...base, ...personFromEntry(entry, rule) };
    } else if (ambiguous) {
      mention = {
        ...base,
        id: null,
        name: nameSpan.text,
        country: null,
        sector: null,
        acled: null,
        kind: 'reference',
        plural: false,
        rule,
        anaphor: 'surname',
        personal: true,
      };
    } else {
      const org = chain.org ?? apposition?.org ?? null;
      // The most specific source of a sector wins, and the ACLED type comes from the same source:
      // "intelligence chief" (the agent noun), "chief of staff" (the title), "Col." (the rank), the appositive, the body.
      const sources: Array<[string | null, number | null]> = [
        [chain.agentSector, chain.agentAcled],
        [chain.titleSector, chain.titleAcled],
        [chain.rankSector, chain.rankSector ? 1 : null],
        [apposition?.sector ?? null, apposition?.acled ?? null],
        [org?.sector ?? null, org?.acled ?? null],
      ];
      const [sector, acledFound] = sources.find(([s]) => s !== null) ?? [null, null];
      const acled = sector === 'REB' || sector === 'PRM' ? (org?.acled ?? acledFound) : acledFound;
      const nameText = nameSpan.text.replace(/['’]s$/, '');
      mention = {
        ...base,
        id: `person:${slug(nameText)}`,
        name: nameText,
        country: chain.country ?? org?.country ?? apposition?.country ?? null,
        sector,
        acled,
        kind: 'person',
        plural: false,
        rule,
        personal: true,
      };
    }
    const titleId = chain.titleId ?? apposition?.titleId ?? null;
    if (titleId) mention.title = titleId;
    const org = chain.org ?? apposition?.org ?? null;
    if (org) mention.org = org.id;
    const consumedTo = apposition ? apposition.to : nameTo;
    found.push({ mention, consumedFrom, consumedTo });
    i = Math.max(nameTo, i + 1);
  }
  return found;
}
