import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sentenceOf } from '../testing.ts';
import { type CasualtyMention, findCasualties } from './find.ts';

/** One mention as "kind min-max victims" ("∞" for no upper bound, "-" for no victims). */
function show(m: CasualtyMention): string {
  return `${m.kind} ${m.min}-${m.max ?? '∞'} ${m.victims ?? '-'}`;
}

// Invented, news-style sentences → the mentions expected, in reading order.
const ROWS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['Gunmen ambushed a patrol near Kirkuk, killing two fighters.', ['killed 2-2 fighters']],
  ['At least six militia fighters were killed in the shelling, the faction said.', ['killed 6-∞ militia fighters']],
  ['The drone strike killed three civilians and wounded five.', ['killed 3-3 civilians', 'injured 5-5 civilians']],
  ['The car bomb left 12 dead outside the market.', ['killed 12-12 -']],
  [
    'A mortar strike on the camp caused injuries to five people, including three Italian soldiers.',
    ['injured 5-5 people'],
  ],
  [
    'Two soldiers were killed and five others injured when their convoy hit a mine.',
    ['killed 2-2 soldiers', 'injured 5-5 soldiers'],
  ],
  ['A civilian was killed by stray fire in the old city.', ['killed 1-1 civilian']],
  ['One person died after the shelling of the village.', ['killed 1-1 person']],
  ['The blast claimed the lives of 14 worshippers.', ['killed 14-14 worshippers']],
  ['The death toll from the bombing rose to 30 on Tuesday.', ['killed 30-30 -']],
  [
    'Militants stormed the checkpoint, killing and injuring an unknown number of people.',
    ['killed 1-∞ people', 'injured 1-∞ people'],
  ],
  ['Neither fatalities nor injuries were reported in the attack.', ['killed 0-0 -', 'injured 0-0 -']],
  ['No casualties were reported after the drone was shot down.', ['killed 0-0 -', 'injured 0-0 -']],
  ['There were no injuries, police said.', ['injured 0-0 -']],
  ['Dozens were wounded in the clashes.', ['injured 12-∞ -']],
  ['The shelling wounded tens of people in the district.', ['injured 10-∞ people']],
  ['The bomber killed himself and 11 others at the checkpoint.', ['killed 11-11 others']],
  ['The attacker blew himself up at the gate.', []],
  ['Abu Hassan al-Tamimi was killed in the raid.', ['killed 1-1 Abu Hassan al-Tamimi']],
  ['Rescuers recovered the bodies of 7 fishermen from the river.', ['killed 7-7 fishermen']],
  ['Three aid workers were abducted on the road to the camp.', ['abducted 3-3 aid workers']],
  ['Five were arrested after the protest, police said.', ['arrested 5-5 -']],
  ['The Senate killed the bill on Thursday.', []],
  ['A 30-year-old man was shot dead at the checkpoint.', ['killed 1-1 30-year-old man']],
  ['The convoy was ambushed 4 km from the border.', []],
  ['Two attacks hit the base last week.', []],
  [
    'Police arrested 12 protesters and detained two journalists.',
    ['arrested 12-12 protesters', 'arrested 2-2 journalists'],
  ],
  [
    'Riot police fired tear gas and live rounds, killing one man and arresting 17.',
    ['killed 1-1 man', 'arrested 17-17 -'],
  ],
  [
    'A roadside bomb killed one British soldier and wounded three others.',
    ['killed 1-1 British soldier', 'injured 3-3 British soldier'],
  ],
  ['Three suicide bombers killed 17 worshippers as well as themselves.', ['killed 17-17 worshippers']],
  ['At least five Afghan villagers have been killed by a truck bomb in Kandahar.', ['killed 5-∞ Afghan villagers']],
  ['Fighters killed the deputy commander of the rival faction.', ['killed 1-1 deputy commander of the rival faction']],
  ["A drone strike killed the group's top commander, Abu Omar.", ["killed 1-1 group's top commander"]],
  ['Nobody was hurt in the incident.', ['injured 0-0 -']],
  ['No one was killed or injured, the ministry said.', ['killed 0-0 -', 'injured 0-0 -']],
  ['There were no immediate reports of casualties.', ['killed 0-∞ -', 'injured 0-∞ -']],
  ['Nearly 40 people were killed in the fighting.', ['killed 36-39 people']],
  ['Four service members suffered minor injuries, an official said.', ['injured 4-4 service members']],
  ['Three guards sustained serious shrapnel wounds.', ['injured 3-3 guards']],
  ['The town suffered heavy damage in the storm.', []],
  ['Two senior commanders of the group were killed in the strike.', ['killed 2-2 senior commanders of the group']],
  ['Five members of a local militia were wounded.', ['injured 5-5 members of a local militia']],
  ['Between 10 and 15 soldiers died of their wounds.', ['killed 10-15 soldiers']],
  ['Four Iraqis died when the roof collapsed.', ['killed 4-4 Iraqis']],
  ['Clashes left three people dead and 20 wounded.', ['killed 3-3 people', 'injured 20-20 people']],
  ['Three civilians killed in airstrike on market.', ['killed 3-3 civilians']],
  ['Gunmen kidnapped two engineers working on the dam.', ['abducted 2-2 engineers']],
  ['The army captured the town after heavy fighting.', []],
  ['Rebels captured three soldiers near the airport.', ['abducted 3-3 soldiers']],
  ['Seven bodies were found in a mass grave.', ['killed 7-7 -']],
  ['The blast caused 12 deaths and dozens of injuries.', ['killed 12-12 -', 'injured 12-∞ -']],
  ['Police said more than 20 people were arrested overnight.', ['arrested 21-∞ people']],
  ['Up to 30 people were killed in the flooding.', ['killed 1-30 people']],
  ['Two people were wounded, one of them seriously.', ['injured 2-2 people']],
  ['Taliban fighters killed 12 Afghan policemen at a checkpoint.', ['killed 12-12 Afghan policemen']],
  [
    'An Israeli strike killed a Hamas commander and two of his bodyguards.',
    ['killed 1-1 Hamas commander', 'killed 2-2 bodyguards'],
  ],
  ['He was killed in a drone strike on his car.', ['killed 1-1 -']],
  ['Three people are missing after the boat was attacked.', ['missing 3-3 people']],
  ['Four policemen were shot and killed at a checkpoint.', ['killed 4-4 policemen']],
  ['The toll could rise further, officials warned.', []],
  ['The minister said she would kill the proposal.', []],
  ['The kidnappers released the hostages on Friday.', []],
  ['Dozens of protesters were detained in the capital.', ['arrested 12-∞ protesters']],
  ['Insurgents killed scores of villagers in the night raid.', ['killed 20-∞ villagers']],
  [
    "An Israeli airstrike killed Hezbollah's top commander, Fuad Shukr, in 2024.",
    ["killed 1-1 Hezbollah's top commander"],
  ],
  ['The gunmen took 30 passengers hostage.', []],
  ['Two of the guards were wounded in the exchange of fire.', ['injured 2-2 guards']],
  ['The attack did not cause any casualties, the army said.', ['killed 0-0 -', 'injured 0-0 -']],
  ['The clashes killed five, including two children.', ['killed 5-5 -']],
  ['Six people, including a child, were injured by falling debris.', ['injured 6-6 people']],
  ['Fighting killed the Kurdish commander Ahmed Barzani near the dam.', ['killed 1-1 Kurdish commander Ahmed Barzani']],
  ['Israeli troops shot dead two Palestinians at a checkpoint.', ['killed 2-2 Palestinians']],
  ['A mob beat to death a man accused of theft.', ['killed 1-1 man']],
  // A year before a comma is the date's, not a group of victims to add up.
  ['On 15 June 2024, two women were killed when a shell hit their house.', ['killed 2-2 women']],
  ['A policeman, a soldier and two civilians were killed.', ['killed 4-4 A policeman, a soldier and two civilians']],
  // Those already counted as hurt who died: killed, and no new count of the wounded.
  ['Two of the wounded died later in hospital.', ['killed 2-2 wounded']],
  ['Three of the injured were in critical condition.', []],
  ['The number of dead rose to 45 overnight.', ['killed 45-45 -']],
  ['A policeman and two civilians were killed in the blast.', ['killed 3-3 A policeman and two civilians']],
  ['Twenty people were killed or wounded in the shelling.', []],
  ['The rebels shelled the town, killing or wounding 50.', []],
  ['Gunmen gunned down a judge outside the courthouse.', ['killed 1-1 judge']],
  ['Nine people were reported killed and 14 injured.', ['killed 9-9 people', 'injured 14-14 people']],
  ['A drone was shot down over the city.', []],
  ['There was no word on casualties from the border post.', ['killed 0-∞ -', 'injured 0-∞ -']],
  ['Officials did not say how many soldiers had died.', []],
  ['Police arrested three suspected smugglers near the port.', ['arrested 3-3 suspected smugglers']],
];

test('casualties: findCasualties reads counts from sentences', () => {
  const misses: string[] = [];
  for (const [text, expected] of ROWS) {
    const got = findCasualties(sentenceOf(text)).map(show);
    if (JSON.stringify(got) !== JSON.stringify(expected))
      misses.push(`${text}\n   got ${JSON.stringify(got)}\n  want ${JSON.stringify(expected)}`);
  }
  assert.deepEqual(misses, []);
});

test('casualties: a mention carries its words, offsets and rule', () => {
  const text = 'On Sunday, gunmen opened fire, killing at least four fighters near the dam.';
  const sentence = sentenceOf(text);
  const [m] = findCasualties(sentence);
  assert.ok(m);
  assert.equal(m.text, 'killing at least four fighters');
  assert.equal(text.slice(m.start, m.end), m.text);
  assert.equal(m.rule, 'casualty:killed-active');
  assert.equal(m.sentence, 0);
  const [none] = findCasualties(sentenceOf('No casualties were reported.'));
  assert.equal(none?.rule, 'casualty:none-reported');
  const [passive] = findCasualties(sentenceOf('Two soldiers were killed.'));
  assert.equal(passive?.rule, 'casualty:killed-passive');
});
