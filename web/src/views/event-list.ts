// The event list: the page of events the shared filters select, latest first, one row each; a row opens the
// event page. "More" asks the page for the next page (the API's cursor), never for everything.
import { h, on } from '../dom.ts';
import { actorNames, dateText, placeText, rangeText } from '../format.ts';
import type { EventRecord } from '../types.ts';
import type { ViewHandlers } from './handlers.ts';
import { swatch } from './swatch.ts';

export interface EventListData {
  events: readonly EventRecord[];
  /** Is there a next page? */
  more: boolean;
}

export function renderEventList(data: EventListData, handlers: ViewHandlers & { loadMore(): void }): HTMLElement {
  if (data.events.length === 0) return h('p', { class: 'empty' }, 'No event matches these filters.');
  const rows = data.events.map((event) => {
    const row = h(
      'tr',
      { class: 'event-row', 'data-event': event.id, tabindex: 0 },
      h('td', { class: 'date' }, dateText(event)),
      h(
        'td',
        {},
        on(
          h(
            'button',
            { type: 'button', class: 'type-chip', title: `only ${event.type} events` },
            swatch(event.type),
            event.type,
          ),
          'click',
          (e) => {
            e.stopPropagation();
            handlers.setFilters({ type: event.type });
          },
        ),
        event.mode ? h('span', { class: 'mode' }, ` ${event.mode}`) : null,
      ),
      h('td', {}, actorNames(event.actor)),
      h('td', {}, actorNames(event.recipient)),
      h('td', {}, placeText(event)),
      h('td', { class: 'num' }, rangeText(event.killed) ?? ''),
      h('td', { class: 'num' }, rangeText(event.injured) ?? ''),
      h('td', {}, event.claim.status),
    );
    on(row, 'click', () => handlers.openEvent(event.id));
    on(row, 'keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Enter') handlers.openEvent(event.id);
    });
    return row;
  });
  const head = h(
    'tr',
    {},
    ...['date', 'type', 'actor', 'recipient', 'place', 'killed', 'injured', 'claim'].map((name) => h('th', {}, name)),
  );
  return h(
    'div',
    { class: 'event-list' },
    h('table', {}, h('thead', {}, head), h('tbody', {}, ...rows)),
    h(
      'p',
      { class: 'list-foot' },
      `${data.events.length} events shown${data.more ? ', more match' : ''}. `,
      data.more ? on(h('button', { type: 'button', class: 'more' }, 'More'), 'click', () => handlers.loadMore()) : null,
    ),
  );
}
