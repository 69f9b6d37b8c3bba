import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadOutletLexicon } from '../../resources/outlets.ts';
import { sentenceOf, sentencesOf } from '../testing.ts';
import { type Attribution, findAttributions, mergeSources, refersBack, type SourceRef } from './find.ts';

const outlets = loadOutletLexicon(fileURLToPath(new URL('../../../data', import.meta.url)));

/** A source as "text=count" + "a" (anonymous) or "n" (named) + ":kind" + "^" when it points back. */
function showSource(s: SourceRef): string {
  return `${s.text}=${s.count}${s.anonymous ? 'a' : 'n'}${s.kind ? `:${s.kind}` : ''}${refersBack(s) ? '^' : ''}`;
}

/** An attribution as "status/verb [outlets] sources". */
function show(a: Attribution): string {
  return `${a.status}/${a.verb} [${a.outlets.join(', ')}] ${a.sources.map(showSource).join('; ')}`.trimEnd();
}

// Invented, news-style sentences → the attributions expected, in reading order.
const ROWS: ReadonlyArray<readonly [string, readonly string[]]> = [
  [
    'A Turkish commander urged the factions to press their raids, four militia sources and two Syrian security sources familiar with the talks told AFP.',
    [
      'reported/told [Agence France-Presse] four militia sources=4a:militia; two Syrian security sources familiar with the talks=2a:security',
    ],
  ],
  [
    'A Western official in Ankara, who was briefed on the talks, told AFP that the commander met tribal leaders.',
    ['reported/told [Agence France-Presse] A Western official in Ankara=1a:official'],
  ],
  [
    'Two police officers and a hospital official, who spoke on condition of anonymity, said the bomb exploded near a bus stop.',
    ['reported/said [] Two police officers=2a:police; a hospital official=1a:hospital'],
  ],
  [
    'A spokesman for the coalition, Col. Sami al-Ali, said the strike hit an arms depot.',
    ['reported/said [] A spokesman for the coalition, Col. Sami al-Ali=1n:spokesman'],
  ],
  ['Sources said the convoy was hit near the crossing.', ['reported/said [] Sources=2a']],
  [
    'Officials told AFP that the negotiations had stalled.',
    ['reported/told [Agence France-Presse] Officials=2a:official'],
  ],
  ['The rockets struck an empty field, Reuters reported.', ['reported/reported [Reuters]']],
  ['State media reported a large explosion at the port.', ['reported/reported [state media]']],
  [
    'The group said in a statement on Telegram that it had carried out the attack.',
    ['claimed/said [] The group=1n:group'],
  ],
  [
    'Rescue teams recovered nine bodies, according to AFP, citing state media.',
    ['reported/according to [Agence France-Presse, state media]'],
  ],
  ['Islamic State claimed responsibility for the bombing in a statement.', ['claimed/claimed [] Islamic State=1n']],
  ['The militia denied any role in the attack.', ['denied/denied [] The militia=1n:militia']],
  [
    'The ministry rejected claims that its forces had shelled the village.',
    ['denied/rejected [] The ministry=1n:government'],
  ],
  ['The ambush was blamed on Islamic State.', ['suspected/blamed []']],
  [
    'Turkish outposts were shelled twice overnight, in attacks suspected of being staged by Kurdish fighters.',
    ['suspected/suspected []'],
  ],
  ['The militia is believed to be behind the kidnapping.', ['suspected/believed []']],
  ["The minister's alleged role in the scheme drew protests.", ['alleged/alleged []']],
  [
    'Police said the driver allegedly ignored orders to stop.',
    ['reported/said [] Police=1n:police', 'alleged/allegedly []'],
  ],
  ['One of the officers said the gate had been left open.', ['reported/said [] One of the officers=1a:security^']],
  ['The same sources said the commander had fled to Syria.', ['reported/said [] The same sources=2a^']],
  [
    '"We will respond," said Col. John Smith, a spokesman for the army.',
    ['reported/said [] Col. John Smith, a spokesman for the army=1n:spokesman'],
  ],
  [
    'The Syrian Observatory for Human Rights said 12 fighters were killed.',
    ['reported/said [] The Syrian Observatory for Human Rights=1n:monitor'],
  ],
  [
    'Iranian state television, citing the Revolutionary Guards, said the drone was shot down.',
    ['reported/said [Iranian state television] the Revolutionary Guards=1n:military'],
  ],
  ['Kirby told reporters the strike was lawful.', ['reported/told [] Kirby=1n']],
  ['The official added that no decision had been made.', ['reported/added [] The official=1a:official^']],
  [
    'Rebels shelled the outpost near the river Tuesday sources on both sides said.',
    ['reported/said [] sources on both sides=2a'],
  ],
  [
    'The semi-official Tasnim news agency reported that three guards were wounded.',
    ['reported/reported [Tasnim News Agency]'],
  ],
  [
    'Col. Sami al-Ali, a spokesman for the coalition, told Reuters the raid was over.',
    ['reported/told [Reuters] Col. Sami al-Ali, a spokesman for the coalition=1n:spokesman'],
  ],
  [
    'A local resident told the Kurdish outlet Rudaw that shelling continued overnight.',
    ['reported/told [Rudaw] A local resident=1a:resident'],
  ],
  [
    'According to Pentagon sources, the drones were launched from Iraq.',
    ['reported/according to [] Pentagon sources=2a:military'],
  ],
  [
    'In an interview with the BBC, the foreign minister said talks would resume.',
    ['reported/said [BBC] the foreign minister=1n:government'],
  ],
  [
    'The attack was carried out by suspected militants, witnesses said.',
    ['suspected/suspected []', 'reported/said [] witnesses=2a:witness'],
  ],
  ['Hezbollah said its fighters had fired rockets at a military post.', ['claimed/said [] Hezbollah=1n']],
  [
    'A militia officer briefed on the talks, acting as one of the four militia sources, said the plan came from Ankara.',
    ['reported/said [] A militia officer briefed on the talks=1a:militia^'],
  ],
  [
    "The general pressed for new raids, said a militia officer briefed on the talks acting as one of AFP's four militia sources.",
    [
      "reported/said [Agence France-Presse] a militia officer briefed on the talks acting as one of AFP's four militia sources=1a:militia^",
    ],
  ],
  [
    '"The situation is calm," a police spokesman told AFP.',
    ['reported/told [Agence France-Presse] a police spokesman=1a:police'],
  ],
  ['Reuters could not independently verify the report.', []],
  ['The statement did not say how many were hurt.', []],
  ['It was not immediately clear who was behind the blast.', []],
  ['Witnesses told Al Jazeera that the building collapsed.', ['reported/told [Al Jazeera] Witnesses=2a:witness']],
  ['The Pentagon said two service members were slightly injured.', ['reported/said [] The Pentagon=1n:military']],
  [
    'Ukrinform reported, citing the regional governor, that a drone hit a school.',
    ['reported/reported [Ukrinform] the regional governor=1n:government'],
  ],
  [
    'A Taliban spokesman, Zabihullah Mujahid, denied the report.',
    ['denied/denied [] A Taliban spokesman, Zabihullah Mujahid=1n:spokesman'],
  ],
  ['Dozens of witnesses said the soldiers fired first.', ['reported/said [] Dozens of witnesses=12a:witness']],
  ['The Houthis claimed to have downed a U.S. drone.', ['claimed/claimed [] The Houthis=1n:group']],
  ['Residents said an unnamed official had ordered the evacuation.', ['reported/said [] Residents=2a:resident']],
  ['Russia accused Ukraine of shelling the plant.', ['alleged/accused [] Russia=1n']],
  ['The attack was claimed by al-Shabaab.', ['claimed/claimed [] al-Shabaab=1n']],
  [
    'An Iraqi security official, speaking on condition of anonymity, told Shafaq News that two rockets hit the base.',
    ['reported/told [Shafaq News] An Iraqi security official=1a:security'],
  ],
  [
    'Militia leaders told Al-Masdar News (AMN) that the convoy was targeted twice.',
    ['reported/told [Al-Masdar News] Militia leaders=2a:militia'],
  ],
  [
    'The army said in a statement carried by SANA that it had repelled the assault.',
    ['claimed/said [SANA] The army=1n:military'],
  ],
  [
    'State television quoted a military spokesman as saying the border was sealed.',
    ['reported/quoted [state television] a military spokesman=1a:military'],
  ],
  ['Two people were killed, the Interior Ministry said.', ['reported/said [] the Interior Ministry=1n:government']],
  ['The strike was reported by the Associated Press.', ['reported/reported [Associated Press]']],
  ['No group has claimed responsibility for the blast.', []],
  [
    'The Pakistani Taliban (TTP), which is active in the area, said it was not involved.',
    ['denied/said [] The Pakistani Taliban=1n'],
  ],
  [
    'The Islamic State Khorasan Province (ISKP) claimed the attack through its Amaq news agency.',
    ['claimed/claimed [Amaq] The Islamic State Khorasan Province=1n'],
  ],
  [
    'A guard was shot, a security source told Levant Observer.',
    ['reported/told [Levant Observer] a security source=1a:security'],
  ],
  [
    'At least nine people were killed, a hospital official in the besieged provincial capital said.',
    ['reported/said [] a hospital official in the besieged provincial capital=1a:hospital'],
  ],
  [
    'Foreign Office spokeswoman Amira Haddad on Wednesday accused the rebels of shelling the town.',
    ['alleged/accused [] Foreign Office spokeswoman Amira Haddad=1n:spokesman'],
  ],
  [
    'The Syrian Observatory for Human Rights (SOHR), a Britain-based war monitor, said nine fighters were killed.',
    ['reported/said [] The Syrian Observatory for Human Rights (SOHR), a Britain-based war monitor=1n:monitor'],
  ],
  [
    'The Islamic Resistance in Iraq, an umbrella of Iran-aligned factions, claimed the attack in a statement on its Telegram channel.',
    ['claimed/claimed [] The Islamic Resistance in Iraq=1n'],
  ],
  [
    'Seven protesters were hurt, a health official told Gulf Ledger, speaking on condition of anonymity.',
    ['reported/told [Gulf Ledger] a health official=1a:medical'],
  ],
  ['Suspected rebels burned the market overnight.', ['suspected/suspected []']],
];

