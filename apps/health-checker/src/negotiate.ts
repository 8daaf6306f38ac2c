import { albError, negotiate } from '@albkit/core'

/** The two shapes of the full report. */
export type ReportFormat = 'json' | 'html'

// JSON first: it wins ties (curl's `*\/*`, no Accept) and is the answer when nothing matches.
const OFFERS = ['application/json', 'text/html'] as const

/**
 * Picks the report format: `?format=json|html` wins; otherwise the `Accept` header through
 * core's `negotiate`, HTML only when the client prefers `text/html` to `application/json`
 * (browsers do, curl's `*\/*` does not). Any other `format` value is a 400.
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
  return negotiate(accept, OFFERS) === 'text/html' ? 'html' : 'json'
}
