// `sitrep gazetteer import FILE...`: reads GeoNames country dumps (the 19-column `geoname` table, e.g. LB.txt or
// allCountries.txt) line by line in constant memory, keeps the places that matter for conflict reporting, and
// writes one compact file per input (<targetDir>/geonames-LB.tsv) that loadGazetteer() layers on top of the
// built-in gazetteer. A bad line is reported with its file and line number and skipped.

import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { foldName } from '../extract/places/fold.ts';
import type { PlaceFeature } from '../extract/places/gazetteer.ts';

/** First line of a compact import file; the version lets a later format be told apart. */
export const IMPORT_HEADER =
  '#sitrep-geonames\t1\tgeonameid\tname\tlat\tlon\tclass\tcode\tcountry\tadmin1\tadmin2\tpopulation\talternatenames';

const GEONAMES_COLUMNS = 19;
/** Alternate names kept per place: the Latin-script spellings English reports might use. */
const MAX_ALTERNATE_NAMES = 24;

// Spots and facilities a conflict report names: bases, airfields, camps, border and customs posts, prisons.
const KEPT_SPOTS: ReadonlySet<string> = new Set([
  'MILB',
  'INSM',
  'NVB',
  'AIRB',
  'AIRF',
  'AIRP',
  'AIRH',
  'AIRQ',
  'BRKS',
  'FT',
  'CMPRF',
  'CMP',
  'PSTB',
  'PSTC',
  'PSTP',
  'PRN',
]);
// Mountains, passes and valleys: "clashes on Mount Hermon", "the Kodori gorge".
const KEPT_TERRAIN: ReadonlySet<string> = new Set(['MT', 'MTS', 'PK', 'PKS', 'PASS', 'VAL', 'VALS', 'RDGE', 'GRGE']);
// Oil fields are fought over and based on ("the Omar oil field").
const KEPT_AREAS: ReadonlySet<string> = new Set(['OILF']);

export interface ImportOptions {
  /** Keep mountains, passes and valleys (class T). Default true. */
  terrain?: boolean;
  /** Called for each bad line as it is met (the CLI prints them); they are also returned. */
  onProblem?: (problem: ImportProblem) => void;
}

export interface ImportProblem {
  file: string;
  line: number;
  reason: string;
}

export interface ImportFileCounts {
  file: string;
  /** The compact file written. */
  output: string;
  lines: number;
  kept: number;
  /** Well-formed lines of a kind not kept (streams, hotels, farms …). */
  skipped: number;
  bad: number;
  byClass: Record<string, number>;
}

export interface ImportResult {
  files: ImportFileCounts[];
  problems: ImportProblem[];
}

/** Imports GeoNames dumps into `targetDir`; each input gives geonames-<NAME>.tsv (LB.txt → geonames-LB.tsv). */
export async function importGeoNames(
  files: readonly string[],
  targetDir: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  mkdirSync(targetDir, { recursive: true });
  const result: ImportResult = { files: [], problems: [] };
  const report = (p: ImportProblem): void => {
    result.problems.push(p);
    options.onProblem?.(p);
  };
  for (const file of files) {
    try {
      result.files.push(await importOne(file, targetDir, options, report));
    } catch (error) {
      // A file that cannot be read is reported (line 0) and the others are still imported.
      report({ file, line: 0, reason: `cannot be read: ${(error as Error).message}` });
    }
  }
  return result;
}

/** The output file name for an input: "LB.txt" → "geonames-LB.tsv". */
export function importFileName(input: string): string {
  const stem = basename(input, extname(input)).replace(/[^A-Za-z0-9_-]+/g, '_') || 'import';
  return `geonames-${stem}.tsv`;
}

async function importOne(
  file: string,
  targetDir: string,
  options: ImportOptions,
  report: (p: ImportProblem) => void,
): Promise<ImportFileCounts> {
  const output = join(targetDir, importFileName(file));
  const temporary = `${output}.partial`;
  const counts: ImportFileCounts = { file, output, lines: 0, kept: 0, skipped: 0, bad: 0, byClass: {} };
  const input = createReadStream(file, { encoding: 'utf8' });
  const out = createWriteStream(temporary, { encoding: 'utf8' });
  // Written to a .partial file and renamed at the end: an interrupted import never leaves half a file behind.
  try {
    await write(out, `${IMPORT_HEADER}\n`);
    const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines) {
      counts.lines++;
      if (line === '' || line.startsWith('#')) continue;
      const parsed = parseGeoNamesLine(line, options.terrain ?? true);
      if (typeof parsed === 'string') {
        counts.bad++;
        report({ file, line: counts.lines, reason: parsed });
        continue;
      }
      if (parsed === null) {
        counts.skipped++;
        continue;
      }
      counts.kept++;
      counts.byClass[parsed.featureClass] = (counts.byClass[parsed.featureClass] ?? 0) + 1;
      await write(out, `${formatImportLine(parsed)}\n`);
    }
    out.end();
    await once(out, 'close');
    renameSync(temporary, output);
  } catch (error) {
    out.destroy();
    input.destroy();
    rmSync(temporary, { force: true });
    throw error;
  }
  return counts;
}