test('claims: findAttributions reads who says so', () => {
  const misses: string[] = [];
  for (const [text, expected] of ROWS) {
    const got = findAttributions(sentenceOf(text), outlets).map(show);
    if (JSON.stringify(got) !== JSON.stringify(expected))
      misses.push(`${text}\n   got ${JSON.stringify(got)}\n  want ${JSON.stringify(expected)}`);
  }
  assert.deepEqual(misses, []);
});

test('claims: an attribution carries its words and offsets, and each source its own', () => {
  const text = 'The convoy was hit near the border, two militia sources told AFP on Monday.';
  const [a] = findAttributions(sentenceOf(text), outlets);
  assert.ok(a);
  assert.equal(a.text, 'two militia sources told AFP');
  assert.equal(text.slice(a.start, a.end), a.text);
  assert.equal(a.rule, 'claim:speaker-before');
  const [source] = a.sources;
  assert.ok(source);
  assert.equal(text.slice(source.start, source.end), 'two militia sources');
});

/** Anonymous sources summed over a whole text, the way an event gathers them across its sentences. */
function anonymousTotal(text: string): number {
  let sources: SourceRef[] = [];
  for (const sentence of sentencesOf(text)) {
    for (const a of findAttributions(sentence, outlets)) sources = mergeSources(sources, a.sources);
  }
  return sources.filter((s) => s.anonymous).reduce((n, s) => n + s.count, 0);
}

