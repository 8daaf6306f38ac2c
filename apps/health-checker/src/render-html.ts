import { cspHash, escapeHtml, type HttpResponse, html } from '@albkit/core'
import { type HealthReport, httpStatusFor } from './report.js'

const STYLE =
  'body{font:15px system-ui,sans-serif;margin:2rem}table{border-collapse:collapse}' +
  'th,td{padding:.3rem .8rem;border-bottom:1px solid #ccc;text-align:left}' +
  '.ok{color:#176b2c}.fail{color:#a4161a}.degraded{color:#9a6700}'

let csp: string | undefined

// The one inline style is allowed by its hash; nothing else (no scripts, no frames, no forms).
// Built on the first render, not at import: hashing loads node:crypto (cold start, issue #9).
function contentSecurityPolicy(): string {
  csp ??= [
    "default-src 'none'",
    `style-src ${cspHash(STYLE)}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
  return csp
}

const STATUS_CLASS = { healthy: 'ok', degraded: 'degraded', unhealthy: 'fail' } as const

/**
 * The full report as an HTML table. Every value is escaped; the page carries a strict CSP.
 *
 * @example
 * renderHtml(report).headers?.['Content-Security-Policy'] // → "default-src 'none'; style-src 'sha256-…'; …"
 */
export function renderHtml(report: HealthReport): HttpResponse {
  const rows = report.probes
    .map(
      (p) =>
        `<tr><td>${escapeHtml(p.name)}</td><td>${escapeHtml(p.type)}</td>` +
        `<td>${p.critical ? 'critical' : 'optional'}</td>` +
        `<td class="${p.ok ? 'ok' : 'fail'}">${p.ok ? 'ok' : 'failed'}</td>` +
        `<td>${p.latencyMs} ms</td><td>${escapeHtml(p.error ?? '')}</td></tr>`,
    )
    .join('\n')
  const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Health: ${escapeHtml(report.status)}</title>
<style>${STYLE}</style></head><body>
<h1>Health: <span class="${STATUS_CLASS[report.status]}">${escapeHtml(report.status)}</span></h1>
<p>Checked at ${escapeHtml(report.checkedAt)}${report.cached ? ' (cached)' : ''}.</p>
<table><thead><tr><th>probe</th><th>type</th><th>kind</th><th>result</th><th>latency</th><th>error</th></tr></thead>
<tbody>
${rows || '<tr><td colspan="6">no probes configured</td></tr>'}
</tbody></table></body></html>
`
  return html(body, {
    statusCode: httpStatusFor(report.status),
    headers: {
      'Cache-Control': 'no-store',
      'Content-Security-Policy': contentSecurityPolicy(),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    },
  })
}
