/**
 * @albkit/core without middy: parseRequest → response builder → toAlbResult. Not how the apps
 * run (they use the middy stack); here to show what the library itself costs next to the stack.
 */
import { type AlbEvent, binary, json, parseRequest, toAlbResult } from '@albkit/core'
import { BINARY_BYTES, type PeerHandler, SET_COOKIES } from './events.js'

export const albkitCoreHandler: PeerHandler = async (event: AlbEvent) => {
  const req = parseRequest(event)
  const response = (() => {
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
  })()
  return toAlbResult(response, { mode: req.mode })
}
