import type { AlbEvent } from '@albkit/core'
import { type AlbContext, type AlbHandlerReturn, albDefaults } from '@albkit/middy'
import middy from '@middy/core'
import { greet } from './logic.js'

/**
 * The Lambda entry point (`index.handler` in the bundle): the standard albkit middleware stack
 * around the pure logic in logic.ts.
 *
 * @example
 * await handler(albEvent({ path: '/__NAME__' }), context)
 */
export const handler = middy<AlbEvent, AlbHandlerReturn, Error, AlbContext>()
  .use(albDefaults())
  .handler((_event, context) => greet(context.alb))
