import { type AlbStackOptions, albHandler } from '@albkit/middy'
import { trustedProxyHops } from './client-address.js'
import { type WhatsMyIpConfig, whatsMyIp } from './whats-my-ip.js'

/**
 * The app's routes in albkit's standard stack, the request view parsed with TRUSTED_PROXY_HOPS.
 *
 * @example
 * const behindCloudFront = createHandler({ trustedProxyHops: 1 })
 */
export function createHandler(config: WhatsMyIpConfig, stack: AlbStackOptions = {}) {
  const routes = whatsMyIp(config)
  const hops = typeof config.trustedProxyHops === 'number' ? config.trustedProxyHops : 0
  return albHandler((_event, context) => routes.handle(context.alb), {
    ...stack,
    trustedProxyHops: hops,
  })
}

/**
 * The Lambda entry point (`index.handler` in the bundle). TRUSTED_PROXY_HOPS is read once per cold
 * start; an invalid value fails every request with a logged 500 rather than crashing the init.
 */
export const handler = createHandler({
  trustedProxyHops: trustedProxyHops(process.env.TRUSTED_PROXY_HOPS),
})
