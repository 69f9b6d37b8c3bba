import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventOf } from '../../test/store/contract.ts';
import { createGeojsonWriter, geojsonFeature } from './geojson.ts';

test('geojson: a Point at [lon, lat] for a placed event; none for an unplaced one', () => {
  const placed = eventOf({ id: 'p', document: 'd', placeCountry: 'IRQ', at: [33.75, 44.64] });
  const feature = geojsonFeature(placed);
  assert.deepEqual(feature?.geometry, { type: 'Point', coordinates: [44.64, 33.75] });
  assert.equal(feature?.properties.type, 'ASSAULT');
  assert.equal(feature?.properties.killed_min, 2);
  assert.equal(geojsonFeature(eventOf({ id: 'u', document: 'd', placeCountry: null })), null);
});

test('geojson: the streamed pieces make one valid FeatureCollection, empty or not', () => {
  const cases: [string[], number][] = [
    [[], 0],
    [['u'], 0],
    [['a'], 1],
    [['u', 'a', 'u', 'b', 'c'], 3],
  ];
  for (const [ids, features] of cases) {
    const writer = createGeojsonWriter();
    const events = ids.map((id, i) =>
      eventOf({ id: `${id}${i}`, document: 'd', placeCountry: id === 'u' ? null : 'IRQ' }),
    );
    const text = writer.begin() + events.map((e) => writer.write(e)).join('') + writer.end();
    const parsed = JSON.parse(text) as { type: string; features: unknown[] };
    assert.equal(parsed.type, 'FeatureCollection');
    assert.equal(parsed.features.length, features, ids.join(' '));
  }
});
