import { type AlbRequest, type HttpResponse, json } from '@albkit/core'
import { resultPage, wantsPage } from './pages.js'
import type { StoreOutcome } from './store-files.js'

/**
 * The answer to a finished store: 201 with one entry per file when all are stored, else the
 * outcome's 5xx with per-file results (and Retry-After on 503). Browsers get a page.
 *
 * @example
 * return storeResponse(outcome, context.alb)
 */
export function storeResponse(outcome: StoreOutcome, req: AlbRequest): HttpResponse {
  const headers: Record<string, string> = {}
  if (outcome.retryAfterSeconds !== undefined)
    headers['Retry-After'] = String(outcome.retryAfterSeconds)
  if (wantsPage(req)) return resultPage(req, outcome, headers)
  const body =
    outcome.statusCode === 201
      ? { files: outcome.files }
      : { error: outcome.error, statusCode: outcome.statusCode, files: outcome.files }
  return json(body, { statusCode: outcome.statusCode, headers })
}
