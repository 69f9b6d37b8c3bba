// The filters every view shares — actor, dyad, type, time, place, text — and the level the analytics group actors
// at. Submitting the form replaces the filters; the page keeps them in the URL.
import { ANALYSIS_LEVELS, type AnalysisLevel } from '../../../src/analyze/types.ts';
import { PLOVER_TYPES } from '../../../src/core/ontology/plover.ts';
import { type Attributes, h, on } from '../dom.ts';
import { FILTER_KEYS, type Filters } from '../state.ts';
import type { ActorCount } from '../types.ts';

export interface FilterBarHandlers {
  apply(filters: Filters, level: AnalysisLevel): void;
}

const LABELS: Record<(typeof FILTER_KEYS)[number], [string, string]> = {
  actor: ['actor', 'words of a name: militia'],
  dyad: ['dyad', 'actor:recipient, e.g. Houthis:USA'],
  type: ['type', ''],
  since: ['since', ''],
  until: ['until', ''],
  country: ['country', 'ISO3: IRQ'],
  near: ['near', 'lat,lon: 33.3,44.4'],
  within: ['within km', '50'],
  text: ['text', 'words of the report'],
};

export function renderFilterBar(
  filters: Filters,
  level: AnalysisLevel,
  actors: readonly ActorCount[],
  handlers: FilterBarHandlers,
): HTMLFormElement {
  const field = (key: (typeof FILTER_KEYS)[number]): HTMLElement => {
    const [label, placeholder] = LABELS[key];
    const value = filters[key] ?? '';
    let input: HTMLElement;
    if (key === 'type') {
      input = h(
        'select',
        { name: key, id: `filter-${key}` },
        h('option', { value: '' }, 'any'),
        ...PLOVER_TYPES.map((type) => h('option', { value: type, selected: type === value }, type)),
      );
    } else {
      const attributes: Attributes = { name: key, id: `filter-${key}`, value, placeholder };
      if (key === 'since' || key === 'until') attributes.type = 'date';
      if (key === 'actor') attributes.list = 'actor-names';
      input = h('input', attributes);
    }
    return h('label', { class: `filter filter-${key}` }, h('span', {}, label), input);
  };
  const levelSelect = h(
    'select',
    { name: 'level', id: 'filter-level' },
    ...ANALYSIS_LEVELS.map((name) => h('option', { value: name, selected: name === level }, name)),
  );
  const form = h(
    'form',
    { class: 'filter-bar', role: 'search' },
    ...FILTER_KEYS.map(field),
    h('label', { class: 'filter filter-level' }, h('span', {}, 'dyads by'), levelSelect),
    h('button', { type: 'submit' }, 'Apply'),
    h('button', { type: 'reset' }, 'Clear'),
    h('datalist', { id: 'actor-names' }, ...actors.map((actor) => h('option', { value: actor.name }))),
  );
  on(form, 'submit', (event) => {
    event.preventDefault();
    handlers.apply(readFilters(form), levelSelect.value as AnalysisLevel);
  });
  on(form, 'reset', (event) => {
    event.preventDefault();
    handlers.apply({}, 'actor');
  });
  return form;
}

function readFilters(form: HTMLFormElement): Filters {
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const input = form.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${key}"]`);
    const value = input?.value.trim();
    if (value) filters[key] = value;
  }
  return filters;
}
