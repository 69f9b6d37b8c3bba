// `sitrep events`: the stored events a filter selects, latest first, as a table or as records.

import { SitrepError } from '../../core/errors.ts';
import type { EventRecord } from '../../core/record.ts';
import { iterateEvents, iterateMerged } from '../../store/iterate.ts';
import { type RealEventView, realEventJson, realEventView } from '../../store/real-event-view.ts';
import type { EventFilter, Store } from '../../store/store.ts';
import { databasePath, openExistingStore } from '../database.ts';
import { type FilterOptions, filterFrom } from '../filters.ts';
import { clip, range } from '../table.ts';

export interface EventsOptions extends FilterOptions {
  limit?: number;
  json?: boolean;
}

const COLUMNS = [
  ['id', 16],
  ['date', 22],
  ['type', 18],
  ['actor → recipient', 44],
  ['place', 26],
  ['killed', 7],
  ['claim', 10],
] as const;

export function eventRow(e: EventRecord): string[] {
  const who = (list: EventRecord['actor']) => [...new Set(list.map((a) => a.name))].join(' + ') || '?';
  const date = e.date ? (e.date.start === e.date.end ? e.date.start : `${e.date.start}..${e.date.end}`) : '–';
  const place = e.place ? `${e.place.name}${e.place.country ? `, ${e.place.country}` : ''}` : '–';
  return [
    e.id,
    date,
    `${e.type}${e.mode ? `/${e.mode}` : ''}`,
    `${who(e.actor)} → ${who(e.recipient)}`,
    place,
    range(e.killed),
    e.claim.status,
  ];
}

/** With --merged: how many articles, outlets and independent sources report it. */
const MERGED_COLUMNS = [...COLUMNS, ['art/out/src', 11]] as const;

export function mergedRow(view: RealEventView): string[] {
  const { articles, outlets, independentSources } = view.reports;
  return [...eventRow(view.record), `${articles}/${outlets}/${independentSources}`];
}

export function formatRows(
  rows: readonly string[][],
  columns: readonly (readonly [string, number])[] = COLUMNS,
): string {
  const line = (cells: readonly string[]) =>
    columns
      .map(([, width], i) => clip(cells[i] ?? '', width).padEnd(width))
      .join('  ')
      .trimEnd();
  return rows.map(line).join('\n');
}

export async function runEvents(options: EventsOptions): Promise<number> {
  const filter = filterFrom(options);
  if (typeof filter === 'string') {
    process.stderr.write(`sitrep events: ${filter}\n`);
    return 2;
  }
  const dbPath = databasePath(options.db);
  const store = openExistingStore('events', dbPath);
  if (store === null) return 1;
  try {
    if (options.merged) return printMerged(store, filter, options);
    const events: EventRecord[] = [];
    for (const page of iterateEvents(store, filter, { max: options.limit ?? 50 })) events.push(...page);
    if (options.json) {
      process.stdout.write(`${JSON.stringify(events, null, 2)}\n`);
    } else if (events.length === 0) {
      process.stdout.write('no events match\n');
    } else {
      const header = formatRows([COLUMNS.map(([name]) => name)]);
      process.stdout.write(`${header}\n${formatRows(events.map(eventRow))}\n`);
      process.stdout.write(
        `${events.length} events${events.length === (options.limit ?? 50) ? ' (--limit N for more)' : ''}\n`,
      );
    }
    return 0;
  } catch (error) {
    if (error instanceof SitrepError) {
      process.stderr.write(`sitrep events: ${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    store.close();
  }
}

/** `--merged`: one row per real-world event, merged ones with their report counts. */
function printMerged(store: Store, filter: EventFilter, options: EventsOptions): number {
  const limit = options.limit ?? 50;
  const views: RealEventView[] = [];
  for (const page of iterateMerged(store, filter, { max: limit })) {
    views.push(...page.map((item) => realEventView(item.event, item.merged)));
  }
  if (options.json) {
    process.stdout.write(`${JSON.stringify(views.map(realEventJson), null, 2)}\n`);
  } else if (views.length === 0) {
    process.stdout.write('no events match\n');
  } else {
    const header = formatRows([MERGED_COLUMNS.map(([name]) => name)], MERGED_COLUMNS);
    process.stdout.write(`${header}\n${formatRows(views.map(mergedRow), MERGED_COLUMNS)}\n`);
    const merged = views.filter((v) => v.merged !== null).length;
    process.stdout.write(
      `${views.length} real-world events, ${merged} merged across reports${
        views.length === limit ? ' (--limit N for more)' : ''
      }\n`,
    );
  }
  return 0;
}
