// Bounded connection timeouts: stalled clients get 408 and a closed connection; a slow
// function is not cut off by requestTimeout (it covers receiving the request only).
import assert from 'node:assert/strict'
import { connect } from 'node:net'
import { after, before, test } from 'node:test'
import type { LocalAlb } from '../start.js'
import { DEFAULT_FRONT_TIMEOUTS, frontTimeouts } from './front-timeouts.js'
import { startFixture } from './test-support.js'

let alb: LocalAlb
before(async () => {
  alb = await startFixture([{ paths: ['/*'], handler: 'slow' }], {
    headersTimeout: 300,
    requestTimeout: 600,
    keepAliveTimeout: 400,
  })
})
after(() => alb.close())

/** Write `parts` one by one 100 ms apart, then wait; resolve with what came back once closed. */
function stall(parts: string[]): Promise<{ answer: string; closed: boolean }> {
  const { port } = new URL(alb.url)
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1')
    let answer = ''
    let i = 0
    const timer = setInterval(() => {
      if (i < parts.length && !socket.destroyed) socket.write(parts[i++] as string)
    }, 100)
    // bounded: a connection the server never closes fails the test instead of hanging it
    const guard = setTimeout(() => socket.destroy(), 8000)
    let closedByServer = false
    socket.on('data', (c) => {
      answer += c.toString('latin1')
    })
    socket.on('end', () => {
      closedByServer = true
    })
    socket.on('error', () => {
      closedByServer = true
    })
    socket.on('close', () => {
      clearInterval(timer)
      clearTimeout(guard)
      resolve({ answer, closed: closedByServer })
    })
  })
}

test('only CRLFs, a stop mid-headers, a stop mid-chunk → 408 and the server closes', async () => {
  const cases = [
    Array(40).fill('\r\n'),
    ['GET /x HTTP/1.1\r\nHost: a\r\n'],
    [
      'POST /x HTTP/1.1\r\nHost: a\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab',
    ],
  ]
  for (const parts of cases) {
    const { answer, closed } = await stall(parts)
    assert.equal(closed, true, JSON.stringify(parts[0]))
    assert.match(answer, /^HTTP\/1\.1 408 Request Timeout\r\n/, JSON.stringify(parts[0]))
  }
})

test('a function slower than requestTimeout still answers; the idle connection then closes', async () => {
  const { answer, closed } = await stall(['GET /x?ms=1000 HTTP/1.1\r\nHost: a\r\n\r\n'])
  assert.match(answer, /^HTTP\/1\.1 200 OK\r\n/)
  assert.equal(closed, true)
})

test('timeout options: defaults, and a clear error for impossible values', () => {
  assert.deepEqual(frontTimeouts(), DEFAULT_FRONT_TIMEOUTS)
  assert.deepEqual(DEFAULT_FRONT_TIMEOUTS, {
    headersTimeout: 10_000,
    requestTimeout: 30_000,
    keepAliveTimeout: 60_000,
  })
  assert.throws(
    () => frontTimeouts({ headersTimeout: 5000, requestTimeout: 1000 }),
    /must not exceed/,
  )
  assert.throws(() => frontTimeouts({ keepAliveTimeout: -1 }), /positive/)
})
