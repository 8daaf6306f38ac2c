import { type AlbDefaultsOptions, albHandler } from '@albkit/middy'
import { trustedProxyHops } from './client-address.js'
import { type WhatsMyIpConfig, whatsMyIp } from './whats-my-ip.js'

/**
 * Wraps whatsMyIp in the standard albkit middleware stack: a log line per request, health checks
 * answered with 200 at once, errors as results (core escapes markup in their JSON and echoes only
 * an AWS-format trace id), the result in the event's header mode.
 *
 * @example
 * const behindCloudFront = createHandler({ trustedProxyHops: 1 })
 */
export function createHandler(config: WhatsMyIpConfig, stack: AlbDefaultsOptions = {}) {
  return albHandler((_event, context) => whatsMyIp(context.alb, config), stack)
}

/**
 * The Lambda entry point (`index.handler` in the bundle). TRUSTED_PROXY_HOPS is read once per cold
 * start; an invalid value fails every request with a logged 500 rather than crashing the init.
 */
export const handler = createHandler({
  trustedProxyHops: trustedProxyHops(process.env.TRUSTED_PROXY_HOPS),
})
