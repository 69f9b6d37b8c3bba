// Every event a filter selects, page by page through the store's cursor: the whole result is never in memory.
import type { EventRecord } from '../core/record.ts';
import type { EventFilter, MergedListing, Store } from './store.ts';

/** At most `max` events (all when absent), latest first, read `pageSize` at a time. */
export function* iterateEvents(
  store: Store,
  filter: Omit<EventFilter, 'cursor' | 'limit'> = {},
  options: { max?: number; pageSize?: number } = {},
): Generator<EventRecord[]> {
  const pageSize = options.pageSize ?? 500;
  let left = options.max ?? Number.POSITIVE_INFINITY;
  let cursor: string | null = null;
  while (left > 0) {
    const page = store.listEvents({
      ...filter,
      limit: Math.min(pageSize, left),
      ...(cursor !== null ? { cursor } : {}),
    });
    if (page.events.length > 0) yield page.events;
    left -= page.events.length;
    if (page.next === null) return;
    cursor = page.next;
  }
}

/** As `iterateEvents`, for `listMerged`: each real-world event once, a page at a time. */
export function* iterateMerged(
  store: Store,
  filter: Omit<EventFilter, 'cursor' | 'limit'> = {},
  options: { max?: number; pageSize?: number } = {},
): Generator<MergedListing[]> {
  const pageSize = options.pageSize ?? 500;
  let left = options.max ?? Number.POSITIVE_INFINITY;
  let cursor: string | null = null;
  while (left > 0) {
    const page = store.listMerged({
      ...filter,
      limit: Math.min(pageSize, left),
      ...(cursor !== null ? { cursor } : {}),
    });
    if (page.items.length > 0) yield page.items;
    left -= page.items.length;
    if (page.next === null) return;
    cursor = page.next;
  }
}
