import type { AlbEvent } from '@albkit/core'
import {
  type AlbContext,
  type AlbDefaultsOptions,
  type AlbHandlerReturn,
  albDefaults,
} from '@albkit/middy'
import middy from '@middy/core'
import { trustedProxyHops } from './client-address.js'
import { escapeErrorJson } from './escape-error-json.js'
import { type WhatsMyIpConfig, whatsMyIp } from './whats-my-ip.js'

/**
 * Wraps whatsMyIp in the standard albkit middleware stack: a log line per request, health checks
 * answered with 200 at once, errors as results (their JSON escaped, see escapeErrorJson), the
 * result in the event's header mode.
 *
 * @example
 * const behindCloudFront = createHandler({ trustedProxyHops: 1 })
 */
export function createHandler(config: WhatsMyIpConfig, stack: AlbDefaultsOptions = {}) {
  return middy<AlbEvent, AlbHandlerReturn, Error, AlbContext>()
    .use(escapeErrorJson())
    .use(albDefaults(stack))
    .handler((_event, context) => whatsMyIp(context.alb, config))
}

/**
 * The Lambda entry point (`index.handler` in the bundle). TRUSTED_PROXY_HOPS is read once per cold
 * start; an invalid value fails every request with a logged 500 rather than crashing the init.
 */
export const handler = createHandler({
  trustedProxyHops: trustedProxyHops(process.env.TRUSTED_PROXY_HOPS),
})
