/** lambda-api (supports ALB events and multi-value mode natively). */
import type { Request, Response } from 'lambda-api'
import lambdaApiModule from 'lambda-api'

// lambda-api's types describe its CommonJS build; its ESM build (the one Node loads here)
// exports the factory itself as default.
type CreateApi = typeof lambdaApiModule.default
const createApi: CreateApi =
  typeof lambdaApiModule === 'function' ? (lambdaApiModule as CreateApi) : lambdaApiModule.default

import { BINARY_BYTES, type PeerHandler, SET_COOKIES } from './events.js'

export function lambdaApiHandler(): PeerHandler {
  const api = createApi({ logger: false })
  api.get('/small', (req: Request, res: Response) => {
    res.json({ hello: req.query.name })
  })
  api.post('/echo', (req: Request, res: Response) => {
    res.json(req.body)
  })
  api.get('/binary', async (_req: Request, res: Response) => {
    res.type('application/octet-stream')
    await res.sendFile(BINARY_BYTES, { cacheControl: false, lastModified: false })
  })
  api.get('/multi', (req: Request, res: Response) => {
    const [seen, theme] = SET_COOKIES
    res.header('Set-Cookie', [seen ?? '', theme ?? ''])
    res.json({ tags: req.multiValueQuery.tag, session: req.cookies.session })
  })
  return (event, context) => api.run(event as never, context as never)
}
