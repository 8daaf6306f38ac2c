import { type AlbError, type AlbRequest, albError } from '@albkit/core'

/** The most proxies we accept in front of the load balancer: the ALB itself answers 463 to more than 30 X-Forwarded-For addresses. */
export const MAX_TRUSTED_PROXY_HOPS = 30

/** The client's address as core's request view parsed it, and which entry it came from. */
export interface ClientAddress {
  /** The IP address, without port or brackets, as written in the header. */
  ip: string
  /** 4 or 6, as written (an IPv4-mapped IPv6 address counts as 6 here; see report.ts). */
  version: 4 | 6
  /** The client's source port, present only with `routing.http.xff_client_port.enabled`. */
  port?: number
  /** Position counted from the right-most entry (0 = the entry the load balancer appended). */
  fromRight: number
}

/**
 * Reads `TRUSTED_PROXY_HOPS`: how many trusted proxies (e.g. CloudFront) sit in front of the load
 * balancer. Unset or empty means 0. Returns an `AlbError` 500 (not exposed to clients, logged by
 * albErrors) instead of throwing, so a bad setting fails each request clearly instead of the cold start.
 *
 * @example
 * trustedProxyHops('1') // → 1
 * trustedProxyHops('-1') // → AlbError 500 "TRUSTED_PROXY_HOPS must be …"
 */
export function trustedProxyHops(raw: string | undefined): number | AlbError {
  const value = (raw ?? '').trim()
  if (value === '') return 0
  if (/^\d{1,2}$/.test(value)) {
    const hops = Number(value)
    if (hops <= MAX_TRUSTED_PROXY_HOPS) return hops
  }
  return albError(
    500,
    `TRUSTED_PROXY_HOPS must be a whole number from 0 to ${MAX_TRUSTED_PROXY_HOPS} (the number of trusted proxies in front of the load balancer), got ${JSON.stringify(value.slice(0, 40))}`,
    { expose: false },
  )
}

/**
 * The client's address from core's request view (`request.clientAddress`: the right-most
 * X-Forwarded-For entry after skipping the `trustedProxyHops` the view was parsed with — the
 * entry the load balancer appended, or the one a trusted proxy wrote). When the view has none,
 * throws an exposed AlbError 500 naming the likely misconfiguration instead of guessing.
 *
 * @example
 * clientAddress(parseRequest(event, { trustedProxyHops: 1 }), 1) // → { ip: '198.51.100.9', version: 4, fromRight: 1 }
 */
export function clientAddress(request: AlbRequest, hops: number): ClientAddress {
  const parsed = request.clientAddress
  if (parsed !== undefined) {
    return parsed.port === undefined
      ? { ip: parsed.ip, version: parsed.version, fromRight: hops }
      : { ip: parsed.ip, version: parsed.version, port: parsed.port, fromRight: hops }
  }
  const entries = request.forwardedFor.length
  // ELB user guide, "HTTP headers and Application Load Balancers": in the default `append` mode the
  // balancer appends the peer address; in `remove` mode the header is absent; `preserve` leaves it as sent.
  if (entries === 0) {
    throw albError(
      500,
      'The request has no X-Forwarded-For header, so the client address is unknown. The load balancer attribute routing.http.xff_header_processing.mode is probably "remove"; set it to "append" (the default).',
      { expose: true },
    )
  }
  if (entries <= hops) {
    throw albError(
      500,
      `X-Forwarded-For has ${entries} entr${entries === 1 ? 'y' : 'ies'} but TRUSTED_PROXY_HOPS=${hops} needs at least ${hops + 1}: either the request did not come through the trusted proxies or TRUSTED_PROXY_HOPS is too large.`,
      { expose: true },
    )
  }
  // The entry is never echoed: left of the balancer's own entry, it may be client-written.
  throw albError(
    500,
    `X-Forwarded-For entry ${hops} from the right is not an IP address; check TRUSTED_PROXY_HOPS=${hops} and the proxies in front of the load balancer.`,
    { expose: true },
  )
}
