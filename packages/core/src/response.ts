import { AlbError, isAlbError } from './errors.js'
import { escapeJsonMarkup } from './escape.js'
import { reasonPhrase } from './status.js'
import { isAwsTraceId } from './trace.js'

export { escapeHtml, escapeJsonMarkup } from './escape.js'
export { isAwsTraceId } from './trace.js'

/**
 * Header values a response may carry; non-strings are converted by {@link toAlbResult}.
 * @example
 * const h: Record<string, HttpHeaderValue> = { 'Cache-Control': 'no-store', 'X-Count': 3, Vary: ['Origin', 'Cookie'] }
 */
export type HttpHeaderValue = string | number | boolean | string[]

/**
 * A mode-agnostic HTTP response. {@link toAlbResult} turns it into the right ALB result.
 * @example
 * const r: HttpResponse = { statusCode: 200, headers: { 'Content-Type': 'text/plain' }, body: 'ok' }
 */
export interface HttpResponse {
  statusCode: number
  headers?: Record<string, HttpHeaderValue>
  /** `Set-Cookie` values, one per cookie (never comma-joined). */
  cookies?: string[]
  body?: string | Uint8Array
  /** Optional custom `"<code> <reason>"`; must start with the status code. */
  statusDescription?: string
}

/**
 * Options shared by the builders.
 * @example
 * text('created', { statusCode: 201, headers: { Location: '/x/1' } })
 */
export type ResponseInit = {
  statusCode?: number
  headers?: HttpResponse['headers']
  cookies?: string[]
}

function hasHeader(headers: HttpResponse['headers'], lower: string): boolean {
  if (headers === undefined) return false
  for (const k in headers) if (k.toLowerCase() === lower) return true
  return false
}

function build(
  status: number,
  type: string | undefined,
  body: string | Uint8Array | undefined,
  init?: ResponseInit,
): HttpResponse {
  const given = init?.headers
  let headers: Record<string, HttpHeaderValue> | undefined
  if (type === undefined || hasHeader(given, 'content-type'))
    headers = given === undefined ? undefined : { ...given }
  else headers = given === undefined ? { 'Content-Type': type } : { 'Content-Type': type, ...given }
  const r: HttpResponse = { statusCode: init?.statusCode ?? status }
  if (headers !== undefined) r.headers = headers
  if (init?.cookies !== undefined) r.cookies = [...init.cookies]
  if (body !== undefined) r.body = body
  return r
}

/**
 * A `text/plain; charset=utf-8` response.
 * @example
 * text('hello') // { statusCode: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'hello' }
 */
export function text(body: string, init?: ResponseInit): HttpResponse {
  return build(200, 'text/plain; charset=utf-8', body, init)
}

/**
 * An `application/json; charset=utf-8` response. Throws AlbError 500 for values JSON cannot hold.
 * @example
 * json({ ok: true }, { statusCode: 201 })
 */
export function json(value: unknown, init?: ResponseInit): HttpResponse {
  let body: string | undefined
  try {
    body = JSON.stringify(value)
  } catch (cause) {
    throw new AlbError(
      500,
      `json(): value is not JSON-serialisable (${cause instanceof Error ? cause.message : String(cause)})`,
      { cause },
    )
  }
  return build(200, 'application/json; charset=utf-8', escapeJsonMarkup(body ?? 'null'), init)
}

/**
 * A `text/html; charset=utf-8` response. Escape every interpolated value with {@link escapeHtml}.
 * @example
 * html(`<p>Hello ${escapeHtml(name)}</p>`)
 */
export function html(body: string, init?: ResponseInit): HttpResponse {
  return build(200, 'text/html; charset=utf-8', body, init)
}

/**
 * A binary response; {@link toAlbResult} base64-encodes it.
 * @example
 * binary(pngBytes, 'image/png', { headers: { 'Cache-Control': 'max-age=60' } })
 */
export function binary(bytes: Uint8Array, contentType: string, init?: ResponseInit): HttpResponse {
  return build(200, contentType, bytes, init)
}

/**
 * A redirect with a `Location` header and no body. Default 302.
 * @example
 * redirect('/login', 303)
 */
export function redirect(
  location: string,
  statusCode: 301 | 302 | 303 | 307 | 308 = 302,
): HttpResponse {
  return { statusCode, headers: { Location: location }, body: '' }
}

/**
 * A response without a body. Default 204.
 * @example
 * empty() // 204 No Content
 */
export function empty(statusCode = 204, init?: ResponseInit): HttpResponse {
  return build(statusCode, undefined, '', { ...init, statusCode })
}

/**
 * A JSON error response for any thrown value: an {@link AlbError} gives its status and — only
 * when `expose` — its message; anything else gives 500 with the standard reason phrase. The
 * raw error is never serialised. Include a trace id so logs can be found: it is echoed only when
 * it has the AWS format (`1-` + 8 hex + `-` + 24 hex), since a client can choose `Root=`. The
 * body is JSON with `<`, `>`, `&` escaped; `Cache-Control: no-store` keeps errors out of caches.
 * @example
 * errorResponse(new AlbError(404, 'No such upload'), { traceId: req.trace.root })
 * // 404 {"error":"No such upload","statusCode":404,"traceId":"1-…"}
 */
export function errorResponse(error: unknown, options?: { traceId?: string }): HttpResponse {
  const alb = isAlbError(error) ? error : undefined
  const statusCode = alb?.statusCode ?? 500
  const message = alb?.expose === true ? alb.message : reasonPhrase(statusCode)
  const payload: Record<string, string | number> = { error: message, statusCode }
  if (isAwsTraceId(options?.traceId)) payload.traceId = options.traceId
  const headers: Record<string, HttpHeaderValue> = {
    'Cache-Control': 'no-store',
    ...alb?.headers,
    'Content-Type': 'application/json; charset=utf-8',
  }
  return { statusCode, headers, body: escapeJsonMarkup(JSON.stringify(payload)) }
}
