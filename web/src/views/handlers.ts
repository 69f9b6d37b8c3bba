// What a view may ask of the page: open an event, change the shared filters. Views never fetch or touch the URL.
import type { Filters } from '../state.ts';

export interface ViewHandlers {
  openEvent(id: string): void;
  /** Merges into the current filters; an empty string clears a key. */
  setFilters(patch: Filters): void;
}
