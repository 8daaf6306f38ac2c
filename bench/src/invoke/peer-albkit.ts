/**
 * albkit as the apps use it: `albHandler` from @albkit/middy, the one construction every app's
 * handler.ts uses (middy without its early-timeout timer + albStack: logger, health check,
 * errors, response, request).
 */
import { albHandler } from '@albkit/middy'
import { albkitAnswer } from './albkit-routes.js'
import type { PeerHandler } from './events.js'

/** Log lines go to a sink that keeps the last one (the line is still built and serialised). */
export let lastLogLine = ''

export function albkitHandler(): PeerHandler {
  const handler = albHandler((_event, context) => albkitAnswer(context.alb), {
    log: (line) => {
      lastLogLine = line
    },
  })
  return (event, context) => handler(event, context as never)
}
