// What the dashboard shows is a function of its URL: the filters every view shares, the analysis level, and the
// open event. Kept in the query string so a view can be bookmarked and shared ("/?dyad=militia:USA&type=ASSAULT").
import { ANALYSIS_LEVELS, type AnalysisLevel } from '../../src/analyze/types.ts';
import { PLOVER_TYPES, type PloverType } from '../../src/core/ontology/plover.ts';

export const FILTER_KEYS = ['actor', 'dyad', 'type', 'since', 'until', 'country', 'near', 'within', 'text'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

export interface ViewState {
  filters: Filters;
  level: AnalysisLevel;
  /** The event whose page is open, or null for the overview. */
  event: string | null;
}

const isLevel = (value: string): value is AnalysisLevel => (ANALYSIS_LEVELS as readonly string[]).includes(value);
const isType = (value: string): value is PloverType => (PLOVER_TYPES as readonly string[]).includes(value);

/** Reads a query string ("?dyad=a:b&type=assault"); empty values and unknown keys are dropped. */
export function parseState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  if (filters.type !== undefined) {
    const upper = filters.type.toUpperCase();
    if (isType(upper)) filters.type = upper;
    else delete filters.type;
  }
  const level = params.get('level') ?? 'actor';
  return { filters, level: isLevel(level) ? level : 'actor', event: params.get('event') || null };
}

/** The query string of a state, keys in a fixed order so equal states give equal URLs. */
export function stateToSearch(state: ViewState): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = state.filters[key];
    if (value) params.set(key, value);
  }
  if (state.level !== 'actor') params.set('level', state.level);
  if (state.event) params.set('event', state.event);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The query of GET /events for these filters ("near" travels with "within", as the API wants). */
export function eventsQuery(filters: Filters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (!value) continue;
    if ((key === 'near' || key === 'within') && !(filters.near && filters.within)) continue;
    params.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}

/**
 * The query of GET /trends and GET /network for these filters: the dyad as it is, or an actor as "actor:*" (that
 * actor towards anyone, both ways); the other event filters (place, text) have no analytics counterpart, and the
 * views say so.
 */
export function analyticsQuery(state: ViewState, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  params.set('level', state.level);
  const { dyad, actor, type, since, until } = state.filters;
  if (dyad) params.set('dyad', dyad);
  else if (actor) params.set('dyad', `${actor}:*`);
  if (type) params.set('type', type);
  if (since) params.set('since', since);
  if (until) params.set('until', until);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}

/** Filters the analytics cannot apply: the views that draw aggregates name them. */
export function unappliedToAnalytics(filters: Filters): FilterKey[] {
  return (['country', 'near', 'text'] as const).filter((key) => filters[key]);
}

/** Weeks the analytics cover when no time filter is set, ending at the latest matching event. */
export const DEFAULT_WEEKS = 26;

/**
 * The first day the analytics should count from when the filters set no time: the Monday DEFAULT_WEEKS − 1 weeks
 * before the week of the latest matching event (2024-10-29 → 2024-05-06), so the trends and the network read half
 * a year of events, not the whole store. Null when the filters set a time, or nothing is dated.
 */
export function analyticsSince(filters: Filters, latest: string | null, weeks = DEFAULT_WEEKS): string | null {
  if (filters.since || filters.until || !latest) return null;
  const day = new Date(`${latest}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return null;
  const monday = day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000;
  return new Date(monday - (weeks - 1) * 7 * 86_400_000).toISOString().slice(0, 10);
}
