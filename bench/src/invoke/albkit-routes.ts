/** The answers both albkit variants give, so the two rows differ only in the stack around them. */
import { type AlbRequest, binary, type HttpResponse, json } from '@albkit/core'
import { BINARY_BYTES, SET_COOKIES } from './events.js'

export function albkitAnswer(req: AlbRequest): HttpResponse {
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
}
