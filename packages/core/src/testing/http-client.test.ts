import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, test } from 'node:test'
import { send } from './http-client.js'

// Answers with the request target exactly as it arrived on the request line.
let server: Server
let base = ''
before(async () => {
  server = createServer((req, res) => res.end(req.url))
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
after(() => new Promise<void>((ok) => server.close(() => ok())))

test('a URL is parsed as URLs are: the query is percent-encoded', async () => {
  const res = await send(`${base}/ip?q="<a>`)
  assert.equal(res.status, 200)
  assert.equal(res.body.toString(), '/ip?q=%22%3Ca%3E')
})

test('path is sent as written: raw quotes, angle brackets and dot segments', async () => {
  const res = await send(base, { path: '/ip/../x?q="<a>' })
  assert.equal(res.status, 200)
  assert.equal(res.body.toString(), '/ip/../x?q="<a>')
})
