import { performance } from 'node:perf_hooks'
import { parseRequest } from '@albkit/core'
import type { AlbDefaultsOptions } from './alb-defaults.js'
import { answerError } from './alb-errors.js'
import { healthCheckAnswer } from './alb-health-check.js'
import { respond } from './alb-response.js'
import { emitRequestLog, markStart, statusOf } from './request-log.js'
import { defaultLog } from './request-view.js'
import type { AlbMiddleware } from './types.js'

/**
 * The {@link albDefaults} stack as ONE middleware: logger, health check, errors, response and
 * request in the same order, with the same results and log lines, as direct function calls —
 * one `before`, one `after`, one `onError` for middy to await instead of five middlewares, and
 * the request parsed once instead of twice. Its options are albDefaults' options.
 * `before`: start the clock, parse the request (context.alb), answer a health check at once
 * (no request log line); `after`: serialise the handler's return, log; `onError`: the error's
 * result, log.
 *
 * @example
 * ```ts
 * export const handler = middy<AlbEvent, AlbHandlerReturn, Error, AlbContext>({ timeoutEarlyInMillis: 0 })
 *   .use(albStack({ trustedProxyHops: 0 }))
 *   .handler((_event, context) => ({ ip: context.alb.clientIp }))
 * ```
 */
export function albStack(opts: AlbDefaultsOptions = {}): AlbMiddleware {
  const log = opts.log ?? defaultLog
  const logger = opts.logger ?? log
  const now = opts.now ?? (() => performance.now())
  const probe = opts.probe ?? (() => true)
  const responseOptions = {
    compress: opts.compress ?? false,
    setCookiePolicy: opts.setCookiePolicy ?? 'last',
    log,
  } as const
  const hops = { trustedProxyHops: opts.trustedProxyHops ?? 0 }
  // parseRequest rejects a bad hop count; albDefaults answers health checks before that check.
  const hopsValid = Number.isInteger(hops.trustedProxyHops) && hops.trustedProxyHops >= 0

  const albStackBefore: NonNullable<AlbMiddleware['before']> = (request) => {
    markStart(request, now)
    const view = parseRequest(request.event, hopsValid ? hops : undefined)
    request.context.alb = view
    if (view.isHealthCheck) return healthCheckAnswer(request, probe, log)
    if (!hopsValid) parseRequest(request.event, hops) // throws, as albRequest does
    return undefined
  }
  const albStackAfter: NonNullable<AlbMiddleware['after']> = (request) => {
    respond(request, responseOptions)
    emitRequestLog(request, statusOf(request.response, 200), log, now)
  }
  const albStackOnError: NonNullable<AlbMiddleware['onError']> = (request) => {
    answerError(request, logger)
    emitRequestLog(request, statusOf(request.response, 500), log, now)
  }
  return { before: albStackBefore, after: albStackAfter, onError: albStackOnError }
}
