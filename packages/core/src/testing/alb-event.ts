import { randomBytes } from 'node:crypto'
import { buildAlbEvent } from '../build-alb-event.js'
import type { AlbEvent, AlbHeaderMode } from '../types.js'

/**
 * What {@link albEvent} builds an event from: the HTTP request as the client sent it.
 * @example
 * const init: AlbEventInit = { method: 'POST', path: '/upload', headers: { 'content-type': 'image/png' }, body: bytes }
 */
export interface AlbEventInit {
  method?: string
  path?: string
  /** The raw query string after `?`, not decoded (the ALB does not decode it). */
  query?: string
  headers?: Record<string, string | string[]> | Array<[string, string]>
  body?: string | Uint8Array
  mode?: AlbHeaderMode
  /** The TCP peer the ALB sees. Default 203.0.113.10. */
  sourceIp?: string
  /** The listener port. Default 80 (http) / 443 (https). */
  port?: number
  proto?: 'http' | 'https'
  targetGroupArn?: string
  /** `routing.http.xff_header_processing.mode`. Default 'append'. */
  xffMode?: 'append' | 'preserve' | 'remove'
}

/**
 * A sample target group ARN used by the factories.
 * @example
 * parseRequest(albEvent()).targetGroupArn === SAMPLE_TARGET_GROUP_ARN // true
 */
export const SAMPLE_TARGET_GROUP_ARN =
  'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/albkit-test/0123456789abcdef'

/**
 * A fresh X-Ray style trace id: `1-<8 hex seconds>-<24 hex>`.
 * @example
 * albEvent({ headers: { 'x-amzn-trace-id': `Root=${traceId()}` } })
 */
export function traceId(): string {
  const seconds = Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0')
  return `1-${seconds}-${randomBytes(12).toString('hex')}`
}

function headerPairs(h: AlbEventInit['headers']): Array<[string, string]> {
  if (h === undefined) return []
  if (Array.isArray(h)) return h.map(([k, v]) => [k.toLowerCase(), v])
  const out: Array<[string, string]> = []
  for (const [k, v] of Object.entries(h)) {
    for (const one of Array.isArray(v) ? v : [v]) out.push([k.toLowerCase(), one])
  }
  return out
}

function lastOf(pairs: Array<[string, string]>, name: string): string | undefined {
  let v: string | undefined
  for (const [k, x] of pairs) if (k === name) v = x
  return v
}

/**
 * Builds an event exactly as the ALB would send it for an HTTP request (ELB user guide, "Lambda
 * functions as targets"): raw query split on `&` and `=` without decoding; lower-case header
 * names; last value wins in single mode, arrays in multi mode; body base64 by the encoding rule;
 * `X-Forwarded-For` (per `xffMode`), `-Port`, `-Proto` and `X-Amzn-Trace-Id` (a fresh random
 * Root, or Self= plus the client's Root) added — the rules of core's `buildAlbEvent`. Throws
 * AlbError 400 for a text body that is not valid UTF-8 (the ALB rejects those: LambdaBadRequest).
 * @example
 * const event = albEvent({ method: 'POST', path: '/upload', query: 'a=1&a=2', mode: 'multi',
 *   headers: { 'content-type': 'image/png' }, body: pngBytes })
 */
export function albEvent(init: AlbEventInit = {}): AlbEvent {
  const proto = init.proto ?? 'http'
  const headers = headerPairs(init.headers)
  const clientTrace = lastOf(headers, 'x-amzn-trace-id')
  // A client Root= is kept and Self= added (ELB user guide, "Request tracing").
  const root =
    clientTrace === undefined ? undefined : /(?:^|;)\s*Root=([^;]+)/i.exec(clientTrace)?.[1]
  return buildAlbEvent({
    method: init.method ?? 'GET',
    path: init.path ?? '/',
    rawQuery: init.query,
    headers,
    body: init.body,
    sourceIp: init.sourceIp ?? '203.0.113.10',
    port: init.port ?? (proto === 'https' ? 443 : 80),
    proto,
    targetGroupArn: init.targetGroupArn ?? SAMPLE_TARGET_GROUP_ARN,
    mode: init.mode ?? 'single',
    xffMode: init.xffMode ?? 'append',
    traceId: root === undefined ? `Root=${traceId()}` : `Self=${traceId()};Root=${root.trim()}`,
  })
}

/**
 * A health-check event as the ALB sends it (ELB user guide, "Health checks for your target
 * groups"): GET, empty query, only `user-agent: ELB-HealthChecker/2.0`, body "".
 * @example
 * const res = await handler(healthCheckEvent({ path: '/health' }), context)
 */
export function healthCheckEvent(
  init: { path?: string; mode?: AlbHeaderMode; targetGroupArn?: string } = {},
): AlbEvent {
  const base = {
    requestContext: { elb: { targetGroupArn: init.targetGroupArn ?? SAMPLE_TARGET_GROUP_ARN } },
    httpMethod: 'GET',
    path: init.path ?? '/',
    body: '',
    isBase64Encoded: false,
  }
  if (init.mode === 'multi') {
    return {
      ...base,
      multiValueQueryStringParameters: {},
      multiValueHeaders: { 'user-agent': ['ELB-HealthChecker/2.0'] },
    }
  }
  return { ...base, queryStringParameters: {}, headers: { 'user-agent': 'ELB-HealthChecker/2.0' } }
}
