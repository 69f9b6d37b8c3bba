import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sentenceOf } from '../testing.ts';
import { findPlaces } from './find.ts';
import { adminNameVariants, type Gazetteer, GazetteerBuilder } from './gazetteer.ts';

// A gazetteer built from a handful of plain rows: the index works without any file.
function tiny(): { gazetteer: Gazetteer; warnings: string[] } {
  const b = new GazetteerBuilder();
  b.addCountry({ iso3: 'IRQ', iso2: 'IQ', name: 'Iraq', demonyms: ['Iraqi', 'Iraqis'], capital: 'Baghdad' });
  b.addCountry({
    iso3: 'SYR',
    iso2: 'SY',
    name: 'Syria',
    demonyms: ['Syrian'],
    capital: 'Damascus',
    lat: 34.8,
    lon: 39,
  });
  b.addCountry({ iso3: 'LBN', iso2: 'LB', name: 'Lebanon', demonyms: ['Lebanese'], capital: 'Beirut' });
  b.addAdmin1({ code: 'IQ.01', name: 'Anbar' });
  b.addAdmin1({ code: 'IQ.01', name: 'Anbar', aliases: ['Al Anbar'], capital: 'Ramadi', curated: true });
  b.addAdmin1({ code: 'IQ.07', name: 'Baghdad Governorate' });
  b.addAdmin1({ code: 'SY.07', name: 'Deir ez-Zor' });
  b.addAdmin1({ code: 'LB.09', name: 'North Governorate' });
  const town = (name: string, lat: number, lon: number, iso2: string, admin1: string): void => {
    b.addTown({ name, lat, lon, iso2, admin1, source: 'geonames', ref: name });
  };
  town('Ar Ramādī', 33.42, 43.3, 'IQ', '01');
  town('Hīt', 33.64, 42.83, 'IQ', '01');
  town('Ḩadīthah', 34.14, 42.38, 'IQ', '01');
  town('Baghdad', 33.34, 44.4, 'IQ', '07');
  town('Abu Ghraib', 33.29, 44.07, 'IQ', '07');
  town('Dayr az Zawr', 35.34, 40.14, 'SY', '07');
  town('Tripoli', 34.43, 35.84, 'LB', '09');
  b.addCurated({
    kind: 'base',
    id: 'al-asad',
    name: 'Al Asad Air Base',
    aliases: ['Ain al-Asad'],
    feature: 'base',
    country: 'IRQ',
    lat: 33.79,
    lon: 42.44,
  });
  b.addCurated({ kind: 'town', id: 'ramadi', name: 'Ramadi', aliases: [], feature: 'town', country: 'IRQ' });
  b.addCurated({
    kind: 'border',
    id: 'iraq-syria',
    name: 'Iraq–Syria border',
    feature: 'border',
    countries: ['IRQ', 'SYR'],
    lat: 34.4,
    lon: 40.98,
  });
  b.addCurated({
    kind: 'region',
    id: 'northern-iraq',
    name: 'northern Iraq',
    feature: 'region',
    country: 'IRQ',
    lat: 36.2,
    lon: 44,
  });
  b.addCurated({ kind: 'town', id: 'nowhere', name: 'Nowhere', feature: 'town', country: 'IRQ' });
  b.addNotPlace('May');
  b.setPreferredCountries(['IRQ', 'SYR']);
  const { gazetteer, warnings } = b.build();
  return { gazetteer, warnings };
}

const { gazetteer: g, warnings } = tiny();

test('places gazetteer: spellings the folding unifies find the same town', () => {
  for (const spelling of ['Ramadi', 'al-Ramadi', 'Ar Ramadi', 'RAMADI']) {
    assert.equal(g.lookup(spelling)?.entries[0]?.name, 'Ramadi', spelling);
  }
  assert.equal(g.lookup('Deir Ezzor')?.exact, false);
  assert.equal(g.lookup('Deir Ezzor')?.entries.find((e) => e.feature === 'town')?.name, 'Dayr az Zawr');
  assert.equal(g.lookup('Haditha')?.entries[0]?.name, 'Ḩadīthah');
});

test('places gazetteer: curated rows win over GeoNames rows of the same name, and carry their rule', () => {
  const e = g.lookup('Ain al-Asad')?.entries[0];
  assert.equal(e?.name, 'Al Asad Air Base');
  assert.equal(e?.ref, 'base:al-asad');
  assert.equal(e?.admin1, 'Anbar', 'admin1 from the nearest town');
  assert.equal(g.lookup('Ramadi')?.entries[0]?.ref, 'town:ramadi');
  assert.equal(g.lookup('Hit')?.entries[0]?.ref, 'gazetteer:geonames:IQ:Hīt');
});

test('places gazetteer: an admin1 takes its curated name, aliases and its capital as its point', () => {
  const anbar = g.lookup('Al Anbar')?.entries[0];
  assert.equal(anbar?.feature, 'admin1');
  assert.equal(anbar?.name, 'Anbar');
  assert.deepEqual([anbar?.lat, anbar?.lon], [33.42, 43.3]);
  // "Baghdad Governorate" is also "Baghdad"; the town of Baghdad (the national capital) ranks first.
  const baghdad = g.lookup('Baghdad')?.entries ?? [];
  assert.deepEqual(
    baghdad.map((e) => e.feature),
    ['town', 'admin1'],
  );
  assert.equal(baghdad[0]?.rank, 3);
  assert.deepEqual(adminNameVariants('Salah ad Din Governorate'), ['Salah ad Din Governorate', 'salah ad din']);
});

test('places gazetteer: countries, demonyms, borders, not-places and curated openers', () => {
  assert.equal(g.countryWord('Iraqis'), 'IRQ');
  assert.equal(g.demonym('Iraqi'), 'IRQ');
  assert.equal(g.demonym('Iraq'), null);
  assert.equal(g.country('SYR')?.lat, 34.8);
  assert.ok(g.country('IRQ')?.lat !== null, 'a country without a curated point gets a town inside it');
  assert.equal(g.border('SYR', 'IRQ')?.name, 'Iraq–Syria border');
  assert.equal(g.border('IRQ', 'LBN'), null);
  assert.equal(g.isNotPlace('may'), true);
  assert.equal(g.opensName('northern'), true);
  assert.equal(g.opensName('Ramadi'), false);
  assert.equal(g.admin1Near(33.6, 42.9, 'IRQ'), 'Anbar');
  assert.equal(g.preference('IRQ') > g.preference('SYR'), true);
  assert.equal(g.preference('LBN'), 0);
});

test('places gazetteer: a curated town that cannot be placed is reported, not guessed', () => {
  assert.deepEqual(warnings, ['town:nowhere: no lat/lon and no town named "Nowhere" in IRQ']);
  assert.equal(g.lookup('Nowhere'), null);
  assert.equal(g.stats.towns, 7);
  assert.equal(g.stats.curated, 5);
});

test('places gazetteer: the stage runs on a hand-built gazetteer', () => {
  const found = findPlaces(sentenceOf('A bomb exploded in Hit, Anbar, near the Syrian-Iraqi border.'), g);
  assert.deepEqual(
    found.map((m) => [m.text, m.name, m.admin1, m.precision]),
    [
      ['Hit, Anbar', 'Hīt', 'Anbar', 1],
      ['Syrian-Iraqi border', 'Iraq–Syria border', null, 3],
    ],
  );
});
