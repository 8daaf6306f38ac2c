import { type AlbResult, type HttpResponse, text, toAlbResult } from '@albkit/core'
import { isoNow } from './clock.js'
import { defaultLog, modeOf, requestView, writeLog } from './request-view.js'
import type { AlbMiddleware, LogFn } from './types.js'

type MiddyRequest = Parameters<NonNullable<AlbMiddleware['before']>>[0]

/** Options for {@link albHealthCheck}. */
export interface AlbHealthCheckOptions {
  /** Checks dependencies: `true` → 200 "OK", `false` or a throw → 503, an HttpResponse as is. */
  probe?: () => Promise<boolean | HttpResponse> | boolean | HttpResponse
  /** Where a failing probe is reported (one JSON line). Default stdout. */
  log?: LogFn
}

const defaults: Required<AlbHealthCheckOptions> = { probe: () => true, log: defaultLog }

/**
 * The finished result for a health check: the probe's verdict (`true` → 200 "OK", `false` or a
 * throw → 503, logged; an HttpResponse as is) in the event's mode. Used by {@link albHealthCheck}
 * and by albStack.
 *
 * @example
 * if (requestView(request).isHealthCheck) return healthCheckAnswer(request, probe, log)
 */
export async function healthCheckAnswer(
  request: MiddyRequest,
  probe: Required<AlbHealthCheckOptions>['probe'],
  log: LogFn,
): Promise<AlbResult> {
  let response: HttpResponse
  try {
    const verdict = await probe()
    if (verdict === true) response = text('OK')
    else if (verdict === false) response = text('Unhealthy', { statusCode: 503 })
    else response = verdict
  } catch (error) {
    writeLog(log, {
      timestamp: isoNow(),
      level: 'error',
      message: 'health check probe failed',
      requestId: request.context?.awsRequestId,
      error: error instanceof Error ? { name: error.name, message: error.message } : String(error),
    })
    response = text('Unhealthy', { statusCode: 503 })
  }
  // Returning a value from `before` ends the request here (middy's early response): the after
  // middlewares do not run, so this must already be the finished result in the event's mode.
  return toAlbResult(response, { mode: modeOf(request) })
}

/**
 * Answers the ALB's health checks (User-Agent `ELB-HealthChecker/2.0`) in `before`, so they
 * skip body parsing, auth, the handler and request logging. Each check is a billed invocation
 * (ELB user guide, "Health checks for your target groups"): keep the probe cheap.
 *
 * @example
 * ```ts
 * middy<AlbEvent, AlbHandlerReturn, Error, AlbContext>()
 *   .use(albHealthCheck({ probe: async () => (await db.ping()) === 'PONG' }))
 * ```
 */
export function albHealthCheck(opts: AlbHealthCheckOptions = {}): AlbMiddleware {
  const { probe, log } = { ...defaults, ...opts }
  const albHealthCheckBefore: NonNullable<AlbMiddleware['before']> = (request) =>
    requestView(request).isHealthCheck ? healthCheckAnswer(request, probe, log) : undefined
  return { before: albHealthCheckBefore }
}
