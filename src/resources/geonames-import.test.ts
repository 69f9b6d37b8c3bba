import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { findPlaces } from '../extract/places/find.ts';
import { sentenceOf } from '../extract/testing.ts';
import { loadGazetteerWithReport } from './gazetteer.ts';
import { IMPORT_HEADER, importFileName, importGeoNames, parseGeoNamesLine } from './geonames-import.ts';

// A 19-column GeoNames sample written for the project (invented places), with two bad lines.
const SAMPLE = fileURLToPath(new URL('../../test/fixtures/geonames-sample.txt', import.meta.url));
const DATA_DIR = fileURLToPath(new URL('../../data', import.meta.url));
const target = mkdtempSync(join(tmpdir(), 'sitrep-gazetteer-'));
after(() => rmSync(target, { recursive: true, force: true }));

test('gazetteer import: keeps places, admin areas, bases and mountains; reports bad lines and goes on', async () => {
  const seen: number[] = [];
  const result = await importGeoNames([SAMPLE], target, { onProblem: (p) => seen.push(p.line) });
  const [counts] = result.files;
  assert.ok(counts);
  assert.equal(counts.output, join(target, 'geonames-geonames-sample.tsv'));
  assert.equal(counts.lines, 11);
  assert.equal(counts.kept, 7);
  assert.equal(counts.skipped, 2, 'a spring and a hotel');
  assert.equal(counts.bad, 2);
  assert.deepEqual(counts.byClass, { P: 4, S: 1, T: 1, L: 1 });
  assert.deepEqual(
    result.problems.map((p) => [p.file, p.line, p.reason]),
    [
      [SAMPLE, 8, 'latitude "not-a-number" is not valid'],
      [SAMPLE, 9, 'expected 19 tab-separated columns, found 8'],
    ],
  );
  assert.deepEqual(seen, [8, 9]);
  const written = readFileSync(counts.output, 'utf8').split('\n');
  assert.equal(written[0], IMPORT_HEADER);
  // Arabic-script alternate names are left out; Latin spellings kept.
  assert.equal(written[1], '9000001\tKfar Tamra\t33.21\t35.48\tP\tPPL\tLB\t07\t\t850\tKafr Tamra,Kfar Tamrah');
});

test('gazetteer import: a file that cannot be read is reported, the others imported', async () => {
  const missing = join(target, 'no-such-file.txt');
  const result = await importGeoNames([missing, SAMPLE], join(target, 'second'));
  assert.equal(result.files.length, 1);
  assert.equal(result.problems[0]?.file, missing);
  assert.equal(result.problems[0]?.line, 0);
  assert.match(result.problems[0]?.reason ?? '', /^cannot be read: ENOENT/);
});

test('gazetteer import: one line at a time', () => {
  assert.equal(importFileName('/data/LB.txt'), 'geonames-LB.tsv');
  assert.equal(parseGeoNamesLine('1\tX'), 'expected 19 tab-separated columns, found 2');
  const stream = [
    '2',
    'Wadi X',
    'Wadi X',
    '',
    '33',
    '35',
    'H',
    'WAD',
    'LB',
    '',
    '07',
    '',
    '',
    '',
    '0',
    '',
    '',
    'Asia/Beirut',
    '2024-01-01',
  ];
  assert.equal(parseGeoNamesLine(stream.join('\t')), null);
  const noTerrain = [
    '3',
    'Jabal Y',
    'Jabal Y',
    '',
    '33',
    '35',
    'T',
    'MT',
    'LB',
    '',
    '07',
    '',
    '',
    '',
    '0',
    '',
    '',
    'Asia/Beirut',
    '2024-01-01',
  ];
  assert.equal(parseGeoNamesLine(noTerrain.join('\t'), false), null);
  assert.equal(typeof parseGeoNamesLine(noTerrain.join('\t'), true), 'object');
});

test('gazetteer import: the loader layers the import over the built-in gazetteer', () => {
  // A user's own YAML rows are read from the same folder.
  writeFileSync(
    join(target, 'my-places.yaml'),
    '- {name: Tallet Nour Ridge, feature: region, country: LBN, lat: 34.1, lon: 36.05}\n',
  );
  const { gazetteer: g, warnings } = loadGazetteerWithReport({
    dataDir: DATA_DIR,
    userDirs: [target],
    airports: false,
  });
  assert.deepEqual(warnings, []);
  assert.equal(g.stats.imported, 6, 'seven kept, but Sour repeats the Tyre GeoNames already has');
  const village = g.lookup('Kafr Tamra')?.entries[0];
  assert.equal(village?.name, 'Kfar Tamra');
  assert.equal(village?.country, 'LBN');
  assert.equal(village?.admin1, 'Nabatieh');
  assert.equal(village?.ref, 'gazetteer:import:LB:9000001');
  // An import's other names for a town already known.
  assert.equal(g.lookup('Tyrus Maritima')?.entries[0]?.country, 'LBN');
  assert.equal(g.lookup('Camp Cedar Ridge')?.entries[0]?.feature, 'base');
  assert.equal(g.lookup('Marj Ain Qana')?.entries[0]?.feature, 'district');
  assert.equal(g.lookup('Tallet Nour Ridge')?.entries[0]?.ref, 'user:tallet-nour-ridge-lbn');
  const found = findPlaces(sentenceOf('Shells fell on Upper Ain Zeitoun in southern Lebanon overnight.'), g);
  assert.deepEqual(
    found.map((m) => [m.text, m.name, m.precision]),
    [['Upper Ain Zeitoun in southern Lebanon', 'Ain Zeitoun el Fawqa', 1]],
  );
});
