// Gives the views a DOM outside the browser (linkedom), so they are tested as render functions of data. Imported
// first by every view test.
import { parseHTML } from 'linkedom';

const { document, window } = parseHTML('<!doctype html><html><head></head><body></body></html>');
Object.assign(globalThis, { document, window });

/** Records what the view asked the page to do. */
export function recordingHandlers() {
  const calls: { opened: string[]; filters: Record<string, string | undefined>[]; dyads: string[] } = {
    opened: [],
    filters: [],
    dyads: [],
  };
  return {
    calls,
    openEvent: (id: string) => calls.opened.push(id),
    setFilters: (patch: Record<string, string | undefined>) => calls.filters.push(patch),
    dyadFilter: (dyad: { source: { name: string }; target: { name: string } }) =>
      calls.dyads.push(`${dyad.source.name}>${dyad.target.name}`),
    loadMore: () => {},
    back: () => {},
    showDocument: () => {},
  };
}

export function click(element: Element | null): void {
  if (!element) throw new Error('nothing to click');
  element.dispatchEvent(new window.Event('click', { bubbles: true }));
}
