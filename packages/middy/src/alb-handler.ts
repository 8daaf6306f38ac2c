import type { AlbEvent } from '@albkit/core'
import middy, { type MiddyfiedHandler } from '@middy/core'
import { type AlbStackOptions, albStack } from './alb-stack.js'
import type { AlbContext, AlbHandlerReturn, AlbMiddleware } from './types.js'

/** Options for {@link albHandler}: albStack's options plus your own middlewares. */
export interface AlbHandlerOptions extends AlbStackOptions {
  /** Middlewares after the standard stack: their `before` runs once the request is parsed. */
  use?: AlbMiddleware[]
}

/** The logic behind an ALB route: the parsed request is `context.alb`. */
export type AlbLogic = (
  event: AlbEvent,
  context: AlbContext,
) => AlbHandlerReturn | Promise<AlbHandlerReturn>

/**
 * The handler construction every albkit app uses: `middy` without its early-timeout timer
 * (`timeoutEarlyInMillis: 0`: Lambda enforces the function timeout itself and the ALB answers
 * 502 for a timed-out invocation either way; the timer costs a setTimeout, a promise and a
 * Promise.race per invocation), {@link albStack} (the standard stack as one middleware),
 * then `opts.use`, then your logic. The result is a middy handler: `.use()` still works.
 *
 * @example
 * ```ts
 * export const handler = albHandler((_event, context) => ({ ip: context.alb.clientIp }), {
 *   trustedProxyHops: 1,
 *   use: [albBodyLimit()],
 * })
 * ```
 */
export function albHandler(
  logic: AlbLogic,
  opts: AlbHandlerOptions = {},
): MiddyfiedHandler<AlbEvent, AlbHandlerReturn, Error, AlbContext> {
  const { use = [], ...stack } = opts
  return middy<AlbEvent, AlbHandlerReturn, Error, AlbContext>({ timeoutEarlyInMillis: 0 })
    .use([albStack(stack), ...use])
    .handler(logic)
}
