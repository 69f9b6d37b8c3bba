// A large synthetic store for the query benchmark: invented documents and event records, shaped like a real
// store's — a long tail of actors, skewed event types, day-precise dates over five years with some week and month
// ranges and a few undated events, places with coordinates in a few dozen countries, documents of a few events
// each with words for the full-text index. Every word, name and outlet is made up here from syllables (nothing is
// read from any corpus), and a seeded generator makes the same store every time.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { PLOVER, PLOVER_TYPES, type PloverType } from '../src/core/ontology/plover.ts';
import { type Actor, type EventRecord, EventRecordSchema } from '../src/core/record.ts';
import { contentHash } from '../src/ingest/document.ts';
import { openStore } from '../src/store/open.ts';

/** Bump when the generated data changes, so an old file is not reused. */
export const GENERATOR_VERSION = 1;

/** mulberry32: small, fast, seeded. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks index i of n with probability ∝ 1 / (i + 1)^s: a Zipf long tail. */
function zipf(n: number, s: number): (rand: () => number) => number {
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += 1 / (i + 1) ** s;
    cumulative.push(total);
  }
  return (rand) => {
    const x = rand() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const SYLLABLES =
  'ka ro mi ta ven dul as or bel qu ith zan mer lo sa fen tur gal na rek vi shar om el dra hun pe'.split(' ');

function inventWord(rand: () => number, syllables: number): string {
  let word = '';
  for (let i = 0; i < syllables; i++) word += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return word;
}

const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** ISO3 codes with a rough centre (codes and coordinates are facts, not anyone's text). */
const COUNTRIES: readonly [string, number, number][] = [
  ['IRQ', 33.2, 43.7],
  ['SYR', 35.0, 38.5],
  ['YEM', 15.6, 48.0],
  ['UKR', 49.0, 31.4],
  ['RUS', 55.7, 37.6],
  ['ISR', 31.4, 35.0],
  ['PSE', 31.9, 35.2],
  ['LBN', 33.9, 35.9],
  ['IRN', 32.4, 53.7],
  ['AFG', 33.9, 67.7],
  ['PAK', 30.4, 69.3],
  ['IND', 22.0, 79.0],
  ['MMR', 21.9, 95.9],
  ['NGA', 9.1, 8.7],
  ['MLI', 17.6, -4.0],
  ['BFA', 12.2, -1.6],
  ['NER', 17.6, 8.1],
  ['SDN', 12.9, 30.2],
  ['SSD', 7.9, 30.0],
  ['ETH', 9.1, 40.5],
  ['SOM', 5.2, 46.2],
  ['COD', -4.0, 21.8],
  ['CAF', 6.6, 20.9],
  ['MOZ', -18.7, 35.5],
  ['LBY', 26.3, 17.2],
  ['EGY', 26.8, 30.8],
  ['TUR', 39.0, 35.2],
  ['COL', 4.6, -74.3],
  ['MEX', 23.6, -102.6],
  ['VEN', 6.4, -66.6],
  ['HTI', 19.0, -72.3],
  ['BRA', -14.2, -51.9],
  ['PHL', 12.9, 121.8],
  ['THA', 15.9, 100.9],
  ['USA', 38.0, -97.0],
  ['FRA', 46.2, 2.2],
  ['GBR', 55.4, -3.4],
  ['DEU', 51.2, 10.5],
  ['CHN', 35.9, 104.2],
  ['FJI', -17.7, 178.1],
];

const SECTORS = ['MIL', 'COP', 'GOV', 'REB', 'PRM', 'CVL', 'OPP', 'PTY', 'JRN', 'UAF'] as const;
const ACTOR_NOUNS = ['Front', 'Army', 'Police', 'Movement', 'Brigades', 'Council', 'Party', 'Guard', 'Forces', 'Union'];
const GENERIC_AGENTS = ['gunmen', 'militants', 'protesters', 'unidentified attackers', 'security forces', 'rioters'];
const OUTLET_COUNT = 80;
const PLACE_COUNT = 3000;
const ACTOR_COUNT = 500;
const VOCABULARY = 6000;

interface Vocabulary {
  words: string[];
  word: (rand: () => number) => string;
  actors: { id: string; name: string; country: string; sector: string; short: string }[];
  actor: (rand: () => number) => number;
  places: { name: string; country: string; admin1: string; lat: number; lon: number }[];
  place: (rand: () => number) => number;
  outlets: string[];
  outlet: (rand: () => number) => number;
  type: (rand: () => number) => number;
  types: PloverType[];
}

function vocabulary(rand: () => number): Vocabulary {
  const words = Array.from({ length: VOCABULARY }, () => inventWord(rand, 2 + Math.floor(rand() * 2)));
  const countryPick = zipf(COUNTRIES.length, 1.0);
  const actors = Array.from({ length: ACTOR_COUNT }, (_, i) => {
    const [country] = COUNTRIES[countryPick(rand)] as [string, number, number];
    const short = capital(inventWord(rand, 2 + Math.floor(rand() * 2)));
    const noun = ACTOR_NOUNS[Math.floor(rand() * ACTOR_NOUNS.length)] as string;
    return {
      id: `bench:${i}`,
      name: `${short} ${noun}`,
      country,
      sector: SECTORS[Math.floor(rand() * SECTORS.length)] as string,
      short,
    };
  });
  const places = Array.from({ length: PLACE_COUNT }, () => {
    const [country, lat, lon] = COUNTRIES[countryPick(rand)] as [string, number, number];
    // Within a few degrees of the centre, clamped to the globe.
    const pLat = Math.max(-89, Math.min(89, lat + (rand() - 0.5) * 6));
    let pLon = lon + (rand() - 0.5) * 6;
    if (pLon > 180) pLon -= 360;
    if (pLon < -180) pLon += 360;
    return {
      name: capital(inventWord(rand, 2 + Math.floor(rand() * 2))),
      country,
      admin1: `${capital(inventWord(rand, 2))} Province`,
      lat: Math.round(pLat * 1e4) / 1e4,
      lon: Math.round(pLon * 1e4) / 1e4,
    };
  });
  const outlets = Array.from({ length: OUTLET_COUNT }, () => `${capital(inventWord(rand, 2))} ${capital('news')}`);
  // Conflict-heavy, as conflict reporting is: ASSAULT first, then the others in a long tail.
  const types: PloverType[] = ['ASSAULT', ...PLOVER_TYPES.filter((t) => t !== 'ASSAULT')];
  return {
    words,
    word: (
      (pick) => (r: () => number) =>
        words[pick(r)] as string
    )(zipf(VOCABULARY, 1.05)),
    actors,
    actor: zipf(ACTOR_COUNT, 1.1),
    places,
    place: zipf(PLACE_COUNT, 0.9),
    outlets,
    outlet: zipf(OUTLET_COUNT, 1.0),
    type: zipf(types.length, 1.2),
    types,
  };
}

function sentence(v: Vocabulary, rand: () => number, extra: string[]): string {
  const n = 8 + Math.floor(rand() * 12);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(v.word(rand));
  for (const word of extra) words.splice(Math.floor(rand() * words.length), 0, word);
  return `${capital(words.join(' '))}.`;
}

const DAY_MS = 86_400_000;
const START = Date.UTC(2020, 0, 1);
const DAYS = 5 * 365;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function party(v: Vocabulary, rand: () => number): Actor {
  if (rand() < 0.15) {
    const text = GENERIC_AGENTS[Math.floor(rand() * GENERIC_AGENTS.length)] as string;
    return {
      text,
      name: text,
      id: null,
      country: null,
      sector: null,
      acled: null,
      kind: 'generic',
      span: { start: 0, end: text.length },
      refersTo: null,
    };
  }
  const a = v.actors[v.actor(rand)] as Vocabulary['actors'][number];
  const text = rand() < 0.5 ? a.name : `the ${a.short} fighters`;
  return {
    text,
    name: a.name,
    id: a.id,
    country: a.country,
    sector: a.sector,
    acled: 2,
    kind: 'organisation',
    span: { start: 0, end: text.length },
    refersTo: null,
  };
}

export interface GeneratedDocument {
  document: {
    id: string;
    url: string;
    outlet: string;
    title: string;
    published: string;
    contentHash: string;
    text: string;
    source: string;
    format: string;
  };
  events: EventRecord[];
}

/** Document number `n` of the synthetic store, with its events (1 to 6, three on average). */
export function generateDocument(v: Vocabulary, rand: () => number, n: number): GeneratedDocument {
  const id = `synth-${n}`;
  const day = Math.floor(rand() * DAYS);
  const published = isoDay(START + (day + 1) * DAY_MS);
  const outlet = v.outlets[v.outlet(rand)] as string;
  const count = 1 + Math.floor(rand() * 3) + Math.floor(rand() * 3);
  const sentences: string[] = [];
  const events: EventRecord[] = [];
  for (let i = 0; i < count; i++) {
    const type = v.types[v.type(rand)] as PloverType;
    const modes = Object.keys(PLOVER[type].modes);
    const mode = modes.length > 0 && rand() < 0.6 ? (modes[Math.floor(rand() * modes.length)] as string) : null;
    const actor = [party(v, rand)];
    const recipient = rand() < 0.7 ? [party(v, rand)] : [];
    const placeIndex = v.place(rand);
    const where = v.places[placeIndex] as Vocabulary['places'][number];
    const placed = rand() < 0.9;
    const roll = rand();
    const startDay = day - Math.floor(rand() * 3);
    const span = roll < 0.85 ? 0 : roll < 0.95 ? 6 : 29;
    const dated = rand() < 0.97;
    const text = sentence(v, rand, [actor[0]?.text ?? '', where.name]);
    const offset = sentences.join(' ').length + (sentences.length > 0 ? 1 : 0);
    sentences.push(text);
    const killed = type === 'ASSAULT' && rand() < 0.5 ? Math.floor(rand() * 20) : null;
    events.push({
      id: `${id}:e${i}`,
      document: id,
      type,
      mode,
      context: [],
      intensity: PLOVER[type].intensity,
      quad: PLOVER[type].quad,
      cameo: { root: '19', goldstein: -10 },
      acled: null,
      actor,
      recipient,
      date: dated
        ? {
            start: isoDay(START + startDay * DAY_MS),
            end: isoDay(START + (startDay + span) * DAY_MS),
            precision: span === 0 ? 'day' : span === 6 ? 'week' : 'month',
            text: span === 0 ? 'on Tuesday' : span === 6 ? 'last week' : 'this month',
            basis: 'explicit',
            span: null,
          }
        : null,
      place: placed
        ? {
            text: `near ${where.name}`,
            name: where.name,
            feature: 'town',
            country: where.country,
            countries: [where.country],
            admin1: where.admin1,
            lat: where.lat,
            lon: where.lon,
            precision: rand() < 0.7 ? 1 : 2,
            span: null,
          }
        : null,
      count: null,
      killed: killed === null ? null : { min: killed, max: killed },
      injured: null,
      victims: [],
      claim: {
        status: rand() < 0.8 ? 'reported' : 'claimed',
        via: [outlet],
        sources: rand() < 0.6 ? [{ text: 'officials', anonymous: rand() < 0.5, count: 1, kind: 'official' }] : [],
      },
      modality: 'asserted',
      links: [],
      evidence: [{ sentence: i, start: offset, end: offset + text.length, text, trigger: null }],
      provenance: { extractor: 'bench', fields: { type: 'synthetic' } },
      confidence: Math.round(rand() * 100) / 100,
    });
  }
  for (let i = 0; i < 3; i++) sentences.push(sentence(v, rand, []));
  const text = sentences.join(' ');
  return {
    document: {
      id,
      url: `https://news.example/${n}`,
      outlet,
      title: capital(`${v.word(rand)} ${v.word(rand)} ${v.word(rand)}`),
      published,
      contentHash: contentHash(text),
      text,
      source: `synthetic/${n}`,
      format: 'text',
    },
    events,
  };
}

export interface SyntheticStore {
  path: string;
  /** The store's invented names, for choosing filters that match. */
  vocabulary: Vocabulary;
  generatedNow: boolean;
}

/**
 * The store at `path` with at least `events` events, generated when missing (a finished file is marked by a
 * `.done` file beside it, so an interrupted run starts again). Every record is checked against the schema.
 */
export function syntheticStore(path: string, events: number, log: (line: string) => void = () => {}): SyntheticStore {
  const v = vocabulary(random(1));
  const marker = `${path}.done`;
  const expected = `${GENERATOR_VERSION}:${events}`;
  if (existsSync(path) && existsSync(marker) && readFileSync(marker, 'utf8').trim() === expected)
    return { path, vocabulary: v, generatedNow: false };
  for (const file of [path, `${path}-wal`, `${path}-shm`, marker]) rmSync(file, { force: true });
  const partial = `${path}.partial`;
  for (const file of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(file, { force: true });
  const store = openStore(partial);
  const rand = random(42);
  let made = 0;
  let n = 0;
  const started = Date.now();
  try {
    while (made < events) {
      const { document, events: records } = generateDocument(v, rand, n++);
      const kept = records.slice(0, events - made);
      for (const record of kept) EventRecordSchema.parse(record);
      store.putDocument(document, kept);
      made += kept.length;
      if (n % 20_000 === 0) {
        const seconds = (Date.now() - started) / 1000;
        log(`  ${made} events, ${n} documents, ${seconds.toFixed(0)} s`);
      }
    }
  } finally {
    store.close();
  }
  renameSync(partial, path);
  for (const suffix of ['-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
  writeFileSync(marker, `${expected}\n`);
  log(`  generated ${made} events in ${n} documents in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return { path, vocabulary: v, generatedNow: true };
}
