import './setup.ts';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escalations, renderEscalation } from '../src/views/escalation.ts';
import { fixtureDyad, fixtureTrends } from './fixtures.ts';
import { click, recordingHandlers } from './setup.ts';

test('escalation: only dyads whose latest week of events broke out, latest first', () => {
  const trends = fixtureTrends([
    fixtureDyad('Ashur Brigades', 'police', [
      [1, 9],
      [0, 0],
      [4, 36, true],
    ]),
    fixtureDyad('police', 'Ashur Brigades', [
      [0, 0],
      [5, 40, true],
      [1, 9],
    ]),
    fixtureDyad('tribal elders', 'police', [
      [0, 0],
      [0, 0],
      [0, 0],
      [6, 50, true],
    ]),
  ]);
  assert.deepEqual(
    escalations(trends).map(({ dyad, week }) => `${dyad.source.name}>${dyad.target.name} ${week.week}`),
    ['tribal elders>police 2024-05-13', 'Ashur Brigades>police 2024-05-06'],
  );
  const handlers = recordingHandlers();
  const panel = renderEscalation(trends, handlers);
  const items = [...panel.querySelectorAll('.escalation-item')];
  assert.equal(items.length, 2);
  assert.match(items[0]?.textContent ?? '', /tribal elders → police week of 2024-05-13: 6 conflict events, above 2.5/);
  click(items[1]?.querySelector('button') ?? null);
  assert.deepEqual(handlers.calls.dyads, ['Ashur Brigades>police']);
});

test('escalation: none, and the panel says how many dyads it checked', () => {
  const panel = renderEscalation(fixtureTrends([fixtureDyad('a', 'b', [[1, 9]])]), recordingHandlers());
  assert.match(panel.textContent ?? '', /No dyad's latest week broke out \(1 dyads checked/);
});
