import { type AlbError, type AlbRequest, albError, empty, type HttpResponse } from '@albkit/core'
import { createRouter, pickFormat, type Router } from '@albkit/middy'
import { clientAddress } from './client-address.js'
import { renderHtml } from './render-html.js'
import { renderJson } from './render-json.js'
import { renderText } from './render-text.js'
import { buildReport } from './report.js'

/** What the app needs besides the request: the validated TRUSTED_PROXY_HOPS (or why it is invalid). */
export interface WhatsMyIpConfig {
  trustedProxyHops: number | AlbError
}

/** The formats, in the server's order of preference: ties in Accept (and curl's *\/*) give text. */
export const FORMATS = { text: 'text/plain', json: 'application/json', html: 'text/html' } as const
export type Format = keyof typeof FORMATS

/** The methods every route answers (what OPTIONS and 405 list). */
export const ALLOWED_METHODS = 'GET, HEAD, OPTIONS'

/** Headers on every answer: never cached (the address is per client), the format depends on Accept. */
const COMMON_HEADERS = {
  'Cache-Control': 'no-store',
  Vary: 'Accept',
  'X-Content-Type-Options': 'nosniff',
}

const RENDERERS = { text: renderText, json: renderJson, html: renderHtml } as const

/** `/ip/text`, `/ip/json`, `/ip/html` name the format; any other segment is unknown. */
function formatFromPath(segment: string | undefined): Format | undefined {
  if (segment === undefined) return undefined
  if (Object.hasOwn(FORMATS, segment)) return segment as Format
  throw albError(404, 'Not found: this app answers /ip (or /ip/text, /ip/json, /ip/html).', {
    headers: { 'Cache-Control': 'no-store' },
  })
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
 * GET: the client address the load balancer vouches for (core's request view, parsed with
 * TRUSTED_PROXY_HOPS), as text, JSON or HTML. Errors are thrown as AlbError.
 *
 * @example
 * ipReport(parseRequest(albEvent({ path: '/ip', sourceIp: '203.0.113.7' })), { trustedProxyHops: 0 }).body
 * // → '203.0.113.7\n'
 */
export function ipReport(
  request: AlbRequest,
  config: WhatsMyIpConfig,
  pathFormat?: Format,
): HttpResponse {
  if (typeof config.trustedProxyHops !== 'number') throw config.trustedProxyHops
  const format = pickFormat(request, FORMATS, { format: pathFormat })
  const report = buildReport(clientAddress(request, config.trustedProxyHops), request)
  const rendered = RENDERERS[format](report, request)
  return { ...rendered, headers: { ...rendered.headers, ...COMMON_HEADERS } }
}

/**
 * The whole app: `/ip` and `/ip/` negotiate, `/ip/<format>` names the format; GET (HEAD from
 * GET) and the CORS preflight; 405 with Allow, 404 for anything else.
 *
 * @example
 * await whatsMyIp({ trustedProxyHops: 0 }).handle(context.alb)
 */
export function whatsMyIp(config: WhatsMyIpConfig): Router {
  const router = createRouter({
    notFound: 'Not found: this app answers /ip (or /ip/text, /ip/json, /ip/html).',
  })
  for (const path of ['/ip', '/ip/']) {
    router.get(path, (req) => ipReport(req, config)).options(path, preflight)
  }
  return router
    .get('/ip/:format', (req, { format }) => ipReport(req, config, formatFromPath(format)))
    .options('/ip/:format', (_req, { format }) => {
      formatFromPath(format)
      return preflight()
    })
}
