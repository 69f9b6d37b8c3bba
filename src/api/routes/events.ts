// GET /events: the stored events the filters of `sitrep events` select, latest first, a page at a time; with
// merged=true each real-world event once (Store.listMerged), as `sitrep events --merged` lists them.
import type { Hono } from 'hono';
import { realEventJson, realEventView } from '../../store/real-event-view.ts';
import type { EventFilter } from '../../store/store.ts';
import type { ApiDeps } from '../deps.ts';
import { eventsQuery, parse } from '../validate.ts';

export const DEFAULT_PAGE = 100;

export function registerEvents(app: Hono, { store }: ApiDeps): void {
  app.get('/events', (c) => {
    const query = parse(eventsQuery, c.req.query(), 'query');
    const { near, within, merged, ...rest } = query;
    const filter: EventFilter = { limit: DEFAULT_PAGE };
    for (const [key, value] of Object.entries(rest)) {
      if (value !== undefined) Object.assign(filter, { [key]: value });
    }
    if (near !== undefined && within !== undefined) filter.near = { ...near, km: within };
    if (merged) {
      const page = store.listMerged(filter);
      const events = page.items.map((item) => realEventJson(realEventView(item.event, item.merged)));
      return c.json({ events, next: page.next });
    }
    const page = store.listEvents(filter);
    return c.json({ events: page.events, next: page.next });
  });
}
