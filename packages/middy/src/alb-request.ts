import { parseRequest } from '@albkit/core'
import type { AlbMiddleware } from './types.js'

/** Options for {@link albRequest}. */
export interface AlbRequestOptions {
  /** Proxies you run between the ALB and the client: the client IP is taken this many entries
   * left of the right-most X-Forwarded-For entry (the only one the ALB vouches for). Default 0. */
  trustedProxyHops?: number
}

const defaults: Required<AlbRequestOptions> = { trustedProxyHops: 0 }

/**
 * Parses the ALB event into the request view once: `context.alb` (headers, query, body bytes,
 * client IP, trace id, mode).
 *
 * @example
 * ```ts
 * middy<AlbEvent, AlbHandlerReturn, Error, AlbContext>()
 *   .use(albRequest({ trustedProxyHops: 1 }))
 *   .handler((_e, context) => text(context.alb.clientIp ?? 'unknown'))
 * ```
 */
export function albRequest(opts: AlbRequestOptions = {}): AlbMiddleware {
  const options = { ...defaults, ...opts }
  const albRequestBefore: NonNullable<AlbMiddleware['before']> = (request) => {
    request.context.alb = parseRequest(request.event, {
      trustedProxyHops: options.trustedProxyHops,
    })
  }
  return { before: albRequestBefore }
}
