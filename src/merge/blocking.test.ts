// Blocking must never drop a pair the merge rule links: on a generated set dense in near-misses (points either side
// of a border, regions, countries, points without coordinates, dates a day or a week apart, loose dates), every
// linked pair is among the blocked pairs, and the components are those of comparing every pair.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PloverType } from '../core/ontology/plover.ts';
import type { EventRecord, Place } from '../core/record.ts';
import { blockedPairs, everyPair } from './blocking.ts';
import { type CompatibilityOptions, DEFAULT_COMPATIBILITY, sameEvent } from './compatible.ts';
import { linkedComponents } from './merge.ts';
import { addDays, party } from './testing.ts';

// A fixed pseudo-random sequence (Park–Miller), so a failure can be replayed.
function generator(seed: number) {
  let state = seed;
  const random = () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  return { random, pick };
}

const PARTIES = [
  party('islamic-state', 'Islamic State', 'IMG', 'REB'),
  party('generic:IRQ:military', 'Iraqi forces', 'IRQ', 'MIL'),
  party('generic:SYR:military', 'Syrian forces', 'SYR', 'MIL'),
  party('generic:military', 'forces', null, 'MIL'),
  party(null, 'gunmen', null, null),
];

function place(
  feature: string,
  name: string,
  country: string | null,
  admin1: string | null,
  at: [number, number] | null,
  precision: 1 | 2 | 3,
): Place {
  return {
    text: name,
    name,
    feature,
    country,
    countries: country ? [country] : [],
    admin1,
    lat: at?.[0] ?? null,
    lon: at?.[1] ?? null,
    precision,
    span: null,
  };
}

function generatedEvents(count: number, seed: number): EventRecord[] {
  const { random, pick } = generator(seed);
  const countries = ['IRQ', 'SYR'];
  const admin1s = ['Nineveh', 'Al-Hasakah', null];
  const somePlace = (): Place | null => {
    const roll = random();
    // Towns around the Iraqi–Syrian border near Rabia, a few tens of km apart, on either side.
    if (roll < 0.5) {
      const at: [number, number] = [36.2 + random() * 1.6, 41.6 + random() * 1.4];
      return place('town', `town ${Math.floor(random() * 40)}`, pick(countries), pick(admin1s), at, pick([1, 2]));
    }
    if (roll < 0.62)
      return place('town', pick(['Rabia', 'Sinjar', 'Tal Afar']), pick([...countries, null]), null, null, 1);
    if (roll < 0.77) return place('admin1', pick(['Nineveh', 'Al-Hasakah']), pick(countries), pick(admin1s), null, 3);
    if (roll < 0.9) return place('country', 'the country', pick([...countries, null]), null, null, 3);
    return null;
  };
  return Array.from({ length: count }, (_, i): EventRecord => {
    const start = addDays('2024-05-01', Math.floor(random() * 40));
    const days = pick([0, 0, 0, 1, 2, 6, 7, 9]);
    return {
      id: `event-${i}`,
      document: `document-${Math.floor(random() * (count / 3))}`,
      type: pick<PloverType>(['ASSAULT', 'PROTEST']),
      mode: null,
      context: [],
      intensity: -9,
      quad: 4,
      cameo: { root: '19', goldstein: -10 },
      acled: null,
      actor: random() < 0.85 ? [pick(PARTIES)] : [],
      recipient: random() < 0.7 ? [pick(PARTIES)] : [],
      date:
        random() < 0.05
          ? null
          : {
              start,
              end: addDays(start, days),
              precision: days === 0 ? 'day' : 'range',
              text: 'on Tuesday',
              basis: random() < 0.9 ? 'explicit' : 'inherited',
              span: null,
            },
      place: somePlace(),
      count: null,
      killed: null,
      injured: null,
      victims: [],
      claim: { status: 'reported', via: [], sources: [] },
      modality: 'asserted',
      links: [],
      evidence: [],
      provenance: { extractor: 'test', fields: {} },
      confidence: 0.8,
    };
  });
}

const SETTINGS: [string, CompatibilityOptions][] = [
  ['the default rule', DEFAULT_COMPATIBILITY],
  ['a wider rule (120 km, two days of slack)', { maxKm: 120, daySlack: 2 }],
  ['a narrow rule (5 km, no slack)', { maxKm: 5, daySlack: 0 }],
];

for (const [name, options] of SETTINGS) {
  test(`merge blocking (${name}): every pair the rule links is visited, and far fewer than every pair`, () => {
    const events = generatedEvents(900, 7);
    const visited = new Set<string>();
    blockedPairs(events, options, (i, j) => {
      assert.ok(i < j, `pairs come as (lower, higher): ${i}, ${j}`);
      visited.add(`${i},${j}`);
    });
    let all = 0;
    let linked = 0;
    everyPair(events, options, (i, j) => {
      all++;
      if (!sameEvent(events[i] as EventRecord, events[j] as EventRecord, options)) return;
      linked++;
      assert.ok(visited.has(`${i},${j}`), `blocking dropped ${events[i]?.id} ~ ${events[j]?.id}`);
    });
    assert.ok(linked >= 30, `the generated set links enough pairs to mean something (${linked})`);
    assert.ok(visited.size * 4 < all, `blocking visits ${visited.size} of ${all} pairs`);
  });

  test(`merge blocking (${name}): the components are those of comparing every pair`, () => {
    for (const seed of [11, 12, 13]) {
      const events = generatedEvents(700, seed);
      const blocked = linkedComponents(events, options);
      assert.deepEqual(blocked, linkedComponents(events, options, everyPair), `seed ${seed}`);
      assert.ok(
        blocked.some((component) => component.length >= 3),
        'some component is a chain of three or more',
      );
    }
  });
}
