import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventRecord } from '../core/record.ts';
import { loadResources } from '../resources/load.ts';
import { extractBatch, extractEvents } from './pipeline.ts';

const resources = loadResources();
const run = (text: string, published = '2024-05-15') => extractEvents({ id: 'doc', text, published }, resources).events;
const who = (list: EventRecord['actor']) => list.map((a) => a.text).join('+') || '?';
const brief = (e: EventRecord) => `${e.type} ${who(e.actor)} → ${who(e.recipient)}`;

/** [report, its events as "TYPE actor → recipient", in order] — roles, merge and inference together. */
const rows: [string, string[]][] = [
  ['Gunmen attacked a police checkpoint in Kirkuk on Monday.', ['ASSAULT Gunmen → police checkpoint']],
  ['The convoy was ambushed by al-Shabaab fighters near Afgooye.', ['ASSAULT al-Shabaab fighters → ?']],
  ['Israeli airstrikes on Hezbollah positions killed three fighters.', ['ASSAULT Israeli → Hezbollah positions']],
  // The weapon's owner is the actor: "a Malian army drone struck", not the compound "drone strike".
  [
    'A Malian army drone struck a pickup truck near Gao on Monday, killing three militants.',
    ['ASSAULT Malian army drone → militants'],
  ],
  [
    'Turkish forces shelled Kurdish militia positions in northern Syria.',
    ['ASSAULT Turkish forces → Kurdish militia positions'],
  ],
  ['The minister called on the rebels to lay down their arms.', ['REQUEST minister → rebels']],
  ['Hamas vowed to attack Israeli troops.', ['THREATEN Hamas → Israeli troops']],
  ['Police arrested three journalists in Kampala on Friday.', ['COERCE Police → journalists']],
  // "abducted" is a verb the tagger does not know (it reads a noun); "members of" a party are the party's.
  ['Unidentified gunmen abducted six men from a village near Kano on Friday.', ['ASSAULT Unidentified gunmen → men']],
  ['Police arrested 14 members of the opposition party in Harare on Sunday.', ['COERCE Police → opposition party']],
  // What one announces is one's own act: the announcer is the actor, not only the source.
  [
    'The United States announced new sanctions on two RSF commanders on Monday.',
    ['SANCTION United States → RSF commanders'],
  ],
  // Civilians on both sides: the residents who beat, the woman beaten.
  ['Residents beat to death a woman in Sokoto on Thursday.', ['PROTEST Residents → woman']],
  [
    'French President Emmanuel Macron met Kenyan President William Ruto in Paris on Monday.',
    ['CONSULT French President Emmanuel Macron → Kenyan President William Ruto'],
  ],
  [
    'Militants carried out a string of attacks on army posts last week. The attacks killed four soldiers.',
    ['ASSAULT Militants → army posts'],
  ],
  [
    'Rebels carried out three attacks on villages on Sunday. One attack, on the village of Kiwanja, killed two civilians.',
    ['ASSAULT Rebels → ?', 'ASSAULT Rebels → civilians'],
  ],
  [
    'Turkish airstrikes hit militia camps on Friday. The strikes followed mortar attacks by the militias on Turkish troops in prior weeks.',
    ['ASSAULT Turkish → militia camps', 'ASSAULT militias → Turkish troops'],
  ],
  // A stated intention is the promise or threat it makes (PLOVER): "will support" is AGREE.
  ["Portugal will support Turkey's bid to join the bloc, its president said.", ['AGREE Portugal → Turkey']],
  // "X must …": the speaker asks, X is asked.
  ['Russia said on Monday that Ukraine must withdraw its troops.', ['REQUEST Russia → Ukraine']],
  // With no party named, a visit's recipient is the place visited.
  ['The Iraqi president arrived in Amman on Wednesday for talks.', ['CONSULT Iraqi president → Amman']],
  // A noun event named only as the background of another is no record of its own.
  ['Chad and Niger signed a truce after a week of heavy fighting.', ['AGREE Chad+Niger → ?']],
  ['No arrests were made.', []],
  // The one who strikes a mine is on the receiving end.
  ['A Malian army convoy struck a landmine near Gao on Monday.', ['ASSAULT ? → Malian army convoy']],
  // Violence by a crowd is a riot; the fighting behind a capture is part of it.
  ['A mob beat to death a man accused of theft in Kano on Friday.', ['PROTEST mob → man']],
  ['Rebels took control of the town after government troops withdrew.', ['ASSAULT Rebels → government troops']],
  // A participle that describes a party is no event: "protesters demanding …".
  ['Protesters demanding cheaper fuel threw stones at police in Lagos.', ['PROTEST Protesters → police']],
];

for (const [text, expected] of rows) {
  test(`pipeline: ${text}`, () => assert.deepEqual(run(text).map(brief), expected));
}

test('pipeline: a group singled out keeps its own record and takes the group’s date', () => {
  const [group, one] = run(
    'Rebels carried out three attacks on villages on Sunday. One attack, on the village of Kiwanja, killed two civilians.',
  );
  assert.equal(group?.count?.min, 3);
  assert.equal(one?.killed?.min, 2);
  assert.equal(one?.date?.start, '2024-05-12');
  assert.equal(one?.date?.basis, 'inherited');
  assert.equal(one?.date?.precision, 'week', 'an inherited date says so with a lower precision');
});

