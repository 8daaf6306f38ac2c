import { cspHash, escapeHtml, type HttpResponse, html } from '@albkit/core'
import type { IpReport } from './report.js'

/** The page's only style sheet, inline; the CSP admits it by its hash, so no nonce and no 'unsafe-inline'. */
export const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#222}' +
  'h1{font-size:2rem;word-break:break-all}dt{font-weight:600}dd{margin:0 0 .5rem}' +
  'ol{padding-left:1.5rem}li{font-family:ui-monospace,monospace;word-break:break-all}.used{font-weight:700}' +
  'small{color:#555}'

let csp: string | undefined

/**
 * `Content-Security-Policy` of the page: nothing loads, nothing frames it, only STYLE applies.
 * Computed on the first render, not at import: hashing loads node:crypto, which would add to
 * every cold start (bench/, issue #9).
 */
export function contentSecurityPolicy(): string {
  csp ??= [
    "default-src 'none'",
    `style-src ${cspHash(STYLE)}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
  return csp
}

function row(term: string, value: string | number | null | undefined): string {
  return value === null || value === undefined
    ? ''
    : `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(String(value))}</dd>`
}

function chain(report: IpReport): string {
  const used = report.forwardedFor.length - 1 - report.trustedProxyHops
  const items = report.forwardedFor.map((entry, i) =>
    i === used
      ? `<li class="used">${escapeHtml(entry)} ← you</li>`
      : `<li>${escapeHtml(entry)}</li>`,
  )
  return `<ol>${items.join('')}</ol>`
}

/**
 * The HTML page. Every value from the request goes through escapeHtml; the page loads no external
 * assets and is served with a strict CSP.
 *
 * @example
 * renderHtml(report).headers?.['Content-Security-Policy'] // → "default-src 'none'; style-src 'sha256-…'; …"
 */
export function renderHtml(report: IpReport): HttpResponse {
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>What's my IP</title><style>${STYLE}</style></head>
<body><main>
<p>Your address, as the load balancer saw it:</p>
<h1>${escapeHtml(report.address)}</h1>
<dl>${row('IP version', `IPv${report.version}`)}${row('Mapped from', report.mappedFrom)}${row('Client port', report.clientPort)}${row('Protocol', report.proto)}${row('Listener port', report.port)}${row('Trace id', report.traceId)}</dl>
<h2>X-Forwarded-For, left to right</h2>
${chain(report)}
<p><small>Only the entry the load balancer appended (right-most) or one written by a trusted proxy is believed; entries to its left are whatever the client sent.</small></p>
<p><small>Also as <a href="?format=json">JSON</a> or <a href="?format=text">plain text</a>.</small></p>
</main></body></html>
`
  return html(page, {
    headers: {
      'Content-Security-Policy': contentSecurityPolicy(),
      'Referrer-Policy': 'no-referrer',
    },
  })
}
