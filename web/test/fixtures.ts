// Invented records and analytics answers for the view tests ("Ashur Brigades" and "Nahr District" are made up).
import type { DyadTrend, DyadWeek, EventRecord, NetworkResponse, TrendsResponse } from '../src/types.ts';

const TEXT =
  'Gunmen of the Ashur Brigades attacked a police post in Nahr District on Tuesday, killing at least six officers.';

export function fixtureEvent(change: Partial<EventRecord> = {}): EventRecord {
  const base = 1000;
  return {
    id: 'ev-1',
    document: 'doc-1',
    type: 'ASSAULT',
    mode: 'firearms',
    context: [],
    intensity: -9,
    quad: 4,
    cameo: { root: '19', goldstein: -10 },
    acled: { event_type: 'Battles', sub_event_type: 'Armed clash' },
    actor: [
      {
        text: 'Ashur Brigades',
        name: 'Ashur Brigades',
        id: 'ashur-brigades',
        country: 'IRQ',
        sector: 'REB',
        acled: 2,
        kind: 'armed-group',
        span: { start: base + 14, end: base + 28 },
        refersTo: null,
      },
    ],
    recipient: [
      {
        text: 'police post',
        name: 'police',
        id: 'generic:IRQ:police',
        country: 'IRQ',
        sector: 'COP',
        acled: 3,
        kind: 'generic',
        span: { start: base + 40, end: base + 51 },
        refersTo: null,
      },
    ],
    date: {
      start: '2024-05-14',
      end: '2024-05-14',
      precision: 'day',
      text: 'on Tuesday',
      basis: 'explicit',
      span: { start: base + 69, end: base + 79 },
    },
    place: {
      text: 'Nahr District',
      name: 'Nahr District',
      feature: 'district',
      country: 'IRQ',
      countries: ['IRQ'],
      admin1: 'Basra',
      lat: 30.5,
      lon: 47.8,
      precision: 2,
      span: { start: base + 55, end: base + 68 },
    },
    count: null,
    killed: { min: 6, max: null },
    injured: null,
    victims: ['officers'],
    claim: {
      status: 'claimed',
      via: ['Wire Agency', 'Gulf Desk'],
      sources: [{ text: 'two security officials', anonymous: true, count: 2, kind: 'security' }],
    },
    modality: 'asserted',
    links: [],
    evidence: [
      { sentence: 0, start: base, end: base + TEXT.length, text: TEXT, trigger: { start: base + 29, end: base + 37 } },
    ],
    provenance: {
      extractor: 'test',
      fields: {
        type: 'trigger:ASSAULT:attack',
        actor: 'active:subject; lexicon:ashur-brigades',
        place: 'district:nahr',
      },
    },
    confidence: 0.9,
    ...change,
  };
}

export const EVIDENCE_TEXT = TEXT;

/** The fixture's place moved to a point. */
export function placeAt(lat: number, lon: number): EventRecord['place'] {
  return { ...(fixtureEvent().place as NonNullable<EventRecord['place']>), lat, lon };
}

/** The fixture's date moved to a day. */
export function dateOn(day: string): EventRecord['date'] {
  return { ...(fixtureEvent().date as NonNullable<EventRecord['date']>), start: day, end: day };
}

const WEEKS = ['2024-04-22', '2024-04-29', '2024-05-06', '2024-05-13'];

function week(weekOf: string, events: number, intensity: number, breakout = false): DyadWeek {
  const side = { events, material: events, intensity, peak: events > 0 ? 9 : 0, goldstein: -10 * events };
  return {
    week: weekOf,
    events,
    byType: events > 0 ? { ASSAULT: events } : {},
    conflict: side,
    cooperation: { events: 0, material: 0, intensity: 0, peak: 0, goldstein: 0 },
    killed: 0,
    injured: 0,
    breakout,
    breakoutReason: breakout ? `${events} conflict events, above 2.5` : null,
  };
}

export function fixtureDyad(source: string, target: string, series: [number, number, boolean?][]): DyadTrend {
  const weeks = WEEKS.map((weekOf, i) => {
    const [events, intensity, breakout] = series[i] ?? [0, 0];
    return week(weekOf, events, intensity, breakout ?? false);
  });
  const side = (key: string) => ({
    key: key === '(none)' ? 'none' : key.toLowerCase().replaceAll(' ', '-'),
    name: key,
    country: null,
    level: 'actor' as const,
  });
  return {
    source: side(source),
    target: side(target),
    totals: {
      events: weeks.reduce((sum, w) => sum + w.events, 0),
      byType: {},
      conflict: { events: 0, material: 0, intensity: 0, peak: 0, goldstein: 0 },
      cooperation: { events: 0, material: 0, intensity: 0, peak: 0, goldstein: 0 },
      killed: 0,
      injured: 0,
      breakouts: weeks.filter((w) => w.breakout).length,
    },
    lastBreakout: weeks.findLast((w) => w.breakout)?.week ?? null,
    weeks,
  };
}

export function fixtureTrends(dyads: DyadTrend[]): TrendsResponse {
  return {
    level: 'actor',
    since: WEEKS[0] as string,
    until: WEEKS[WEEKS.length - 1] as string,
    weeks: WEEKS,
    dyads,
    summary: { events: 10, dyads: dyads.length, undated: 0, imprecise: 0, notAsserted: 0 },
    rule: { window: 8, minHistory: 2, k: 2, sdFloor: 0.5, minEvents: 3, minPrior: 2, peakStep: 2 },
  };
}

export function fixtureNetwork(): NetworkResponse {
  return {
    level: 'actor',
    since: null,
    until: null,
    nodes: [
      { id: 'ashur-brigades', name: 'Ashur Brigades', country: 'IRQ', events: 5 },
      { id: 'generic:IRQ:police', name: 'police', country: 'IRQ', events: 4 },
      { id: 'name:tribal elders', name: 'tribal elders', country: null, events: 1 },
    ],
    edges: [
      { source: 'ashur-brigades', target: 'generic:IRQ:police', events: 4, conflict: 4, cooperation: 0, tone: -1 },
      { source: 'name:tribal elders', target: 'ashur-brigades', events: 1, conflict: 0, cooperation: 1, tone: 1 },
    ],
  };
}
