/** albkit as the apps use it: middy + albDefaults (logger, health check, errors, response, request). */
import type { AlbEvent } from '@albkit/core'
import { binary, json } from '@albkit/core'
import { type AlbContext, type AlbHandlerReturn, albDefaults } from '@albkit/middy'
import middy from '@middy/core'
import { BINARY_BYTES, type PeerHandler, SET_COOKIES } from './events.js'

/** Log lines go to a sink that keeps the last one (the line is still built and serialised). */
export let lastLogLine = ''

export function albkitHandler(): PeerHandler {
  const handler = middy<AlbEvent, AlbHandlerReturn, Error, AlbContext>()
    .use(
      albDefaults({
        log: (line) => {
          lastLogLine = line
        },
      }),
    )
    .handler((_event, context) => {
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
    })
  return (event, context) => handler(event, context as never)
}
