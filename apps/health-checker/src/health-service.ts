import { cached } from './cache.js'
import type { Prober } from './probe-outcome.js'
import type { HealthConfig } from './probes-config.js'
import { buildReport, type HealthReport } from './report.js'
import { runProbes } from './run-probes.js'

/** Runs (or reuses) the probes and reports. */
export interface HealthService {
  check(): Promise<HealthReport>
}

export interface HealthServiceDeps {
  prober: Prober
  /** Monotonic milliseconds for latencies and cache age (default `performance.now`). */
  now?: () => number
  /** Wall clock for `checkedAt` (default `new Date()`). */
  clock?: () => Date
}

/**
 * One service per execution environment: its cache lives as long as the warm function, so
 * checks arriving within `config.cacheMs` of the last run (or during it) do not probe again.
 *
 * @example
 * const service = createHealthService(parseHealthConfig(process.env), { prober: probeDependency })
 * const report = await service.check() // { status: 'healthy', probes: [...] }
 */
export function createHealthService(config: HealthConfig, deps: HealthServiceDeps): HealthService {
  const now = deps.now ?? (() => performance.now())
  const clock = deps.clock ?? (() => new Date())
  const run = cached(
    async () => {
      const results = await runProbes(config.probes, {
        deadlineMs: config.deadlineMs,
        prober: deps.prober,
        now,
      })
      return { results, checkedAt: clock() }
    },
    { ttlMs: config.cacheMs, now },
  )
  return {
    async check() {
      const { value, fromCache } = await run()
      return buildReport(value.results, { checkedAt: value.checkedAt, cached: fromCache })
    },
  }
}
