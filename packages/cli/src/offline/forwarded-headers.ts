/**
 * The headers an ALB adds to every request (ELB user guide, "HTTP headers and Application Load
 * Balancers": X-Forwarded-For/-Port/-Proto; "Request tracing": X-Amzn-Trace-Id), for a front
 * that puts them in before serverless-offline, which adds none (docs/conformance.md,
 * `forwarded-headers`). The values come from core's ALB event builder and local's trace id, so
 * the rules live in one place.
 */
import { buildAlbEvent } from '@albkit/core'
import { forwardedTraceId } from '@albkit/local'

/** The four header names the ALB writes itself (the client's values are replaced or appended to). */
export const ALB_ADDED_HEADERS = [
  'x-forwarded-for',
  'x-forwarded-port',
  'x-forwarded-proto',
  'x-amzn-trace-id',
] as const

/**
 * The client's headers (lower-case names, in order) with the ALB's four set as the ALB sets them:
 * the peer appended to X-Forwarded-For, the listener's port and protocol, a client `Root=` trace
 * kept with a new `Self=`.
 *
 * @example
 * forwardedHeaders([['host', 'localhost:3000']], { peer: '127.0.0.1', port: 3000, proto: 'http' })
 * // [['host', 'localhost:3000'], ['x-forwarded-for', '127.0.0.1'], ['x-forwarded-port', '3000'], …]
 */
export function forwardedHeaders(
  headers: ReadonlyArray<readonly [string, string]>,
  listener: { peer: string; port: number; proto: 'http' | 'https' },
): Array<[string, string]> {
  let clientTrace: string | undefined
  for (const [name, value] of headers) if (name === 'x-amzn-trace-id') clientTrace = value
  const event = buildAlbEvent({
    method: 'GET',
    path: '/',
    rawQuery: undefined,
    headers,
    body: undefined,
    sourceIp: listener.peer,
    port: listener.port,
    proto: listener.proto,
    targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/offline/0',
    mode: 'multi',
    xffMode: 'append',
    traceId: forwardedTraceId(clientTrace),
  })
  const added = ('multiValueHeaders' in event ? event.multiValueHeaders : undefined) ?? {}
  const out: Array<[string, string]> = headers
    .filter(([name]) => !(ALB_ADDED_HEADERS as readonly string[]).includes(name))
    .map(([name, value]) => [name, value])
  for (const name of ALB_ADDED_HEADERS)
    for (const value of added[name] ?? []) out.push([name, value])
  return out
}
