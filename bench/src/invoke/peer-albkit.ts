/**
 * albkit as the apps use it: `albHandler` from @albkit/middy, the one construction every app's
 * handler.ts uses (middy without its early-timeout timer + albStack: logger, health check,
 * errors, response, request).
 */
import { binary, json } from '@albkit/core'
import { albHandler } from '@albkit/middy'
import { BINARY_BYTES, type PeerHandler, SET_COOKIES } from './events.js'

/** Log lines go to a sink that keeps the last one (the line is still built and serialised). */
export let lastLogLine = ''

export function albkitHandler(): PeerHandler {
  const handler = albHandler(
    (_event, context) => {
      const req = context.alb
      switch (req.path) {
        case '/small':
          return json({ hello: req.query.get('name') })
        case '/echo':
          return json(req.json())
        case '/binary':
          return binary(BINARY_BYTES, 'application/octet-stream')
        default:
          return json(
            { tags: req.query.all('tag'), session: req.cookies.get('session') },
            { cookies: SET_COOKIES },
          )
      }
    },
    {
      log: (line) => {
        lastLogLine = line
      },
    },
  )
  return (event, context) => handler(event, context as never)
}
