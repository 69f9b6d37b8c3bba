import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadGazetteer } from '../../resources/gazetteer.ts';
import { sentenceOf } from '../testing.ts';
import { findPlaces, type PlaceMention } from './find.ts';

// The real gazetteer (towns, admin areas, airports, curated data), built once for the file.
const gazetteer = loadGazetteer({ dataDir: fileURLToPath(new URL('../../../data', import.meta.url)) });

type Expected = Partial<
  Pick<PlaceMention, 'text' | 'name' | 'feature' | 'country' | 'countries' | 'admin1' | 'precision' | 'relation'>
> & {
  /** Within this many km of the mention's point. */
  near?: [lat: number, lon: number, km: number];
  rule?: RegExp;
};

/** [sentence, the places found in order (only the fields given are compared), document country hints] */
const rows: [string, Expected[], string[]?][] = [
  // Bases, by their many names, and a container folded into the mention.
  [
    'Rockets slammed into Balad Airbase in northern Iraq early on Wednesday.',
    [
      {
        text: 'Balad Airbase in northern Iraq',
        name: 'Balad Air Base',
        feature: 'base',
        country: 'IRQ',
        admin1: 'Salah ad Din',
        precision: 1,
        relation: 'at',
        near: [33.94, 44.362, 5],
      },
    ],
  ],
  [
    'A drone was downed near the Ayn al-Asad base before dawn.',
    [{ name: 'Al Asad Air Base', precision: 2, relation: 'near' }],
  ],
  [
    'Two drones targeted U.S. troops at the Conoco gas field in eastern Syria.',
    [{ name: 'Conoco gas field base', country: 'SYR', admin1: 'Deir ez-Zor', precision: 1, relation: 'at' }],
  ],
  [
    'Coalition aircraft took off from Incirlik Air Base.',
    [{ name: 'Incirlik Air Base', country: 'TUR', feature: 'base' }],
  ],
  [
    'Two rockets landed at Camp Taji, north of Baghdad.',
    [
      { name: 'Camp Taji', relation: 'at' },
      { text: 'north of Baghdad', relation: 'near', precision: 2 },
    ],
  ],
  // Borders.
  [
    'U.S. jets bombed weapons depots along the Syrian-Iraqi border overnight.',
    [
      {
        text: 'Syrian-Iraqi border',
        feature: 'border',
        country: 'SYR',
        countries: ['SYR', 'IRQ'],
        precision: 3,
        relation: 'along',
        near: [34.4, 40.9, 40],
      },
    ],
  ],
  [
    'Smugglers were caught on the Iraq-Syria border.',
    [{ feature: 'border', country: 'IRQ', countries: ['IRQ', 'SYR'] }],
  ],
  [
    "Troops reinforced positions along Iraq's border with Syria.",
    [{ text: "Iraq's border with Syria", countries: ['IRQ', 'SYR'] }],
  ],
  [
    'Shelling was reported on the border between Armenia and Azerbaijan.',
    [{ feature: 'border', countries: ['ARM', 'AZE'] }],
  ],
  [
    'Refugees massed at the Turkish-Syrian border near Kobani.',
    [
      { feature: 'border', countries: ['TUR', 'SYR'] },
      { name: 'Kobani', relation: 'near', precision: 2 },
    ],
  ],
  // The country named comes first; the other side is the country the document is about.
  ['Militiamen patrolled the Syrian border on Friday.', [{ feature: 'border', countries: ['SYR', 'IRQ'] }], ['IRQ']],
  ['Troops retook the town during the Hawija offensive.', [{ name: 'Hawija', relation: 'in', precision: 1 }]],
  // Admin areas, provinces, countrysides.
  [
    "Gunmen stormed a police post in Iraq's Anbar province.",
    [
      {
        text: "Iraq's Anbar province",
        name: 'Anbar',
        feature: 'admin1',
        country: 'IRQ',
        relation: 'province',
        precision: 3,
        near: [33.42, 43.31, 10],
      },
    ],
  ],
  [
    'Security forces swept villages in Salahuddin province.',
    [{ name: 'Salah al-Din', feature: 'admin1', relation: 'province' }],
  ],
  [
    'Reinforcements were sent to Saladin and Ninawa provinces.',
    [
      { name: 'Salah al-Din', relation: 'province' },
      { name: 'Nineveh', relation: 'province' },
    ],
  ],
  [
    'Barrel bombs fell on the southern Idlib countryside.',
    [
      {
        text: 'southern Idlib countryside',
        name: 'Idlib',
        country: 'SYR',
        admin1: 'Idlib',
        relation: 'countryside',
        precision: 2,
      },
    ],
  ],
  [
    "Artillery hit villages in Raqqa's eastern countryside.",
    [{ name: 'Raqqa', relation: 'countryside', precision: 2 }],
  ],
  [
    'An airstrike in rural Hama killed six.',
    [{ text: 'rural Hama', relation: 'countryside', precision: 2, admin1: 'Hama' }],
  ],
  ['Fighting flared in Dayr az Zawr countryside.', [{ name: 'Deir ez-Zor', relation: 'countryside', precision: 2 }]],
  [
    'Russian air defences downed drones over the Belgorod region.',
    [{ name: 'Belgorod', feature: 'admin1', country: 'RUS', relation: 'province' }],
  ],
  // Towns: transliterations, containers, namesakes.
  [
    'Police found the bodies near Hawija in Kirkuk province.',
    [
      {
        text: 'Hawija in Kirkuk province',
        name: 'Hawija',
        admin1: 'Kirkuk',
        precision: 2,
        relation: 'near',
        near: [35.327, 43.765, 25],
      },
    ],
  ],
  [
    'A car bomb exploded in Hit, Anbar, killing two.',
    [{ text: 'Hit, Anbar', name: 'Hit', admin1: 'Anbar', precision: 1 }],
  ],
  [
    'Clashes erupted in Deir Ezzor on Tuesday.',
    [{ name: 'Deir ez-Zor', feature: 'town', country: 'SYR', precision: 1 }],
  ],
  [
    'Airstrikes pounded al-Qaim and Albu Kamal.',
    [
      { name: 'Al-Qaim', country: 'IRQ' },
      { name: 'Abu Kamal', country: 'SYR' },
    ],
  ],
  [
    'Settlers attacked farmers near the West Bank city of Jenin.',
    [{ text: 'West Bank city of Jenin', name: 'Jenin', country: 'PSE' }],
  ],
  [
    'Gunmen opened fire in Tripoli, Lebanon, late on Friday.',
    [{ name: 'Tripoli', country: 'LBN', admin1: 'North Lebanon' }],
  ],
  [
    'Unrest spread to Tripoli and Benghazi.',
    [
      { name: 'Tripoli', country: 'LBY' },
      { name: 'Benghazi', country: 'LBY' },
    ],
  ],
  [
    'The convoy was ambushed 20 km north of Baghdad.',
    [{ text: '20 km north of Baghdad', name: 'Baghdad', relation: 'near', precision: 2 }],
  ],
  [
    'Mortar rounds landed on the outskirts of Mosul.',
    [{ text: 'outskirts of Mosul', relation: 'outside', precision: 2 }],
  ],
  [
    'Boko Haram fighters attacked Gwoza in Borno State.',
    [{ text: 'Gwoza in Borno State', name: 'Gwoza', admin1: 'Borno State', precision: 1 }],
  ],
  ['The attack took place 15 kilometres south of Mogadishu.', [{ name: 'Mogadishu', relation: 'near', precision: 2 }]],
  // An unknown village resolved to its province rather than to a namesake elsewhere.
  [
    'Militants raided the village of Umm Tineh in Hama province.',
    [
      {
        text: 'Umm Tineh in Hama province',
        name: 'Hama',
        feature: 'admin1',
        relation: 'province',
        precision: 3,
        rule: /unresolved:umm-tineh/,
      },
    ],
  ],
  [
    'Two shepherds were killed near the hamlet of Khirbet Zawiyeh outside Kirkuk.',
    [{ name: 'Kirkuk', relation: 'near', precision: 2 }],
  ],
  // Districts and chains of containers (ACLED places a district at its seat, precision 2).
  [
    'Gunmen killed 21 civilians in the village of Djiguibombo, Bandiagara cercle, Mopti region.',
    [{ name: 'Bandiagara Cercle', feature: 'admin2', admin1: 'Mopti', precision: 2, near: [14.35, -3.61, 5] }],
  ],
  [
    'JNIM militants attacked an army post near Sebba in Yagha province (Sahel region).',
    [{ name: 'Sebba', admin1: 'Sahel', relation: 'near', precision: 2, rule: /<gazetteer:admin2/ }],
  ],
  [
    'A grenade exploded in the main bazaar of Turbat, Kech district, Balochistan.',
    [{ text: 'Turbat, Kech district, Balochistan', name: 'Turbat', admin1: 'Balochistan', precision: 1 }],
  ],
  [
    'Militants attacked a police post in Kulachi tehsil of Dera Ismail Khan district.',
    [{ name: 'Kulachi', admin1: 'Khyber Pakhtunkhwa', precision: 2, near: [31.93, 70.46, 5] }],
  ],
  [
    'NRF fighters attacked a Taliban checkpoint in Andarab district of Baghlan province.',
    [{ name: 'Andarāb', feature: 'admin2', admin1: 'Baghlan', precision: 2, rule: /<admin1:AF.03/ }],
  ],
  [
    'Fano militiamen clashed with soldiers in Merawi town, West Gojjam zone, Amhara region.',
    [{ text: 'Merawi town, West Gojjam zone, Amhara region', admin1: 'Amhara', precision: 1, near: [11.42, 37.17, 5] }],
  ],
  // Russian artillery shelling Ukrainian towns: a place named with its containers is kept whoever the actors are.
  [
    'Russian artillery shelled Nikopol and Marhanets in Nikopol raion, Dnipropetrovsk oblast.',
    [
      { name: 'Nikopol', country: 'UKR', precision: 1 },
      { text: 'Marhanets in Nikopol raion, Dnipropetrovsk oblast', name: 'Marhanets', admin1: 'Dnipropetrovsk' },
    ],
    ['RUS'],
  ],
  // admin1 is the GeoNames name, whatever the text calls the area.
  [
    'SAF warplanes bombed the market in Kabkabiya, North Darfur.',
    [{ name: 'Kabkābīyah', admin1: 'Northern Darfur' }],
    ['SDN'],
  ],
  // A possessive town: the part of it the gazetteer does not know is the town; a place noun may stand between.
  [
    "Police fired tear gas at protesters in Kinshasa's Gombe commune.",
    [{ name: 'Kinshasa', country: 'COD', precision: 1, rule: /unresolved:gombe/ }],
  ],
  ["Inmates rioted at a prison in Mali's capital Bamako.", [{ text: "Mali's capital Bamako", name: 'Bamako' }]],
  ["In Damascus, Iran's deputy foreign minister met Syrian officials.", [{ name: 'Damascus', country: 'SYR' }]],
  // A route between two places; a name in apposition to a place noun; a possessive country's part.
  [
    'An IED struck a Federal Police patrol on the road between Hawija and Riyadh in Kirkuk province.',
    [
      { name: 'Hawija', relation: 'near', precision: 2 },
      { name: 'Kirkuk', feature: 'admin1', rule: /unresolved:riyadh/ },
    ],
  ],
  ['Djibo, a town of some 300,000 people, has been under a blockade since 2022.', [{ name: 'Djibo', precision: 1 }]],
  [
    'Russian warplanes struck hideouts in the desert between Palmyra and Deir ez-Zor.',
    [
      { name: 'Palmyra', relation: 'near', precision: 2 },
      { name: 'Deir ez-Zor', relation: 'near', precision: 2 },
    ],
  ],
  [
    'Trucks carrying aid waited at the Bab al-Hawa crossing on the Turkish-Syrian border.',
    [
      { name: 'Bab al-Hawa crossing', country: 'SYR', admin1: 'Idlib', precision: 1 },
      { name: 'Syria–Turkey border', feature: 'border' },
    ],
  ],
  ["Attacks on police have risen in Pakistan's northwest.", [{ name: 'northwest Pakistan', feature: 'region' }]],
  ["Bandits kidnapped thousands in Nigeria's troubled northwest.", [{ name: 'northwest Nigeria', country: 'NGA' }]],
  // Lower-case words name only curated places, not an admin area elsewhere (Sri Lanka's Western Province).
  ['Jets bombed a market in the western province of Badghis.', [{ name: 'Badghis', feature: 'admin1' }]],
  // Regions, countries.
  [
    'Israeli jets struck targets in southern Lebanon and the Gaza Strip.',
    [
      { name: 'southern Lebanon', feature: 'region', precision: 3 },
      { name: 'Gaza Strip', country: 'PSE' },
    ],
  ],
  [
    'Peshmerga units deployed across the Kurdistan Region.',
    [{ name: 'Kurdistan Region', feature: 'region', country: 'IRQ' }],
  ],
  [
    'Jihadist violence spread across the Sahel.',
    [{ name: 'Sahel', feature: 'region', countries: ['MLI', 'BFA', 'NER', 'TCD', 'MRT'], admin1: null }],
  ],
  ['Shelling intensified in Donbas.', [{ name: 'Donbas', country: 'UKR', precision: 3 }]],
  ['Rebels advanced in northern Chad.', [{ name: 'northern Chad', feature: 'region', country: 'TCD', precision: 3 }]],
  [
    'Protests spread across Iraq and Syria.',
    [
      { name: 'Iraq', feature: 'country', precision: 3 },
      { name: 'Syria', feature: 'country' },
    ],
  ],
  [
    'Rockets were fired at northern Israel from Lebanon.',
    [
      { name: 'northern Israel', relation: 'in' },
      { name: 'Lebanon', feature: 'country' },
    ],
  ],
  // Not places: metonyms, people, organisations, months, adjectives.
  ['Washington said the strikes were defensive.', []],
  [
    'Tehran denied the claim, but officials in Tehran later confirmed it.',
    [{ name: 'Tehran', text: 'Tehran', precision: 1 }],
  ],
  ['Ali told reporters that Hezbollah would respond in May.', []],
  ['The Islamic State of Iraq and Syria claimed the bombing.', []],
  ['President Hassan Rouhani met Ali Larijani.', []],
  ['A drone struck the U.S. garrison at Al-Tanf.', [{ name: 'Al-Tanf garrison', country: 'SYR' }]],
  ["The Washington Post reported that missiles hit Yemen's Hodeidah port.", [{ name: 'Hodeidah', country: 'YEM' }]],
  // Datelines.
  [
    'BAGHDAD (Reuters) - Rockets struck the Green Zone.',
    [
      { name: 'Baghdad', rule: /dateline/ },
      { name: 'Green Zone', feature: 'district', precision: 1 },
    ],
  ],
];

