import { type HttpResponse, html, json } from '@albkit/core'
import { PAGE_HEADERS, resultPage } from './pages.js'
import type { StoreOutcome } from './store-files.js'

/**
 * The answer to a finished store: 201 with one entry per file when all are stored, else the
 * outcome's 5xx with per-file results (and Retry-After on 503). Browsers get a page.
 *
 * @example
 * return storeResponse(outcome, prefersHtml(req.headers.get('accept')))
 */
export function storeResponse(outcome: StoreOutcome, asHtml: boolean): HttpResponse {
  const headers: Record<string, string> = {}
  if (outcome.retryAfterSeconds !== undefined)
    headers['Retry-After'] = String(outcome.retryAfterSeconds)
  if (asHtml) {
    return html(resultPage(outcome), {
      statusCode: outcome.statusCode,
      headers: { ...PAGE_HEADERS, ...headers },
    })
  }
  const body =
    outcome.statusCode === 201
      ? { files: outcome.files }
      : { error: outcome.error, statusCode: outcome.statusCode, files: outcome.files }
  return json(body, { statusCode: outcome.statusCode, headers })
}
