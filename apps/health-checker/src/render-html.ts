import type { AlbRequest, HttpResponse } from '@albkit/core'
import { htmlPage, markup } from '@albkit/middy'
import { type HealthReport, httpStatusFor } from './report.js'

const STYLE =
  'body{font:15px system-ui,sans-serif;margin:2rem}table{border-collapse:collapse}' +
  'th,td{padding:.3rem .8rem;border-bottom:1px solid #ccc;text-align:left}' +
  '.ok{color:#176b2c}.fail{color:#a4161a}.degraded{color:#9a6700}'

const page = htmlPage({ style: STYLE })

const STATUS_CLASS = { healthy: 'ok', degraded: 'degraded', unhealthy: 'fail' } as const

/**
 * The full report as an HTML table in albkit's page frame (`<main>`, strict CSP, HSTS over
 * HTTPS). Every value is escaped by `markup`.
 *
 * @example
 * renderHtml(report, context.alb).headers?.['Content-Security-Policy'] // → "default-src 'none'; style-src 'sha256-…'; …"
 */
export function renderHtml(report: HealthReport, request: AlbRequest): HttpResponse {
  const rows = report.probes.map(
    (p) =>
      markup`<tr><td>${p.name}</td><td>${p.type}</td><td>${p.critical ? 'critical' : 'optional'}</td><td class="${p.ok ? 'ok' : 'fail'}">${p.ok ? 'ok' : 'failed'}</td><td>${p.latencyMs} ms</td><td>${p.error ?? ''}</td></tr>
`,
  )
  return page(request, {
    title: `Health: ${report.status}`,
    statusCode: httpStatusFor(report.status),
    main: markup`<h1>Health: <span class="${STATUS_CLASS[report.status]}">${report.status}</span></h1>
<p>Checked at ${report.checkedAt}${report.cached ? ' (cached)' : ''}.</p>
<table><thead><tr><th>probe</th><th>type</th><th>kind</th><th>result</th><th>latency</th><th>error</th></tr></thead>
<tbody>
${rows.length > 0 ? rows : markup`<tr><td colspan="6">no probes configured</td></tr>`}
</tbody></table>`,
  })
}
