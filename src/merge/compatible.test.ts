import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Actor, EventDate, Place } from '../core/record.ts';
import {
  actorMatch,
  datesCompatible,
  dayNumber,
  partiesCompatible,
  placesCompatible,
  sectorsCompatible,
} from './compatible.ts';
import { party } from './testing.ts';

const actor = (id: string | null, country: string | null, sector: string | null, name = id ?? 'someone'): Actor => ({
  ...party(id, name, country, sector),
  kind: id === null || id.startsWith('generic:') ? 'generic' : 'organisation',
});

test('sectors: equal, unknown, or of one group are compatible', () => {
  const cases: [string | null, string | null, boolean][] = [
    ['MIL', 'MIL', true],
    ['MIL', 'GOV', true],
    ['MIL', null, true],
    ['REB', 'PRM', true],
    ['MIL', 'REB', false],
    ['CVL', 'MIL', false],
    ['PTY', 'OPP', true],
  ];
  for (const [a, b, expected] of cases) {
    assert.equal(sectorsCompatible(a, b), expected, `${a} ~ ${b}`);
    assert.equal(sectorsCompatible(b, a), expected, `${b} ~ ${a}`);
  }
});

test('actors: same id, unidentified, or same country and compatible sector', () => {
  const isis = actor('islamic-state', 'IMG', 'REB');
  const hts = actor('hts', 'SYR', 'REB');
  const iraqiForces = actor('generic:IRQ:military', 'IRQ', 'MIL');
  const forces = actor('generic:military', null, 'MIL');
  const iraqiGovernment = actor('generic:IRQ:government', 'IRQ', 'GOV');
  const syrianArmy = actor('generic:SYR:military', 'SYR', 'MIL');
  const gunmen = actor(null, null, null, 'gunmen');
  const protesters = actor('generic:protesters', null, 'CVL');
  const cases: [Actor, Actor, ReturnType<typeof actorMatch>][] = [
    [isis, isis, 'same-id'],
    [isis, hts, null], // two different named actors
    [iraqiForces, forces, 'same-country-sector'], // one country unknown, same sector
    [iraqiForces, iraqiGovernment, 'same-country-sector'], // same country, army and government
    [iraqiForces, syrianArmy, null], // different countries
    [gunmen, isis, 'unidentified'],
    [gunmen, iraqiForces, 'unidentified'],
    [protesters, forces, null], // civilians are not the military
    [isis, iraqiForces, null], // a rebel group is not a country's army
  ];
  for (const [a, b, expected] of cases) {
    assert.equal(actorMatch(a, b), expected, `${a.name} ~ ${b.name}`);
    assert.equal(actorMatch(b, a), expected, `${b.name} ~ ${a.name} (symmetric)`);
  }
  assert.equal(partiesCompatible([], [isis]), true, 'an unknown side is compatible');
  assert.equal(partiesCompatible([hts, iraqiForces], [forces]), true, 'some pair matches');
  assert.equal(partiesCompatible([hts], [isis]), false);
});

const date = (start: string, end: string, precision: EventDate['precision']): EventDate => ({
  start,
  end,
  precision,
  text: null,
  basis: 'explicit',
  span: null,
});

test('dates: overlapping ranges, a day apart allowed at day precision', () => {
  const cases: [EventDate | null, EventDate | null, boolean][] = [
    [date('2024-05-07', '2024-05-07', 'day'), date('2024-05-07', '2024-05-07', 'day'), true],
    [date('2024-05-07', '2024-05-07', 'day'), date('2024-05-08', '2024-05-08', 'day'), true],
    [date('2024-05-07', '2024-05-07', 'day'), date('2024-05-09', '2024-05-09', 'day'), false],
    [date('2024-05-31', '2024-05-31', 'day'), date('2024-06-01', '2024-06-01', 'day'), true],
    [date('2024-05-07', '2024-05-07', 'day'), date('2024-05-01', '2024-05-31', 'month'), true],
    [date('2024-06-01', '2024-06-01', 'day'), date('2024-05-01', '2024-05-31', 'month'), false],
    [date('2024-05-06', '2024-05-12', 'week'), date('2024-05-13', '2024-05-19', 'week'), false],
    [null, date('2024-05-07', '2024-05-07', 'day'), true],
  ];
  for (const [a, b, expected] of cases) {
    assert.equal(datesCompatible(a, b), expected, `${a?.start}..${a?.end} ~ ${b?.start}..${b?.end}`);
    assert.equal(datesCompatible(b, a), expected, 'symmetric');
  }
});

const place = (
  name: string,
  feature: string,
  country: string | null,
  admin1: string | null,
  lat: number | null,
  lon: number | null,
  precision: 1 | 2 | 3,
): Place => ({
  text: name,
  name,
  feature,
  country,
  countries: country ? [country] : [],
  admin1,
  lat,
  lon,
  precision,
  span: null,
});

test('places: within 50 km, or a country or region containing the other', () => {
  const mosul = place('Mosul', 'town', 'IRQ', 'Nineveh', 36.335, 43.119, 1);
  const hamdaniya = place('Hamdaniya', 'town', 'IRQ', 'Nineveh', 36.27, 43.37, 1); // about 24 km
  const tikrit = place('Tikrit', 'town', 'IRQ', 'Salahuddin', 34.6, 43.68, 1); // about 200 km
  const nineveh = place('Nineveh', 'admin1', 'IRQ', 'Nineveh', 36.2, 42.5, 3);
  const iraq = place('Iraq', 'country', 'IRQ', null, 33, 44, 3);
  const syria = place('Syria', 'country', 'SYR', null, 35, 38, 3);
  const cases: [Place | null, Place | null, boolean][] = [
    [mosul, mosul, true],
    [mosul, hamdaniya, true],
    [mosul, tikrit, false],
    [mosul, nineveh, true],
    [tikrit, nineveh, false],
    [tikrit, iraq, true],
    [mosul, syria, false],
    [iraq, syria, false],
    [null, mosul, true],
  ];
  for (const [a, b, expected] of cases) {
    assert.equal(placesCompatible(a, b), expected, `${a?.name} ~ ${b?.name}`);
    assert.equal(placesCompatible(b, a), expected, 'symmetric');
  }
});

test('dayNumber: the days since 1970-01-01 that Date counts, on every day from 1899 to 2101', () => {
  for (let t = Date.UTC(1899, 0, 1); t <= Date.UTC(2101, 11, 31); t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    if (dayNumber(day) !== t / 86_400_000) assert.fail(`${day}: ${dayNumber(day)}, not ${t / 86_400_000}`);
  }
});
