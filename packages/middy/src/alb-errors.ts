import { errorResponse, isAlbError, toAlbResult } from '@albkit/core'
import { isoNow } from './clock.js'
import { defaultLog, modeOf, traceRootOf, writeLog } from './request-view.js'
import type { AlbMiddleware, LogFn } from './types.js'

type MiddyRequest = Parameters<NonNullable<AlbMiddleware['onError']>>[0]

/** Options for {@link albErrors}. */
export interface AlbErrorsOptions {
  /** Receives one JSON line per error with the details the response body never shows. */
  logger?: LogFn
}

const defaults: Required<AlbErrorsOptions> = { logger: defaultLog }

function describeCause(cause: unknown): unknown {
  if (cause instanceof Error) return { name: cause.name, message: cause.message }
  return cause
}

/**
 * Logs `request.error` (one JSON line to `logger`) and sets `request.response` to its result in
 * the event's mode. Used by {@link albErrors} and by albStack.
 *
 * @example
 * answerError(request, console.log) // request.response is now e.g. a 404 result
 */
export function answerError(request: MiddyRequest, logger: LogFn): void {
  const error: unknown = request.error
  const traceId = traceRootOf(request)
  const statusCode = isAlbError(error) ? error.statusCode : 500
  writeLog(logger, {
    timestamp: isoNow(),
    level: statusCode >= 500 ? 'error' : 'warn',
    message: 'request failed',
    statusCode,
    traceId,
    requestId: request.context?.awsRequestId,
    error: {
      name: error instanceof Error ? error.name : typeof error,
      message: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack : undefined,
      cause: error instanceof Error ? describeCause(error.cause) : undefined,
    },
  })
  // errorResponse: status, message only when exposed, the error's headers, the trace id.
  // Handled: middy returns request.response. Returning nothing lets albLogger's onError still run.
  request.response = toAlbResult(errorResponse(error, { traceId }), { mode: modeOf(request) })
}

/**
 * Turns any thrown error into a valid result for the event's mode: an `AlbError` gets its status,
 * its message when `expose` is true, and its headers (Allow, Retry-After, …); anything else gets
 * a generic 500 JSON body carrying only the trace id. Details go to the log as one JSON line.
 *
 * @example
 * ```ts
 * middy<AlbEvent, AlbHandlerReturn, Error, AlbContext>()
 *   .use([albErrors(), albResponse(), albRequest()])
 *   .handler(() => { throw albError(404, 'No such photo') }) // → 404 {"message":"No such photo",…}
 * ```
 */
export function albErrors(opts: AlbErrorsOptions = {}): AlbMiddleware {
  const { logger } = { ...defaults, ...opts }
  const albErrorsOnError: NonNullable<AlbMiddleware['onError']> = (request) => {
    answerError(request, logger)
  }
  return { onError: albErrorsOnError }
}
