/**
 * The event the ALB sends a Lambda target (Lambda developer guide, "Process Application Load
 * Balancer requests with Lambda"; ELB user guide, "Lambda functions as targets"). Pure.
 */
import {
  type AlbEvent,
  type AlbEventParts,
  buildAlbEvent,
  HOP_BY_HOP_HEADERS,
  isAlbError,
  rawQueryPairs,
} from '@albkit/core'

/** The raw query split: core's rule, re-exported for the balancer's matching. */
export { rawQueryPairs }

/** `routing.http.xff_header_processing.mode` (ELB user guide, "HTTP headers and Application Load Balancers"). */
export type XffMode = 'append' | 'preserve' | 'remove'

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
 * The request's headers in order with lower-case names (values as node decoded them, latin1):
 * lower-cased once, for rule matching and for the event.
 * @example
 * lowerCaseHeaderPairs(['Host', 'x', 'Accept', '*']) // [['host', 'x'], ['accept', '*']]
 */
export function lowerCaseHeaderPairs(rawHeaders: string[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = []
  for (let i = 0; i + 1 < rawHeaders.length; i += 2)
    pairs.push([(rawHeaders[i] as string).toLowerCase(), rawHeaders[i + 1] as string])
  return pairs
}

/**
 * The client's headers as the ALB passes them on: UTF-8 text; hop-by-hop headers and the
 * client's X-Amzn-Trace-Id left out (the balancer sets its own) — except `connection`, which
 * AWS's own example event carries (`"connection": "keep-alive"`, Lambda developer guide,
 * "Process Application Load Balancer requests with Lambda"). Throws BadRequestEncoding for a
 * value that is not UTF-8.
 * @example
 * eventHeaders([['connection', 'keep-alive'], ['te', 'trailers']]) // [['connection', 'keep-alive']]
 */
export function eventHeaders(pairs: ReadonlyArray<[string, string]>): Array<[string, string]> {
  const out: Array<[string, string]> = []
  for (const [name, value] of pairs) {
    if (name === 'x-amzn-trace-id') continue
    if (name !== 'content-length' && name !== 'connection' && HOP_BY_HOP_HEADERS.has(name)) continue
    out.push([name, headerText(value)])
  }
  return out
}

/**
 * The ALB event for a request, in the target group's header mode: core's `buildAlbEvent` (the
 * one implementation of the event rules, shared with `albEvent` in `@albkit/core/testing`), run
 * in the instance on the parts the balancer split once. Throws BadRequestEncoding for a text
 * body that is not valid UTF-8.
 * @example
 * buildEvent({ method: 'GET', path: '/a', rawQuery: 'q=a%20b', headers: [['host', 'x']],
 *   body: Buffer.alloc(0), sourceIp: '127.0.0.1', port: 80, proto: 'http', targetGroupArn: arn,
 *   mode: 'single', xffMode: 'append', traceId: 'Root=1-…' }).queryStringParameters // { q: 'a%20b' }
 */
export function buildEvent(parts: AlbEventParts): AlbEvent {
  try {
    return buildAlbEvent(parts)
  } catch (cause) {
    // a text body that is not valid UTF-8 (access-log reason LambdaBadRequest)
    if (isAlbError(cause) && cause.statusCode === 400)
      throw new BadRequestEncoding('the text body is not valid UTF-8', { cause })
    throw cause
  }
}
