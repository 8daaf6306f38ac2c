import { type AlbRequest, type AlbResult, type HttpResponse, text, toAlbResult } from '@albkit/core'
import { isoNow } from './clock.js'
import { defaultLog, modeOf, requestView, writeLog } from './request-view.js'
import type { AlbMiddleware, LogFn } from './types.js'

type MiddyRequest = Parameters<NonNullable<AlbMiddleware['before']>>[0]

/** Options for {@link albHealthCheck}. */
export interface AlbHealthCheckOptions {
  /** Checks dependencies: `true` → 200 "OK", `false` or a throw → 503, an HttpResponse as is. */
  probe?: () => Promise<boolean | HttpResponse> | boolean | HttpResponse
  /**
   * The target group's `HealthCheckPath`: only health checks to this path are answered here.
   * Default `/`, the ALB's default for lambda target groups.
   */
  healthCheckPath?: string
  /** Where each answered check (debug) and a failing probe (error) are reported. Default stdout. */
  log?: LogFn
}

const defaults: Required<AlbHealthCheckOptions> = {
  probe: () => true,
  healthCheckPath: '/',
  log: defaultLog,
}

/**
 * Whether this request is the load balancer's health check for this target group: core's
 * health-check shape (GET, `User-Agent: ELB-HealthChecker/2.0`, none of the X-Forwarded-*
 * headers listener traffic carries) at the configured path. A client that merely sends the
 * user agent (issue 14 #5) is an ordinary request.
 *
 * @example
 * if (isAlbHealthCheck(context.alb, '/health')) return 'OK'
 */
export function isAlbHealthCheck(view: AlbRequest, healthCheckPath: string): boolean {
  return view.isHealthCheck && view.path === healthCheckPath
}

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
  // Each check is a billed invocation every ~35 s (ELB user guide, "Health checks for your target
  // groups"): one debug line, not a request line, so it can be filtered out by level.
  writeLog(log, {
    timestamp: isoNow(),
    level: 'debug',
    message: 'ALB health check answered',
    path: request.event.path,
    status: response.statusCode ?? 200,
    requestId: request.context?.awsRequestId,
  })
  // Returning a value from `before` ends the request here (middy's early response): the after
  // middlewares do not run, so this must already be the finished result in the event's mode.
  return toAlbResult(response, { mode: modeOf(request) })
}

/**
 * Answers the ALB's health checks ({@link isAlbHealthCheck}: GET to `healthCheckPath` in the
 * health-check event's shape) in `before`, so they skip body parsing, auth, the handler and the
 * request line (one debug line instead). Each check is a billed invocation (ELB user guide,
 * "Health checks for your target groups"): keep the probe cheap.
 *
 * @example
 * ```ts
 * middy<AlbEvent, AlbHandlerReturn, Error, AlbContext>()
 *   .use(albHealthCheck({ probe: async () => (await db.ping()) === 'PONG' }))
 * ```
 */
export function albHealthCheck(opts: AlbHealthCheckOptions = {}): AlbMiddleware {
  const { probe, log, healthCheckPath } = { ...defaults, ...opts }
  const albHealthCheckBefore: NonNullable<AlbMiddleware['before']> = (request) =>
    isAlbHealthCheck(requestView(request), healthCheckPath)
      ? healthCheckAnswer(request, probe, log)
      : undefined
  return { before: albHealthCheckBefore }
}
