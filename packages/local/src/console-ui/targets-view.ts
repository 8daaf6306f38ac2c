/** Target groups: health state, transitions and the last check results (refreshed while shown). */
import { api, type TargetView } from './api.js'
import { h } from './dom.js'
import { clock, ms } from './format.js'

function check(c: TargetView['checks'][number]): string {
  return `${clock(Date.parse(c.time))} ${c.ok ? 'ok' : 'failed'}${c.statusCode === undefined ? '' : ` ${c.statusCode}`}${c.reason ? ` ${c.reason}` : ''} (${ms(c.ms)})`
}

function target(t: TargetView): HTMLElement {
  const id = `tg-${t.targetGroup.replace(/[^A-Za-z0-9_-]/g, '_')}`
  return h(
    'section',
    { class: 'target', 'aria-labelledby': id },
    h('h3', { id }, t.targetGroup),
    h(
      'p',
      {},
      h('span', { class: `state ${t.state}` }, t.state),
      t.reason ? ` (${t.reason})` : '',
      ` · function ${t.function ?? 'none'}`,
    ),
    h('h4', {}, 'Transitions'),
    t.transitions.length === 0
      ? h('p', { class: 'muted' }, 'none yet')
      : h(
          'ol',
          {},
          ...t.transitions.map((x) =>
            h(
              'li',
              {},
              `${clock(Date.parse(x.time))} ${x.from} → ${x.to}${x.reason ? ` (${x.reason})` : ''}`,
            ),
          ),
        ),
    h('h4', {}, 'Last checks'),
    t.checks.length === 0
      ? h('p', { class: 'muted' }, 'no checks (health checks off, or none run yet)')
      : h('ol', { reversed: true }, ...[...t.checks].reverse().map((c) => h('li', {}, check(c)))),
  )
}

/**
 * @example
 * main.append(await targetsView())
 */
export async function targetsView(): Promise<HTMLElement> {
  const targets = await api.targets()
  return h(
    'section',
    { class: 'targets', 'aria-labelledby': 'targets-title' },
    h('h2', { id: 'targets-title', tabindex: -1 }, 'Targets'),
    ...targets.map(target),
  )
}
