/**
 * Run the contract checks against a running load balancer. Exported so the same suite can be
 * pointed at albkit or at another emulator (e.g. serverless-offline) for comparison.
 */
import { type ConformanceCheck, type ConformanceTarget, checks, NotExpressible } from './checks.js'
import { healthChecks } from './health-checks.js'
import { limitChecks } from './limit-checks.js'
import { responseChecks } from './response-checks.js'
import { routingChecks } from './routing-checks.js'
import { ruleChecks } from './rule-checks.js'
import { toleranceChecks } from './tolerance-checks.js'

/**
 * The outcome of one check.
 * @example
 * const failed = (await runConformance(target)).filter((r: ConformanceResult) => !r.passed)
 */
export interface ConformanceResult {
  id: string
  /** contract section (§2–§6) */
  section: ConformanceCheck['section']
  rule: string
  source: string
  passed: boolean
  /** the server could not be configured for this check (passed is false) */
  notExpressible?: boolean
  detail?: string
}

/**
 * Every check, in the order they run.
 * @example
 * allChecks.map((c) => c.id)
 */
export const allChecks: readonly ConformanceCheck[] = [
  ...checks,
  ...responseChecks,
  ...toleranceChecks,
  ...limitChecks,
  ...routingChecks,
  ...ruleChecks,
  ...healthChecks,
]

/**
 * Options of {@link runConformance}.
 * @example
 * const options: ConformanceOptions = { afterEach: (r) => (r.passed ? undefined : { ...r, detail: 'x' }) }
 */
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
 * Run every check against a load balancer that serves the suite's echo service (see
 * `writeConformanceService`), in order; a check that throws is a failed result, never a crash.
 * @example
 * const results = await runConformance({ baseUrl: alb.url, singlePath: '/echo', multiPath: '/multi/echo' })
 * console.log(results.filter((r) => !r.passed))
 */
export async function runConformance(
  target: ConformanceTarget,
  options: ConformanceOptions = {},
): Promise<ConformanceResult[]> {
  const results: ConformanceResult[] = []
  for (const check of allChecks) {
    const base = { id: check.id, section: check.section, rule: check.rule, source: check.source }
    let result: ConformanceResult
    try {
      await check.run(target)
      result = { ...base, passed: true }
    } catch (err) {
      result = {
        ...base,
        passed: false,
        ...(err instanceof NotExpressible ? { notExpressible: true } : {}),
        detail: err instanceof Error ? err.message : String(err),
      }
    }
    results.push((await options.afterEach?.(result)) ?? result)
  }
  return results
}
