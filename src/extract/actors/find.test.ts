import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadActorLexicon } from '../../resources/actors.ts';
import { sentenceOf } from '../testing.ts';
import { type ActorMention, findActorMentions } from './find.ts';

const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../../data', import.meta.url));

const lexicon = loadActorLexicon(DEFAULT_DATA_DIR);

type Expected = Partial<
  Pick<
    ActorMention,
    | 'text'
    | 'id'
    | 'name'
    | 'country'
    | 'sector'
    | 'acled'
    | 'kind'
    | 'plural'
    | 'rule'
    | 'org'
    | 'backer'
    | 'anaphor'
    | 'acronym'
  >
>;

// [sentence, mentions expected (by span text, in order), spans that must not be mentions]
const rows: Array<[string, Expected[], string[]?]> = [
  // --- countries, demonyms and generic agents ---
  [
    'Iraqi Shia militias renewed their raids on U.S. troops stationed in Iraq.',
    [
      {
        text: 'Iraqi Shia militias',
        id: 'generic:IRQ:militia',
        name: 'Iraqi militias',
        country: 'IRQ',
        sector: 'REB',
        acled: 3,
        kind: 'generic',
        plural: true,
      },
      { text: 'U.S. troops', id: 'generic:USA:military', name: 'U.S. forces', country: 'USA', sector: 'MIL', acled: 1 },
    ],
    ['Iraq'],
  ],
  [
    'The price was set in U.S. dollars, officials in the Iraqi capital said.',
    [{ text: 'officials', sector: 'GOV' }],
    ['U.S.', 'Iraqi'],
  ],
  [
    'Turkish troops crossed into Iraqi territory overnight.',
    [{ text: 'Turkish troops', country: 'TUR', sector: 'MIL' }],
    ['Iraqi', 'Iraqi territory'],
  ],
  [
    'An Iranian delegation arrived for talks with the Iraqi government.',
    [
      { text: 'Iranian delegation', id: 'generic:IRN:delegation', country: 'IRN', sector: 'GOV' },
      { text: 'Iraqi government', id: 'generic:IRQ:government', country: 'IRQ', sector: 'GOV' },
    ],
  ],
  [
    'Rockets landed near U.S. positions at the airport, and U.S. aircraft later circled the area.',
    [
      { text: 'U.S. positions', country: 'USA', sector: 'MIL', plural: true },
      { text: 'U.S. aircraft', country: 'USA', sector: 'MIL' },
    ],
  ],
  [
    'Iran-backed militias claimed the drone attack on the base.',
    [
      {
        text: 'Iran-backed militias',
        id: 'generic:militia:backed-by-IRN',
        name: 'Iran-backed militias',
        country: null,
        backer: 'IRN',
        sector: 'REB',
      },
    ],
  ],
  [
    'These Iran-linked Syrian militias have denied any role.',
    [
      {
        text: 'Iran-linked Syrian militias',
        name: 'Iran-backed Syrian militias',
        country: 'SYR',
        backer: 'IRN',
        anaphor: 'demonstrative',
      },
    ],
  ],
  [
    'Two U.S. airstrikes hit weapons depots used by the group.',
    [
      { text: 'U.S.', name: 'U.S. forces', country: 'USA', sector: 'MIL', rule: 'generic:demonym+event' },
      { text: 'group', anaphor: 'definite' },
    ],
  ],
  [
    'U.S. and Iraqi forces carried out a joint raid.',
    [
      { text: 'U.S.', id: 'generic:USA:military', rule: 'generic:coordinated' },
      { text: 'Iraqi forces', id: 'generic:IRQ:military' },
    ],
  ],
  [
    'Senior Greek and Bulgarian officials pledged to reopen the border crossing.',
    [
      { text: 'Greek', id: 'generic:GRC:government', rule: 'generic:coordinated' },
      { text: 'Bulgarian officials', id: 'generic:BGR:government' },
    ],
  ],
  [
    'The standoff between the U.S. and Syrian militias deepened.',
    [
      { text: 'U.S.', id: 'USA', kind: 'state' },
      { text: 'Syrian militias', id: 'generic:SYR:militia' },
    ],
  ],
  [
    "Iran denied the report, and Iraq's foreign ministry summoned the envoy.",
    [
      { text: 'Iran', id: 'IRN', kind: 'state', sector: 'GOV' },
      { text: "Iraq's foreign ministry", id: 'generic:IRQ:ministry', rule: 'generic:possessive+agent' },
      { text: 'envoy', sector: 'GOV' },
    ],
  ],
  [
    'The government of Niger expelled the French ambassador.',
    [
      { text: 'government of Niger', id: 'generic:NER:government', country: 'NER' },
      { text: 'French ambassador', country: 'FRA' },
    ],
  ],
  [
    'Two Americans and a Briton were among the wounded.',
    [
      { text: 'Americans', id: 'generic:USA:people', country: 'USA', plural: true },
      { text: 'Briton', country: 'GBR', plural: false },
    ],
  ],
  [
    'Pro-government militias clashed with rebels in the north.',
    [
      { text: 'Pro-government militias', name: 'pro-government militias', sector: 'REB' },
      { text: 'rebels', sector: 'REB', acled: 2 },
    ],
  ],
  ['The drones were launched from Yemen, the statement said.', [], ['drones', 'Yemen']],
  ['Two militia sources said the talks were tense.', [], ['militia']],
  // --- capitals as metonyms ---
  [
    'Washington said it would respond, while Tehran has denied any involvement.',
    [
      { text: 'Washington', id: 'USA', kind: 'capital', country: 'USA', sector: 'GOV' },
      { text: 'it', kind: 'reference', anaphor: 'pronoun' },
      { text: 'Tehran', id: 'IRN', kind: 'capital' },
    ],
  ],
  ['Protests broke out in Tehran and spread to Baghdad on Friday.', [], ['Tehran', 'Baghdad']],
  // What a capital owns, when it is a part of the city, makes it the city: "Kyiv's Darnytskyi district".
  ["Russian missiles struck Kyiv's Darnytskyi district overnight.", [], ['Kyiv']],
  [
    "Moscow's response came after talks between Kyiv and Washington stalled.",
    [
      { text: 'Moscow', country: 'RUS', kind: 'capital' },
      { text: 'Kyiv', country: 'UKR', kind: 'capital' },
      { text: 'Washington', country: 'USA', kind: 'capital' },
    ],
  ],
  [
    'Kiev accused Moscow of shelling the plant.',
    [
      { text: 'Kiev', country: 'UKR', kind: 'capital' },
      { text: 'Moscow', country: 'RUS', kind: 'capital' },
    ],
  ],
  // --- named organisations and armed groups ---
  [
    "Kata'ib Hezbollah fighters fired rockets at the base.",
    [
      {
        text: "Kata'ib Hezbollah fighters",
        id: 'kataib-hezbollah',
        name: "Kata'ib Hezbollah",
        country: 'IRQ',
        kind: 'armed-group',
        acled: 3,
        plural: true,
      },
    ],
  ],
  ['The Kata’ib Hizballah statement was posted on Telegram.', [{ text: 'Kata’ib Hizballah', id: 'kataib-hezbollah' }]],
  ['KATAIB HEZBOLLAH VOWS REVENGE', [{ id: 'kataib-hezbollah' }]],
  [
    'Asaib Ahl al-Haq and Harakat al-Nujaba are part of the Popular Mobilisation Forces.',
    [
      { text: 'Asaib Ahl al-Haq', id: 'asaib-ahl-al-haq' },
      { text: 'Harakat al-Nujaba', id: 'harakat-al-nujaba' },
      { text: 'Popular Mobilisation Forces', id: 'pmf', sector: 'PRM' },
    ],
  ],
  [
    'IS fighters attacked a checkpoint; the attack is under investigation.',
    [{ text: 'IS fighters', id: 'islamic-state', plural: true }],
    ['is'],
  ],
  [
    'Al-Shabaab militants overran an African Union base in Lower Shabelle.',
    [
      { text: 'Al-Shabaab militants', id: 'al-shabaab', plural: true },
      { text: 'African Union base', id: 'au' },
    ],
  ],
  [
    'ISIS-K claimed the bombing, while the Houthis fired missiles at ships.',
    [
      { text: 'ISIS-K', id: 'iskp', country: 'AFG' },
      { text: 'Houthis', id: 'houthis', plural: true },
    ],
  ],
  [
    'The Islamic Revolutionary Guard Corps (IRGC) said its navy seized a tanker.',
    [
      { text: 'Islamic Revolutionary Guard Corps', id: 'irgc', acronym: 'IRGC' },
      { text: 'its navy', kind: 'reference', anaphor: 'pronoun' },
    ],
  ],
  [
    'The Sudan Liberation Front (SLF) ambushed an army convoy.',
    [
      {
        text: 'Sudan Liberation Front',
        id: 'org:slf',
        kind: 'armed-group',
        country: 'SDN',
        acronym: 'SLF',
        rule: 'name+acronym',
      },
    ],
  ],
  [
    'The Pentagon said CENTCOM forces struck Hezbollah and Hamas targets.',
    [
      { text: 'Pentagon', id: 'pentagon', sector: 'MIL' },
      { text: 'CENTCOM forces', id: 'centcom' },
      { text: 'Hezbollah', id: 'hezbollah' },
      { text: 'Hamas targets', id: 'hamas' },
    ],
  ],
  [
    'The U.N. Security Council and UNHCR warned of displacement.',
    [
      { text: 'U.N. Security Council', id: 'unsc', country: 'UNO', kind: 'igo' },
      { text: 'UNHCR', id: 'unhcr' },
    ],
  ],
  [
    'The Saudi-led coalition said it intercepted a Houthi drone.',
    [
      { text: 'Saudi-led coalition', id: 'saudi-led-coalition', country: 'SAU' },
      { text: 'it', kind: 'reference' },
      { text: 'Houthi drone', id: 'houthis', plural: false },
    ],
  ],
  // --- unidentified actors ---
  [
    'Unidentified gunmen killed two civilians in Kirkuk.',
    [
      { text: 'Unidentified gunmen', kind: 'unidentified', name: 'Unidentified Armed Group', sector: 'UAF', acled: 3 },
      { text: 'civilians', sector: 'CVL', acled: 7 },
    ],
  ],
  [
    'Unidentified warplanes struck a convoy near Albu Kamal.',
    [{ text: 'Unidentified warplanes', kind: 'unidentified', name: 'Unidentified Military Forces', acled: 8 }],
  ],
  [
    'Overnight, unidentified groups fired mortars at U.S. positions near Deir ez-Zor.',
    [
      { text: 'unidentified groups', kind: 'unidentified' },
      { text: 'U.S. positions', country: 'USA' },
    ],
  ],
  [
    'Masked men abducted a journalist in Basra.',
    [
      { text: 'Masked men', kind: 'unidentified' },
      { text: 'journalist', sector: 'JRN' },
    ],
  ],
  [
    'Suspected Iran-backed militias fired two rockets.',
    [{ text: 'Iran-backed militias', kind: 'generic', backer: 'IRN' }],
  ],
  // --- people ---
  [
    "The army's chief of staff Lt. Gen. Ahmed Karimi said the border was calm.",
    [
      { text: 'army', kind: 'generic', sector: 'MIL' },
      {
        text: 'Lt. Gen. Ahmed Karimi',
        id: 'person:ahmed-karimi',
        name: 'Ahmed Karimi',
        kind: 'person',
        sector: 'MIL',
        rule: 'title+name',
      },
    ],
    ['chief of staff'],
  ],
  [
    'Col. Sami al-Ali, a spokesman for the coalition, denied the claim.',
    [
      { text: 'Col. Sami al-Ali', name: 'Sami al-Ali', kind: 'person', sector: 'MIL' },
      { text: 'coalition', kind: 'generic' },
    ],
    ['spokesman'],
  ],
  [
    'Hadi Mansour, a senior commander of the Badr Organization, was arrested.',
    [
      { text: 'Hadi Mansour', kind: 'person', rule: 'name+appositive', org: 'badr-organization', country: 'IRQ' },
      { text: 'Badr Organization', id: 'badr-organization' },
    ],
  ],
  [
    "The militia's spokesman, Abu Ali al-Askari, threatened U.S. interests.",
    [
      { text: 'militia', kind: 'generic' },
      { text: 'Abu Ali al-Askari', kind: 'person', sector: 'REB', rule: 'title,name' },
      { text: 'U.S. interests', country: 'USA' },
    ],
  ],
  [
    'IRGC Aerospace Force commander Brig. Gen. Amir Ali Hajizadeh visited Damascus.',
    [
      { text: 'IRGC Aerospace Force', id: 'irgc-aerospace-force' },
      { text: 'Brig. Gen. Amir Ali Hajizadeh', id: 'amir-ali-hajizadeh', org: 'irgc-aerospace-force', sector: 'MIL' },
    ],
    ['Damascus', 'commander'],
  ],
  [
    'Afghan Supreme Leader Mullah Hibatullah Akhundzada met Russian President Vladimir Putin.',
    [
      {
        text: 'Afghan Supreme Leader Mullah Hibatullah Akhundzada',
        id: 'hibatullah-akhundzada',
        country: 'AFG',
        sector: 'GOV',
      },
      { text: 'Russian President Vladimir Putin', id: 'vladimir-putin', country: 'RUS' },
    ],
  ],
  [
    "Iraq's Prime Minister Mohammed Shia al-Sudani ordered an inquiry.",
    [{ text: 'Prime Minister Mohammed Shia al-Sudani', id: 'mohammed-shia-al-sudani', country: 'IRQ' }],
    ['Iraq'],
  ],
  [
    'President Emmanuel Macron called Erdogan on Sunday.',
    [
      { text: 'President Emmanuel Macron', id: 'emmanuel-macron' },
      { text: 'Erdogan', id: 'recep-tayyip-erdogan', rule: 'lexicon:recep-tayyip-erdogan' },
    ],
  ],
  [
    'Burns met the militia leaders at a base outside Erbil.',
    [
      { text: 'Burns', id: 'william-burns', sector: 'SPY', country: 'USA' },
      { text: 'militia leaders', id: 'generic:militia', sector: 'REB' },
    ],
  ],
  [
    'Hamas leader Ismail Haniyeh arrived in Doha.',
    [
      { text: 'Hamas', id: 'hamas' },
      { text: 'Ismail Haniyeh', id: 'ismail-haniyeh', org: 'hamas' },
    ],
    ['Doha', 'leader'],
  ],
  [
    'Brig. Gen. Yahya Rasool, spokesman for the Iraqi commander-in-chief, spoke to reporters.',
    [
      { text: 'Brig. Gen. Yahya Rasool', kind: 'person', sector: 'MIL', country: 'IRQ' },
      { text: 'Iraqi commander-in-chief', country: 'IRQ' },
      { text: 'reporters', sector: 'JRN' },
    ],
  ],
  ['Sinwar was last seen in Rafah.', [{ text: 'Sinwar', kind: 'reference', anaphor: 'surname', id: null }], ['Rafah']],
  // --- pronouns ---
  ['It is unclear whether they will attack again.', [{ text: 'they', kind: 'reference', plural: true }], ['It']],
  [
    'He said their fighters had withdrawn.',
    [
      { text: 'He', kind: 'reference', plural: false },
      { text: 'their fighters', kind: 'reference', plural: true, rule: 'pronoun+agent' },
    ],
  ],
  // --- people counted are actors; "people" alone is not ---
  ['Gunmen abducted six men from the village.', [{ text: 'men', id: 'generic:people', sector: 'CVL' }]],
  ['Dozens of people demonstrated in the square.', [{ text: 'people', id: 'generic:people' }]],
  ['A mob beat to death a man accused of blasphemy.', [{ text: 'mob' }, { text: 'man', id: 'generic:people' }]],
  ['People familiar with the matter said the talks had stalled.', [], ['People']],
  // --- places, not actors ---
  ["Indigenous people marched in Colombia's Cauca department.", [], ["Colombia's Cauca department"]],
  ['Hezbollah declared a ceasefire in south Lebanon.', [{ text: 'Hezbollah' }], ['Lebanon']],
  ['The United Nations flew 35 medical and logistics staff to Haiti.', [{ text: 'United Nations' }], ['Haiti']],
  ['Hackers took down nearly 400 Swedish Web sites.', [], ['Swedish Web sites', 'Swedish']],
  // --- protest nouns and armour after a demonym ---
  [
    'Palestinian riots against Israeli military raids spread to Nablus.',
    [
      { text: 'Palestinian', id: 'generic:PSE:protesters', sector: 'CVL', acled: 6 },
      { text: 'Israeli military', country: 'ISR' },
    ],
  ],
  ['Israeli tanks fired four shells at targets in Jericho.', [{ text: 'Israeli tanks', id: 'generic:ISR:military' }]],
];

