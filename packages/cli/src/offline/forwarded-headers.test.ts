import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { forwardedHeaders } from './forwarded-headers.js'

const LISTENER = { peer: '127.0.0.1', port: 3000, proto: 'http' } as const
const TRACE = /^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/
const get = (headers: Array<[string, string]>, name: string) =>
  headers.filter(([n]) => n === name).map(([, v]) => v)

describe('forwardedHeaders: what the ALB adds', () => {
  test('a plain request: the peer, the listener port and protocol, a new Root trace', () => {
    const out = forwardedHeaders([['host', 'localhost:3000']], LISTENER)
    assert.deepEqual(out.slice(0, 4), [
      ['host', 'localhost:3000'],
      ['x-forwarded-for', '127.0.0.1'],
      ['x-forwarded-port', '3000'],
      ['x-forwarded-proto', 'http'],
    ])
    assert.match(get(out, 'x-amzn-trace-id')[0] ?? '', TRACE)
    assert.equal(out.length, 5)
  })

  test("the client's X-Forwarded-For is kept and the peer appended; its port and proto are replaced", () => {
    const out = forwardedHeaders(
      [
        ['x-forwarded-for', '203.0.113.9'],
        ['x-forwarded-port', '443'],
        ['x-forwarded-proto', 'https'],
        ['accept', '*/*'],
      ],
      LISTENER,
    )
    assert.deepEqual(get(out, 'x-forwarded-for'), ['203.0.113.9, 127.0.0.1'])
    assert.deepEqual(get(out, 'x-forwarded-port'), ['3000'])
    assert.deepEqual(get(out, 'x-forwarded-proto'), ['http'])
    assert.deepEqual(get(out, 'accept'), ['*/*'])
  })

  test('a client Root= trace is kept and a Self= added', () => {
    const root = 'Root=1-5c536348-3d683b8b04734faae651f476'
    const [trace] = get(forwardedHeaders([['x-amzn-trace-id', root]], LISTENER), 'x-amzn-trace-id')
    assert.match(
      trace ?? '',
      /^Self=1-[0-9a-f]{8}-[0-9a-f]{24};Root=1-5c536348-3d683b8b04734faae651f476$/,
    )
  })

  test('other headers keep their order and repeats', () => {
    const out = forwardedHeaders(
      [
        ['cookie', 'a=1'],
        ['x-custom', 'one'],
        ['cookie', 'b=2'],
      ],
      LISTENER,
    )
    assert.deepEqual(out.slice(0, 3), [
      ['cookie', 'a=1'],
      ['x-custom', 'one'],
      ['cookie', 'b=2'],
    ])
  })
})
