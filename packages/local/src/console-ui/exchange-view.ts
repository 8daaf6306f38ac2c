/**
 * One exchange opened: why it answered as it did (explanations first), the client's request,
 * the rule (and on demand why the earlier rules did not match), the event, the result, the
 * response, timings, the function's log lines; replay.
 */
import { api, type ExchangeDetail } from './api.js'
import { append, h, pairsTable, replace } from './dom.js'
import { bytes, clock, ms } from './format.js'

type Preview = ExchangeDetail['request']['body']

function section(id: string, title: string, ...children: Array<Node | string | false | undefined>) {
  return h('section', { class: 'part', 'aria-labelledby': id }, h('h3', { id }, title), ...children)
}

function code(label: string, text: string, cls = ''): HTMLElement {
  return h('pre', { class: `code ${cls}`, tabindex: 0, 'aria-label': label }, text)
}

function bodyBlock(label: string, body: Preview, href: string): HTMLElement {
  if (body.encoding === 'empty') return h('p', {}, `${label}: empty`)
  const info = `${label}: ${bytes(body.size)}${body.encoding === 'hex' ? ', binary (hex)' : ''}${body.truncated ? `, first ${bytes(body.shown)} shown` : ''}`
  return h(
    'div',
    {},
    h(
      'p',
      {},
      info,
      ' ',
      h(
        'a',
        { href, download: '' },
        `download${body.captured < body.size ? ` (first ${bytes(body.captured)} kept)` : ''}`,
      ),
    ),
    code(label, body.preview),
  )
}

/** A JSON document shown pretty, with its long body cut and a way to load or download all. */
function jsonBlock(
  label: string,
  shown: { json: string; bodyCut: boolean; href: string },
): HTMLElement {
  const pre = code(label, shown.json, 'json')
  const box = h('div', {}, pre)
  if (shown.bodyCut) {
    const more = h(
      'button',
      {
        type: 'button',
        onclick: async () => {
          more.disabled = true
          pre.textContent = await api.text(shown.href)
          more.remove()
        },
      },
      `Show the whole ${label.toLowerCase()}`,
    )
    append(
      box,
      h(
        'p',
        {},
        'The body is cut for display. ',
        more,
        ' ',
        h('a', { href: shown.href, download: '' }, 'download'),
      ),
    )
  } else if (shown.href !== '')
    append(
      box,
      h('p', {}, h('a', { href: shown.href, download: '' }, `download ${label.toLowerCase()}`)),
    )
  return box
}

function explanations(d: ExchangeDetail): HTMLElement | false {
  if (d.explanations.length === 0) return false
  const onlyWarnings = d.explanations.every((e) => e.level !== 'error')
  return h(
    'section',
    { class: onlyWarnings ? 'why why-warnings' : 'why', 'aria-labelledby': 'why-title' },
    h('h3', { id: 'why-title' }, 'Why'),
    h(
      'ul',
      {},
      ...d.explanations.map((e) =>
        h(
          'li',
          { class: `explanation ${e.level}` },
          h(
            'strong',
            {},
            `${e.level === 'error' ? '✖ error' : '⚠ warning'} ${e.code}${e.field ? ` (${e.field})` : ''}: `,
          ),
          e.message,
          ' ',
          h('a', { href: e.source, rel: 'noreferrer', target: '_blank' }, sourceLabel(e.source)),
          e.details &&
            h('ul', { class: 'details' }, ...e.details.map((x) => h('li', {}, h('code', {}, x)))),
        ),
      ),
    ),
  )
}

/** Names the kind of page a rule comes from: AWS docs, a GitHub issue thread (the tolerances), an RFC. */
function sourceLabel(url: string): string {
  if (url.startsWith('https://github.com/')) return 'source: GitHub issue'
  if (url.startsWith('https://docs.aws.amazon.com/')) return 'source: AWS docs'
  if (url.startsWith('https://www.rfc-editor.org/')) return 'source: RFC'
  return 'source'
}

function ruleBlock(d: ExchangeDetail): HTMLElement {
  if (d.rule === undefined)
    return section(
      'rule-title',
      'Rule',
      h('p', {}, 'Refused before routing: no rule was evaluated.'),
    )
  const traceBox = h('div', { class: 'trace' })
  const why = h(
    'button',
    {
      type: 'button',
      onclick: async () => {
        why.disabled = true
        const verdicts = await api.rules(d.id)
        replace(
          traceBox,
          h(
            'table',
            { class: 'rules' },
            h('caption', {}, 'Rules evaluated, in order'),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', { scope: 'col' }, 'priority'),
                h('th', { scope: 'col' }, 'condition'),
                h('th', { scope: 'col' }, 'holds'),
              ),
            ),
            h(
              'tbody',
              {},
              ...verdicts.flatMap((v) =>
                (v.conditions.length === 0
                  ? [{ condition: '(any)', holds: true }]
                  : v.conditions
                ).map((c, i) =>
                  h(
                    'tr',
                    { class: v.matched ? 'matched' : '' },
                    h(
                      'th',
                      { scope: 'row' },
                      i === 0 ? `${v.priority}${v.matched ? ' (matched)' : ''}` : '',
                    ),
                    h('td', {}, c.condition),
                    h('td', { class: c.holds ? 'yes' : 'no' }, c.holds ? 'yes' : 'no'),
                  ),
                ),
              ),
            ),
          ),
        )
      },
    },
    'Why not the earlier rules?',
  )
  const r = d.rule
  return section(
    'rule-title',
    'Rule',
    h(
      'p',
      {},
      `priority ${r.priority}: ${r.conditions} → ${r.action}${r.targetGroup ? ` ${r.targetGroup} → ${r.function}` : ''}`,
    ),
    h('p', { class: 'muted' }, r.template),
    why,
    traceBox,
  )
}

