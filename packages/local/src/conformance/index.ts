/**
 * Run the contract checks against a running load balancer. Exported so the same suite can be
 * pointed at albkit or at another emulator (e.g. serverless-offline) for comparison.
 */
import { type ConformanceTarget, checks } from './checks.js'
import { responseChecks } from './response-checks.js'
import { routingChecks } from './routing-checks.js'

export type { ConformanceTarget } from './checks.js'

export interface ConformanceResult {
  id: string
  rule: string
  source: string
  passed: boolean
  detail?: string
}

export interface ConformanceOptions {
  /**
   * Called after each check, before the next one; may return a replacement result. A runner
   * comparing emulators uses it to notice a server that died during the check and restart it.
   */
  afterEach?: (
    result: ConformanceResult,
  ) => Promise<ConformanceResult | undefined> | ConformanceResult | undefined
}

/**
 * @example
 * const results = await runConformance({ baseUrl: alb.url, singlePath: '/echo', multiPath: '/multi/echo' })
 * console.log(results.filter((r) => !r.passed))
 */
export async function runConformance(
  target: ConformanceTarget,
  options: ConformanceOptions = {},
): Promise<ConformanceResult[]> {
  const results: ConformanceResult[] = []
  for (const check of [...checks, ...responseChecks, ...routingChecks]) {
    let result: ConformanceResult
    try {
      await check.run(target)
      result = { id: check.id, rule: check.rule, source: check.source, passed: true }
    } catch (err) {
      result = {
        id: check.id,
        rule: check.rule,
        source: check.source,
        passed: false,
        detail: err instanceof Error ? err.message : String(err),
      }
    }
    results.push((await options.afterEach?.(result)) ?? result)
  }
  return results
}
