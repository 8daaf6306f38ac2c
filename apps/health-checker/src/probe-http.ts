import type { ProbeOutcome } from './probe-outcome.js'
import type { ProbeSpec } from './probes-config.js'
import { formatStatusRanges, statusMatches } from './status-ranges.js'

type HttpProbe = Extract<ProbeSpec, { type: 'http' }>

/**
 * GETs `spec.url` and compares the status with `spec.expectStatus`. Redirects are not followed
 * (a 3xx is an answer); the body is discarded unread, so a server that sends headers and then
 * stalls cannot hold the probe. Aborts on `signal` or after `spec.timeoutMs`.
 *
 * @example
 * await probeHttp({ name: 'api', type: 'http', url: 'http://127.0.0.1:8080/ping',
 *   expectStatus: [[200, 399]], critical: true, timeoutMs: 2000 }, AbortSignal.timeout(8000))
 * // → { ok: true }
 */
export async function probeHttp(
  spec: HttpProbe,
  signal: AbortSignal,
  fetchImpl: typeof fetch = fetch,
): Promise<ProbeOutcome> {
  const response = await fetchImpl(spec.url, {
    method: 'GET',
    redirect: 'manual',
    headers: { 'user-agent': 'albkit-health-checker' },
    signal: AbortSignal.any([signal, AbortSignal.timeout(spec.timeoutMs)]),
  })
  await response.body?.cancel().catch(() => undefined)
  if (statusMatches(response.status, spec.expectStatus)) return { ok: true }
  return {
    ok: false,
    error: `HTTP ${response.status}, expected ${formatStatusRanges(spec.expectStatus)}`,
  }
}
