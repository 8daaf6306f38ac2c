import assert from 'node:assert/strict'
import { createServer, type IncomingHttpHeaders, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, test } from 'node:test'
import { freePort } from '@albkit/conformance'
import { type AlbFront, startAlbFront } from './alb-front.js'

/** What the fake serverless-offline received last. */
let seen: { method?: string; url?: string; headers?: IncomingHttpHeaders; body?: string } = {}
let upstream: Server
let front: AlbFront

before(async () => {
  upstream = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      seen = {
        method: req.method,
        url: req.url,
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      }
      if (req.url === '/die') {
        res.writeHead(200, { 'content-length': '100' })
        res.write('part')
        setTimeout(() => res.socket?.destroy(), 20)
        return
      }
      res.writeHead(
        201,
        'Made It',
        [
          ['Set-Cookie', 'a=1'],
          ['Set-Cookie', 'b=2'],
          ['Content-Type', 'text/plain'],
        ].flat(),
      )
      res.end('answer')
    })
  })
  await new Promise<void>((done) => upstream.listen(0, '127.0.0.1', () => done()))
  const port = (upstream.address() as AddressInfo).port
  front = await startAlbFront({ port: 0, upstream: `http://127.0.0.1:${port}` })
})
after(async () => {
  await front?.close()
  await new Promise((done) => upstream?.close(done))
})

describe('startAlbFront', () => {
  test('passes the request and the answer through, adding the ALB headers', async () => {
    const response = await fetch(`${front.url}/a/b?q=a%2Bb`, {
      method: 'POST',
      body: 'payload',
      headers: { 'x-forwarded-for': '203.0.113.9', 'content-type': 'text/plain' },
    })
    assert.equal(response.status, 201)
    assert.equal(response.statusText, 'Made It')
    assert.deepEqual(response.headers.getSetCookie(), ['a=1', 'b=2'])
    assert.equal(await response.text(), 'answer')
    assert.equal(seen.method, 'POST')
    assert.equal(seen.url, '/a/b?q=a%2Bb')
    assert.equal(seen.body, 'payload')
    assert.equal(seen.headers?.['x-forwarded-for'], '203.0.113.9, 127.0.0.1')
    assert.equal(seen.headers?.['x-forwarded-port'], String(front.port))
    assert.equal(seen.headers?.['x-forwarded-proto'], 'http')
    assert.match(String(seen.headers?.['x-amzn-trace-id']), /^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/)
  })

  test('an upstream that dies mid-answer cuts that client only; the next request is served', async () => {
    await assert.rejects(async () => (await fetch(`${front.url}/die`)).text())
    assert.equal((await fetch(`${front.url}/ok`)).status, 201)
  })

  test('a client that leaves mid-body does not stop the front', async () => {
    await new Promise<void>((done) => {
      const req = request(`${front.url}/upload`, {
        method: 'POST',
        headers: { 'content-length': '1000' },
      })
      req.on('error', () => done())
      req.write('only a part', () =>
        setTimeout(() => {
          req.destroy()
          done()
        }, 50),
      )
    })
    assert.equal((await fetch(`${front.url}/after`)).status, 201)
  })

  test('serverless-offline not answering: 502 naming the reason', async () => {
    const lonely = await startAlbFront({
      port: 0,
      upstream: `http://127.0.0.1:${await freePort()}`,
    })
    try {
      const response = await fetch(lonely.url)
      assert.equal(response.status, 502)
      assert.match(await response.text(), /serverless-offline did not answer: .*ECONNREFUSED/)
    } finally {
      await lonely.close()
    }
  })

  test('a port in use is a clear error', async () => {
    await assert.rejects(startAlbFront({ port: front.port, upstream: 'http://127.0.0.1:9' }), {
      message: `port ${front.port} is already in use (pass --port <n>)`,
    })
  })
})
