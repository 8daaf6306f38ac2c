/**
 * Run the contract checks against a running load balancer. Exported so the same suite can be
 * pointed at albkit or at another emulator (e.g. serverless-offline) for comparison.
 */
import { type ConformanceTarget, checks } from './checks.js'

export type { ConformanceTarget } from './checks.js'

export interface ConformanceResult {
  id: string
  rule: string
  source: string
  passed: boolean
  detail?: string
}

/**
 * @example
 * const results = await runConformance({ baseUrl: alb.url, singlePath: '/echo', multiPath: '/multi/echo' })
 * console.log(results.filter((r) => !r.passed))
 */
export async function runConformance(target: ConformanceTarget): Promise<ConformanceResult[]> {
  const results: ConformanceResult[] = []
  for (const check of checks) {
    try {
      await check.run(target)
      results.push({ id: check.id, rule: check.rule, source: check.source, passed: true })
    } catch (err) {
      results.push({
        id: check.id,
        rule: check.rule,
        source: check.source,
        passed: false,
        detail: err instanceof Error ? err.message : String(err),
      })
    }
  }
  return results
}
