// The listener's own checks and its behaviour on broken input: proper 400s, never a crash.
import assert from 'node:assert/strict'
import { connect } from 'node:net'
import { after, before, test } from 'node:test'
import { send } from '@albkit/core/testing'
import type { LocalAlb } from '../start.js'
import { accessLogLines, startFixture } from './test-support.js'

let alb: LocalAlb
before(async () => {
  alb = await startFixture([{ paths: ['/*'], handler: 'echo' }])
})
after(() => alb.close())

/** Send raw bytes; resolve with everything the server sent before closing (or after a pause). */
function raw(bytes: string | Buffer): Promise<string> {
  const { port } = new URL(alb.url)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1')
    let data = ''
    socket.setTimeout(3000, () => socket.destroy())
    socket.on('data', (c) => {
      data += c.toString('latin1')
    })
    socket.on('close', () => resolve(data))
    socket.on('error', (err: NodeJS.ErrnoException) =>
      err.code === 'ECONNRESET' ? resolve(data) : reject(err),
    )
    socket.write(bytes)
  })
}

test('a garbage request line → 400 with the ALB page and a closed connection', async () => {
  const answer = await raw('THIS IS NOT HTTP\r\n\r\n')
  assert.match(answer, /^HTTP\/1\.1 400 Bad Request\r\n/)
  assert.match(answer, /Server: awselb\/2\.0/)
  assert.match(answer, /<title>400 Bad Request<\/title>/)
})

test('a broken chunked body → 400 or a closed connection, and the server keeps serving', async () => {
  const answer = await raw(
    'POST /x HTTP/1.1\r\nHost: a\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\nabc\r\n0\r\n\r\n',
  )
  assert.ok(answer === '' || answer.startsWith('HTTP/1.1 400'), answer)
  assert.equal((await send(`${alb.url}/still-alive`)).status, 200)
})

test('a valid chunked body is read whole', async () => {
  const answer = await raw(
    'POST /c HTTP/1.1\r\nHost: a\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n',
  )
  assert.match(answer, /^HTTP\/1\.1 200 OK/)
  assert.match(answer, /"body":"abcde"/)
})

test('request line over 16 KB → 400', async () => {
  assert.equal((await send(`${alb.url}/${'a'.repeat(17 * 1024)}`)).status, 400)
})

test('all headers over 64 KB (each under 16 KB) → 400', async () => {
  const headers: Record<string, string> = {}
  for (let i = 0; i < 6; i++) headers[`x-h${i}`] = 'v'.repeat(12 * 1024)
  assert.equal((await send(`${alb.url}/h`, { headers })).status, 400)
})

/**
 * POST `size` bytes streamed in 64 KB writes without a Content-Length (chunked), so the listener
 * counts the body itself; the status, or 413 when it closed the connection before answering.
 */
async function postStreamed(path: string, size: number): Promise<number> {
  const { request } = await import('node:http')
  return new Promise<number>((resolve, reject) => {
    const req = request(
      `${alb.url}${path}`,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/octet-stream' } },
      (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      },
    )
    req.on('error', reject)
    let left = size
    const pump = () => {
      while (left > 0) {
        const n = Math.min(left, 64 * 1024)
        left -= n
        if (!req.write(Buffer.alloc(n, 97))) return void req.once('drain', pump)
      }
      req.end()
    }
    pump()
  }).catch(() => 413)
}

test('a body over 1 MB without Content-Length (chunked) → 413 LambdaRequestTooLarge', async () => {
  assert.equal(await postStreamed('/big', 1_200_000), 413)
  assert.ok((await accessLogLines(alb)).some((l) => l.includes('"LambdaRequestTooLarge"')))
})