async function write(out: NodeJS.WritableStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

/** One place of an import, as the compact file stores it. */
export interface ImportedPlace {
  geonameid: string;
  name: string;
  lat: number;
  lon: number;
  featureClass: string;
  featureCode: string;
  country: string;
  admin1: string;
  admin2: string;
  population: number;
  alternateNames: string[];
}

/** A kept place, null for a well-formed line of a kind not kept, or a string saying why the line is bad. */
export function parseGeoNamesLine(line: string, terrain = true): ImportedPlace | null | string {
  const cols = line.split('\t');
  if (cols.length !== GEONAMES_COLUMNS)
    return `expected ${GEONAMES_COLUMNS} tab-separated columns, found ${cols.length}`;
  const [id, name, ascii, alternates, latText, lonText, featureClass, featureCode, country, , admin1, admin2] = cols;
  const population = cols[14] ?? '';
  if (!id || !/^\d+$/.test(id)) return `geonameid "${id ?? ''}" is not a number`;
  const lat = Number(latText);
  const lon = Number(lonText);
  if (!latText || !Number.isFinite(lat) || lat < -90 || lat > 90) return `latitude "${latText ?? ''}" is not valid`;
  if (!lonText || !Number.isFinite(lon) || lon < -180 || lon > 180) return `longitude "${lonText ?? ''}" is not valid`;
  if (!name) return 'empty name';
  if (!country || !/^[A-Z]{2}$/.test(country)) return `country code "${country ?? ''}" is not ISO2`;
  const cls = featureClass ?? '';
  const code = featureCode ?? '';
  if (!keeps(cls, code, terrain)) return null;
  return {
    geonameid: id,
    name,
    lat,
    lon,
    featureClass: cls,
    featureCode: code,
    country,
    admin1: admin1 ?? '',
    admin2: admin2 ?? '',
    population: /^\d+$/.test(population) ? Number(population) : 0,
    alternateNames: latinAlternates(name, [ascii ?? '', ...(alternates ?? '').split(',')]),
  };
}

function keeps(cls: string, code: string, terrain: boolean): boolean {
  if (cls === 'P') return true;
  // Countries come from data/countries.yaml; admin areas of every level are kept.
  if (cls === 'A') return code.startsWith('ADM');
  if (cls === 'S') return KEPT_SPOTS.has(code);
  if (cls === 'T') return terrain && KEPT_TERRAIN.has(code);
  if (cls === 'L') return KEPT_AREAS.has(code);
  return false;
}

// Spellings in Latin script that fold to something new; codes, links and other scripts are dropped.
function latinAlternates(name: string, candidates: readonly string[]): string[] {
  const seen = new Set([foldName(name)]);
  const kept: string[] = [];
  for (const raw of candidates) {
    const alt = raw.trim();
    if (alt.length < 3 || alt.length > 60 || alt.includes('http') || /\d/.test(alt)) continue;
    if (!/^[\p{Script=Latin}\s'’‘`ʿʾ.,()-]+$/u.test(alt)) continue;
    const key = foldName(alt);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    kept.push(alt.replace(/[\t,]/g, ' '));
    if (kept.length >= MAX_ALTERNATE_NAMES) break;
  }
  return kept;
}

export function formatImportLine(p: ImportedPlace): string {
  return [
    p.geonameid,
    p.name,
    p.lat,
    p.lon,
    p.featureClass,
    p.featureCode,
    p.country,
    p.admin1,
    p.admin2,
    p.population,
    p.alternateNames.join(','),
  ].join('\t');
}

/** Reads one line of a compact import file; null for the header, a comment or a damaged line. */
export function parseImportLine(line: string): ImportedPlace | null {
  if (line === '' || line.startsWith('#')) return null;
  const cols = line.split('\t');
  if (cols.length !== 11) return null;
  const [geonameid, name, lat, lon, featureClass, featureCode, country, admin1, admin2, population, alternates] = cols;
  const la = Number(lat);
  const lo = Number(lon);
  if (!geonameid || !name || !country || !Number.isFinite(la) || !Number.isFinite(lo)) return null;
  return {
    geonameid,
    name,
    lat: la,
    lon: lo,
    featureClass: featureClass ?? '',
    featureCode: featureCode ?? '',
    country,
    admin1: admin1 ?? '',
    admin2: admin2 ?? '',
    population: Number(population) || 0,
    alternateNames: alternates ? alternates.split(',') : [],
  };
}

/** How the gazetteer reads an imported place: its feature and its rank among namesakes. */
export function importedFeature(p: ImportedPlace): { feature: PlaceFeature; rank: number } {
  const rank =
    p.featureCode === 'PPLC'
      ? 3
      : p.featureCode === 'PPLA' || p.population >= 100_000
        ? 2
        : p.population >= 10_000
          ? 1
          : 0;
  if (p.featureClass === 'P') return { feature: p.featureCode === 'PPLX' ? 'district' : 'town', rank };
  if (p.featureClass === 'A') {
    if (p.featureCode === 'ADM1') return { feature: 'admin1', rank: 1 };
    if (p.featureCode === 'ADM2') return { feature: 'admin2', rank: -1 };
    return { feature: 'district', rank: -1 };
  }
  if (p.featureClass === 'S') {
    if (p.featureCode === 'CMPRF' || p.featureCode === 'CMP' || p.featureCode === 'PRN') {
      return { feature: 'district', rank: 0 };
    }
    if (p.featureCode.startsWith('PST')) return { feature: 'border', rank: 0 };
    return { feature: 'base', rank: 1 };
  }
  if (p.featureClass === 'L') return { feature: 'base', rank: 0 };
  return { feature: 'region', rank: -1 };
}
