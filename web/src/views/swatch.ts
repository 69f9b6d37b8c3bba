// A small square of a PLOVER type's colour, beside its name wherever a type is shown.
import type { PloverType } from '../../../src/core/ontology/plover.ts';
import { h } from '../dom.ts';
import { TYPE_COLOURS } from '../format.ts';

export function swatch(type: PloverType): HTMLElement {
  const mark = h('span', { class: 'swatch', 'aria-hidden': 'true' });
  // CSSOM, not a style attribute: the Content-Security-Policy allows no inline style attributes.
  mark.style.background = TYPE_COLOURS[type];
  return mark;
}