test('a chunked body of exactly 1 MB is forwarded; one byte more → 413', async () => {
  // forwarded: the echo function sends the 1 MB back in its result, over the result limit
  assert.equal(await postStreamed('/exact', 1_000_000), 502)
  assert.match((await accessLogLines(alb)).at(-1) ?? '', /"LambdaResponseTooLarge"/)
  assert.equal(await postStreamed('/exact', 1_000_001), 413)
  assert.match((await accessLogLines(alb)).at(-1) ?? '', /"LambdaRequestTooLarge"/)
})

test('invalid UTF-8 in a text body → 400 LambdaBadRequest', async () => {
  const res = await send(`${alb.url}/utf`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: Buffer.from([0xff, 0xfe, 0x41]),
  })
  assert.equal(res.status, 400)
  assert.match((await accessLogLines(alb)).at(-1) ?? '', /"LambdaBadRequest"/)
})

test('UTF-8 header values reach the function as text', async () => {
  const answer = await raw(
    Buffer.concat([
      Buffer.from('GET /u HTTP/1.1\r\nHost: a\r\nConnection: close\r\nX-Name: '),
      Buffer.from('Zoë', 'utf8'),
      Buffer.from('\r\n\r\n'),
    ]),
  )
  assert.match(Buffer.from(answer, 'latin1').toString('utf8'), /"x-name":"Zoë"/)
})

test('a WebSocket upgrade → 400, logged as LambdaWebsocketNotSupported', async () => {
  const answer = await raw(
    'GET /ws HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
  )
  assert.match(answer, /^HTTP\/1\.1 400 Bad Request/)
  assert.ok((await accessLogLines(alb)).some((l) => l.includes('"LambdaWebsocketNotSupported"')))
})

test('Transfer-Encoding other than plain chunked → 400 and a closed connection (RFC 9112 §6.1)', async () => {
  for (const te of ['gzip, chunked', 'gzip', 'chunked, chunked']) {
    const answer = await raw(
      `POST /te HTTP/1.1\r\nHost: a\r\nContent-Type: text/plain\r\nTransfer-Encoding: ${te}\r\n\r\n3\r\nabc\r\n0\r\n\r\n`,
    )
    assert.match(answer, /^HTTP\/1\.1 400 Bad Request\r\n/, te)
    assert.match(answer, /Connection: close/i, te)
    assert.doesNotMatch(answer, /"body"/, te)
  }
  const ok = await raw(
    'POST /te HTTP/1.1\r\nHost: a\r\nContent-Type: text/plain\r\nTransfer-Encoding: Chunked\r\nConnection: close\r\n\r\n3\r\nabc\r\n0\r\n\r\n',
  )
  assert.match(ok, /^HTTP\/1\.1 200 OK/)
  assert.match(ok, /"body":"abc"/)
})

test('Transfer-Encoding in an HTTP/1.0 request → 400', async () => {
  const answer = await raw(
    'POST /te HTTP/1.0\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n',
  )
  assert.match(answer, /^HTTP\/1\.1 400 Bad Request\r\n/)
})

test('HTTP versions other than 1.0/1.1 → 505; a request line without a version → 400', async () => {
  for (const version of ['HTTP/2.0', 'HTTP/3.0', 'HTTP/1.2', 'HTTP/0.8']) {
    const answer = await raw(`GET /v ${version}\r\nHost: a\r\n\r\n`)
    assert.match(answer, /^HTTP\/1\.1 505 HTTP Version Not Supported\r\n/, version)
    assert.doesNotMatch(answer, /"httpMethod"/, version)
  }
  for (const line of ['GET /v\r\nHost: a\r\n\r\n', 'GET /v\r\n\r\n']) {
    const answer = await raw(line)
    assert.match(answer, /^HTTP\/1\.1 400 Bad Request\r\n/, JSON.stringify(line))
    assert.doesNotMatch(answer, /"httpMethod"/)
  }
  assert.match(await raw('GET /v HTTP/1.0\r\nHost: a\r\n\r\n'), /^HTTP\/1\.1 200 OK/)
  assert.equal((await send(`${alb.url}/still-alive`)).status, 200)
})
