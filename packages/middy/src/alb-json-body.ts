import { requestView } from './request-view.js'
import type { AlbContext, AlbMiddleware } from './types.js'

/** The context after {@link albJsonBody}: the parsed body. */
export interface AlbJsonContext extends AlbContext {
  jsonBody: unknown
}

/**
 * Parses the request body as JSON before the handler runs: 415 when the content type is not
 * JSON, 400 on invalid UTF-8 or a syntax error. The value lands on `context.jsonBody` (and
 * `context.alb.json()` returns the same).
 *
 * @example
 * ```ts
 * middy<AlbEvent, AlbHandlerReturn, Error, AlbJsonContext>()
 *   .use([albStack(), albJsonBody()])
 *   .handler((_e, context) => ({ got: context.jsonBody }))
 * ```
 */
export function albJsonBody(): AlbMiddleware<AlbJsonContext> {
  const albJsonBodyBefore: NonNullable<AlbMiddleware<AlbJsonContext>['before']> = (request) => {
    request.context.jsonBody = requestView(request).json()
  }
  return { before: albJsonBodyBefore }
}
