import type { ClientAddress } from './client-address.js'
import type { HeaderView, QueryView } from './multi-map.js'
import type { TraceHeader } from './trace.js'
import type { AlbEvent, AlbHeaderMode } from './types.js'

/**
 * Options of {@link parseRequest}.
 * @example
 * parseRequest(event, { trustedProxyHops: 1 }) // CloudFront in front of the ALB
 */
export interface ParseRequestOptions {
  /**
   * How many right-most `X-Forwarded-For` entries are trusted proxies in front of the ALB
   * (e.g. 1 for CloudFront → ALB). Default 0: the right-most entry, the one the ALB adds.
   */
  trustedProxyHops?: number
}

/**
 * The request view: one object, the same API in single- and multi-value mode. Everything is
 * computed on first access and cached.
 * @example
 * const req: AlbRequest = parseRequest(event)
 * if (req.method === 'POST') save(req.json<{ name: string }>().name, req.clientIp)
 */
export interface AlbRequest {
  readonly event: AlbEvent
  readonly mode: AlbHeaderMode
  readonly method: string
  readonly path: string
  readonly targetGroupArn: string
  /**
   * The shape of an ALB health check: `GET`, `User-Agent: ELB-HealthChecker/2.0`, and none of the
   * `X-Forwarded-For/-Proto/-Port` headers the balancer adds to listener traffic. The path is the
   * target group's setting: compare it yourself (albkit's middy stack takes `healthCheckPath`).
   */
  readonly isHealthCheck: boolean
  /** Case-insensitive. */
  readonly headers: HeaderView
  readonly cookies: ReadonlyMap<string, string>
  /**
   * Decoded with form rules (`+` is a space, keys decoded too), exactly once: an event carrying
   * both `queryStringParameters` and `multiValueQueryStringParameters` is not the ALB's (it sends
   * one of them, raw) but serverless-offline's, whose values arrive decoded already; those are
   * taken as they are.
   */
  readonly query: QueryView
  /** Exactly as received: the ALB does not decode query strings. */
  readonly rawQuery: QueryView
  /** The body bytes: base64 honoured, never a UTF-8 round trip; empty Buffer when none. */
  readonly body: Buffer
  /** The body as UTF-8 text; AlbError 400 when it is not valid UTF-8. */
  text(): string
  /** The body parsed as JSON; AlbError 415 unless the content type is JSON, 400 on bad JSON. */
  json<T = unknown>(): T
  /** `X-Forwarded-For` entries, left → right, trimmed. The left-most is whatever the client typed. */
  readonly forwardedFor: string[]
  /**
   * The right-most `X-Forwarded-For` entry after skipping `trustedProxyHops`, parsed (ip, port when
   * `routing.http.xff_client_port.enabled`, version); undefined when absent or not an address.
   */
  readonly clientAddress: ClientAddress | undefined
  /** The right-most `X-Forwarded-For` entry after skipping `trustedProxyHops`; port and [] stripped. */
  readonly clientIp: string | undefined
  /** 4 or 6 (`::ffff:1.2.3.4` is 6), undefined when there is no client IP. */
  readonly clientIpVersion: 4 | 6 | undefined
  readonly forwardedProto: string | undefined
  readonly forwardedPort: number | undefined
  /** Parsed `X-Amzn-Trace-Id`. `root` may be chosen by the client. */
  readonly trace: TraceHeader
  readonly acceptEncoding: string | undefined
}
