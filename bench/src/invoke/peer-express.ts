/** express 4 behind @codegenie/serverless-express 4 (the line that runs on Node 20). */
import { configure } from '@codegenie/serverless-express'
import express from 'express'
import { cookieValue } from './cookie-value.js'
import { BINARY_BYTES, type PeerHandler, SET_COOKIES } from './events.js'

export function expressHandler(): PeerHandler {
  const app = express()
  app.get('/small', (req, res) => {
    res.json({ hello: req.query.name })
  })
  app.post('/echo', express.json({ limit: '1mb' }), (req, res) => {
    res.json(req.body)
  })
  app.get('/binary', (_req, res) => {
    res.type('application/octet-stream').send(BINARY_BYTES)
  })
  app.get('/multi', (req, res) => {
    res.setHeader('Set-Cookie', SET_COOKIES)
    const tags = req.query.tag
    res.json({
      tags: Array.isArray(tags) ? tags : [tags],
      session: cookieValue(req.headers.cookie, 'session'),
    })
  })
  const handler = configure({ app }) as unknown as PeerHandler
  return (event, context) => handler(event, context)
}
