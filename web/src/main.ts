// The dashboard page: reads its state from the URL, asks the API for what each view needs (a page of events, the
// weekly trends, the network — never every event), renders the views, and turns their clicks into new states.
// Each view is a render function of data (views/); this file only fetches, wires and swaps them in.
import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { type Api, createApi } from './api.ts';
import { h, replace } from './dom.ts';
import {
  analyticsQuery,
  analyticsSince,
  eventsQuery,
  type Filters,
  parseState,
  stateToSearch,
  unappliedToAnalytics,
  type ViewState,
} from './state.ts';
import type { ActorCount, AnalysisLevel, DyadTrend, EventRecord, TrendsResponse } from './types.ts';
import { renderEscalation } from './views/escalation.ts';
import { renderEventList } from './views/event-list.ts';
import { renderDocumentText, renderEventPage } from './views/event-page.ts';
import { renderFilterBar } from './views/filter-bar.ts';
import type { ViewHandlers } from './views/handlers.ts';
import { renderMap } from './views/map.ts';
import { renderNetwork } from './views/network.ts';
import { renderTimeline } from './views/timeline.ts';

const PAGE = 100;
const TREND_DYADS = 50;
const NETWORK_EDGES = 150;

const api: Api = createApi();
let state: ViewState = parseState(location.search);
/** Bumped on every overview load, so an answer to an older request is dropped. */
let generation = 0;
let overviewKey: string | null = null;
let listed: EventRecord[] = [];
let next: string | null = null;
let trends: TrendsResponse | null = null;
let actors: ActorCount[] = [];
let countries: FeatureCollection<Geometry, { name?: string }> | null = null;

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the page has no #${id}`);
  return found;
}

const panels = {
  filters: element('filters'),
  escalation: element('escalation-body'),
  timeline: element('timeline-body'),
  map: element('map-body'),
  network: element('network-body'),
  list: element('list-body'),
  overview: element('overview'),
  page: element('event-page'),
  status: element('status'),
};

/** Views that finished rendering, on <body data-ready="…">: what the browser test and the benchmark wait for. */
function ready(view: string): void {
  const done = new Set((document.body.dataset.ready ?? '').split(' ').filter(Boolean));
  done.add(view);
  document.body.dataset.ready = [...done].sort().join(' ');
  // When, since the page began loading: bench/dashboard.ts reads these.
  performance.mark(`sitrep:${view}`);
}

/** Views about to be drawn again are no longer ready (all of them when none is named). */
function busy(...views: string[]): void {
  const done = (document.body.dataset.ready ?? '')
    .split(' ')
    .filter((view) => view && views.length > 0 && !views.includes(view));
  document.body.dataset.ready = done.join(' ');
}

function navigate(change: Partial<ViewState>): void {
  state = { ...state, ...change };
  history.pushState(null, '', stateToSearch(state) || location.pathname);
  void render();
}

function setFilters(patch: Filters): void {
  const filters: Filters = { ...state.filters };
  for (const [key, value] of Object.entries(patch) as [keyof Filters, string | undefined][]) {
    if (value) filters[key] = value;
    else delete filters[key];
  }
  navigate({ filters, event: null });
}

/** A dyad of the analytics as event filters: names at the actor levels, codes at the country level. */
function dyadFilters(dyad: DyadTrend, level: AnalysisLevel): Filters {
  const term = (side: DyadTrend['source']) => (level === 'country' ? side.key : side.name).replaceAll(':', ' ');
  if (dyad.target.key === 'none') return { actor: term(dyad.source), dyad: '' };
  if (dyad.source.key === 'none') return { actor: term(dyad.target), dyad: '' };
  return { dyad: `${term(dyad.source)}:${term(dyad.target)}`, actor: '' };
}

const handlers: ViewHandlers & { dyadFilter(dyad: DyadTrend): void } = {
  openEvent: (id) => navigate({ event: id }),
  setFilters,
  dyadFilter: (dyad) => setFilters(dyadFilters(dyad, state.level)),
};

function failed(panel: HTMLElement, error: unknown): void {
  replace(panel, h('p', { class: 'error', role: 'alert' }, (error as Error).message ?? String(error)));
}

function loading(panel: HTMLElement): void {
  replace(panel, h('p', { class: 'loading' }, 'Loading…'));
}

async function render(): Promise<void> {
  drawFilters();
  if (state.event) {
    panels.overview.hidden = true;
    panels.page.hidden = false;
    await showEvent(state.event);
    return;
  }
  panels.page.hidden = true;
  panels.overview.hidden = false;
  const key = JSON.stringify([state.filters, state.level]);
  if (key !== overviewKey) {
    overviewKey = key;
    await loadOverview();
  }
}

async function showEvent(id: string): Promise<void> {
  busy('event');
  loading(panels.page);
  try {
    const detail = await api.event(id);
    if (state.event !== id) return;
    // The linked events' records, for their titles; one that cannot be fetched keeps its id.
    const linked = new Map<string, EventRecord>();
    await Promise.all(
      [...new Set(detail.event.links.map((link) => link.event))].map((other) =>
        api.event(other).then(
          (found) => linked.set(other, found.event),
          () => {},
        ),
      ),
    );
    if (state.event !== id) return;
    document.title = `${detail.event.type} ${detail.event.id} — sitrep`;
    replace(
      panels.page,
      renderEventPage(
        detail,
        {
          ...handlers,
          back: () => navigate({ event: null }),
          showDocument: async (documentId) => {
            const target = document.getElementById('document-text');
            if (!target) return;
            try {
              const { document: stored } = await api.document(documentId);
              replace(target, renderDocumentText(stored.text, detail.event));
            } catch (error) {
              failed(target, error);
            }
          },
        },
        linked,
      ),
    );
    window.scrollTo(0, 0);
    ready('event');
  } catch (error) {
    failed(panels.page, error);
    ready('event');
  }
}

