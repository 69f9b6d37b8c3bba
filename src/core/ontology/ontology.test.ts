import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ACLED_ACTOR_TYPES, ACLED_EVENT_TYPES, ACLED_SUB_EVENT_TYPES, acledInteraction } from './acled.ts';
import { CAMEO_ROOTS, cameoRoot } from './cameo.ts';
import { acledFor, cameoCodeFor } from './mappings.ts';
import { intensityOf, PLOVER, PLOVER_CONTEXTS, PLOVER_TYPES } from './plover.ts';
import { ontologyTable } from './table.ts';

test('ontology: PLOVER has 16 types, 37 contexts, and every mode a score in [-10, 10]', () => {
  assert.equal(PLOVER_TYPES.length, 16);
  assert.equal(PLOVER_CONTEXTS.length, 37);
  for (const type of PLOVER_TYPES) {
    for (const score of [PLOVER[type].intensity, ...Object.values(PLOVER[type].modes)])
      assert.ok(score >= -10 && score <= 10, type);
  }
});

/** [type, mode, the score the record carries] — the mode's own score where it has one. */
const scores: [string, string | null, number][] = [
  ['ASSAULT', 'aerial', -9.5],
  ['ASSAULT', 'beat', -7.5],
  ['ASSAULT', null, -9],
  ['CONSULT', 'visit', 4],
  ['CONSULT', null, 2.5],
  ['ACCUSE', null, -3],
  ['RETREAT', 'disarm', 10],
  ['THREATEN', 'territory', -4],
];
for (const [type, mode, score] of scores) {
  test(`ontology: intensity of ${type}/${mode ?? '-'} is ${score}`, () => {
    assert.equal(intensityOf(type as (typeof PLOVER_TYPES)[number], mode), score);
  });
}

test('ontology: CAMEO has 20 root codes with Goldstein scores, quads in order', () => {
  assert.equal(CAMEO_ROOTS.length, 20);
  assert.equal(cameoRoot('19').goldstein, -10);
  assert.equal(cameoRoot('04').goldstein, 1);
  assert.deepEqual(
    CAMEO_ROOTS.map((r) => r.quad),
    [1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4],
  );
});

test('ontology: ACLED has 6 event types, 25 sub-event types and 8 actor types', () => {
  assert.equal(ACLED_EVENT_TYPES.length, 6);
  assert.equal(Object.values(ACLED_SUB_EVENT_TYPES).flat().length, 25);
  assert.equal(Object.keys(ACLED_ACTOR_TYPES).length, 8);
  assert.equal(acledInteraction(7, 1), 17);
  assert.equal(acledInteraction(1, null), 10);
});

/** [type, mode, actor ACLED type, recipient ACLED type, expected "event type / sub-event type" or null] */
const acledRows: [string, string | null, number | null, number | null, string | null][] = [
  ['ASSAULT', 'firearms', 3, 1, 'Battles / Armed clash'],
  ['ASSAULT', null, 2, 7, 'Violence against civilians / Attack'],
  ['ASSAULT', 'firearms', 1, 6, 'Protests / Excessive force against protesters'],
  ['ASSAULT', 'aerial', 1, 3, 'Explosions/Remote violence / Air/drone strike'],
  ['ASSAULT', 'drone', 3, 7, 'Explosions/Remote violence / Air/drone strike'],
  ['ASSAULT', 'heavy-weapons', 1, 2, 'Explosions/Remote violence / Shelling/artillery/missile attack'],
  ['ASSAULT', 'explosives', null, 1, 'Explosions/Remote violence / Remote explosive/landmine/IED'],
  ['ASSAULT', 'suicide-attack', 2, 7, 'Explosions/Remote violence / Suicide bomb'],
  ['ASSAULT', 'abduct', 3, 7, 'Violence against civilians / Abduction/forced disappearance'],
  ['PROTEST', 'demo', 6, null, 'Protests / Peaceful protest'],
  ['PROTEST', 'riot', 5, null, 'Riots / Violent demonstration'],
  ['COERCE', 'arrest', 1, 6, 'Strategic developments / Arrests'],
  ['AGREE', null, 1, 2, 'Strategic developments / Agreement'],
  ['CONSULT', 'visit', 1, 1, null],
  ['REQUEST', null, 1, 3, null],
  ['ACCUSE', 'allege', 1, 1, null],
];
for (const [type, mode, actor, recipient, expected] of acledRows) {
  test(`ontology: ACLED for ${type}/${mode ?? '-'} ${actor}→${recipient} is ${expected}`, () => {
    const code = acledFor(type as (typeof PLOVER_TYPES)[number], mode, {
      actor: actor as 1 | null,
      recipient: recipient as 1 | null,
    });
    assert.equal(code ? `${code.event_type} / ${code.sub_event_type}` : null, expected);
  });
}

test('ontology: a bomb defused or a weapons cache seized is disrupted weapons use, goods seized are not', () => {
  const disrupted = acledFor('COERCE', 'seize', { actor: 1, recipient: null, hint: 'disrupted' });
  assert.equal(disrupted?.sub_event_type, 'Disrupted weapons use');
  assert.equal(
    acledFor('COERCE', 'seize', { actor: 1, recipient: null })?.sub_event_type,
    'Looting/property destruction',
  );
  const taken = acledFor('COERCE', 'seize', { actor: 2, recipient: null, hint: 'disrupted' });
  assert.equal(taken?.sub_event_type, 'Looting/property destruction');
});

test('ontology: every PLOVER type and mode maps to a known CAMEO root', () => {
  for (const type of PLOVER_TYPES) {
    for (const mode of [null, ...Object.keys(PLOVER[type].modes)])
      assert.doesNotThrow(() => cameoRoot(cameoCodeFor(type, mode)));
  }
  assert.equal(cameoCodeFor('ASSAULT', 'aerial'), '19');
  assert.equal(cameoCodeFor('ACCUSE', 'investigate'), '09');
});

test('ontology: docs/ONTOLOGY.md holds the current mapping table', () => {
  assert.ok(
    readFileSync('docs/ONTOLOGY.md', 'utf8').includes(ontologyTable()),
    'run: node --import tsx scripts/ontology-doc.ts',
  );
});
