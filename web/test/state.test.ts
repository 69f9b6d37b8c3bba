// The URL is the dashboard's state: filters survive a round trip, and each API gets the query it understands.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  analyticsQuery,
  analyticsSince,
  eventsQuery,
  parseState,
  stateToSearch,
  unappliedToAnalytics,
} from '../src/state.ts';

test('state: a query string round-trips, unknown keys and empty values dropped', () => {
  const state = parseState('?dyad=Houthis:USA&type=assault&since=2024-01-01&junk=1&text=&event=ev-9&level=country');
  assert.deepEqual(state, {
    filters: { dyad: 'Houthis:USA', type: 'ASSAULT', since: '2024-01-01' },
    level: 'country',
    event: 'ev-9',
  });
  assert.equal(stateToSearch(state), '?dyad=Houthis%3AUSA&type=ASSAULT&since=2024-01-01&level=country&event=ev-9');
  assert.deepEqual(parseState(stateToSearch(state)), state);
});

test('state: an unknown type or level falls back instead of reaching the API', () => {
  assert.deepEqual(parseState('?type=EXPLODE&level=galaxy'), { filters: {}, level: 'actor', event: null });
});

test('state: /events gets near only with within', () => {
  assert.equal(eventsQuery({ near: '33.3,44.4' }, { limit: '100' }), 'limit=100');
  assert.equal(
    eventsQuery({ near: '33.3,44.4', within: '50', actor: 'militia' }),
    'actor=militia&near=33.3%2C44.4&within=50',
  );
});

test('state: the analytics take an actor as the dyad "actor:*", and name the filters they cannot apply', () => {
  const state = parseState('?actor=Ashur&type=ASSAULT&text=convoy&country=IRQ');
  assert.equal(analyticsQuery(state, { limit: '50' }), 'level=actor&dyad=Ashur%3A*&type=ASSAULT&limit=50');
  assert.deepEqual(unappliedToAnalytics(state.filters), ['country', 'text']);
  assert.equal(analyticsQuery(parseState('?actor=x&dyad=a:b')), 'level=actor&dyad=a%3Ab');
});

test('state: with no time filter the analytics count the 26 weeks up to the latest event', () => {
  // 2024-10-29 is a Tuesday: its week's Monday is 2024-10-28; 25 weeks before, 2024-05-06.
  assert.equal(analyticsSince({}, '2024-10-29'), '2024-05-06');
  assert.equal(analyticsSince({}, '2024-10-28'), '2024-05-06');
  assert.equal(analyticsSince({ until: '2024-01-01' }, '2024-10-29'), null, 'a time filter wins');
  assert.equal(analyticsSince({}, null), null);
});
