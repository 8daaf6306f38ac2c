/**
 * THE event the ALB sends a Lambda target (Lambda developer guide, "Process Application Load
 * Balancer requests with Lambda"; ELB user guide, "Lambda functions as targets"), built once for
 * both the test factory `albEvent` (@albkit/core/testing) and @albkit/local's load balancer.
 * Pure and allocation-lean: it runs for every request the local balancer serves.
 */
import { albEncodesRequestBody } from './encoding.js'
import { AlbError } from './errors.js'
import type { AlbEvent, AlbHeaderMode } from './types.js'

/**
 * A request as the balancer received it, plus what the balancer adds.
 * @example
 * const parts: AlbEventParts = { method: 'GET', path: '/', rawQuery: 'q=a%20b', headers: [['host', 'x']],
 *   body: undefined, sourceIp: '203.0.113.10', port: 80, proto: 'http', targetGroupArn: arn,
 *   mode: 'single', xffMode: 'append', traceId: 'Root=1-5c536348-3d683b8b04734faae651f476' }
 */
export interface AlbEventParts {
  method: string
  path: string
  /** The raw query string after `?`, never decoded (the ALB does not decode it). */
  rawQuery: string | undefined
  /** The client's headers in order, names lower-case; the four headers the balancer sets are replaced. */
  headers: ReadonlyArray<readonly [string, string]>
  /** Raw bytes; a string is taken as the body's text. */
  body: Uint8Array | string | undefined
  /** The TCP peer the balancer sees. */
  sourceIp: string
  /** The listener port (X-Forwarded-Port). */
  port: number
  proto: 'http' | 'https'
  targetGroupArn: string
  mode: AlbHeaderMode
  /** `routing.http.xff_header_processing.mode` (ELB user guide, "HTTP headers and Application Load Balancers"). */
  xffMode: 'append' | 'preserve' | 'remove'
  /** The X-Amzn-Trace-Id value to send (the caller decides Root/Self: no random id is made here). */
  traceId: string
}

/** The headers the balancer sets itself (the client's values are replaced or appended to). */
const ADDED_HEADERS: ReadonlySet<string> = new Set([
  'x-forwarded-for',
  'x-forwarded-port',
  'x-forwarded-proto',
  'x-amzn-trace-id',
])

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/** Raw query pairs in order; never URL-decoded (the ALB does not decode query strings). */
export function rawQueryPairs(rawQuery: string | undefined): Array<[string, string]> {
  if (rawQuery === undefined || rawQuery === '') return []
  const pairs: Array<[string, string]> = []
  for (const part of rawQuery.split('&')) {
    if (part === '') continue
    const eq = part.indexOf('=')
    pairs.push(eq === -1 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)])
  }
  return pairs
}

function lastOf(pairs: ReadonlyArray<readonly [string, string]>, name: string): string | undefined {
  let v: string | undefined
  for (const [k, x] of pairs) if (k === name) v = x
  return v
}

function group(pairs: ReadonlyArray<readonly [string, string]>): Record<string, string[]> {
  const out = new Map<string, string[]>()
  for (const [k, v] of pairs) {
    const list = out.get(k)
    if (list === undefined) out.set(k, [v])
    else list.push(v)
  }
  return Object.fromEntries(out)
}

function eventBody(
  raw: Uint8Array | string | undefined,
  headers: ReadonlyArray<readonly [string, string]>,
): { body: string; isBase64Encoded: boolean } {
  const size = raw === undefined ? 0 : typeof raw === 'string' ? raw.length : raw.byteLength
  if (raw === undefined || size === 0) return { body: '', isBase64Encoded: false }
  if (albEncodesRequestBody(lastOf(headers, 'content-type'), lastOf(headers, 'content-encoding'))) {
    const bytes =
      typeof raw === 'string'
        ? Buffer.from(raw, 'utf8')
        : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength)
    return { body: bytes.toString('base64'), isBase64Encoded: true }
  }
  if (typeof raw === 'string') return { body: raw, isBase64Encoded: false }
  try {
    return { body: strictUtf8.decode(raw), isBase64Encoded: false }
  } catch (cause) {
    // a text body that is not valid UTF-8: the ALB rejects it (access-log reason LambdaBadRequest)
    throw new AlbError(400, 'text body is not valid UTF-8 (the ALB rejects it: LambdaBadRequest)', {
      cause,
    })
  }
}

/**
 * The ALB event for a request, in the target group's header mode: raw query split on `&` and `=`
 * without decoding; last value wins in single mode, arrays in multi mode; body base64 by the
 * encoding rule; `X-Forwarded-For` (per `xffMode`), `-Port`, `-Proto` and `X-Amzn-Trace-Id` set
 * by the balancer. Throws AlbError 400 for a text body that is not valid UTF-8.
 * @example
 * buildAlbEvent({ ...parts, rawQuery: 'q=a%20b' }).queryStringParameters // { q: 'a%20b' }
 */
export function buildAlbEvent(parts: AlbEventParts): AlbEvent {
  const out: Array<readonly [string, string]> = []
  let xff: string | undefined
  for (const pair of parts.headers) {
    if (!ADDED_HEADERS.has(pair[0])) out.push(pair)
    else if (pair[0] === 'x-forwarded-for') xff = xff === undefined ? pair[1] : `${xff}, ${pair[1]}`
  }
  // append: the ALB adds the peer address to what the client sent (ELB user guide, "X-Forwarded-For")
  if (parts.xffMode === 'append')
    out.push(['x-forwarded-for', xff === undefined ? parts.sourceIp : `${xff}, ${parts.sourceIp}`])
  else if (parts.xffMode === 'preserve' && xff !== undefined) out.push(['x-forwarded-for', xff])
  out.push(['x-forwarded-port', String(parts.port)])
  out.push(['x-forwarded-proto', parts.proto])
  out.push(['x-amzn-trace-id', parts.traceId])
  const query = rawQueryPairs(parts.rawQuery)
  const { body, isBase64Encoded } = eventBody(parts.body, out)
  const base = {
    requestContext: { elb: { targetGroupArn: parts.targetGroupArn } },
    httpMethod: parts.method,
    path: parts.path,
  }
  if (parts.mode === 'multi') {
    return {
      ...base,
      multiValueQueryStringParameters: group(query),
      multiValueHeaders: group(out),
      body,
      isBase64Encoded,
    }
  }
  return {
    ...base,
    queryStringParameters: Object.fromEntries(query),
    headers: Object.fromEntries(out),
    body,
    isBase64Encoded,
  }
}
