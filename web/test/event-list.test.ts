import './setup.ts';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderEventList } from '../src/views/event-list.ts';
import { fixtureEvent } from './fixtures.ts';
import { click, recordingHandlers } from './setup.ts';

test('event list: one row per event with its parties, place and toll; a row opens its event', () => {
  const handlers = recordingHandlers();
  const list = renderEventList(
    { events: [fixtureEvent(), fixtureEvent({ id: 'ev-2', type: 'PROTEST', killed: null, place: null })], more: true },
    handlers,
  );
  const rows = [...list.querySelectorAll('tr.event-row')];
  assert.equal(rows.length, 2);
  const cells = [...(rows[0]?.querySelectorAll('td') ?? [])].map((cell) => cell.textContent);
  assert.deepEqual(cells, [
    '2024-05-14',
    'ASSAULT firearms',
    'Ashur Brigades',
    'police',
    'Nahr District, Basra, IRQ',
    'at least 6',
    '',
    'claimed',
  ]);
  assert.equal(rows[1]?.querySelectorAll('td')[4]?.textContent, 'no place');
  click(rows[1] ?? null);
  assert.deepEqual(handlers.calls.opened, ['ev-2']);
  click(rows[0]?.querySelector('.type-chip') ?? null);
  assert.deepEqual(handlers.calls.filters, [{ type: 'ASSAULT' }]);
  assert.deepEqual(handlers.calls.opened, ['ev-2'], 'the type chip filters, it does not open the event');
  assert.match(list.querySelector('.list-foot')?.textContent ?? '', /2 events shown, more match/);
  assert.ok(list.querySelector('button.more'));
});

test('event list: no events, a sentence saying so', () => {
  const list = renderEventList({ events: [], more: false }, recordingHandlers());
  assert.match(list.textContent ?? '', /No event matches/);
});
