import { albError } from '@albkit/core'

/** The two shapes of the full report. */
export type ReportFormat = 'json' | 'html'

/**
 * Picks the report format: `?format=json|html` wins; otherwise the `Accept` header, HTML only
 * when the client ranks `text/html` above `application/json` (browsers do, curl's `*\/*` does
 * not). Any other `format` value is a 400.
 *
 * @example
 * reportFormat(undefined, 'text/html,application/xhtml+xml,*\/*;q=0.8') // → 'html'
 * reportFormat(undefined, '*\/*') // → 'json'
 */
export function reportFormat(format: string | undefined, accept: string | undefined): ReportFormat {
  if (format !== undefined) {
    if (format === 'json' || format === 'html') return format
    throw albError(400, 'format must be "json" or "html"')
  }
  const html = quality(accept, 'text/html')
  return html > 0 && html > quality(accept, 'application/json') ? 'html' : 'json'
}

/** The q-value `accept` gives `type` (most specific match wins; absent header → 1 for all). */
function quality(accept: string | undefined, type: string): number {
  if (accept === undefined || accept.trim() === '') return 1
  const [major] = type.split('/')
  let best = { specificity: -1, q: 0 }
  for (const part of accept.split(',').slice(0, 50)) {
    const [range = '', ...params] = part.trim().toLowerCase().split(';')
    const specificity = range === type ? 2 : range === `${major}/*` ? 1 : range === '*/*' ? 0 : -1
    if (specificity <= best.specificity) continue
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const q = qParam ? Number(qParam.slice(2)) : 1
    best = { specificity, q: Number.isFinite(q) ? Math.min(Math.max(q, 0), 1) : 0 }
  }
  return best.q
}
