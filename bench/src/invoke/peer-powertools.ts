/** Powertools for AWS Lambda: the event handler's HTTP Router (resolves ALB events). */
import { Router } from '@aws-lambda-powertools/event-handler/http'
import { cookieValue } from './cookie-value.js'
import { BINARY_BYTES, type PeerHandler, SET_COOKIES } from './events.js'

export function powertoolsHandler(): PeerHandler {
  const app = new Router()
  app.get('/small', ({ req }) => ({ hello: new URL(req.url).searchParams.get('name') }))
  app.post('/echo', async ({ req }) => (await req.json()) as never)
  app.get(
    '/binary',
    () =>
      new Response(new Uint8Array(BINARY_BYTES), {
        headers: { 'Content-Type': 'application/octet-stream' },
      }),
  )
  app.get('/multi', ({ req }) => {
    const headers = new Headers({ 'Content-Type': 'application/json' })
    for (const cookie of SET_COOKIES) headers.append('Set-Cookie', cookie)
    const body = {
      tags: new URL(req.url).searchParams.getAll('tag'),
      session: cookieValue(req.headers.get('cookie') ?? undefined, 'session'),
    }
    return new Response(JSON.stringify(body), { headers })
  })
  return (event, context) => app.resolve(event as never, context as never)
}
