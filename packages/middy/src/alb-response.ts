import { type AlbResult, albError, errorResponse, toAlbResult, validateResult } from '@albkit/core'
import { isoNow } from './clock.js'
import { defaultLog, modeOf, requestView, traceRootOf, writeLog } from './request-view.js'
import { classify } from './to-http-response.js'
import type { AlbMiddleware, LogFn } from './types.js'

type MiddyRequest = Parameters<NonNullable<AlbMiddleware['after']>>[0]

/** Options for {@link albResponse}. */
export interface AlbResponseOptions {
  /** gzip/br text bodies when the client's Accept-Encoding allows it. Default false. */
  compress?: boolean
  /** Single-value mode can carry one Set-Cookie: keep the last (and warn), or fail. */
  setCookiePolicy?: 'last' | 'error'
  /** Where invalid handler results are reported (one JSON line). Default stdout. */
  log?: LogFn
}

const defaults: Required<AlbResponseOptions> = {
  compress: false,
  setCookiePolicy: 'last',
  log: defaultLog,
}

/**
 * Replaces `request.response` (whatever the handler returned) with its ALB result in the event's
 * mode; an invalid ready-made AlbResult is logged and becomes a 500. Used by {@link albResponse}
 * and by albStack.
 *
 * @example
 * respond(request, { compress: false, setCookiePolicy: 'last', log: console.log })
 */
export function respond(request: MiddyRequest, options: Required<AlbResponseOptions>): void {
  const mode = modeOf(request)
  const classified = classify(request.response)
  if (classified.kind === 'result') {
    // albkit passes on only complete results: a tolerated shape (warnings) is refused here too
    const { errors, warnings } = validateResult(classified.result, mode)
    const problems = [...errors, ...warnings].map((issue) => issue.message)
    if (problems.length === 0) return
    const traceId = traceRootOf(request)
    writeLog(options.log, {
      timestamp: isoNow(),
      level: 'error',
      message: 'handler returned an invalid ALB result',
      problems,
      traceId,
      requestId: request.context?.awsRequestId,
    })
    const invalid = albError(500, 'Invalid response', {
      cause: { package: '@albkit/middy', problems },
    })
    request.response = toAlbResult(errorResponse(invalid, { traceId }), {
      mode,
    }) satisfies AlbResult
    return
  }
  const view = requestView(request)
  request.response = toAlbResult(classified.response, {
    mode,
    compress: options.compress,
    // Accept-Encoding only matters when compressing: skip the header lookup otherwise.
    acceptEncoding: options.compress ? view.acceptEncoding : undefined,
    setCookiePolicy: options.setCookiePolicy,
  })
}

/**
 * Serialises whatever the handler returned into exactly the result the ALB expects for the
 * event's mode (`headers` vs `multiValueHeaders`, statusDescription, base64 for binary).
 *
 * @example
 * ```ts
 * middy<AlbEvent, AlbHandlerReturn, Error, AlbContext>()
 *   .use([albResponse({ compress: true }), albRequest()])
 *   .handler(() => ({ hello: 'world' })) // → 200 application/json
 * ```
 */
export function albResponse(opts: AlbResponseOptions = {}): AlbMiddleware {
  const options = { ...defaults, ...opts }
  const albResponseAfter: NonNullable<AlbMiddleware['after']> = (request) => {
    respond(request, options)
  }
  return { after: albResponseAfter }
}
