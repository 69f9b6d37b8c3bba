import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PloverType } from '../core/ontology/plover.ts';
import { type EventWeight, weightOf } from './intensity.ts';

test('intensity: conflict and cooperation by quad, magnitude on the PLOVER scale, Goldstein alongside', () => {
  const rows: [PloverType, string | null, EventWeight][] = [
    // "a U.S. airstrike on a militia depot"
    ['ASSAULT', 'aerial', { side: 'conflict', material: true, magnitude: 9.5, goldstein: -10 }],
    // "militias fired rockets at the base" (no mode: the type's own score)
    ['ASSAULT', null, { side: 'conflict', material: true, magnitude: 9, goldstein: -9 }],
    // "the militia vowed to strike U.S. forces"
    ['THREATEN', null, { side: 'conflict', material: false, magnitude: 3.5, goldstein: -6 }],
    // "the prime minister met the U.S. ambassador"
    ['CONSULT', null, { side: 'cooperation', material: false, magnitude: 2.5, goldstein: 1 }],
    ['AID', null, { side: 'cooperation', material: true, magnitude: 10, goldstein: 7 }],
    // "Baghdad asked Washington for help": verbal conflict by quad, a positive score, so it weighs nothing
    ['REQUEST', 'assist', { side: 'conflict', material: false, magnitude: 0, goldstein: 3 }],
  ];
  for (const [type, mode, expected] of rows) assert.deepEqual(weightOf(type, mode), expected, `${type}/${mode}`);
});
