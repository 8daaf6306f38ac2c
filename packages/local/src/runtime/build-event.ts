/**
 * The event the ALB sends a Lambda target (Lambda developer guide, "Process Application Load
 * Balancer requests with Lambda"; ELB user guide, "Lambda functions as targets"). Pure.
 */
import {
  type AlbEventMulti,
  type AlbEventSingle,
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
// The ALB adds or overwrites these itself.
const OWN_HEADERS = new Set([
  'x-forwarded-for',
  'x-forwarded-port',
  'x-forwarded-proto',
  'x-amzn-trace-id',
])

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

/** Lower-case header pairs in order, with the ALB's own X-Forwarded-* and trace headers applied. */
export function forwardedHeaders(input: EventInput): Array<[string, string]> {
  const pairs: Array<[string, string]> = []
  const clientXff: string[] = []
  const raw = input.rawHeaders
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] as string).toLowerCase()
    const value = raw[i + 1] as string
    if (name === 'x-forwarded-for') clientXff.push(value)
    else if (
      !OWN_HEADERS.has(name) &&
      (name === 'content-length' || !HOP_BY_HOP_HEADERS.has(name))
    ) {
      pairs.push([name, headerText(value)])
    }
  }
  if (input.xffMode === 'append')
    pairs.push(['x-forwarded-for', [...clientXff, input.peerIp].join(', ')])
  else if (input.xffMode === 'preserve') {
    // undocumented when the client sent none: we add the peer so functions always see one
    pairs.push(['x-forwarded-for', clientXff.length > 0 ? clientXff.join(', ') : input.peerIp])
  }
  pairs.push(['x-forwarded-port', String(input.listenerPort)])
  pairs.push(['x-forwarded-proto', input.proto])
  pairs.push(['x-amzn-trace-id', input.traceId])
  return pairs
}

function lastValue(pairs: Array<[string, string]>, name: string): string | undefined {
  for (let i = pairs.length - 1; i >= 0; i--) if (pairs[i]?.[0] === name) return pairs[i]?.[1]
  return undefined
}

function eventBody(
  input: EventInput,
  headers: Array<[string, string]>,
): { body: string; isBase64Encoded: boolean } {
  if (input.body.length === 0) return { body: '', isBase64Encoded: false }
  const bytes = Buffer.from(input.body.buffer, input.body.byteOffset, input.body.byteLength)
  if (
    albEncodesRequestBody(
      lastValue(headers, 'content-type'),
      lastValue(headers, 'content-encoding'),
    )
  ) {
    return { body: bytes.toString('base64'), isBase64Encoded: true }
  }
  try {
    return { body: utf8.decode(bytes), isBase64Encoded: false }
  } catch {
    throw new BadRequestEncoding('the text body is not valid UTF-8')
  }
}

/**
 * The ALB event for a request, in the target group's header mode.
 * @example
 * buildEvent({ method: 'GET', target: '/a?q=a%20b', rawHeaders: ['Host', 'x'], body: Buffer.alloc(0),
 *   peerIp: '127.0.0.1', listenerPort: 80, proto: 'http', targetGroupArn: arn, mode: 'single',
 *   xffMode: 'append', traceId: 'Root=1-…' }).queryStringParameters // { q: 'a%20b' }
 */
export function buildEvent(input: EventInput): AlbEventSingle | AlbEventMulti {
  const { path, rawQuery } = splitTarget(input.target)
  const headers = forwardedHeaders(input)
  const query = rawQueryPairs(rawQuery)
  const { body, isBase64Encoded } = eventBody(input, headers)
  const requestContext = { elb: { targetGroupArn: input.targetGroupArn } }
  if (input.mode === 'multi') {
    const multiValueHeaders: Record<string, string[]> = {}
    for (const [k, v] of headers) appendValue(multiValueHeaders, k, v)
    const multiValueQueryStringParameters: Record<string, string[]> = {}
    for (const [k, v] of query) appendValue(multiValueQueryStringParameters, k, v)
    return {
      requestContext,
      httpMethod: input.method,
      path,
      multiValueQueryStringParameters,
      multiValueHeaders,
      body,
      isBase64Encoded,
    }
  }
  // single-value mode: the last value of a repeated header or query key wins
  const single: Record<string, string> = {}
  for (const [k, v] of headers) setKey(single, k, v)
  const queryStringParameters: Record<string, string> = {}
  for (const [k, v] of query) setKey(queryStringParameters, k, v)
  return {
    requestContext,
    httpMethod: input.method,
    path,
    queryStringParameters,
    headers: single,
    body,
    isBase64Encoded,
  }
}
