import './setup.ts';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chainDirection, renderTimeline } from '../src/views/timeline.ts';
import { dateOn, fixtureDyad, fixtureEvent, fixtureTrends } from './fixtures.ts';
import { click, recordingHandlers } from './setup.ts';

const trends = fixtureTrends([
  fixtureDyad('(none)', '(none)', [[9, 80]]),
  fixtureDyad('Ashur Brigades', 'police', [
    [1, 9],
    [0, 0],
    [1, 9],
    [4, 36, true],
  ]),
  fixtureDyad('police', 'Ashur Brigades', [
    [0, 0],
    [2, 12],
  ]),
]);

test('timeline: a line per dyad with named parties, breakout weeks ringed', () => {
  const handlers = recordingHandlers();
  const figure = renderTimeline({ trends, events: [] }, handlers);
  const lines = [...figure.querySelectorAll('g.dyad-line')].map((line) => line.getAttribute('data-dyad'));
  assert.deepEqual(lines, ['Ashur Brigades → police', 'police → Ashur Brigades'], 'a dyad of no one is left out');
  const breakouts = figure.querySelectorAll('circle.breakout');
  assert.equal(breakouts.length, 1);
  assert.match(breakouts[0]?.querySelector('title')?.textContent ?? '', /week of 2024-05-13: 4 events.*breakout/);
  click(figure.querySelector('.dyad-legend button'));
  assert.deepEqual(handlers.calls.dyads, ['Ashur Brigades>police']);
});

test('timeline: events as marks, and a stated link as an arrow from the action to the reaction', () => {
  const handlers = recordingHandlers();
  const attack = fixtureEvent({
    id: 'attack',
    date: dateOn('2024-05-07'),
  });
  const reprisal = fixtureEvent({
    id: 'reprisal',
    links: [{ relation: 'response_to', event: 'attack', text: 'in retaliation for' }],
  });
  const outside = fixtureEvent({
    id: 'old',
    date: dateOn('2023-01-02'),
  });
  const figure = renderTimeline({ trends, events: [attack, reprisal, outside] }, handlers);
  const marks = [...figure.querySelectorAll('circle.event-mark')].map((mark) => mark.getAttribute('data-event'));
  assert.deepEqual(marks, ['attack', 'reprisal']);
  const chains = [...figure.querySelectorAll('path.chain')];
  assert.deepEqual(
    chains.map((chain) => [chain.getAttribute('data-from'), chain.getAttribute('data-to')]),
    [['attack', 'reprisal']],
  );
  assert.match(chains[0]?.querySelector('title')?.textContent ?? '', /in retaliation for/);
  assert.match(figure.querySelector('figcaption')?.textContent ?? '', /1 outside these weeks or undated/);
  click(figure.querySelector('circle[data-event="reprisal"]'));
  assert.deepEqual(handlers.calls.opened, ['reprisal']);
});

test('timeline: who acted first, from each relation', () => {
  assert.deepEqual(chainDirection('b', { relation: 'after', event: 'a', text: 'followed' }), ['a', 'b']);
  assert.deepEqual(chainDirection('a', { relation: 'before', event: 'b', text: 'before' }), ['a', 'b']);
  assert.deepEqual(chainDirection('b', { relation: 'response_to', event: 'a', text: 'in response to' }), ['a', 'b']);
});

test('timeline: no weeks, a sentence saying so', () => {
  const figure = renderTimeline({ trends: { ...trends, weeks: [] }, events: [] }, recordingHandlers());
  assert.match(figure.textContent ?? '', /No dated event/);
});
