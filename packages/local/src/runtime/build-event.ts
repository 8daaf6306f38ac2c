/**
 * The event the ALB sends a Lambda target (Lambda developer guide, "Process Application Load
 * Balancer requests with Lambda"; ELB user guide, "Lambda functions as targets"). Pure.
 */
import {
  type AlbEvent,
  type AlbHeaderMode,
  albEncodesRequestBody,
  HOP_BY_HOP_HEADERS,
} from '@albkit/core'

/** `routing.http.xff_header_processing.mode` (ELB user guide, "HTTP headers and Application Load Balancers"). */
export type XffMode = 'append' | 'preserve' | 'remove'

export interface EventInput {
  method: string
  /** path and raw query, exactly as on the request line */
  target: string
  /** node's `rawHeaders`: name, value, name, value… (values latin1-decoded by node) */
  rawHeaders: string[]
  /** raw request body (a Buffer, or a Uint8Array after crossing to a worker) */
  body: Uint8Array
  peerIp: string
  listenerPort: number
  proto: 'http' | 'https'
  targetGroupArn: string
  mode: AlbHeaderMode
  xffMode: XffMode
  /** the X-Amzn-Trace-Id value to forward (see forwardedTraceId) */
  traceId: string
}

/** Thrown when a header or a text body is not valid UTF-8 (access-log reason LambdaBadRequest). */
export class BadRequestEncoding extends Error {
  override name = 'BadRequestEncoding'
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** Set a key on a plain object; a key named `__proto__` becomes an own property, not the prototype. */
function setKey<T>(map: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__')
    Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true })
  else map[key] = value
}

/** Add a value to a multi-map. */
export function appendValue(map: Record<string, string[]>, key: string, value: string): void {
  const list = Object.hasOwn(map, key) ? map[key] : undefined
  if (list === undefined) setKey(map, key, [value])
  else list.push(value)
}

const NON_ASCII = /[^ -~\t]/

function headerText(value: string): string {
  // node decodes header bytes as latin1; the ALB hands UTF-8 text to the function
  if (!NON_ASCII.test(value)) return value
  try {
    return utf8.decode(Buffer.from(value, 'latin1'))
  } catch {
    throw new BadRequestEncoding('a header value is not valid UTF-8')
  }
}

/** Split a request target into path and raw query (absolute-form targets reduced to the path). */
export function splitTarget(target: string): { path: string; rawQuery: string | undefined } {
  let t = target
  if (!t.startsWith('/')) {
    const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(t)
    t = m ? t.slice(m[0].length) || '/' : t
  }
  const q = t.indexOf('?')
  return q === -1
    ? { path: t, rawQuery: undefined }
    : { path: t.slice(0, q), rawQuery: t.slice(q + 1) }
}

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

/**
 * The client's headers as the ALB passes them on: lower-case names, UTF-8 text, hop-by-hop
 * headers and the client's X-Amzn-Trace-Id left out (the balancer sets its own).
 */
export function clientHeaderPairs(rawHeaders: string[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = []
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = (rawHeaders[i] as string).toLowerCase()
    if (name === 'x-amzn-trace-id') continue
    if (name !== 'content-length' && HOP_BY_HOP_HEADERS.has(name)) continue
    pairs.push([name, headerText(rawHeaders[i + 1] as string)])
  }
  return pairs
}

/** The headers the balancer sets itself (the client's values are replaced or appended to). */
const ADDED_HEADERS = new Set([
  'x-forwarded-for',
  'x-forwarded-port',
  'x-forwarded-proto',
  'x-amzn-trace-id',
])

function lastOf(pairs: Array<[string, string]>, name: string): string | undefined {
  let v: string | undefined
  for (const [k, x] of pairs) if (k === name) v = x
  return v
}

function group(pairs: Array<[string, string]>): Record<string, string[]> {
  const out = new Map<string, string[]>()
  for (const [k, v] of pairs) {
    const list = out.get(k)
    if (list === undefined) out.set(k, [v])
    else list.push(v)
  }
  return Object.fromEntries(out)
}

function eventBody(raw: Uint8Array | undefined, pairs: Array<[string, string]>) {
  const size = raw === undefined ? 0 : raw.byteLength
  if (raw === undefined || size === 0) return { body: '', isBase64Encoded: false }
  if (albEncodesRequestBody(lastOf(pairs, 'content-type'), lastOf(pairs, 'content-encoding'))) {
    const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength)
    return { body: bytes.toString('base64'), isBase64Encoded: true }
  }
  try {
    return { body: utf8.decode(raw), isBase64Encoded: false }
  } catch {
    // a text body that is not valid UTF-8 (access-log reason LambdaBadRequest)
    throw new BadRequestEncoding('the text body is not valid UTF-8')
  }
}

/**
 * The ALB event for a request, in the target group's header mode: the rules of `albEvent`
 * (`@albkit/core/testing`) — X-Forwarded-* per `xffMode`, last value wins, raw query, the
 * body-encoding rule — with the listener's trace id. `albEvent` stays the reference: a property
 * test checks that both build the same event for any request. This copy runs per request in the
 * instance thread and skips the factory's own random trace id (20 % of the instance's CPU per
 * request, measured) and its intermediate arrays.
 * @example
 * buildEvent({ method: 'GET', target: '/a?q=a%20b', rawHeaders: ['Host', 'x'], body: Buffer.alloc(0),
 *   peerIp: '127.0.0.1', listenerPort: 80, proto: 'http', targetGroupArn: arn, mode: 'single',
 *   xffMode: 'append', traceId: 'Root=1-…' }).queryStringParameters // { q: 'a%20b' }
 */
export function buildEvent(input: EventInput): AlbEvent {
  const { path, rawQuery } = splitTarget(input.target)
  const client = clientHeaderPairs(input.rawHeaders)
  const out: Array<[string, string]> = []
  let xff: string | undefined
  for (const pair of client) {
    if (!ADDED_HEADERS.has(pair[0])) out.push(pair)
    else if (pair[0] === 'x-forwarded-for') xff = xff === undefined ? pair[1] : `${xff}, ${pair[1]}`
  }
  // append: the ALB adds the peer address to what the client sent (ELB user guide, "X-Forwarded-For")
  if (input.xffMode === 'append')
    out.push(['x-forwarded-for', xff === undefined ? input.peerIp : `${xff}, ${input.peerIp}`])
  else if (input.xffMode === 'preserve' && xff !== undefined) out.push(['x-forwarded-for', xff])
  out.push(['x-forwarded-port', String(input.listenerPort)])
  out.push(['x-forwarded-proto', input.proto])
  out.push(['x-amzn-trace-id', input.traceId])
  const query = rawQueryPairs(rawQuery)
  const { body, isBase64Encoded } = eventBody(input.body, out)
  const base = {
    requestContext: { elb: { targetGroupArn: input.targetGroupArn } },
    httpMethod: input.method,
    path,
  }
  if (input.mode === 'multi') {
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