function drawList(): void {
  replace(
    panels.list,
    renderEventList({ events: listed, more: next !== null }, { ...handlers, loadMore: () => void loadMore() }),
  );
}

function drawMap(): void {
  replace(panels.map, renderMap({ countries, events: listed }, handlers));
}

function drawTimeline(): void {
  if (!trends) return;
  const skipped = unappliedToAnalytics(state.filters);
  replace(
    panels.timeline,
    renderTimeline({ trends, events: listed }, handlers),
    skipped.length > 0
      ? h('p', { class: 'note' }, `The weekly lines do not apply the ${skipped.join(', ')} filters; the marks do.`)
      : null,
  );
}

async function loadMore(): Promise<void> {
  if (!next) return;
  const mine = generation;
  const page = await api.events(eventsQuery(state.filters, { limit: String(PAGE), cursor: next }));
  if (mine !== generation) return;
  listed = [...listed, ...page.events];
  next = page.next;
  drawList();
  drawMap();
  drawTimeline();
}

async function loadOverview(): Promise<void> {
  const mine = ++generation;
  busy();
  document.title = 'sitrep';
  for (const panel of [panels.list, panels.map, panels.timeline, panels.network, panels.escalation]) loading(panel);
  const current = () => mine === generation;
  // Without a time filter the analytics cover the half year up to the latest matching event, which one event
  // (latest first) tells; asked first, as the server answers one request at a time.
  const latest =
    state.filters.since || state.filters.until
      ? Promise.resolve(null)
      : api.events(eventsQuery(state.filters, { limit: '1' })).then(
          (page) => page.events[0]?.date?.start ?? null,
          () => null,
        );
  const events = api.events(eventsQuery(state.filters, { limit: String(PAGE) }));
  const window = latest.then((day) => {
    const since = analyticsSince(state.filters, day);
    return since ? { since } : {};
  });
  const trendsRequest = window.then((since) =>
    api.trends(analyticsQuery(state, { limit: String(TREND_DYADS), ...since })),
  );
  const network = window.then((since) =>
    api.network(analyticsQuery(state, { limit: String(NETWORK_EDGES), ...since })),
  );
  trends = null;

  const list = events.then(
    (page) => {
      if (!current()) return;
      listed = page.events;
      next = page.next;
      panels.status.textContent = `${listed.length}${next ? '+' : ''} events match`;
      drawList();
      ready('list');
    },
    (error) => {
      if (!current()) return;
      listed = [];
      failed(panels.list, error);
      ready('list');
    },
  );
  const timeline = Promise.allSettled([list, trendsRequest]).then(async () => {
    if (!current()) return;
    try {
      trends = await trendsRequest;
      drawTimeline();
      replace(panels.escalation, renderEscalation(trends, handlers));
    } catch (error) {
      failed(panels.timeline, error);
      failed(panels.escalation, error);
    }
    ready('timeline');
    ready('escalation');
  });
  const map = Promise.allSettled([list, basemap]).then(() => {
    if (!current()) return;
    drawMap();
    ready('map');
  });
  const graph = network.then(
    (body) => {
      if (!current()) return;
      replace(panels.network, renderNetwork(body, handlers));
      ready('network');
    },
    (error) => {
      if (!current()) return;
      failed(panels.network, error);
      ready('network');
    },
  );
  await Promise.allSettled([list, timeline, map, graph]);
  loadActorNames();
}

function drawFilters(): void {
  replace(
    panels.filters,
    renderFilterBar(state.filters, state.level, actors, {
      apply: (filters, level) => navigate({ filters, level, event: null }),
    }),
  );
}

/** The country shapes, fetched once from the server (world-atlas, Natural Earth 1:110m). */
const basemap = fetch('/basemap.json')
  .then((response) => (response.ok ? (response.json() as Promise<Topology>) : null))
  .then((topology) => {
    const shapes = topology?.objects.countries as GeometryCollection<{ name?: string }> | undefined;
    if (topology && shapes) countries = feature(topology, shapes) as FeatureCollection<Geometry, { name?: string }>;
  })
  .catch(() => {
    countries = null;
  });

/**
 * Actor names for the filter's suggestions, once, after the first view is drawn (the server answers one request at
 * a time, and the first view comes first); filled into the bar's list, not the whole bar again, which would lose
 * what someone is typing.
 */
let actorNamesAsked = false;
function loadActorNames(): void {
  if (actorNamesAsked) return;
  actorNamesAsked = true;
  api
    .actors(200)
    .then((body) => {
      actors = body.actors;
      const suggestions = document.getElementById('actor-names');
      if (suggestions) replace(suggestions, ...actors.map((actor) => h('option', { value: actor.name })));
    })
    .catch(() => {});
}

window.addEventListener('popstate', () => {
  state = parseState(location.search);
  void render();
});

void render();
