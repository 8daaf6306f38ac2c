/**
 * The event the ALB sends a Lambda target (Lambda developer guide, "Process Application Load
 * Balancer requests with Lambda"; ELB user guide, "Lambda functions as targets"). Pure.
 */
import {
  type AlbEvent,
  type AlbHeaderMode,
  buildAlbEvent,
  HOP_BY_HOP_HEADERS,
  isAlbError,
  rawQueryPairs,
} from '@albkit/core'

/** The raw query split: core's rule, re-exported for the balancer's matching. */
export { rawQueryPairs }

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

/**
 * The ALB event for a request, in the target group's header mode: core's `buildAlbEvent` (the
 * one implementation of the event rules, shared with `albEvent` in `@albkit/core/testing`) fed
 * with the request line, the client's headers as the ALB passes them on, and the listener's trace
 * id — no random trace id per request (it cost 20 % of the instance's CPU, measured).
 * @example
 * buildEvent({ method: 'GET', target: '/a?q=a%20b', rawHeaders: ['Host', 'x'], body: Buffer.alloc(0),
 *   peerIp: '127.0.0.1', listenerPort: 80, proto: 'http', targetGroupArn: arn, mode: 'single',
 *   xffMode: 'append', traceId: 'Root=1-…' }).queryStringParameters // { q: 'a%20b' }
 */
export function buildEvent(input: EventInput): AlbEvent {
  const { path, rawQuery } = splitTarget(input.target)
  try {
    return buildAlbEvent({
      method: input.method,
      path,
      rawQuery,
      headers: clientHeaderPairs(input.rawHeaders),
      body: input.body,
      sourceIp: input.peerIp,
      port: input.listenerPort,
      proto: input.proto,
      targetGroupArn: input.targetGroupArn,
      mode: input.mode,
      xffMode: input.xffMode,
      traceId: input.traceId,
    })
  } catch (cause) {
    // a text body that is not valid UTF-8 (access-log reason LambdaBadRequest)
    if (isAlbError(cause) && cause.statusCode === 400)
      throw new BadRequestEncoding('the text body is not valid UTF-8', { cause })
    throw cause
  }
}
