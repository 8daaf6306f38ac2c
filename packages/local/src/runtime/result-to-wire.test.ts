import assert from 'node:assert/strict'
import { test } from 'node:test'
import { resultToWire } from './result-to-wire.js'

const ok = {
  statusCode: 201,
  statusDescription: '201 Created',
  isBase64Encoded: false,
  headers: { 'Content-Type': 'text/plain' },
  body: 'hi',
}

test('a valid result becomes status, reason phrase, headers and body bytes', () => {
  const out = resultToWire(JSON.stringify(ok), 'single')
  assert.ok(out.ok)
  assert.equal(out.response.statusCode, 201)
  assert.equal(out.response.statusMessage, 'Created')
  assert.deepEqual(out.response.headers, [['Content-Type', 'text/plain']])
  assert.equal(out.response.body.toString(), 'hi')
})

test('base64 bodies are decoded; hop-by-hop and Content-Length dropped', () => {
  const out = resultToWire(
    JSON.stringify({
      ...ok,
      isBase64Encoded: true,
      body: 'AP8=',
      headers: { Connection: 'close', 'Content-Length': '9', 'X-Ok': '1' },
    }),
    'single',
  )
  assert.ok(out.ok)
  assert.deepEqual([...out.response.body], [0, 255])
  assert.deepEqual(out.response.headers, [['X-Ok', '1']])
})

test('multi-value results use multiValueHeaders', () => {
  const out = resultToWire(
    JSON.stringify({
      ...ok,
      headers: undefined,
      multiValueHeaders: { 'Set-Cookie': ['a=1', 'b=2'] },
    }),
    'multi',
  )
  assert.ok(out.ok)
  assert.deepEqual(out.response.headers, [
    ['Set-Cookie', 'a=1'],
    ['Set-Cookie', 'b=2'],
  ])
})

test('problems → the right 502 reason', () => {
  const reason = (json: string) => {
    const out = resultToWire(json, 'single')
    return out.ok ? 'ok' : out.errorReason
  }
  assert.equal(reason('not json'), 'LambdaInvalidResponse')
  assert.equal(reason('null'), 'LambdaInvalidResponse')
  assert.equal(reason(JSON.stringify({ ...ok, statusCode: '200' })), 'LambdaInvalidResponse')
  assert.equal(
    reason(JSON.stringify({ ...ok, headers: { 'X-A': 'a\r\nb' } })),
    'LambdaInvalidResponse',
  )
  assert.equal(
    reason(JSON.stringify({ ...ok, body: 'x'.repeat(1_000_001) })),
    'LambdaResponseTooLarge',
  )
  const bigHeaders = { 'X-A': 'a'.repeat(15000), 'X-B': 'b'.repeat(15000), 'X-C': 'c'.repeat(5000) }
  assert.notEqual(reason(JSON.stringify({ ...ok, headers: bigHeaders })), 'ok')
})

test("the status line carries the reason phrase of the function's statusDescription", () => {
  const out = resultToWire(JSON.stringify({ ...ok, statusDescription: '201 Made It' }), 'single')
  assert.ok(out.ok)
  assert.equal(out.response.statusMessage, 'Made It')
})

test('a reason phrase a status line cannot carry falls back to the standard one', () => {
  const out = resultToWire(
    JSON.stringify({ ...ok, statusDescription: '201 Made \u2713' }),
    'single',
  )
  assert.ok(out.ok)
  assert.equal(out.response.statusMessage, 'Created')
})
