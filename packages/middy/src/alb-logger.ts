import { performance } from 'node:perf_hooks'
import { defaultLog, traceRootOf, writeLog } from './request-view.js'
import type { AlbMiddleware, LogFn } from './types.js'

/** Options for {@link albLogger}. */
export interface AlbLoggerOptions {
  /** Receives one JSON document per request. Default: stdout (CloudWatch Logs on Lambda). */
  log?: LogFn
  /** Clock, injectable for tests. Default `performance.now`. */
  now?: () => number
}

const defaults: Required<AlbLoggerOptions> = { log: defaultLog, now: () => performance.now() }

function levelOf(status: number): 'info' | 'warn' | 'error' {
  if (status >= 500) return 'error'
  return status >= 400 ? 'warn' : 'info'
}

function statusOf(response: unknown, fallback: number): number {
  if (typeof response === 'object' && response !== null && 'statusCode' in response) {
    const { statusCode } = response
    if (typeof statusCode === 'number') return statusCode
  }
  return fallback
}

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
  const options = { ...defaults, ...opts }
  const started = new WeakMap<object, number>()

  const emit = (request: Parameters<NonNullable<AlbMiddleware['after']>>[0], status: number) => {
    const start = started.get(request) ?? options.now()
    const event: Partial<Record<'httpMethod' | 'path', unknown>> = request.event ?? {}
    writeLog(options.log, {
      timestamp: new Date().toISOString(),
      level: levelOf(status),
      traceId: traceRootOf(request),
      method: event.httpMethod,
      path: event.path,
      status,
      durationMs: Math.round((options.now() - start) * 1000) / 1000,
      requestId: request.context?.awsRequestId,
    })
  }

  const albLoggerBefore: NonNullable<AlbMiddleware['before']> = (request) => {
    started.set(request, options.now())
  }
  const albLoggerAfter: NonNullable<AlbMiddleware['after']> = (request) => {
    emit(request, statusOf(request.response, 200))
  }
  const albLoggerOnError: NonNullable<AlbMiddleware['onError']> = (request) => {
    // albErrors (later in the stack, so earlier in onError) has set the response, if present.
    emit(request, statusOf(request.response, 500))
  }
  return { before: albLoggerBefore, after: albLoggerAfter, onError: albLoggerOnError }
}
