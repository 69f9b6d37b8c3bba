import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Actor } from '../core/record.ts';
import { actorAt, buildHierarchy } from './levels.ts';
import { party } from './testing.ts';
import type { AnalysisLevel } from './types.ts';

// A small lexicon in the shape of data/actors: a militia in an umbrella (from 2023) and in a state-sanctioned force,
// backed by a foreign force that is part of a guard corps; a front group affiliated with the militia.
const hierarchy = buildHierarchy(
  [
    {
      id: 'kh',
      name: "Kata'ib Hezbollah",
      country: 'IRQ',
      relations: [
        { type: 'member_of', target: 'pmf' },
        { type: 'backed_by', target: 'qf' },
        { type: 'part_of', target: 'iri', from: 2023 },
      ],
    },
    { id: 'iri', name: 'Islamic Resistance in Iraq', country: 'IRQ', relations: [{ type: 'backed_by', target: 'qf' }] },
    { id: 'pmf', name: 'Popular Mobilization Forces', country: 'IRQ' },
    { id: 'qf', name: 'IRGC Quds Force', country: 'IRN', relations: [{ type: 'part_of', target: 'irgc' }] },
    { id: 'irgc', name: 'Islamic Revolutionary Guard Corps', country: 'IRN' },
    { id: 'front', name: 'Saraya Awliya al-Dam', country: 'IRQ', relations: [{ type: 'affiliate_of', target: 'kh' }] },
    { id: 'sdf', name: 'Syrian Democratic Forces', country: 'SYR', relations: [{ type: 'backed_by', target: 'USA' }] },
    { id: 'us-army', name: 'United States Army', country: 'USA', relations: [{ type: 'part_of', target: 'USA' }] },
  ],
  [
    { iso3: 'IRQ', name: 'Iraq' },
    { iso3: 'USA', name: 'United States' },
  ],
);

const kh = party(['kh', 'Kataib Hezbollah', 'IRQ']);
const front = party(['front', 'Awliya al-Dam', null]);
const militias = party(['generic:IRQ:militia', 'Iraqi militias', 'IRQ']);
const gunmen = party([null, 'Gunmen', null]);

test('levels: an actor at each level, read from the lexicon relations of the year', () => {
  const rows: [Actor, AnalysisLevel, number | null, string, string][] = [
    [kh, 'actor', 2024, 'kh', "Kata'ib Hezbollah"], // the lexicon's canonical name
    [kh, 'parent', 2024, 'iri', 'Islamic Resistance in Iraq'], // part_of is preferred to member_of
    [kh, 'parent', 2021, 'pmf', 'Popular Mobilization Forces'], // before the umbrella existed
    [kh, 'backer', 2024, 'qf', 'IRGC Quds Force'],
    [kh, 'country', 2024, 'IRQ', 'Iraq'],
    // The front's parent is the top of the chain: affiliate of KH, which is part of the umbrella.
    [front, 'parent', 2024, 'iri', 'Islamic Resistance in Iraq'],
    // It names no backer of its own: KH's is taken.
    [front, 'backer', 2024, 'qf', 'IRGC Quds Force'],
    // The actor names no country; its lexicon entry does.
    [front, 'country', 2024, 'IRQ', 'Iraq'],
    // A backer that is a country.
    [party(['sdf', 'SDF', 'SYR']), 'backer', 2024, 'USA', 'United States'],
    [party(['us-army', 'U.S. Army', 'USA']), 'parent', 2024, 'USA', 'United States'],
    // An entry without parent or backer is its own.
    [party(['pmf', 'PMF', 'IRQ']), 'parent', 2024, 'pmf', 'Popular Mobilization Forces'],
    [party(['pmf', 'PMF', 'IRQ']), 'backer', 2024, 'pmf', 'Popular Mobilization Forces'],
    // Generic agents and bare names are not in the lexicon: their own parent and backer.
    [militias, 'parent', 2024, 'generic:IRQ:militia', 'Iraqi militias'],
    [gunmen, 'backer', 2024, 'name:gunmen', 'Gunmen'],
    [gunmen, 'country', 2024, 'unknown', '(unknown country)'],
    // Undated: every relation applies, so the preferred one wins.
    [kh, 'parent', null, 'iri', 'Islamic Resistance in Iraq'],
  ];
  for (const [actor, level, year, key, name] of rows) {
    const got = actorAt(actor, level, year, hierarchy);
    assert.deepEqual([got.key, got.name, got.level], [key, name, level], `${actor.name} at ${level} in ${year}`);
  }
});