function matches(m: ActorMention, e: Expected): boolean {
  return Object.entries(e).every(([k, v]) => (m as unknown as Record<string, unknown>)[k] === v);
}

for (const [sentence, expected, absent] of rows) {
  test(`actors: ${sentence}`, () => {
    const found = findActorMentions(sentenceOf(sentence), lexicon);
    const shown = found.map((m) => `${m.text} [${m.id}; ${m.kind}; ${m.rule}]`).join(' | ');
    let from = 0;
    for (const e of expected) {
      const at = found.findIndex((m, k) => k >= from && matches(m, e));
      assert.ok(at >= 0, `expected ${JSON.stringify(e)} in ${shown}`);
      from = at + 1;
    }
    for (const text of absent ?? []) {
      assert.ok(!found.some((m) => m.text === text), `"${text}" should not be a mention: ${shown}`);
    }
  });
}

// Known misses, kept visible: each is a sentence the stage reads wrong today.
const misses: Array<[string, string]> = [
  [
    'Washington along with its European partners called for a truce.',
    'a capital followed by "along with" is not read as the government',
  ],
  [
    'The Islamic Salvation Front (FIS) was banned.',
    'an acronym from another language (French initials) is not tied to the name',
  ],
  [
    'A Christian missionary from Winnipeg was detained in Sudan.',
    '"Christian" is read as a community member, "missionary" is unknown',
  ],
];
for (const [sentence, why] of misses) test(`actors: known miss — ${sentence} (${why})`, { todo: true }, () => {});

test('actors: mentions carry document offsets of their text', () => {
  const s = sentenceOf('Kata’ib Hezbollah and U.S. forces traded fire.');
  for (const m of findActorMentions(s, lexicon)) {
    assert.equal(s.text.slice(m.start - s.start, m.end - s.start), m.text);
    assert.equal(m.sentence, s.index);
  }
});

test('actors: speed — under 30 microseconds per token', () => {
  const text =
    'A senior Turkish military commander urged Syrian tribal fighters to step up raids on Kurdish-led forces in Syria during talks last month, four tribal sources and one opposition source told AFP, while Washington said Kata’ib Hezbollah fighters and unidentified gunmen had targeted the base.';
  const s = sentenceOf(text);
  for (let k = 0; k < 200; k++) findActorMentions(s, lexicon);
  const rounds = 2000;
  const t0 = process.hrtime.bigint();
  for (let k = 0; k < rounds; k++) findActorMentions(s, lexicon);
  const micros = Number(process.hrtime.bigint() - t0) / 1000 / rounds / s.tokens.length;
  assert.ok(micros < 30, `${micros.toFixed(2)} µs per token`);
});
