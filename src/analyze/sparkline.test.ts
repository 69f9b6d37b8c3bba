import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sparkline } from './sparkline.ts';

test('sparkline: blocks scaled to the largest value, a space for zero', () => {
  assert.equal(sparkline([0, 1, 2, 4, 8]), ' ▁▂▄█');
  assert.equal(sparkline([9.5, 0, 19]), '▄ █');
  assert.equal(sparkline([0, 0]), '  ');
  assert.equal(sparkline([]), '');
});
