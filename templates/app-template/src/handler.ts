import { albHandler } from '@albkit/middy'
import { greet } from './logic.js'

/**
 * The Lambda entry point (`index.handler` in the bundle): the standard albkit middleware stack
 * around the pure logic in logic.ts.
 *
 * @example
 * await handler(albEvent({ path: '/__NAME__' }), context)
 */
export const handler = albHandler((_event, context) => greet(context.alb))
