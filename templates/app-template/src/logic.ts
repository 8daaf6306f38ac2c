import { type AlbRequest, albError, type HttpResponse, json } from '@albkit/core'

/** The route prefix of this app (templates/sam/__NAME__.yaml routes `/__NAME__` and `/__NAME__/*`). */
export const PREFIX = '/__NAME__'

/**
 * The app's pure logic: a request view in, a response out. No I/O here — pass clients in as
 * arguments when the app grows some, so tests can give it fakes.
 *
 * @example
 * greet(parseRequest(albEvent({ path: '/__NAME__', query: 'name=Ada' })))
 * // json({ message: 'Hello, Ada!', path: '/__NAME__' })
 */
export function greet(request: AlbRequest): HttpResponse {
  if (request.method !== 'GET' && request.method !== 'HEAD')
    throw albError(405, `${request.method} is not allowed here`, {
      headers: { Allow: 'GET, HEAD' },
    })
  const name = request.query.get('name') ?? 'world'
  if (name.length > 100) throw albError(400, 'name: at most 100 characters')
  return json({ message: `Hello, ${name}!`, path: request.path })
}
