/**
 * A tiny element builder: every value becomes a text node or an attribute set through the DOM,
 * never parsed as HTML (events carry attacker-controlled headers and bodies).
 */

type Child = Node | string | number | false | null | undefined
type Attrs = Record<string, string | number | boolean | undefined | EventListener>

/**
 * @example
 * h('a', { href: '#/requests/3' }, 'GET /ip')
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue
    if (typeof value === 'function') el.addEventListener(name.slice(2).toLowerCase(), value)
    else el.setAttribute(name, value === true ? '' : String(value))
  }
  append(el, ...children)
  return el
}

/** Append children (strings as text). */
export function append(el: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue
    el.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)))
  }
}

/** Replace an element's children. */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren()
  append(el, ...children)
}

/** A two-column table of name/value pairs (headers). */
export function pairsTable(
  caption: string,
  pairs: ReadonlyArray<readonly [string, string]>,
): HTMLElement {
  if (pairs.length === 0) return h('p', {}, `${caption}: none`)
  return h(
    'table',
    { class: 'pairs' },
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h('tr', {}, h('th', { scope: 'col' }, 'name'), h('th', { scope: 'col' }, 'value')),
    ),
    h(
      'tbody',
      {},
      ...pairs.map(([k, v]) => h('tr', {}, h('th', { scope: 'row' }, k), h('td', {}, v))),
    ),
  )
}
