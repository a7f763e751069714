// Building the page with DOM APIs only: data becomes text nodes, never markup. There is no innerHTML
// (or outerHTML, insertAdjacentHTML, document.write) anywhere in src/webview — a unit test checks it —
// and attributes that could load or run something (on*, href, src, style…) cannot be set through h().
// Text is shown with its bidi controls and invisible characters made visible (src/core/visibleText.ts):
// every string child, and the attributes a person reads (title, aria-label, label, placeholder, alt).
// Values (an input's value, data-* keys, option values) stay exact.
import { visible } from '../../core/visibleText';

export type Child = Node | string | number | undefined | null | false;
export type Attributes = Record<string, string | number | boolean | undefined>;

/** Attributes h() refuses: event handlers, URLs, inline styles. Nothing on this page needs them. */
const FORBIDDEN_ATTRIBUTE = /^(on|style$|href$|src$|srcdoc$|srcset$|action$|formaction$|xlink:href$|xmlns)/i;
/** Attributes that are read, not used: shown like text. */
const SHOWN_ATTRIBUTE = /^(title|aria-label|aria-description|aria-roledescription|label|placeholder|alt)$/i;

function setAttributes(element: Element, attributes: Attributes | undefined): void {
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (FORBIDDEN_ATTRIBUTE.test(name)) throw new Error(`h(): the attribute "${name}" is not allowed`);
    if (value === undefined || value === false) continue;
    const text = value === true ? '' : String(value);
    element.setAttribute(name, SHOWN_ATTRIBUTE.test(name) ? visible(text) : text);
  }
}

function append(element: Element, children: Child[]): void {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    element.append(
      typeof child === 'string'
        ? document.createTextNode(visible(child, { multiline: true }))
        : typeof child === 'number'
          ? document.createTextNode(String(child))
          : child,
    );
  }
}

/** An HTML (or custom) element; strings and numbers among the children become text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes?: Attributes, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  setAttributes(element, attributes);
  append(element, children);
  return element;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element, same rules as h(). */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, attributes?: Attributes, ...children: Child[]): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  setAttributes(element, attributes);
  append(element, children);
  return element;
}

/** Text for screen readers only (the .visually-hidden class). */
export function srOnly(text: string): HTMLSpanElement {
  return h('span', { class: 'visually-hidden' }, text);
}

/** An element among `root`'s descendants whose attribute equals `value` (no selector built from data). */
export function findByAttribute(root: ParentNode, attribute: string, value: string): HTMLElement | undefined {
  for (const element of root.querySelectorAll<HTMLElement>(`[${attribute}]`)) {
    if (element.getAttribute(attribute) === value) return element;
  }
  return undefined;
}

/** The data-focus key of the focused control, if any, so a re-render can put the focus back. */
export function focusedKey(): string | undefined {
  const active = document.activeElement;
  return active instanceof HTMLElement ? (active.closest<HTMLElement>('[data-focus]')?.dataset.focus ?? undefined) : undefined;
}
