import type { ProbeResult } from './run-probes.js'

/** healthy: every probe passed; degraded: only optional probes failed; unhealthy: a critical one failed. */
export type HealthStatus = 'healthy' | 'degraded' | 'unhealthy'

/** The full report a person gets at GET /health. */
export interface HealthReport {
  status: HealthStatus
  /** When the probes finished (ISO 8601). */
  checkedAt: string
  /** True when this answer reuses a recent run (HEALTH_CACHE_MS). */
  cached: boolean
  probes: ProbeResult[]
}

/**
 * The overall status of a set of probe results.
 *
 * @example
 * healthStatus([{ name: 'a', type: 'dns', critical: false, ok: false, latencyMs: 3 }]) // → 'degraded'
 */
export function healthStatus(results: readonly ProbeResult[]): HealthStatus {
  if (results.some((r) => !r.ok && r.critical)) return 'unhealthy'
  if (results.some((r) => !r.ok)) return 'degraded'
  return 'healthy'
}

/**
 * The HTTP status for a health status: the load balancer's matcher is `200`, so degraded must
 * stay 200 (optional dependencies never take the stack out of DNS) and unhealthy is 503.
 *
 * @example
 * httpStatusFor('degraded') // → 200
 */
export function httpStatusFor(status: HealthStatus): 200 | 503 {
  return status === 'unhealthy' ? 503 : 200
}

/**
 * Assembles the report.
 *
 * @example
 * buildReport(results, { checkedAt: new Date(), cached: false }).status // → 'healthy'
 */
export function buildReport(
  results: readonly ProbeResult[],
  meta: { checkedAt: Date; cached: boolean },
): HealthReport {
  return {
    status: healthStatus(results),
    checkedAt: meta.checkedAt.toISOString(),
    cached: meta.cached,
    probes: [...results],
  }
}
