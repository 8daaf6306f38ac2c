import { AlbError } from './errors.js'
import {
  canonicalHeaderName,
  HOP_BY_HOP_HEADERS,
  hasLineBreak,
  headerLineBytes,
  isHeaderName,
} from './headers.js'
import { ALB_MAX_RESPONSE_BYTES, ALB_MAX_RESPONSE_HEADER_BYTES } from './limits.js'
import type { HttpResponse } from './response.js'
import { encodeResultBody } from './result-body.js'
import { isValidStatusCode, statusDescription } from './status.js'
import type { AlbHeaderMode, AlbResult } from './types.js'
import { isStatusDescriptionFor, resultByteLength } from './validate.js'

/**
 * Options of {@link toAlbResult}.
 * @example
 * const options: ToAlbResultOptions = { mode: 'multi', acceptEncoding: 'gzip, br', compress: true }
 */
export interface ToAlbResultOptions {
  /** The header mode of the event being answered (see `eventMode`). */
  mode: AlbHeaderMode
  /** The request's `Accept-Encoding`; used only with `compress`. */
  acceptEncoding?: string
  /** Compress text bodies over 1 KB with br or gzip when the client accepts it. Default false. */
  compress?: boolean
  /**
   * Single-value mode can carry only one `Set-Cookie` (ELB user guide, "Lambda functions as
   * targets"). `'last'` (default): keep the last one and warn once; `'error'`: throw AlbError 500.
   * Cookies are never joined or split on commas.
   */
  setCookiePolicy?: 'last' | 'error'
}

let warnedCookies = false

function reject(what: string): AlbError {
  return new AlbError(500, `toAlbResult: ${what}`, { expose: false })
}

function checkValue(name: string, value: string): string {
  if (hasLineBreak(value))
    throw reject(`header ${name} contains CR, LF or NUL (header injection); value rejected`)
  return value
}

// A header named __proto__ must become an own property, not replace the prototype.
function setOwn<T>(o: Record<string, T>, k: string, v: T): void {
  if (k === '__proto__')
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true })
  else o[k] = v
}

function describe(custom: string | undefined, code: number): string {
  // A custom description is kept only if the one result check (validate.ts) takes it.
  if (typeof custom === 'string' && isStatusDescriptionFor(custom, code)) return custom
  return statusDescription(code)
}

function tooLarge(what: string, mode: AlbHeaderMode): AlbResult {
  const message = `Response too large: ${what}`
  console.error(`[albkit] ${message}; returning 500 instead of letting the ALB answer 502`)
  return toAlbResult(
    {
      statusCode: 500,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ error: message, statusCode: 500 }),
    },
    { mode },
  )
}

/**
 * Serialises an {@link HttpResponse} into exactly the result the ALB accepts for the event's
 * mode, so that it cannot cause a 502: `"<code> <reason>"` description, string header values
 * (null/undefined dropped), canonical names, hop-by-hop and Content-Length dropped, only the
 * header field of the mode, base64 for non-text bodies, and a 500 JSON error result (logged)
 * instead of a result over 1 MB. CR/LF/NUL in a header throws AlbError 500 (never sent), as
 * does an invalid status code or, with `setCookiePolicy: 'error'`, two cookies in single mode.
 * @example
 * return toAlbResult(json({ ok: true }), { mode: eventMode(event), acceptEncoding: req.acceptEncoding, compress: true })
 */
