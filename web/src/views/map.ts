// The map: the listed events at their places, sized by casualties and coloured by type, over the Natural Earth
// country shapes the server ships (world-atlas); nothing is fetched from elsewhere. The view fits the events'
// extent, so a week in Iraq reads at Iraq's scale.
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import type { FeatureCollection, Geometry, MultiPoint } from 'geojson';
import type { PloverType } from '../../../src/core/ontology/plover.ts';
import { h, on, s } from '../dom.ts';
import { casualties, eventTitle, rangeText, TYPE_COLOURS } from '../format.ts';
import type { EventRecord } from '../types.ts';
import type { ViewHandlers } from './handlers.ts';
import { swatch } from './swatch.ts';

export interface MapData {
  countries: FeatureCollection<Geometry, { name?: string }> | null;
  events: readonly EventRecord[];
}

export const MAP_SIZE = { width: 720, height: 380 };

/** Radius in pixels: 3 for no casualties, growing with the square root of the count, so area tracks it. */
export function markRadius(count: number): number {
  return Math.min(22, 3 + 1.6 * Math.sqrt(count));
}

/** At least this many degrees are shown around the events, so a single event is not drawn at street scale. */
const MIN_SPAN = 8;

function extent(events: readonly EventRecord[]): MultiPoint {
  const points = events.map((event) => [event.place?.lon as number, event.place?.lat as number]);
  if (points.length === 0)
    return {
      type: 'MultiPoint',
      coordinates: [
        [-170, -55],
        [170, 75],
      ],
    };
  const lons = points.map((p) => p[0] as number);
  const lats = points.map((p) => p[1] as number);
  const pad = (lo: number, hi: number, limit: number): [number, number] => {
    const middle = (lo + hi) / 2;
    const half = Math.max(((hi - lo) / 2) * 1.15, MIN_SPAN / 2);
    return [Math.max(-limit, middle - half), Math.min(limit, middle + half)];
  };
  const [west, east] = pad(Math.min(...lons), Math.max(...lons), 180);
  const [south, north] = pad(Math.min(...lats), Math.max(...lats), 85);
  return {
    type: 'MultiPoint',
    coordinates: [
      [west, south],
      [east, north],
      [west, north],
      [east, south],
    ],
  };
}

export function renderMap(data: MapData, handlers: ViewHandlers): HTMLElement {
  const placed = data.events.filter((event) => event.place && event.place.lat !== null && event.place.lon !== null);
  const { width, height } = MAP_SIZE;
  const projection = geoNaturalEarth1().fitExtent(
    [
      [8, 8],
      [width - 8, height - 8],
    ],
    extent(placed),
  );
  const path = geoPath(projection);
  const svg = s('svg', {
    class: 'map',
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': `map of ${placed.length} events`,
  });
  svg.appendChild(s('rect', { class: 'sea', x: 0, y: 0, width, height }));
  if (data.countries) {
    const land = s('g', { class: 'countries' });
    for (const feature of data.countries.features) {
      const d = path(feature);
      if (d) land.appendChild(s('path', { d }, s('title', {}, feature.properties?.name ?? '')));
    }
    svg.appendChild(land);
  }
  // Largest first, so small marks stay on top and can be clicked.
  const ordered = [...placed].sort((a, b) => casualties(b) - casualties(a));
  const marks = s('g', { class: 'marks' });
  for (const event of ordered) {
    const at = projection([event.place?.lon as number, event.place?.lat as number]);
    if (!at) continue;
    const killed = rangeText(event.killed);
    const injured = rangeText(event.injured);
    const toll = [killed && `${killed} killed`, injured && `${injured} injured`].filter(Boolean).join(', ');
    const mark = s(
      'circle',
      {
        class: 'mark',
        cx: at[0].toFixed(1),
        cy: at[1].toFixed(1),
        r: markRadius(casualties(event)).toFixed(1),
        fill: TYPE_COLOURS[event.type],
        'data-event': event.id,
        tabindex: 0,
      },
      s('title', {}, `${eventTitle(event)}${toll ? ` · ${toll}` : ''}`),
    );
    on(mark, 'click', () => handlers.openEvent(event.id));
    marks.appendChild(mark);
  }
  svg.appendChild(marks);
  const types = [...new Set(placed.map((event) => event.type))].sort() as PloverType[];
  const unplaced = data.events.length - placed.length;
  return h(
    'figure',
    { class: 'map-view' },
    svg,
    h(
      'figcaption',
      {},
      h('span', { class: 'legend' }, ...types.map((type) => h('span', { class: 'legend-item' }, swatch(type), type))),
      h(
        'span',
        { class: 'note' },
        ` ${placed.length} of the ${data.events.length} listed events placed${
          unplaced > 0 ? ` (${unplaced} without coordinates)` : ''
        }; size: killed + injured. ${data.countries ? '' : 'Basemap unavailable.'}`,
      ),
    ),
  );
}
