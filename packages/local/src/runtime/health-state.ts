/**
 * Target health as the ALB tracks it (ELB user guide, "Health checks for your target groups"):
 * states initial → healthy / unhealthy by consecutive results against the thresholds;
 * `unavailable` (Target.HealthCheckDisabled) when checks are off. Pure.
 */

export type HealthState = 'initial' | 'healthy' | 'unhealthy' | 'unavailable' | 'unused'

export interface TargetHealth {
  state: HealthState
  reason: string | undefined
  successes: number
  failures: number
}

export interface CheckResult {
  ok: boolean
  /** Target.ResponseCodeMismatch, Target.Timeout, Target.FailedHealthChecks */
  reason?: string
}

/**
 * Whether a status code satisfies a matcher: `"200"`, `"200-299"`, `"200,204"`.
 * @example
 * matcherAccepts('200-299,302', 302) // true
 */
export function matcherAccepts(matcher: string, statusCode: number): boolean {
  return matcher.split(',').some((part) => {
    const [low, high] = part.trim().split('-')
    const from = Number(low)
    const to = high === undefined ? from : Number(high)
    return statusCode >= from && statusCode <= to
  })
}

/** The state before the first check. */
export function initialHealth(enabled: boolean, registered: boolean): TargetHealth {
  if (!registered)
    return { state: 'unused', reason: 'Target.NotRegistered', successes: 0, failures: 0 }
  if (!enabled)
    return { state: 'unavailable', reason: 'Target.HealthCheckDisabled', successes: 0, failures: 0 }
  return { state: 'initial', reason: 'Elb.InitialHealthChecking', successes: 0, failures: 0 }
}

/**
 * The state after one more check. We use the healthy threshold from `initial` too (AWS does not
 * say how many initial successes it needs).
 * @example
 * nextHealth(initialHealth(true, true), { ok: false, reason: 'Target.Timeout' }, 5, 2).failures // 1
 */
export function nextHealth(
  current: TargetHealth,
  result: CheckResult,
  healthyThreshold: number,
  unhealthyThreshold: number,
): TargetHealth {
  if (result.ok) {
    const successes = current.successes + 1
    if (current.state !== 'healthy' && successes >= healthyThreshold) {
      return { state: 'healthy', reason: undefined, successes, failures: 0 }
    }
    return { ...current, successes, failures: 0 }
  }
  const failures = current.failures + 1
  if (current.state !== 'unhealthy' && failures >= unhealthyThreshold) {
    return {
      state: 'unhealthy',
      reason: result.reason ?? 'Target.FailedHealthChecks',
      successes: 0,
      failures,
    }
  }
  return {
    ...current,
    failures,
    successes: 0,
    reason: current.state === 'unhealthy' ? (result.reason ?? current.reason) : current.reason,
  }
}