const MERGES: ReadonlyArray<readonly [string, number]> = [
  [
    'A Turkish general pressed the factions to expand their raids, four militia sources and two Syrian security sources familiar with the talks told AFP. ' +
      'A Western official in Ankara, who was briefed on the talks, told AFP that the general met tribal leaders. ' +
      'Four militia sources said the general counselled patience. ' +
      "He also pressed for new raids, said a militia officer briefed on the talks acting as one of AFP's four militia sources. " +
      'A Western official in Ankara told AFP that the plan came from Ankara.',
    7,
  ],
  ['An Iraqi official said the base was hit. A U.S. official said the damage was light.', 2],
  ['Two police officers said the gate was open. One of the officers said the guards had fled.', 2],
  ['Police said the road was closed. Police also said two suspects were held.', 0],
  ['Two witnesses said the car exploded. The same witnesses said the driver ran away.', 2],
];

test('claims: mergeSources adds sources up across sentences without counting back-references', () => {
  const misses: string[] = [];
  for (const [text, expected] of MERGES) {
    const got = anonymousTotal(text);
    if (got !== expected) misses.push(`${text.slice(0, 80)}…: got ${got}, want ${expected}`);
  }
  assert.deepEqual(misses, []);
});

test('claims: mergeSources keeps named sources once', () => {
  const a: SourceRef = { text: 'the Pentagon', anonymous: false, count: 1, kind: 'military', start: 0, end: 12 };
  const b: SourceRef = { text: 'The Pentagon', anonymous: false, count: 1, kind: 'military', start: 40, end: 52 };
  const c: SourceRef = { text: 'Col. Sami al-Ali', anonymous: false, count: 1, kind: 'military', start: 60, end: 76 };
  assert.deepEqual(
    mergeSources([a], [b, c]).map((s) => s.text),
    ['the Pentagon', 'Col. Sami al-Ali'],
  );
});
