import type { ClientAddress } from './client-address.js'
import { ipv4FromMapped } from './ipv4-mapped.js'

/** Everything the app tells the client, in every format. */
export interface IpReport {
  /** The client's address (an IPv4-mapped IPv6 address is reported as its IPv4 address). */
  address: string
  version: 4 | 6
  /** The IPv6 spelling the address arrived in, when it was IPv4-mapped (`::ffff:a.b.c.d`). */
  mappedFrom?: string
  /** The client's source port, when the load balancer has `routing.http.xff_client_port.enabled`. */
  clientPort?: number
  /** X-Forwarded-For as received, left → right. Only the right-most entries are vouched for. */
  forwardedFor: string[]
  /** Which entry was used, counted from the right (0 = the one the load balancer appended). */
  trustedProxyHops: number
  /** X-Forwarded-Proto: the protocol between client and load balancer. */
  proto: string | null
  /** X-Forwarded-Port: the listener port the client connected to. */
  port: number | null
  /** The Root of X-Amzn-Trace-Id (a client may choose it; the balancer keeps a client-sent Root). */
  traceId: string | null
}

/** The parts of the request view a report needs (a subset of core's AlbRequest). */
export interface ReportInput {
  forwardedFor: readonly string[]
  forwardedProto: string | undefined
  forwardedPort: number | undefined
  trace: { root?: string }
}

/**
 * Builds the report from the chosen client address and the request's forwarding headers.
 *
 * @example
 * buildReport({ ip: '::ffff:10.0.0.1', version: 6, fromRight: 0 },
 *   { forwardedFor: ['::ffff:10.0.0.1'], forwardedProto: 'https', forwardedPort: 443, trace: {} })
 * // → { address: '10.0.0.1', version: 4, mappedFrom: '::ffff:10.0.0.1', … }
 */
export function buildReport(client: ClientAddress, request: ReportInput): IpReport {
  const mapped = client.version === 6 ? ipv4FromMapped(client.ip) : undefined
  return {
    address: mapped ?? client.ip,
    version: mapped === undefined ? client.version : 4,
    ...(mapped === undefined ? {} : { mappedFrom: client.ip }),
    ...(client.port === undefined ? {} : { clientPort: client.port }),
    forwardedFor: [...request.forwardedFor],
    trustedProxyHops: client.fromRight,
    proto: request.forwardedProto ?? null,
    port: request.forwardedPort ?? null,
    traceId: request.trace.root ?? null,
  }
}
