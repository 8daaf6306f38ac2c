import { performance } from 'node:perf_hooks'
import { emitRequestLog, markStart, statusOf } from './request-log.js'
import { defaultLog } from './request-view.js'
import type { AlbMiddleware, LogFn } from './types.js'

/** Options for {@link albLogger}. */
export interface AlbLoggerOptions {
  /** Receives one JSON document per request. Default: stdout (CloudWatch Logs on Lambda). */
  log?: LogFn
  /** Clock, injectable for tests. Default `performance.now`. */
  now?: () => number
}

const defaults: Required<AlbLoggerOptions> = { log: defaultLog, now: () => performance.now() }

/**
 * Writes one structured JSON line per request: timestamp, level, traceId (the Root of
 * X-Amzn-Trace-Id), method, path, status, durationMs, requestId (context.awsRequestId).
 * Put it first in the stack so it measures everything and sees the final status.
 *
 * @example
 * ```ts
 * handler.use(albLogger({ log: (line) => lines.push(line) }))
 * ```
 */
export function albLogger(opts: AlbLoggerOptions = {}): AlbMiddleware {
  const { log, now } = { ...defaults, ...opts }
  const albLoggerBefore: NonNullable<AlbMiddleware['before']> = (request) => {
    markStart(request, now)
  }
  const albLoggerAfter: NonNullable<AlbMiddleware['after']> = (request) => {
    emitRequestLog(request, statusOf(request.response, 200), log, now)
  }
  const albLoggerOnError: NonNullable<AlbMiddleware['onError']> = (request) => {
    // albErrors (later in the stack, so earlier in onError) has set the response, if present.
    emitRequestLog(request, statusOf(request.response, 500), log, now)
  }
  return { before: albLoggerBefore, after: albLoggerAfter, onError: albLoggerOnError }
}
