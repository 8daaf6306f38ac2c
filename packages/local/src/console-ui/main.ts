/**
 * The console page: hash routes (#/requests, #/requests/:id, #/targets, #/routes), the live
 * list fed by the event stream, one view in <main> at a time.
 */
import { api, type ExchangeSummary } from './api.js'
import { h, replace } from './dom.js'
import { exchangeView } from './exchange-view.js'
import { RequestsView } from './requests-view.js'
import { routesView } from './routes-view.js'
import { targetsView } from './targets-view.js'

const main = document.getElementById('main') as HTMLElement
const live = document.getElementById('live') as HTMLElement
const requests = new RequestsView()
const detail = h('div', { class: 'detail-box' })
const requestsPage = h('div', { class: 'requests-page' }, requests.root, detail)
let targetsTimer: number | undefined

function failed(err: unknown): HTMLElement {
  return h('p', { class: 'error', role: 'alert' }, err instanceof Error ? err.message : String(err))
}

async function show(): Promise<void> {
  clearInterval(targetsTimer)
  const hash = location.hash || '#/requests'
  for (const link of document.querySelectorAll('nav a'))
    if (hash.startsWith(link.getAttribute('href') ?? '-')) link.setAttribute('aria-current', 'page')
    else link.removeAttribute('aria-current')
  try {
    if (hash.startsWith('#/requests')) {
      if (main.firstChild !== requestsPage) replace(main, requestsPage)
      const id = Number(/^#\/requests\/(\d+)$/.exec(hash)?.[1] ?? Number.NaN)
      requests.select(Number.isNaN(id) ? undefined : id)
      if (Number.isNaN(id))
        return replace(
          detail,
          h('p', { class: 'muted' }, 'Open a request to see the event, the result and why.'),
        )
      const view = exchangeView(await api.exchange(id), (again) => {
        location.hash = `#/requests/${again.id}`
      })
      replace(detail, view)
      view.querySelector('h2')?.focus()
    } else if (hash === '#/targets') {
      const render = async () => replace(main, await targetsView())
      await render()
      main.querySelector('h2')?.focus()
      targetsTimer = window.setInterval(() => void render().catch(() => {}), 2000)
    } else if (hash === '#/routes') {
      replace(main, await routesView())
      main.querySelector('h2')?.focus()
    } else replace(main, h('p', {}, 'Unknown page. ', h('a', { href: '#/requests' }, 'Requests')))
  } catch (err) {
    replace(hash.startsWith('#/requests') ? detail : main, failed(err))
  }
}

function connect(): void {
  const events = new EventSource('/api/events')
  events.addEventListener('open', () => {
    live.textContent = 'live: new requests appear at the top'
  })
  events.addEventListener('error', () => {
    live.textContent = 'disconnected: retrying…'
  })
  events.addEventListener('exchange', (e) => {
    requests.add(JSON.parse((e as MessageEvent<string>).data) as ExchangeSummary)
  })
}

async function startPage(): Promise<void> {
  connect()
  try {
    const list = await api.exchanges()
    for (const s of list) requests.add(s, false)
  } catch (err) {
    replace(main, failed(err))
  }
  window.addEventListener('hashchange', () => void show())
  await show()
}

void startPage()
