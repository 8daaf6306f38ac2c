import type { AlbRequest, HttpResponse } from '@albkit/core'
import { htmlPage, markup } from '@albkit/middy'
import type { IpReport } from './report.js'

/** The page's only style sheet, inline; the CSP admits it by its hash, so no nonce and no 'unsafe-inline'. */
export const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#222}' +
  'h1{font-size:2rem;word-break:break-all}dt{font-weight:600}dd{margin:0 0 .5rem}' +
  'ol{padding-left:1.5rem}li{font-family:ui-monospace,monospace;word-break:break-all}.used{font-weight:700}' +
  'small{color:#555}'

const page = htmlPage({ style: STYLE })

function row(term: string, value: string | number | null | undefined) {
  return value === null || value === undefined ? '' : markup`<dt>${term}</dt><dd>${value}</dd>`
}

function chain(report: IpReport) {
  const used = report.forwardedFor.length - 1 - report.trustedProxyHops
  return markup`<ol>${report.forwardedFor.map((entry, i) =>
    i === used ? markup`<li class="used">${entry} ← you</li>` : markup`<li>${entry}</li>`,
  )}</ol>`
}

/**
 * The HTML page, in albkit's page frame (`<main>`, strict CSP, HSTS over HTTPS). Every value
 * from the request is escaped by `markup`; the page loads nothing.
 *
 * @example
 * renderHtml(report, context.alb).headers?.['Content-Security-Policy'] // → "default-src 'none'; style-src 'sha256-…'; …"
 */
export function renderHtml(report: IpReport, request: AlbRequest): HttpResponse {
  return page(request, {
    title: "What's my IP",
    main: markup`<p>Your address, as the load balancer saw it:</p>
<h1>${report.address}</h1>
<dl>${row('IP version', `IPv${report.version}`)}${row('Mapped from', report.mappedFrom)}${row('Client port', report.clientPort)}${row('Protocol', report.proto)}${row('Listener port', report.port)}${row('Trace id', report.traceId)}</dl>
<h2>X-Forwarded-For, left to right</h2>
${chain(report)}
<p><small>Only the entry the load balancer appended (right-most) or one written by a trusted proxy is believed; entries to its left are whatever the client sent.</small></p>
<p><small>Also as <a href="?format=json">JSON</a> or <a href="?format=text">plain text</a>.</small></p>`,
  })
}
