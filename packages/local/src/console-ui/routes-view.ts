/** The listener's rules as read from the templates, in evaluation order. */
import { api } from './api.js'
import { h } from './dom.js'

/**
 * @example
 * main.append(await routesView())
 */
export async function routesView(): Promise<HTMLElement> {
  const rows = await api.routes()
  return h(
    'section',
    { class: 'routes', 'aria-labelledby': 'routes-title' },
    h('h2', { id: 'routes-title', tabindex: -1 }, 'Routes'),
    h(
      'table',
      {},
      h('caption', {}, 'Listener rules, lowest priority first, default last'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['Priority', 'Conditions', 'Action', 'Target group', 'Function', 'Template'].map((t) =>
            h('th', { scope: 'col' }, t),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        ...rows.map((r) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, String(r.priority)),
            h('td', {}, r.conditions),
            h('td', {}, r.action),
            h('td', {}, r.targetGroup ?? ''),
            h('td', {}, r.function ?? ''),
            h('td', { class: 'muted' }, r.template),
          ),
        ),
      ),
    ),
  )
}
