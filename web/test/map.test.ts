import './setup.ts';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FeatureCollection, Geometry } from 'geojson';
import { TYPE_COLOURS } from '../src/format.ts';
import { markRadius, renderMap } from '../src/views/map.ts';
import { fixtureEvent, placeAt } from './fixtures.ts';
import { click, recordingHandlers } from './setup.ts';

const COUNTRIES: FeatureCollection<Geometry, { name?: string }> = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: 'Squareland' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [44, 28],
            [44, 34],
            [50, 34],
            [50, 28],
            [44, 28],
          ],
        ],
      },
    },
  ],
};

test('map: placed events as marks, sized by casualties, coloured by type; the rest counted', () => {
  const handlers = recordingHandlers();
  const events = [
    fixtureEvent({ id: 'a', killed: { min: 20, max: 20 } }),
    fixtureEvent({ id: 'b', type: 'PROTEST', killed: null, place: placeAt(31.5, 46) }),
    fixtureEvent({ id: 'c', place: null }),
  ];
  const figure = renderMap({ countries: COUNTRIES, events }, handlers);
  const marks = [...figure.querySelectorAll('circle.mark')];
  assert.deepEqual(
    marks.map((mark) => [mark.getAttribute('data-event'), mark.getAttribute('fill'), mark.getAttribute('r')]),
    [
      ['a', TYPE_COLOURS.ASSAULT, markRadius(20).toFixed(1)],
      ['b', TYPE_COLOURS.PROTEST, markRadius(0).toFixed(1)],
    ],
    'largest first, so the small ones stay clickable on top',
  );
  assert.ok(markRadius(20) > markRadius(0));
  assert.equal(figure.querySelectorAll('.countries path').length, 1);
  assert.match(figure.querySelector('figcaption')?.textContent ?? '', /2 of the 3 listed events placed \(1 without/);
  assert.match(marks[0]?.querySelector('title')?.textContent ?? '', /ASSAULT · Ashur Brigades → police .* 20 killed/);
  click(marks[1] ?? null);
  assert.deepEqual(handlers.calls.opened, ['b']);
});

test('map: marks fall inside the drawing, the map fits the events', () => {
  const events = [fixtureEvent({ id: 'a' }), fixtureEvent({ id: 'b', place: placeAt(36.3, 43.1) })];
  const figure = renderMap({ countries: null, events }, recordingHandlers());
  for (const mark of figure.querySelectorAll('circle.mark')) {
    const x = Number(mark.getAttribute('cx'));
    const y = Number(mark.getAttribute('cy'));
    assert.ok(x > 0 && x < 720 && y > 0 && y < 380, `mark at ${x},${y}`);
  }
  assert.match(figure.textContent ?? '', /Basemap unavailable/);
});