export function toAlbResult(response: HttpResponse, options: ToAlbResultOptions): AlbResult {
  if (response === null || typeof response !== 'object') {
    throw reject(
      `expected an HttpResponse object, got ${response === null ? 'null' : typeof response}`,
    )
  }
  const code = response.statusCode
  if (!isValidStatusCode(code))
    throw reject(`statusCode must be an integer from 100 to 599, got ${String(code)}`)
  const multi = options.mode === 'multi'
  const headers = new Map<string, string[]>()
  const cookies: string[] = []
  let headerChars = 0
  let contentType: string | undefined
  let contentEncoding: string | undefined
  const given = response.headers
  if (given != null) {
    for (const name in given) {
      const v = given[name] as unknown
      if (v == null) continue
      if (!isHeaderName(name))
        throw reject(`invalid header name ${JSON.stringify(name.slice(0, 100))}`)
      const lower = name.toLowerCase()
      if (HOP_BY_HOP_HEADERS.has(lower)) continue
      const list: string[] = []
      if (Array.isArray(v)) {
        for (const x of v) if (x != null) list.push(checkValue(name, String(x)))
      } else list.push(checkValue(name, String(v)))
      if (lower === 'set-cookie') {
        for (const c of list) cookies.push(c)
        continue
      }
      if (list.length === 0) continue
      if (lower === 'content-type') contentType = list[list.length - 1]
      else if (lower === 'content-encoding') contentEncoding = list[list.length - 1]
      headers.set(canonicalHeaderName(lower), list) // a later spelling of the same name wins
    }
  }
  if (response.cookies != null)
    for (const c of response.cookies)
      if (c != null) cookies.push(checkValue('Set-Cookie', String(c)))
  if (cookies.length > 0) {
    if (multi || cookies.length === 1) headers.set('Set-Cookie', cookies)
    else if (options.setCookiePolicy === 'error')
      throw reject(
        `${cookies.length} Set-Cookie headers cannot be sent in single-value mode; enable lambda.multi_value_headers.enabled on the target group`,
      )
    else {
      if (!warnedCookies) {
        warnedCookies = true
        console.warn(
          `[albkit] ${cookies.length} Set-Cookie headers in single-value mode: only the last is sent (setCookiePolicy 'last'); enable lambda.multi_value_headers.enabled to send all`,
        )
      }
      headers.set('Set-Cookie', [cookies[cookies.length - 1] as string])
    }
  }

  // Never let a browser sniff a body into another type (e.g. JSON into HTML): one constant header.
  if (!headers.has('X-Content-Type-Options')) headers.set('X-Content-Type-Options', ['nosniff'])

  const { body, isBase64Encoded } = encodeResultBody(
    response.body,
    code,
    contentType,
    contentEncoding,
    headers,
    options,
  )

  const statusDescription = describe(response.statusDescription, code)
  let result: AlbResult
  if (multi) {
    const multiValueHeaders: Record<string, string[]> = {}
    for (const [k, v] of headers) {
      setOwn(multiValueHeaders, k, v)
      for (const s of v) headerChars += k.length + s.length + 4
    }
    result = { statusCode: code, statusDescription, isBase64Encoded, multiValueHeaders, body }
  } else {
    const single: Record<string, string> = {}
    for (const [k, v] of headers) {
      // One value per header in single-value mode: lists are comma-joined (RFC 9110 §5.3); Set-Cookie never is.
      const s = v.length === 1 ? (v[0] as string) : v.join(', ')
      setOwn(single, k, s)
      headerChars += k.length + s.length + 4
    }
    result = { statusCode: code, statusDescription, isBase64Encoded, headers: single, body }
  }
  if (headerChars * 3 > ALB_MAX_RESPONSE_HEADER_BYTES) {
    // counted on what is sent: in single mode a list went out comma-joined, as one line
    let headerBytes = 0
    const sent: Record<string, string | string[]> =
      'multiValueHeaders' in result ? result.multiValueHeaders : result.headers
    for (const [k, v] of Object.entries(sent))
      for (const s of typeof v === 'string' ? [v] : v) headerBytes += headerLineBytes(k, s)
    if (headerBytes > ALB_MAX_RESPONSE_HEADER_BYTES)
      return tooLarge(
        `response headers are ${headerBytes} bytes, over the ALB limit of ${ALB_MAX_RESPONSE_HEADER_BYTES} bytes`,
        options.mode,
      )
  }
  // Cheap bound: a UTF-16 unit serialises to at most 6 JSON bytes (\u00XX); base64 is ASCII.
  if (
    (isBase64Encoded ? body.length : body.length * 6) + headerChars * 6 + 200 >
    ALB_MAX_RESPONSE_BYTES
  ) {
    const size = resultByteLength(result)
    if (size > ALB_MAX_RESPONSE_BYTES)
      return tooLarge(
        `the serialised ALB result is ${size} bytes, over the ALB limit of ${ALB_MAX_RESPONSE_BYTES} bytes`,
        options.mode,
      )
  }
  return result
}