function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const k = Math.cos((((lat1 + lat2) / 2) * Math.PI) / 180);
  return Math.hypot((lon1 - lon2) * k, lat1 - lat2) * 111.2;
}

for (const [sentence, expected, hint] of rows) {
  test(`places: ${sentence}`, () => {
    const found = findPlaces(sentenceOf(sentence), gazetteer, { countryHint: hint ?? [] });
    const show = found.map(
      (m) => `${m.text} → ${m.name} (${m.feature}, ${m.country}, p${m.precision}, ${m.relation}) ${m.rule}`,
    );
    assert.equal(found.length, expected.length, `found: ${JSON.stringify(show, null, 1)}`);
    expected.forEach((want, i) => {
      const got = found[i];
      assert.ok(got);
      const { near, rule, ...fields } = want;
      for (const [key, value] of Object.entries(fields)) {
        assert.deepEqual(got[key as keyof PlaceMention], value, `${key} of "${got.text}": ${show[i]}`);
      }
      if (rule) assert.match(got.rule, rule);
      if (near) {
        assert.ok(got.lat !== null && got.lon !== null, `no point for ${got.text}`);
        const d = distanceKm(got.lat, got.lon, near[0], near[1]);
        assert.ok(d <= near[2], `${got.text} is ${d.toFixed(0)} km from the expected point`);
      }
    });
  });
}

test('places: offsets are document offsets of the words as written', () => {
  const s = sentenceOf('Yesterday two rockets hit the Green Zone in Baghdad.');
  const [m] = findPlaces(s, gazetteer);
  assert.ok(m);
  assert.equal(s.text.slice(m.start - s.start, m.end - s.start), m.text);
  assert.equal(m.text, 'Green Zone in Baghdad');
});

test('places: excluded spans (an actor already read) hold no place', () => {
  const text = 'The Popular Mobilization Forces in Anbar said the convoy reached Ramadi.';
  const s = sentenceOf(text);
  const start = text.indexOf('The Popular');
  const end = text.indexOf(' said');
  const found = findPlaces(s, gazetteer, { excludeSpans: [{ start, end }] });
  assert.deepEqual(
    found.map((m) => m.name),
    ['Ramadi'],
  );
});

test('places: the document country hint decides between namesakes', () => {
  const s = sentenceOf('A bomb went off in Tripoli on Sunday.');
  assert.equal(findPlaces(s, gazetteer, { countryHint: ['LBN'] })[0]?.country, 'LBN');
  assert.equal(findPlaces(s, gazetteer)[0]?.country, 'LBY');
});
