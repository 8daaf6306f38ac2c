import { type ClientAddress, parseClientAddress } from './client-address.js'
import { parseCookies } from './cookies.js'
import { isJsonContentType, isTextContentType } from './encoding.js'
import { AlbError } from './errors.js'
import { decodeFormComponent } from './form.js'
import { HeaderRecordView } from './header-view.js'
import { HEALTH_CHECK_USER_AGENT } from './limits.js'
import { type HeaderView, MapView, type QueryView, toMultiMap } from './multi-map.js'
import type { AlbRequest, ParseRequestOptions } from './request-view.js'
import { parseTraceHeader, type TraceHeader } from './trace.js'
import { type AlbEvent, type AlbHeaderMode, eventMode } from './types.js'

export type { HeaderView, MultiMapView, QueryView } from './multi-map.js'
export type { AlbRequest, ParseRequestOptions } from './request-view.js'

const identity = (s: string): string => s
const fatalUtf8 = new TextDecoder('utf-8', { fatal: true })
const EMPTY = Buffer.alloc(0)

class Request implements AlbRequest {
  readonly event: AlbEvent
  readonly mode: AlbHeaderMode
  readonly #hops: number
  #headers?: HeaderView
  #query?: QueryView
  #rawQuery?: QueryView
  #cookies?: Map<string, string>
  #body?: Buffer
  #text?: string
  #json?: { value: unknown }
  #forwardedFor?: string[]
  #client?: ClientAddress | null
  #trace?: TraceHeader

