/** hono with its aws-lambda adapter (which handles ALB events). */
import { Hono } from 'hono'
import { handle } from 'hono/aws-lambda'
import { getCookie } from 'hono/cookie'
import { BINARY_BYTES, type PeerHandler, SET_COOKIES } from './events.js'

export function honoHandler(): PeerHandler {
  const app = new Hono()
  app.get('/small', (c) => c.json({ hello: c.req.query('name') }))
  app.post('/echo', async (c) => c.json(await c.req.json()))
  app.get('/binary', (c) =>
    c.body(new Uint8Array(BINARY_BYTES), 200, { 'Content-Type': 'application/octet-stream' }),
  )
  app.get('/multi', (c) => {
    for (const cookie of SET_COOKIES) c.header('Set-Cookie', cookie, { append: true })
    return c.json({ tags: c.req.queries('tag'), session: getCookie(c, 'session') })
  })
  const handler = handle(app)
  return (event, context) => handler(event as never, context as never)
}
