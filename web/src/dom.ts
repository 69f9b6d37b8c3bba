// The one way the dashboard makes elements. Text goes in through text nodes and attributes through setAttribute,
// never through innerHTML, so a report containing "<script>alert(1)</script>" shows those characters and runs
// nothing. Views build their output with these helpers only.
export type Child = Node | string | number | null | undefined | false;
export type Attributes = Record<string, string | number | boolean | null | undefined>;

const SVG_NS = 'http://www.w3.org/2000/svg';

function fill(element: Element, attributes: Attributes, children: readonly Child[]): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    // Event-handler attributes would be markup that runs: handlers are attached with `on()` instead.
    if (/^on/i.test(name)) throw new Error(`attribute ${name} refused: attach handlers with on()`);
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** An HTML element: h('td', { class: 'num' }, '12'). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  fill(element, attributes, children);
  return element;
}

/** An SVG element: s('circle', { cx: 4, cy: 4, r: 2 }). */
export function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag) as SVGElementTagNameMap[K];
  fill(element, attributes, children);
  return element;
}

/** Attaches a handler and returns the element, so views can chain it inside h(…). */
export function on<E extends Element>(element: E, type: string, handler: (event: Event) => void): E {
  element.addEventListener(type, handler);
  return element;
}

/** Replaces the children of a container. */
export function replace(container: Element, ...children: Child[]): void {
  while (container.firstChild) container.removeChild(container.firstChild);
  append(container, children);
}

/** An SVG `<defs>` holding an arrowhead marker, for lines drawn with `marker-end: url(#id)`. */
export function arrowDefs(id: string): SVGDefsElement {
  return s(
    'defs',
    {},
    s(
      'marker',
      {
        id,
        viewBox: '0 0 10 10',
        refX: 10,
        refY: 5,
        markerWidth: 7,
        markerHeight: 7,
        markerUnits: 'userSpaceOnUse',
        orient: 'auto',
      },
      s('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow-head' }),
    ),
  );
}
