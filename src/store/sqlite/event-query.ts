// How `listEvents` answers fast on a large store (a million events): each filter is a condition on an event and,
// where an index can list the events it selects, a *driver*. A page is read one of two ways:
//   - walk: down an index already in the page's order (sort key, or type / mode then sort key), bounded by the date
//     range, checking every condition on the way; fast when matching events are common, as the page fills early;
//   - candidates: when one driver selects few events (≤ CANDIDATE_LIMIT, counted with a bound, so counting costs
//     at most that), those events are looked up and sorted, and the driver's own condition is not checked again.
// Example: "--actor Hezbollah" over a million events is 40,000 of them — walk; "--actor Tanzim" is 30 — candidates;
// "--actor Nosuchname" matches no stored actor name at all — the answer is empty without reading an event.
import type Database from 'better-sqlite3';

/** A WHERE clause on `events e` and its parameters. */
export interface Condition {
  sql: string;
  params: unknown[];
}

/**
 * The events a filter selects, as SELECTs of event seqs (column `seq`, migration 6) whose union is the set: counted as a UNION ALL
 * that stops at the limit (a UNION would sort every match first), listed as a UNION (each event once).
 */
export interface Driver {
  selects: Condition[];
}

/** The driver's events, each once, as SQL and parameters. */
export function driverSql(driver: Driver): Condition {
  return {
    sql: driver.selects.map((s) => s.sql).join(' UNION '),
    params: driver.selects.flatMap((s) => s.params),
  };
}

/** A filter's condition, the driver that lists the same events (when an index can), and its walk-time form. */
export interface FilterPart {
  /** Checked on every event read, whichever way the page is read. */
  condition: Condition;
  /** Lists exactly the events `condition` lets through. */
  driver?: Driver;
}

/** At most this many candidate events are looked up and sorted; past it a walk is faster. */
export const CANDIDATE_LIMIT = 8000;

/** Past this many matching actor names a filter is too loose to be a driver (and would bind too many values). */
const MAX_TERMS = 500;

/**
 * The stored actor names and texts (`actor_terms`, migration 5) holding `words`, case-insensitive (ASCII), as
 * `LIKE '%words%'` would match them on `event_actors`; null when too many match to be worth listing.
 */
export function matchingActorTerms(db: Database.Database, words: string): string[] | null {
  const pattern = `%${escapeLike(words)}%`;
  const rows = db
    .prepare(`SELECT term FROM actor_terms WHERE term LIKE ? ESCAPE '\\' LIMIT ${MAX_TERMS + 1}`)
    .pluck()
    .all(pattern) as string[];
  return rows.length > MAX_TERMS ? null : rows;
}

/** The events with an actor or recipient (of `role`, when given) whose name or text is one of `terms`. */
export function actorTermsDriver(terms: readonly string[], role?: 'actor' | 'recipient'): Driver {
  const marks = terms.map(() => '?').join(', ');
  const byRole = role === undefined ? '' : ' AND role = ?';
  const params = [...terms, ...(role === undefined ? [] : [role])];
  return {
    selects: [
      { sql: `SELECT event_seq AS seq FROM event_actors WHERE name IN (${marks})${byRole}`, params },
      { sql: `SELECT event_seq AS seq FROM event_actors WHERE text IN (${marks})${byRole}`, params },
    ],
  };
}

/** The driver that selects fewest events, when one selects at most CANDIDATE_LIMIT. */
export function chooseDriver(
  db: Database.Database,
  parts: readonly FilterPart[],
  limit = CANDIDATE_LIMIT,
): FilterPart | null {
  let best: { part: FilterPart; count: number } | null = null;
  for (const part of parts) {
    if (!part.driver) continue;
    // Counting stops past the limit, so a loose driver costs no more than a tight one. An event two SELECTs list
    // counts twice: the count errs towards walking.
    const all = part.driver.selects;
    const count = db
      .prepare(`SELECT count(*) FROM (${all.map((s) => s.sql).join(' UNION ALL ')} LIMIT ${limit + 1})`)
      .pluck()
      .get(...all.flatMap((s) => s.params)) as number;
    if (count <= limit && (best === null || count < best.count)) best = { part, count };
  }
  return best?.part ?? null;
}

/**
 * The longest span (date end − date start, in days) of a stored event, from its index: events ending on or after a
 * day start at most this long before it, which bounds a walk by `since` from below.
 */
export function longestSpanDays(db: Database.Database): number {
  const days = db.prepare('SELECT max(julianday(date_end) - julianday(date_start)) FROM events').pluck().get() as
    | number
    | null;
  return Math.max(0, Math.ceil(days ?? 0));
}

/** `day` (YYYY-MM-DD) minus `days` days. */
export function daysBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
