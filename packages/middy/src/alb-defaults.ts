import { type AlbErrorsOptions, albErrors } from './alb-errors.js'
import { type AlbHealthCheckOptions, albHealthCheck } from './alb-health-check.js'
import { type AlbLoggerOptions, albLogger } from './alb-logger.js'
import { type AlbRequestOptions, albRequest } from './alb-request.js'
import { type AlbResponseOptions, albResponse } from './alb-response.js'
import type { AlbMiddleware, LogFn } from './types.js'

/** Options for {@link albDefaults}: the options of each middleware in the stack. */
export interface AlbDefaultsOptions
  extends AlbRequestOptions,
    Pick<AlbResponseOptions, 'compress' | 'setCookiePolicy'>,
    Pick<AlbHealthCheckOptions, 'probe'>,
    Pick<AlbLoggerOptions, 'now'>,
    AlbErrorsOptions {
  /** One sink for every log line of the stack (request line, errors, probe failures). */
  log?: LogFn
}

/**
 * The standard stack, in this order: albLogger, albHealthCheck, albErrors, albResponse,
 * albRequest. middy runs `before` in this order and `after`/`onError` in reverse, so:
 * the logger times everything and logs the final status; health checks answer before anything
 * else (and, being an early response, produce no request log line); errors become results in the
 * event's mode and still get logged; every handler return is serialised; the request is parsed
 * once before your own middlewares and handler.
 *
 * @example
 * ```ts
 * export const handler = middy<AlbEvent, AlbHandlerReturn, Error, AlbContext>()
 *   .use(albDefaults({ trustedProxyHops: 0 }))
 *   .handler((_event, context) => ({ ip: context.alb.clientIp }))
 * ```
 */
export function albDefaults(opts: AlbDefaultsOptions = {}): AlbMiddleware[] {
  const log = opts.log
  const logOpt = log ? { log } : {}
  const loggerOpt = opts.logger ?? log
  return [
    albLogger({ ...logOpt, ...(opts.now ? { now: opts.now } : {}) }),
    albHealthCheck({ ...logOpt, ...(opts.probe ? { probe: opts.probe } : {}) }),
    albErrors(loggerOpt ? { logger: loggerOpt } : {}),
    albResponse({
      ...logOpt,
      ...(opts.compress !== undefined ? { compress: opts.compress } : {}),
      ...(opts.setCookiePolicy ? { setCookiePolicy: opts.setCookiePolicy } : {}),
    }),
    albRequest(
      opts.trustedProxyHops !== undefined ? { trustedProxyHops: opts.trustedProxyHops } : {},
    ),
  ]
}