test('pipeline: a stated link becomes a link between the records', () => {
  const [strikes, attacks] = run(
    'Turkish airstrikes hit militia camps on Friday. The strikes followed mortar attacks by the militias on Turkish troops in prior weeks.',
  );
  assert.deepEqual(
    strikes?.links.map((l) => [l.relation, l.event]),
    [['after', attacks?.id]],
  );
  assert.ok((attacks?.date?.end ?? '') < (strikes?.date?.start ?? ''), 'the attacks came before the strikes');
});

test('pipeline: every field names the rule behind it, and the evidence points at the sentence', () => {
  const text =
    'KABUL (Test Wire) - A roadside bomb killed two soldiers in Kandahar on Tuesday, two officials told Test Wire.';
  const [event] = run(text);
  assert.equal(event?.acled?.sub_event_type, 'Remote explosive/landmine/IED');
  assert.equal(event?.killed?.min, 2);
  assert.equal(
    event?.claim.sources.reduce((n, s) => n + s.count, 0),
    2,
  );
  assert.ok(event?.provenance.fields.type?.startsWith('trigger:'));
  assert.ok(event?.provenance.fields.date);
  assert.ok(event?.provenance.fields.place);
  const evidence = event?.evidence[0];
  assert.equal(text.slice(evidence?.start, evidence?.end), evidence?.text);
  assert.match(event?.provenance.extractor ?? '', /^\d+\.\d+\.\d+\+data\.[0-9a-f]{12}$/);
});

test('pipeline: words every object inherits and a sentence cut short do not break extraction', () => {
  assert.doesNotThrow(() => run('The constructor of the toString plant said valueOf and hasOwnProperty were killed.'));
  assert.doesNotThrow(() => run('Talks were held between Hungarian and'));
  assert.doesNotThrow(() => run('Militants attacked the __proto__ checkpoint, killing constructor.'));
});

test('pipeline: a batch gives each document exactly what it gets alone', () => {
  const inputs = rows.map(([text], i) => ({ id: `doc-${i}`, text, published: i % 2 === 0 ? '2024-05-15' : null }));
  const alone = inputs.map((input) => extractEvents(input, resources));
  assert.deepEqual(extractBatch(inputs, resources), alone);
  assert.deepEqual(extractBatch([], resources), []);
});

test('pipeline: ", killing two" tells more of the main clause, past a word of another kind between them', () => {
  const events = run('Police opened fire on students protesting against job quotas in Dhaka on Thursday, killing two.');
  const shooting = events.find((e) => e.type === 'ASSAULT');
  assert.equal(shooting?.killed?.min, 2);
  // The students protested; they did not riot because the police killed two of them.
  assert.deepEqual(
    events.filter((e) => e.type === 'PROTEST').map((e) => [e.mode, e.killed]),
    [['demo', null]],
  );
});

test('pipeline: a toll told after a semicolon is the toll of the clash before it', () => {
  const events = run('Clashes broke out between rival armed groups near Kidal on Friday; three fighters were killed.');
  assert.equal(events.length, 1);
  assert.equal(events[0]?.actor[0]?.text, 'armed groups', 'both sides are of the one group named');
  assert.equal(events[0]?.killed?.min, 3);
});

test('pipeline: a toll told in a sentence of its own is the toll of the attack before it, and its evidence', () => {
  const [event, ...more] = run('A rocket hit a military base near Bashiqa on Monday. No casualties were reported.');
  assert.equal(more.length, 0);
  assert.deepEqual(
    [event?.killed, event?.injured],
    [
      { min: 0, max: 0 },
      { min: 0, max: 0 },
    ],
  );
  assert.deepEqual(
    event?.evidence.map((e) => [e.text, e.trigger === null]),
    [
      ['A rocket hit a military base near Bashiqa on Monday.', false],
      ['No casualties were reported.', true],
    ],
  );
  // A count already told is kept; a toll after a meeting, or in another paragraph, is no attack's.
  const [told] = run('Gunmen killed two guards at a checkpoint near Kirkuk on Monday. Three more were wounded.');
  assert.deepEqual([told?.killed?.min, told?.injured?.min], [2, 3]);
  const [meeting] = run('The two ministers met in Baghdad on Monday. No casualties were reported.');
  assert.equal(meeting?.killed, null);
  const [apart] = run('A rocket hit a military base near Bashiqa on Monday.\n\nNo casualties were reported.');
  assert.equal(apart?.killed, null);
});

test('pipeline: the toll told after a riot is the riot’s', () => {
  const events = run(
    'Rioters burned tyres and threw stones at police in Gujranwala on Sunday. Twelve people were injured.',
  );
  assert.deepEqual(
    events.map((e) => [e.type, e.injured?.min]),
    [['PROTEST', 12]],
  );
  const [calm] = run(
    'Rioters burned tyres and threw stones at police in Gujranwala on Sunday. There were no casualties.',
  );
  assert.deepEqual([calm?.type, calm?.killed, calm?.injured], ['PROTEST', { min: 0, max: 0 }, { min: 0, max: 0 }]);
});