function timings(d: ExchangeDetail): HTMLElement {
  const t = d.timings
  return h(
    'dl',
    { class: 'timings' },
    h('dt', {}, 'queued'),
    h('dd', {}, ms(t.queuedMs)),
    h('dt', {}, 'init (cold start)'),
    h('dd', {}, ms(t.initMs)),
    h('dt', {}, 'invoke'),
    h('dd', {}, ms(t.invokeMs)),
    h('dt', {}, 'total'),
    h('dd', {}, ms(t.totalMs)),
  )
}

/**
 * @example
 * main.append(exchangeView(await api.exchange(3), (again) => location.hash = `#/requests/${again.id}`))
 */
export function exchangeView(
  d: ExchangeDetail,
  onReplayed: (again: ExchangeDetail) => void,
): HTMLElement {
  const base = `/api/exchanges/${d.id}`
  const replayStatus = h('span', { role: 'status', class: 'muted' })
  const replay = h(
    'button',
    {
      type: 'button',
      disabled: d.event === undefined,
      onclick: async () => {
        replay.disabled = true
        replayStatus.textContent = 'replaying…'
        try {
          onReplayed(await api.replay(d.id))
        } catch (err) {
          replayStatus.textContent = err instanceof Error ? err.message : String(err)
          replay.disabled = false
        }
      },
    },
    'Replay (same event)',
  )
  return h(
    'section',
    { class: 'detail', 'aria-labelledby': 'detail-title' },
    h('h2', { id: 'detail-title', tabindex: -1 }, `#${d.id} ${d.method} ${d.target} → ${d.status}`),
    h(
      'p',
      { class: 'muted' },
      `${clock(d.time)} · ${ms(d.durationMs)}${d.functionName ? ` · ${d.functionName}` : ''}${d.cold ? ' · cold start' : ''}${d.requestId ? ` · request id ${d.requestId}` : ''}${d.replayOf !== undefined ? ` · replay of #${d.replayOf}` : ''}`,
    ),
    d.rowOnly === true
      ? h('p', { class: 'warning' }, d.eventError ?? '')
      : h('p', {}, replay, ' ', replayStatus),
    explanations(d),
    section(
      'request-title',
      'Client request',
      h(
        'p',
        {},
        h('code', {}, `${d.request.method} ${d.request.target} HTTP/${d.request.httpVersion}`),
        ` from ${d.request.peer}`,
      ),
      pairsTable('Request headers', d.request.headers),
      bodyBlock('Request body', d.request.body, `${base}/request-body`),
    ),
    ruleBlock(d),
    section(
      'event-title',
      'Event the function received',
      d.event !== undefined
        ? jsonBlock('Event', d.event)
        : h('p', {}, d.eventError ?? 'No event: the request did not reach a function.'),
      d.event !== undefined &&
        d.event.bodyCapturedBytes < d.event.bodySize &&
        h(
          'p',
          { class: 'warning' },
          `The request body was kept only up to ${bytes(d.event.bodyCapturedBytes)} of ${bytes(d.event.bodySize)}: the event's body is cut there.`,
        ),
    ),
    section(
      'result-title',
      'Result the function returned',
      d.result !== undefined
        ? jsonBlock('Result', d.result)
        : h('p', {}, d.resultMissing ?? 'none'),
      d.result?.truncated === true &&
        h('p', { class: 'warning' }, 'The result was kept only up to the capture limit.'),
    ),
    section(
      'response-title',
      'Response the client got',
      h(
        'p',
        {},
        h('code', {}, d.response.statusLine),
        d.response.own ? ' (from the load balancer itself)' : '',
      ),
      pairsTable('Response headers', d.response.headers),
      bodyBlock('Response body', d.response.body, `${base}/response-body`),
    ),
    section('timings-title', 'Timings', timings(d)),
    section(
      'logs-title',
      'Function log lines',
      d.logs.length === 0
        ? h('p', {}, d.requestId ? 'No output for this request id.' : 'No function was invoked.')
        : code(
            'Function log lines',
            d.logs.map((l) => `${l.stream === 'stderr' ? '[stderr] ' : ''}${l.text}`).join('\n'),
            'logs',
          ),
    ),
    d.note !== undefined && h('p', { class: 'muted' }, `Balancer note: ${d.note}`),
  )
}
