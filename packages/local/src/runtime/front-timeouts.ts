/**
 * The listener's connection timeouts. node's defaults (headers 60 s, request 300 s, keep-alive
 * 5 s, checked only every 30 s) let a client that sends nothing, only CRLFs, or stops in the
 * middle of the headers or of a chunked body hold a connection for a minute or more.
 *
 * Chosen values (all options of `start()`):
 * - `headersTimeout` 10 s: time from the connection (or the end of the previous request) to the
 *   end of the request headers. A real client sends its headers at once.
 * - `requestTimeout` 30 s: time to receive the whole request, body included. In node ≥ 18 it
 *   covers receiving only — a handler that runs for minutes is not cut off (measured on node 20:
 *   a 4 s response under a 2 s requestTimeout is delivered), so it need not exceed the longest
 *   function timeout (900 s). 30 s is ample for the 1 MB body limit on loopback.
 * - `keepAliveTimeout` 60 s: the ALB's default connection idle timeout (ELB user guide,
 *   "Connection idle timeout"), so clients see idle connections close when they would on AWS.
 * A client too slow for the first two gets 408 (ELB user guide, "Troubleshoot": HTTP 408).
 */
import { IDLE_TIMEOUT_SECONDS } from './front-limits.js'

export interface FrontTimeouts {
  /** ms to receive the request headers; default 10 000 */
  headersTimeout: number
  /** ms to receive the whole request; default 30 000; ≥ headersTimeout */
  requestTimeout: number
  /** ms an idle keep-alive connection stays open; default 60 000 (the ALB's idle timeout) */
  keepAliveTimeout: number
}

export const DEFAULT_FRONT_TIMEOUTS: FrontTimeouts = {
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  keepAliveTimeout: IDLE_TIMEOUT_SECONDS * 1000,
}

/**
 * Merge options over the defaults and check them (node itself throws an opaque range error
 * when headersTimeout > requestTimeout).
 * @example
 * frontTimeouts({ headersTimeout: 2000 }) // { headersTimeout: 2000, requestTimeout: 30000, keepAliveTimeout: 60000 }
 */
export function frontTimeouts(options: Partial<FrontTimeouts> = {}): FrontTimeouts {
  const t = { ...DEFAULT_FRONT_TIMEOUTS }
  for (const key of Object.keys(t) as Array<keyof FrontTimeouts>) {
    const value = options[key]
    if (value === undefined) continue
    if (!Number.isFinite(value) || value <= 0)
      throw new Error(`${key} must be a positive number of milliseconds, got ${value}`)
    t[key] = value
  }
  if (t.headersTimeout > t.requestTimeout)
    throw new Error(
      `headersTimeout (${t.headersTimeout} ms) must not exceed requestTimeout (${t.requestTimeout} ms)`,
    )
  return t
}

/** How often node checks the first two timeouts: they fire up to this much late (node: 30 s). */
export function checkingInterval(t: FrontTimeouts): number {
  return Math.max(50, Math.min(1000, Math.floor(t.headersTimeout / 4)))
}
