import { type AlbError, type AlbRequest, albError, empty, type HttpResponse } from '@albkit/core'
import { clientAddress } from './client-address.js'
import { FORMATS, type Format, negotiate } from './negotiate.js'
import { renderHtml } from './render-html.js'
import { renderJson } from './render-json.js'
import { renderText } from './render-text.js'
import { buildReport } from './report.js'

/** What the app needs besides the request: the validated TRUSTED_PROXY_HOPS (or why it is invalid). */
export interface WhatsMyIpConfig {
  trustedProxyHops: number | AlbError
}

/** Methods this endpoint answers; anything else is a 405 with this list in `Allow`. */
export const ALLOWED_METHODS = 'GET, HEAD, OPTIONS'

/** Headers on every answer: never cached (the address is per client), the format depends on Accept. */
const COMMON_HEADERS = {
  'Cache-Control': 'no-store',
  Vary: 'Accept',
  'X-Content-Type-Options': 'nosniff',
}

const RENDERERS = { text: renderText, json: renderJson, html: renderHtml } as const

/** `/ip` and `/ip/` negotiate; `/ip/text`, `/ip/json`, `/ip/html` name the format; anything else under `/ip/` is unknown. */
function formatFromPath(path: string): Format | undefined | null {
  if (path === '/ip' || path === '/ip/') return undefined
  const suffix = path.startsWith('/ip/') ? path.slice(4) : ''
  return FORMATS.find((f) => f === suffix) ?? null
}

function preflight(): HttpResponse {
  return empty(204, {
    headers: {
      Allow: ALLOWED_METHODS,
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': ALLOWED_METHODS,
      'Access-Control-Allow-Headers': 'Accept',
      'Access-Control-Max-Age': '600',
      'Cache-Control': 'no-store',
    },
  })
}

/**
 * The whole app as a pure function of the request view: reports the client address the load
 * balancer vouches for, as text, JSON or HTML. Errors are thrown as AlbError (albErrors renders them).
 *
 * @example
 * whatsMyIp(parseRequest(albEvent({ path: '/ip', sourceIp: '203.0.113.7' })), { trustedProxyHops: 0 }).body
 * // → '203.0.113.7\n'
 */
export function whatsMyIp(request: AlbRequest, config: WhatsMyIpConfig): HttpResponse {
  const pathFormat = formatFromPath(request.path)
  if (pathFormat === null) {
    throw albError(404, 'Not found: this app answers /ip (or /ip/text, /ip/json, /ip/html).', {
      headers: { 'Cache-Control': 'no-store' },
    })
  }
  if (request.method === 'OPTIONS') return preflight()
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    throw albError(405, `Method not allowed: use ${ALLOWED_METHODS}.`, {
      headers: { Allow: ALLOWED_METHODS, 'Cache-Control': 'no-store' },
    })
  }
  if (typeof config.trustedProxyHops !== 'number') throw config.trustedProxyHops
  const format = negotiate({
    format: request.query.get('format') ?? pathFormat,
    accept: request.headers.has('accept') ? request.headers.all('accept').join(', ') : undefined,
  })
  const report = buildReport(clientAddress(request.forwardedFor, config.trustedProxyHops), request)
  const rendered = RENDERERS[format](report)
  const response: HttpResponse = {
    ...rendered,
    headers: { ...rendered.headers, ...COMMON_HEADERS },
  }
  // HEAD: the same status and headers as GET, no body.
  return request.method === 'HEAD' ? { ...response, body: '' } : response
}
