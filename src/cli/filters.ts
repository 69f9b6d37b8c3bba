// The event filters `sitrep events` and `sitrep export` share: their options, and the store filter they make.
import { type Command, InvalidArgumentError } from 'commander';
import { PLOVER_TYPES, type PloverType } from '../core/ontology/plover.ts';
import type { EventFilter } from '../store/store.ts';

export interface FilterOptions {
  db?: string;
  actor?: string;
  country?: string;
  dyad?: { actor: string; recipient: string };
  type?: PloverType;
  mode?: string;
  since?: string;
  until?: string;
  near?: { lat: number; lon: number };
  within?: number;
  text?: string;
  /** Review state: only events in it, or all (default: every event but the rejected). docs/REVIEW.md. */
  review?: 'all' | 'unreviewed' | 'confirmed' | 'rejected';
  includeRejected?: boolean;
  /** One row per real-world event: merged events in place of their members (Store.listMerged). */
  merged?: boolean;
}

const isoDate = (value: string): string => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new InvalidArgumentError(`"${value}" is not a date in the form YYYY-MM-DD`);
  }
  return value;
};

const ploverType = (value: string): PloverType => {
  const upper = value.toUpperCase();
  if (!(PLOVER_TYPES as readonly string[]).includes(upper)) {
    throw new InvalidArgumentError(`"${value}" is not a PLOVER type (${PLOVER_TYPES.join(', ')})`);
  }
  return upper as PloverType;
};

const country = (value: string): string => {
  if (!/^[A-Za-z]{3}$/.test(value)) throw new InvalidArgumentError(`"${value}" is not an ISO 3166 alpha-3 code`);
  return value.toUpperCase();
};

const dyad = (value: string): { actor: string; recipient: string } => {
  const [actor, recipient, ...rest] = value.split(':');
  if (!actor?.trim() || !recipient?.trim() || rest.length > 0) {
    throw new InvalidArgumentError(`"${value}" is not a dyad ACTOR:RECIPIENT, such as "militia:USA"`);
  }
  return { actor: actor.trim(), recipient: recipient.trim() };
};

const point = (value: string): { lat: number; lon: number } => {
  const parts = value.split(',').map((part) => part.trim());
  const [lat, lon] = parts.map(Number);
  if (
    parts.length !== 2 ||
    lat === undefined ||
    lon === undefined ||
    !(Math.abs(lat) <= 90) ||
    !(Math.abs(lon) <= 180)
  ) {
    throw new InvalidArgumentError(`"${value}" is not a point LAT,LON such as 33.31,44.37`);
  }
  return { lat, lon };
};

const km = (value: string): number => {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0)
    throw new InvalidArgumentError(`"${value}" is not a distance in km`);
  return n;
};

const reviewStatus = (value: string): NonNullable<FilterOptions['review']> => {
  const states = ['all', 'unreviewed', 'confirmed', 'rejected'] as const;
  const found = states.find((s) => s === value.toLowerCase());
  if (!found) throw new InvalidArgumentError(`"${value}" is not a review state (${states.join(', ')})`);
  return found;
};

export const positiveInteger = (value: string): number => {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1) throw new InvalidArgumentError(`"${value}" is not a whole number of at least 1`);
  return n;
};

/** Adds --db and the filter options to a command. */
export function withFilterOptions(command: Command): Command {
  return command
    .option('--db <file>', 'the database (default: $SITREP_DB, else sitrep.db in the working folder)')
    .option('--actor <text>', 'an actor or recipient whose words or canonical name hold this text')
    .option('--country <iso3>', 'the place, or an actor or recipient, is of this country (ISO 3166 alpha-3)', country)
    .option('--dyad <a:b>', 'actor side A, recipient side B, each as words or an ISO3 country ("militia:USA")', dyad)
    .option('--type <plover>', 'PLOVER event type (ASSAULT, PROTEST …)', ploverType)
    .option('--mode <mode>', 'PLOVER mode (drone, shell, demo …)')
    .option('--since <date>', 'events ending on or after this day (YYYY-MM-DD)', isoDate)
    .option('--until <date>', 'events starting on or before this day (YYYY-MM-DD)', isoDate)
    .option('--near <lat,lon>', 'events placed near this point (with --within)', point)
    .option('--within <km>', 'the distance from --near, in km', km)
    .option('--text <words>', 'events of documents holding all these words (full-text search)')
    .option('--review <state>', 'only events reviewed as: unreviewed, confirmed, rejected, or all', reviewStatus)
    .option('--include-rejected', 'include the events a reviewer rejected (left out by default)')
    .option(
      '--merged',
      'one row per real-world event: events other documents report too as one merged event (docs/MERGE.md), ' +
        'with its article, outlet and independent source counts',
    );
}

/** The store filter the options ask for, or a message saying what is wrong with them. */
export function filterFrom(options: FilterOptions): EventFilter | string {
  if ((options.near === undefined) !== (options.within === undefined)) return '--near and --within go together';
  const filter: EventFilter = {};
  if (options.actor !== undefined) filter.actor = options.actor;
  if (options.country !== undefined) filter.country = options.country;
  if (options.dyad !== undefined) filter.dyad = options.dyad;
  if (options.type !== undefined) filter.type = options.type;
  if (options.mode !== undefined) filter.mode = options.mode;
  if (options.since !== undefined) filter.since = options.since;
  if (options.until !== undefined) filter.until = options.until;
  if (options.near !== undefined && options.within !== undefined) filter.near = { ...options.near, km: options.within };
  if (options.text !== undefined) filter.text = options.text;
  if (options.review !== undefined) filter.review = options.review;
  else if (options.includeRejected) filter.review = 'all';
  return filter;
}
