/** The live request list, newest first: one row per exchange, opened by its link. */
import type { ExchangeSummary } from './api.js'
import { h } from './dom.js'
import { clock, ms } from './format.js'

/** Rows the page keeps (the server keeps its own bounded list). */
const MAX_ROWS = 500

function markers(s: ExchangeSummary): HTMLElement {
  return h(
    'span',
    { class: 'markers' },
    s.marker === 'error' && h('span', { class: 'marker error' }, '✖ error'),
    s.marker === 'warning' && h('span', { class: 'marker warning' }, '⚠ warning'),
    s.cold && h('span', { class: 'marker cold' }, '❄ cold'),
    s.replayOf !== undefined && h('span', { class: 'marker replay' }, '↻ replay'),
  )
}

function statusClass(status: number): string {
  return status >= 500 ? 'status s5' : status >= 400 ? 'status s4' : 'status'
}

export class RequestsView {
  readonly root: HTMLElement
  private readonly body: HTMLTableSectionElement
  private readonly rows = new Map<number, HTMLTableRowElement>()
  private readonly empty: HTMLElement

  constructor() {
    this.body = h('tbody', { id: 'request-rows' })
    this.empty = h('p', { class: 'empty' }, 'No requests yet: send one to the load balancer.')
    this.root = h(
      'section',
      { class: 'list', 'aria-labelledby': 'requests-title' },
      h('h2', { id: 'requests-title' }, 'Requests'),
      this.empty,
      h(
        'table',
        { class: 'requests' },
        h('caption', { class: 'visually-hidden' }, 'Requests, newest first'),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...['Time', 'Method', 'Path', 'Status', 'Duration', 'Target', 'Notes'].map((t) =>
              h('th', { scope: 'col' }, t),
            ),
          ),
        ),
        this.body,
      ),
    )
  }

  /** Add an exchange at the top (or in place, when it is known). */
  add(s: ExchangeSummary, atTop = true): void {
    if (this.rows.has(s.id)) return
    const row = h(
      'tr',
      { 'data-id': s.id, class: s.marker ?? '' },
      h('td', {}, clock(s.time)),
      h('td', {}, s.method),
      h('td', { class: 'path' }, h('a', { href: `#/requests/${s.id}` }, s.target)),
      h('td', { class: statusClass(s.status) }, s.status),
      h('td', {}, ms(s.durationMs)),
      h(
        'td',
        { class: 'target' },
        s.functionName ?? '',
        s.targetGroup !== undefined && h('span', { class: 'tg' }, s.targetGroup),
      ),
      h('td', {}, markers(s)),
    )
    this.rows.set(s.id, row)
    if (atTop) this.body.prepend(row)
    else this.body.append(row)
    this.empty.hidden = true
    while (this.rows.size > MAX_ROWS) {
      const last = this.body.lastElementChild as HTMLTableRowElement | null
      if (last === null) break
      this.rows.delete(Number(last.dataset.id))
      last.remove()
    }
  }

  /** Mark the opened row. */
  select(id: number | undefined): void {
    for (const [rowId, row] of this.rows) {
      if (rowId === id) row.setAttribute('aria-current', 'true')
      else row.removeAttribute('aria-current')
    }
  }
}
