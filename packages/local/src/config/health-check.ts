import { intIn } from './functions.js'
import type { Resolver } from './intrinsics.js'
import { configError, type HealthCheckSettings } from './model.js'
import { isRecord } from './template.js'

/**
 * Health-check defaults of a `lambda` target group (ELB user guide, "Health checks for your
 * target groups" → health check settings). Disabled unless `HealthCheckEnabled: true`.
 * The unhealthy threshold is 2 in that user guide but 5 in the API reference
 * (CreateTargetGroup); we pick 2, the user guide's value for lambda targets.
 */
export const LAMBDA_HEALTH_CHECK_DEFAULTS: Readonly<HealthCheckSettings> = Object.freeze({
  enabled: false,
  path: '/',
  intervalSeconds: 35,
  timeoutSeconds: 30,
  healthyThreshold: 5,
  unhealthyThreshold: 2,
  matcher: '200',
})

/** Check a matcher: codes or ranges 200–499, e.g. `200`, `200,204`, `200-299`. */
export function matcherProblem(matcher: string): string | undefined {
  const parts = matcher.split(',')
  for (const part of parts) {
    const m = /^\s*(\d{3})(?:\s*-\s*(\d{3}))?\s*$/.exec(part)
    const lo = Number(m?.[1])
    const hi = m?.[2] === undefined ? lo : Number(m[2])
    // Application Load Balancers accept success codes from 200 to 499 (ELBv2 API, Matcher).
    if (!m || lo < 200 || hi > 499 || lo > hi) {
      return `'${matcher}' is not allowed; use codes from 200 to 499 as "200", "200,204" or "200-299"`
    }
  }
  return undefined
}

/** Raw health-check values before defaults and validation (serverless.yml fills these too). */
export interface HealthCheckInput {
  enabled?: unknown
  path?: unknown
  interval?: unknown
  timeout?: unknown
  healthy?: unknown
  unhealthy?: unknown
  matcher?: unknown
}

/**
 * Apply the lambda defaults and validate ranges. `where` names the resource, e.g. `Tg`.
 *
 * @example
 * healthCheckSettings(resolver, 'Tg', { enabled: true, path: '/health' }).intervalSeconds // 35
 */
export function healthCheckSettings(
  resolver: Resolver,
  where: string,
  input: HealthCheckInput,
): HealthCheckSettings {
  const d = LAMBDA_HEALTH_CHECK_DEFAULTS
  const file = resolver.context.file
  const enabled = resolver.optionalString(input.enabled, `${where}.HealthCheckEnabled`)
  if (enabled !== undefined && enabled !== 'true' && enabled !== 'false') {
    throw configError(
      file,
      `${where}.HealthCheckEnabled`,
      `'${enabled}' is not allowed; use true or false`,
    )
  }
  const path = resolver.optionalString(input.path, `${where}.HealthCheckPath`) ?? d.path
  if (!path.startsWith('/') || path.length > 1024) {
    throw configError(
      file,
      `${where}.HealthCheckPath`,
      `'${path}' must start with / and be at most 1024 characters`,
    )
  }
  const settings: HealthCheckSettings = {
    enabled: enabled === 'true',
    path,
    intervalSeconds: intIn(
      resolver,
      input.interval,
      `${where}.HealthCheckIntervalSeconds`,
      d.intervalSeconds,
      5,
      300,
    ),
    timeoutSeconds: intIn(
      resolver,
      input.timeout,
      `${where}.HealthCheckTimeoutSeconds`,
      d.timeoutSeconds,
      2,
      120,
    ),
    healthyThreshold: intIn(
      resolver,
      input.healthy,
      `${where}.HealthyThresholdCount`,
      d.healthyThreshold,
      2,
      10,
    ),
    unhealthyThreshold: intIn(
      resolver,
      input.unhealthy,
      `${where}.UnhealthyThresholdCount`,
      d.unhealthyThreshold,
      2,
      10,
    ),
    matcher: readMatcher(resolver, input.matcher, `${where}.Matcher`) ?? d.matcher,
  }
  // The timeout must be smaller than the interval (ELBv2 API, ModifyTargetGroup).
  if (settings.timeoutSeconds >= settings.intervalSeconds) {
    throw configError(
      file,
      `${where}.HealthCheckTimeoutSeconds`,
      `${settings.timeoutSeconds} must be smaller than HealthCheckIntervalSeconds (${settings.intervalSeconds})`,
    )
  }
  return settings
}

function readMatcher(resolver: Resolver, value: unknown, where: string): string | undefined {
  if (value === undefined) return undefined
  const resolved = resolver.resolve(value, where)
  const code = isRecord(resolved) ? resolved.HttpCode : resolved
  if (code === undefined) return undefined
  const matcher = resolver.string(code, `${where}.HttpCode`)
  const problem = matcherProblem(matcher)
  if (problem) throw configError(resolver.context.file, `${where}.HttpCode`, problem)
  return matcher.replace(/\s+/g, '')
}
