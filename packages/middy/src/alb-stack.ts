import { performance } from 'node:perf_hooks'
import { parseRequest } from '@albkit/core'
import { type AlbErrorsOptions, answerError } from './alb-errors.js'
import {
  type AlbHealthCheckOptions,
  healthCheckAnswer,
  isAlbHealthCheck,
} from './alb-health-check.js'
import type { AlbLoggerOptions } from './alb-logger.js'
import type { AlbRequestOptions } from './alb-request.js'
import { type AlbResponseOptions, respond } from './alb-response.js'
import { emitRequestLog, markStart, statusOf } from './request-log.js'
import { defaultLog } from './request-view.js'
import type { AlbMiddleware, LogFn } from './types.js'

/** Options for {@link albStack}: the options of each middleware it stands for. */
export interface AlbStackOptions
  extends AlbRequestOptions,
    Pick<AlbResponseOptions, 'compress' | 'setCookiePolicy'>,
    Pick<AlbHealthCheckOptions, 'probe' | 'healthCheckPath'>,
    Pick<AlbLoggerOptions, 'now'>,
    AlbErrorsOptions {
  /** One sink for every log line of the stack (request line, errors, probe failures). */
  log?: LogFn
}

/**
 * The standard albkit stack as ONE middleware — what albLogger, albHealthCheck, albErrors,
 * albResponse and albRequest do, in that order, as direct calls: one `before`, one `after`, one
 * `onError` for middy to await, the request parsed once.
 * `before`: start the clock, parse the request (`context.alb`), answer the ALB's health check at
 * once (a debug line, no request line); `after`: serialise the handler's return, log one line;
 * `onError`: the error's result, log.
 *
 * @example
 * ```ts
 * export const handler = middy<AlbEvent, AlbHandlerReturn, Error, AlbContext>({ timeoutEarlyInMillis: 0 })
 *   .use(albStack({ trustedProxyHops: 0 }))
 *   .handler((_event, context) => ({ ip: context.alb.clientIp }))
 * ```
 */
export function albStack(opts: AlbStackOptions = {}): AlbMiddleware {
  const log = opts.log ?? defaultLog
  const logger = opts.logger ?? log
  const now = opts.now ?? (() => performance.now())
  const probe = opts.probe ?? (() => true)
  const healthCheckPath = opts.healthCheckPath ?? '/'
  const responseOptions = {
    compress: opts.compress ?? false,
    setCookiePolicy: opts.setCookiePolicy ?? 'last',
    log,
  } as const
  const hops = { trustedProxyHops: opts.trustedProxyHops ?? 0 }
  // A bad hop count fails ordinary requests (parseRequest throws) but never the health check.
  const hopsValid = Number.isInteger(hops.trustedProxyHops) && hops.trustedProxyHops >= 0

  const albStackBefore: NonNullable<AlbMiddleware['before']> = (request) => {
    markStart(request, now)
    const view = parseRequest(request.event, hopsValid ? hops : undefined)
    request.context.alb = view
    if (isAlbHealthCheck(view, healthCheckPath)) return healthCheckAnswer(request, probe, log)
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

/** @deprecated Use {@link AlbStackOptions}; kept so code written against albDefaults compiles. */
export type AlbDefaultsOptions = AlbStackOptions

/**
 * @deprecated Use {@link albStack} (or {@link albHandler}). The former five-middleware stack is
 * now this alias, `[albStack(opts)]`, so `.use(albDefaults())` and `[...albDefaults(), x]` keep
 * working with one implementation.
 *
 * @example
 * middy<AlbEvent, AlbHandlerReturn, Error, AlbContext>().use(albDefaults()).handler(logic)
 */
export function albDefaults(opts: AlbStackOptions = {}): AlbMiddleware[] {
  return [albStack(opts)]
}