  constructor(event: AlbEvent, hops: number) {
    this.event = event
    this.mode = eventMode(event)
    this.#hops = hops
  }
  get method(): string {
    return this.event.httpMethod
  }
  get path(): string {
    return this.event.path
  }
  get targetGroupArn(): string {
    return this.event.requestContext?.elb?.targetGroupArn ?? ''
  }
  get isHealthCheck(): boolean {
    // A health check is a GET carrying only `User-Agent: ELB-HealthChecker/2.0` (ELB user guide,
    // "Health checks for your target groups"). Listener traffic always carries the X-Forwarded-*
    // headers the balancer adds (ELB user guide, "HTTP headers and Application Load Balancers"),
    // so a client sending that user agent through the listener is not taken for one (issue 14 #5).
    const h = this.headers
    return (
      this.event.httpMethod === 'GET' &&
      h.get('user-agent') === HEALTH_CHECK_USER_AGENT &&
      !h.has('x-forwarded-for') &&
      !h.has('x-forwarded-proto') &&
      !h.has('x-forwarded-port')
    )
  }
  get headers(): HeaderView {
    if (this.#headers === undefined) {
      const e = this.event
      const src =
        'multiValueHeaders' in e && e.multiValueHeaders != null
          ? e.multiValueHeaders
          : 'headers' in e
            ? e.headers
            : undefined
      this.#headers = new HeaderRecordView(src)
    }
    return this.#headers
  }
  #rawQuerySource() {
    const e = this.event
    if ('multiValueQueryStringParameters' in e && e.multiValueQueryStringParameters != null)
      return e.multiValueQueryStringParameters
    return 'queryStringParameters' in e ? e.queryStringParameters : undefined
  }
  get rawQuery(): QueryView {
    this.#rawQuery ??= new MapView(toMultiMap(this.#rawQuerySource(), identity, identity), false)
    return this.#rawQuery
  }
  get query(): QueryView {
    // Decoded once, never twice: an event with both query fields is not the ALB's (it sends
    // exactly one, raw — Lambda developer guide, "Process Application Load Balancer requests
    // with Lambda") but serverless-offline's, whose values URLSearchParams already decoded.
    this.#query ??= this.#queryIsDecoded()
      ? this.rawQuery
      : new MapView(
          toMultiMap(this.#rawQuerySource(), decodeFormComponent, decodeFormComponent),
          false,
        )
    return this.#query
  }
  #queryIsDecoded(): boolean {
    const e = this.event
    return 'queryStringParameters' in e && 'multiValueQueryStringParameters' in e
  }
  get cookies(): ReadonlyMap<string, string> {
    this.#cookies ??= parseCookies(this.headers.all('cookie'))
    return this.#cookies
  }
  get body(): Buffer {
    if (this.#body === undefined) {
      const b = this.event.body
      if (b == null || b === '') this.#body = EMPTY
      else if (this.event.isBase64Encoded) this.#body = Buffer.from(b, 'base64')
      else this.#body = Buffer.from(b, this.#plainBodyEncoding(b))
    }
    return this.#body
  }
  /**
   * How to turn a non-base64 body into bytes. The real ALB base64-encodes every non-text body
   * (Lambda developer guide, "Process Application Load Balancer requests with Lambda"), so a
   * plain binary-typed body only comes from an emulator: serverless-offline hands multipart and
   * octet-stream bodies over as latin1 text (one char per byte, isBase64Encoded false). For such
   * a body (type not text, every char ≤ 0xFF) only 'latin1' gives back the sent bytes — UTF-8
   * would turn each byte ≥ 0x80 into two. Text types, and strings with chars above 0xFF (which
   * cannot be latin1), are UTF-8.
   */
  #plainBodyEncoding(b: string): 'latin1' | 'utf8' {
    if (isTextContentType(this.headers.get('content-type'))) return 'utf8'
    for (let i = 0; i < b.length; i++) if (b.charCodeAt(i) > 0xff) return 'utf8'
    return 'latin1'
  }
  text(): string {
    if (this.#text !== undefined) return this.#text
    const b = this.event.body
    if (b == null) this.#text = ''
    else if (!this.event.isBase64Encoded) this.#text = b
    else {
      try {
        this.#text = fatalUtf8.decode(this.body)
      } catch (cause) {
        throw new AlbError(400, 'Request body is not valid UTF-8 text', { cause })
      }
    }
    return this.#text
  }
  json<T = unknown>(): T {
    if (this.#json !== undefined) return this.#json.value as T
    const type = this.headers.get('content-type')
    if (!isJsonContentType(type)) {
      const got =
        type === undefined ? 'no Content-Type header' : `Content-Type "${type.slice(0, 100)}"`
      throw new AlbError(415, `Expected a JSON body (application/json or *+json), got ${got}`)
    }
    const text = this.text()
    if (text.trim() === '') throw new AlbError(400, 'Request body is empty; expected JSON')
    try {
      this.#json = { value: JSON.parse(text) }
    } catch (cause) {
      const why = cause instanceof Error ? cause.message : String(cause)
      throw new AlbError(400, `Request body is not valid JSON: ${why}`, { cause })
    }
    return this.#json.value as T
  }
  get forwardedFor(): string[] {
    if (this.#forwardedFor === undefined) {
      const list: string[] = []
      for (const h of this.headers.all('x-forwarded-for')) {
        if (h.indexOf(',') === -1) {
          const t = h.trim()
          if (t !== '') list.push(t)
          continue
        }
        for (const part of h.split(',')) {
          const t = part.trim()
          if (t !== '') list.push(t)
        }
      }
      this.#forwardedFor = list
    }
    return this.#forwardedFor
  }
  #clientAddress(): ClientAddress | undefined {
    if (this.#client === undefined) {
      const list = this.forwardedFor
      const entry = list[list.length - 1 - this.#hops]
      this.#client = (entry === undefined ? undefined : parseClientAddress(entry)) ?? null
    }
    return this.#client ?? undefined
  }
  get clientAddress(): ClientAddress | undefined {
    return this.#clientAddress()
  }
  get clientIp(): string | undefined {
    return this.#clientAddress()?.ip
  }
  get clientIpVersion(): 4 | 6 | undefined {
    return this.#clientAddress()?.version
  }
  get forwardedProto(): string | undefined {
    return this.headers.get('x-forwarded-proto')?.trim().toLowerCase()
  }
  get forwardedPort(): number | undefined {
    const p = this.headers.get('x-forwarded-port')?.trim()
    if (p === undefined || !/^\d{1,5}$/.test(p)) return undefined
    const n = Number(p)
    return n <= 65535 ? n : undefined
  }
  get trace(): TraceHeader {
    this.#trace ??= parseTraceHeader(this.headers.get('x-amzn-trace-id'))
    return this.#trace
  }
  get acceptEncoding(): string | undefined {
    const h = this.headers
    return h.first('accept-encoding') === h.get('accept-encoding')
      ? h.get('accept-encoding')
      : h.all('accept-encoding').join(', ')
  }
}

// An ALB event always carries requestContext.elb, httpMethod and path (Lambda developer guide,
// "Process Application Load Balancer requests with Lambda"); API Gateway and Function URL events do not have elb.
function missingAlbField(event: unknown): string | undefined {
  if (event === null || typeof event !== 'object') return 'the event object'
  const e = event as { requestContext?: { elb?: unknown }; httpMethod?: unknown; path?: unknown }
  const elb = e.requestContext?.elb
  if (elb === null || typeof elb !== 'object') return 'requestContext.elb'
  if (typeof e.httpMethod !== 'string' || e.httpMethod === '') return 'httpMethod'
  if (typeof e.path !== 'string') return 'path'
  return undefined
}

/**
 * Builds the request view of an ALB event. Cheap: nothing is parsed until first used.
 * @example
 * const req = parseRequest(event, { trustedProxyHops: 0 })
 * req.query.get('q'); req.headers.get('content-type'); req.clientIp; req.body // Buffer
 */
export function parseRequest(event: AlbEvent, options?: ParseRequestOptions): AlbRequest {
  const missing = missingAlbField(event)
  if (missing !== undefined) {
    throw new AlbError(
      500,
      `event is not an Application Load Balancer event: ${missing} missing — is this function behind API Gateway?`,
      { expose: false },
    )
  }
  const hops = options?.trustedProxyHops ?? 0
  if (!Number.isInteger(hops) || hops < 0) {
    throw new AlbError(500, `trustedProxyHops must be a non-negative integer, got ${String(hops)}`)
  }
  return new Request(event, hops)
}
