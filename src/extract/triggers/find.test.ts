import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadTriggerLexicon } from '../../resources/triggers.ts';
import { sentenceOf } from '../testing.ts';
import { findTriggers } from './find.ts';

const lexicon = loadTriggerLexicon('data');

/** [sentence, the events it holds as "TYPE/mode/modality" (mode and modality left out when null/asserted)] */
const rows: [string, string[]][] = [
  ['Warplanes carried out two airstrikes on a depot near Mosul.', ['ASSAULT/aerial']],
  ['Gunmen opened fire on a checkpoint, killing two soldiers.', ['ASSAULT/firearms']],
  ['A roadside bomb exploded next to a patrol in Kandahar.', ['ASSAULT/explosives']],
  ['Rebels shelled the outskirts of the city overnight.', ['ASSAULT/heavy-weapons']],
  ['Government troops and rebels clashed near the border.', ['ASSAULT']],
  ['The militia vowed to attack foreign troops.', ['THREATEN/violence']],
  // A promise of help is an agreement, whatever violence its words name after it.
  ['The minister pledged support for efforts to end the war.', ['AGREE']],
  ['The minister urged the militias to stop their attacks.', ['REQUEST']],
  ['The president met his French counterpart in Paris.', ['CONSULT']],
  ['Police arrested five protesters outside parliament.', ['COERCE/arrest']],
  ['The two sides agreed to a ceasefire on Sunday.', ['AGREE']],
  ['Thousands of students demonstrated in the capital.', ['PROTEST/demo']],
  ['The army did not attack the village.', ['ASSAULT//negated']],
  ['The foreign ministry accused Turkey of violating its airspace.', ['ACCUSE/allege']],
  ['The United States imposed sanctions on three commanders.', ['SANCTION']],
  ['Kenya deployed 400 police officers to Haiti.', ['MOBILIZE/troops']],
  ['The rebels released 20 prisoners on Friday.', ['RETREAT/release']],
  ['The agency delivered food aid to Gaza.', ['AID']],
  ['The government rejected the proposal.', ['REJECT']],
  ['Officials said the envoy failed to yield any concessions.', []],
  ['The general urged his officers to intensify the shelling during a meeting on Monday.', ['REQUEST', 'CONSULT']],
  ['Militants kidnapped three engineers on the highway.', ['ASSAULT/abduct']],
  ['A suicide bomber blew himself up at a market.', ['ASSAULT/suicide-attack']],
  ['The group could attack again, analysts warned.', ['ASSAULT//hypothetical', 'THREATEN']],
  ['Protests erupted in March after the vote.', ['PROTEST/demo']],
  ['The convoy was attacked by unidentified gunmen.', ['ASSAULT']],
  ['The Taliban publicly flogged three men in Ghazni.', ['ASSAULT/beat']],
  ['Security forces fired live ammunition at the crowd.', ['ASSAULT/firearms']],
  // What is discussed is a topic, not an event.
  ['Mediators met Hamas leaders in Cairo to discuss a ceasefire.', ['CONSULT']],
  // A town taken (a change of territory), not goods seized.
  ['Rebels seized the town of Rubaya after heavy fighting.', ['ASSAULT', 'ASSAULT']],
  ['Customs officers seized two tonnes of cocaine at the port.', ['COERCE/seize']],
  // Violence averted: the bomb defused is no attack of its own.
  ['Engineers defused a roadside bomb on the highway.', ['COERCE/seize']],
  ['Police seized a weapons cache in a house in Mosul.', ['COERCE/seize']],
  ['The group said it had seized weapons and vehicles.', ['COERCE/seize']],
];

for (const [text, expected] of rows) {
  test(`triggers: ${text}`, () => {
    const found = findTriggers(sentenceOf(text), lexicon)
      .filter((t) => t.governedBy === null && !t.suppressed)
      .map((t) => [t.type, t.mode ?? '', t.modality === 'asserted' ? '' : t.modality].join('/').replace(/\/+$/, ''));
    assert.deepEqual(found, expected);
  });
}

test('triggers: a passive verb is marked passive', () => {
  const [attack] = findTriggers(sentenceOf('The convoy was attacked by unidentified gunmen.'), lexicon);
  assert.equal(attack?.passive, true);
});

test('triggers: a noun and a past tense are a subject and its verb, not a compound noun', () => {
  // "drone strike" is a phrase of the lexicon; "a drone struck" is a drone that struck.
  const [struck] = findTriggers(sentenceOf('A U.S. drone struck a car near the border.'), lexicon);
  assert.notEqual(struck?.entry, 'ASSAULT:drone strike');
  const [compound] = findTriggers(sentenceOf('A U.S. drone strike killed two men near the border.'), lexicon);
  assert.equal(compound?.entry, 'ASSAULT:drone strike');
  // A phrase opened by an adverb is a verb's: "sexually abused" still reads as "sexually abuse".
  const [abuse] = findTriggers(sentenceOf('Guards sexually abused the detainees.'), lexicon);
  assert.equal(abuse?.entry, 'ASSAULT:sexually abuse');
});

test('triggers: a town seized is territory taken', () => {
  const [seized] = findTriggers(sentenceOf('Rebels seized the town of Rubaya on Sunday.'), lexicon);
  assert.equal(seized?.hint, 'territory');
  // A noun before the head makes a compound: "an army outpost".
  const [outpost] = findTriggers(sentenceOf('Rebels seized an army outpost near the border.'), lexicon);
  assert.equal(outpost?.hint, 'territory');
  // "set his body on fire" is no "set … on fire" of property with a gap of a noun.
  const burned = findTriggers(sentenceOf('A mob beat a man to death and set his body on fire.'), lexicon);
  assert.ok(burned.every((t) => t.mode !== 'destroy'));
});
