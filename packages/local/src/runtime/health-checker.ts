/**
 * Runs the health checks of every target group that has them on, with intervals and timeouts
 * scaled by `scale` for local use, and logs every state transition.
 */
import { HEALTH_CHECK_USER_AGENT } from '@albkit/core'
import type { LocalConfig, LocalTargetGroup } from '../config/index.js'
import type { FunctionPool } from './function-pool.js'
import {
  type CheckResult,
  type HealthState,
  initialHealth,
  matcherAccepts,
  nextHealth,
  type TargetHealth,
} from './health-state.js'

/** One target group's health, as GET /targets on the admin server shows it. */
export interface TargetReport {
  targetGroup: string
  targetGroupArn: string
  function: string | undefined
  state: HealthState
  reason: string | undefined
  lastCheck:
    | { time: string; ok: boolean; statusCode?: number; reason?: string; ms: number }
    | undefined
}

/** The health-check event (contract: GET path, empty query, only the User-Agent header, body ""). */
export function healthCheckEvent(tg: LocalTargetGroup): string {
  const base = {
    requestContext: { elb: { targetGroupArn: tg.arn } },
    httpMethod: 'GET',
    path: tg.healthCheck.path,
  }
  const tail = { body: '', isBase64Encoded: false }
  return JSON.stringify(
    tg.multiValueHeaders
      ? {
          ...base,
          multiValueQueryStringParameters: {},
          multiValueHeaders: { 'user-agent': [HEALTH_CHECK_USER_AGENT] },
          ...tail,
        }
      : {
          ...base,
          queryStringParameters: {},
          headers: { 'user-agent': HEALTH_CHECK_USER_AGENT },
          ...tail,
        },
  )
}

/** Hears every check: its result and the state before and after (the local console's history). */
export type HealthObserver = (
  targetGroupArn: string,
  check: NonNullable<TargetReport['lastCheck']>,
  before: TargetHealth,
  after: TargetHealth,
) => void

interface Tracked {
  tg: LocalTargetGroup
  pool: FunctionPool | undefined
  health: TargetHealth
  last: TargetReport['lastCheck']
  timer: NodeJS.Timeout | undefined
}

export class HealthChecker {
  private readonly tracked: Tracked[]
  private stopped = false

  constructor(
    config: LocalConfig,
    pools: Map<string, FunctionPool>,
    private readonly log: (line: string) => void,
    private readonly scale: number,
    private readonly observe?: HealthObserver,
  ) {
    this.tracked = config.targetGroups.map((tg) => {
      const pool = tg.functionLogicalId === undefined ? undefined : pools.get(tg.functionLogicalId)
      return {
        tg,
        pool,
        health: initialHealth(tg.healthCheck.enabled, pool !== undefined),
        last: undefined,
        timer: undefined,
      }
    })
  }

  start(): void {
    for (const t of this.tracked) if (t.health.state === 'initial') this.schedule(t, 0)
  }

  stop(): void {
    this.stopped = true
    for (const t of this.tracked) clearTimeout(t.timer)
  }

  reports(): TargetReport[] {
    return this.tracked.map((t) => ({
      targetGroup: t.tg.name,
      targetGroupArn: t.tg.arn,
      function: t.pool?.fn.functionName,
      state: t.health.state,
      reason: t.health.reason,
      lastCheck: t.last,
    }))
  }

  private schedule(t: Tracked, delayMs: number): void {
    if (this.stopped) return
    t.timer = setTimeout(() => {
      void this.check(t).then(() =>
        this.schedule(t, Math.max(20, t.tg.healthCheck.intervalSeconds * 1000 * this.scale)),
      )
    }, delayMs)
  }

  private async check(t: Tracked): Promise<void> {
    const pool = t.pool
    if (pool === undefined) return
    const settings = t.tg.healthCheck
    const started = Date.now()
    const timeoutMs = Math.max(10, settings.timeoutSeconds * 1000 * this.scale)
    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs)
    })
    const mode = t.tg.multiValueHeaders ? 'multi' : 'single'
    const outcome = await Promise.race([
      pool.invoke({ mode, event: healthCheckEvent(t.tg) }),
      timedOut,
    ])
    clearTimeout(timer)
    if (this.stopped) return
    let result: CheckResult
    let statusCode: number | undefined
    if (outcome === 'timeout') result = { ok: false, reason: 'Target.Timeout' }
    else if (outcome.kind === 'error')
      result = {
        ok: false,
        reason: outcome.reason === 'timeout' ? 'Target.Timeout' : 'Target.FailedHealthChecks',
      }
    else {
      const wire = outcome.kind === 'result' ? outcome.outcome : { ok: false as const }
      statusCode = wire.ok ? wire.response.statusCode : 502
      result =
        wire.ok && matcherAccepts(settings.matcher, statusCode)
          ? { ok: true }
          : { ok: false, reason: 'Target.ResponseCodeMismatch' }
    }
    t.last = {
      time: new Date().toISOString(),
      ok: result.ok,
      statusCode,
      reason: result.reason,
      ms: Date.now() - started,
    }
    const previous = t.health
    const before = previous.state
    t.health = nextHealth(t.health, result, settings.healthyThreshold, settings.unhealthyThreshold)
    this.observe?.(t.tg.arn, t.last, previous, t.health)
    if (t.health.state !== before) {
      const why = t.health.reason === undefined ? '' : ` (${t.health.reason})`
      this.log(`health: ${t.tg.name} ${before} → ${t.health.state}${why}`)
      if (t.health.state === 'unhealthy')
        this.log(
          `health: ${t.tg.name} has no healthy target: failing open, requests still forwarded`,
        )
    }
  }
}
