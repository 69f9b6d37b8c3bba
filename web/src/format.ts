// How values read on screen, shared by the views: names of the parties, dates, casualty ranges, type colours.
import type { PloverType } from '../../src/core/ontology/plover.ts';
import type { Actor, EventRecord } from './types.ts';

/**
 * One colour per PLOVER type, cooperation in blues and greens, verbal conflict in yellows and purples, material
 * conflict in oranges and reds, so a map of attacks reads warm and a map of talks cool.
 */
export const TYPE_COLOURS: Readonly<Record<PloverType, string>> = {
  AGREE: '#1f77b4',
  CONSULT: '#6baed6',
  SUPPORT: '#17becf',
  CONCEDE: '#9edae5',
  COOPERATE: '#2ca02c',
  AID: '#98df8a',
  RETREAT: '#bcbd22',
  REQUEST: '#c5b0d5',
  ACCUSE: '#9467bd',
  REJECT: '#8c564b',
  THREATEN: '#e7ba52',
  PROTEST: '#f7b6d2',
  SANCTION: '#7f7f7f',
  MOBILIZE: '#ff9896',
  COERCE: '#ff7f0e',
  ASSAULT: '#d62728',
};

export function actorNames(actors: readonly Actor[]): string {
  const names = [...new Set(actors.map((actor) => actor.name))];
  return names.length > 0 ? names.join(', ') : '—';
}

/** "2024-03-12" or "2024-03-11 – 2024-03-17 (week)"; "undated". */
export function dateText(event: EventRecord): string {
  const date = event.date;
  if (!date) return 'undated';
  return date.start === date.end ? date.start : `${date.start} – ${date.end} (${date.precision})`;
}

/** "3", "at least 6", "3–5". */
export function rangeText(range: { min: number; max: number | null } | null): string | null {
  if (!range) return null;
  if (range.max === null) return `at least ${range.min}`;
  return range.min === range.max ? String(range.min) : `${range.min}–${range.max}`;
}

/** The lowest reported count of killed and injured: what the map sizes by. */
export function casualties(event: EventRecord): number {
  return (event.killed?.min ?? 0) + (event.injured?.min ?? 0);
}

export function placeText(event: EventRecord): string {
  const place = event.place;
  if (!place) return 'no place';
  return [place.name, place.admin1, place.country].filter(Boolean).join(', ');
}

/** One line naming an event: "ASSAULT · Islamic State → civilians · 2024-03-12 · Kabul, AFG". */
export function eventTitle(event: EventRecord): string {
  const parties = `${actorNames(event.actor)} → ${actorNames(event.recipient)}`;
  return `${event.type} · ${parties} · ${dateText(event)} · ${placeText(event)}`;
}
