import assert from 'node:assert/strict';
import { test } from 'node:test';
import { breakoutReasons, type ConflictWeek, DEFAULT_BREAKOUT_RULE } from './breakout.ts';

/** Weeks of [events, peak]. */
const series = (...weeks: [number, number][]): ConflictWeek[] => weeks.map(([events, peak]) => ({ events, peak }));
const flagged = (weeks: ConflictWeek[], observedFrom = 0) =>
  breakoutReasons(weeks, observedFrom).flatMap((reason, i) => (reason === null ? [] : [i]));

test('breakout: the rule constants are the documented ones', () => {
  assert.deepEqual(DEFAULT_BREAKOUT_RULE, {
    window: 8,
    minHistory: 4,
    k: 2,
    sdFloor: 1,
    minEvents: 3,
    minPrior: 2,
    peakStep: 2,
  });
});

test('breakout: fires on a real jump, not on flat, single-event, zero-variance or unobserved series', () => {
  const rows: [string, ConflictWeek[], number[], number?][] = [
    // A rocket or two a week, then seven attacks in one week.
    ['jump', series([1, 9], [0, 0], [1, 9], [2, 9], [1, 9], [0, 0], [1, 9], [1, 9], [7, 9]), [8]],
    // Two attacks every week: the same level is no breakout.
    ['flat', series([2, 9], [2, 9], [2, 9], [2, 9], [2, 9], [2, 9], [2, 9], [2, 9], [2, 9]), []],
    // A dyad with one event ever.
    ['single event', series([0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [1, 9.5]), []],
    // Zero variance at a high level: three a week, then three again (sd 0 is floored, no division by zero).
    ['zero variance', series([3, 9], [3, 9], [3, 9], [3, 9], [3, 9], [3, 9], [3, 9], [3, 9], [3, 9]), []],
    // Zero variance at zero: quiet, then two events — under the minimum of three.
    ['two after quiet', series([0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [2, 9]), []],
    // Quiet, then three attacks in a week: above 0 + 2 × 1.
    ['three after quiet', series([0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [3, 9]), [5]],
    // The same jump with the data starting two weeks before it: too little history to judge.
    ['unobserved', series([0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [1, 9], [0, 0], [7, 9]), [], 6],
  ];
  for (const [name, weeks, expected, observedFrom] of rows) {
    assert.deepEqual(flagged(weeks, observedFrom ?? 0), expected, name);
  }
});

test('breakout: a graver event than the weeks before fires, with a history of conflict only', () => {
  // Weeks of threats (3.5), then one airstrike (9.5): verbal to material conflict.
  const threats = series([1, 3.5], [1, 3.5], [0, 0], [1, 3.5], [1, 3.5], [1, 9.5]);
  assert.deepEqual(flagged(threats), [5]);
  const reason = breakoutReasons(threats, 0)[5] ?? '';
  assert.match(reason, /intensity 9\.5, graver than the worst of the 5 weeks before \(3\.5\)/);
  // An airstrike after airstrikes is not graver.
  assert.deepEqual(flagged(series([1, 9.5], [1, 9.5], [0, 0], [1, 9.5], [1, 9.5])), []);
  // One threat before is too little to call the airstrike a departure.
  assert.deepEqual(flagged(series([0, 0], [0, 0], [1, 3.5], [0, 0], [1, 9.5])), []);
});

test('breakout: the reason names the numbers', () => {
  const reasons = breakoutReasons(series([0, 0], [0, 0], [0, 0], [0, 0], [4, 9]), 0);
  assert.equal(reasons[4], '4 conflict events, above 2.0 (mean 0.0 + 2 × sd 1.0 over the 4 weeks before)');
});
