import type { AlbEvent, AlbRequest, AlbResult, HttpResponse } from '@albkit/core'
import type { MiddlewareObj } from '@middy/core'
import type { Context } from 'aws-lambda'

/**
 * The Lambda context with the request view that {@link albRequest} builds once per request.
 *
 * @example
 * ```ts
 * middy<AlbEvent, AlbHandlerReturn, Error, AlbContext>()
 *   .use(albStack())
 *   .handler((_event, context) => text(`hello ${context.alb.clientIp}`))
 * ```
 */
export interface AlbContext extends Context {
  alb: AlbRequest
}

/**
 * Anything an albkit handler may return; {@link albResponse} turns each into a valid result:
 * an `HttpResponse` from core's builders, an already-formed `AlbResult` (validated), a string
 * (text/plain), bytes (application/octet-stream), any other value (JSON), `undefined` (204).
 *
 * @example
 * ```ts
 * const logic = (req: AlbRequest): AlbHandlerReturn => ({ ip: req.clientIp })
 * ```
 */
export type AlbHandlerReturn = HttpResponse | AlbResult | string | Uint8Array | object | undefined

/** The shape of every middleware in this package (middy's `{ before, after, onError }`). */
export type AlbMiddleware<TContext extends AlbContext = AlbContext> = MiddlewareObj<
  AlbEvent,
  // biome-ignore lint/suspicious/noExplicitAny: middy's own result slot; handlers return AlbHandlerReturn
  any,
  Error,
  TContext
>

/** One structured log line sink: receives a single JSON document without newline. */
export type LogFn = (line: string) => void
