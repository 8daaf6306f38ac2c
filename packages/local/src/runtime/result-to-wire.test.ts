import assert from 'node:assert/strict'
import { test } from 'node:test'
import { fixtures } from '@albkit/core/testing'
import { resultToWire, resultValueToWire } from './result-to-wire.js'

const ok = { ...fixtures.exampleResult, statusCode: 201, statusDescription: '201 Created' }
ok.headers = { 'Content-Type': 'text/plain' }
ok.body = 'hi'

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

test('tolerated: `{ statusCode: 200 }` alone → 200 with the standard reason phrase, warned', () => {
  for (const mode of ['single', 'multi'] as const) {
    const out = resultToWire('{"statusCode":200}', mode)
    assert.ok(out.ok)
    assert.equal(out.response.statusCode, 200)
    assert.equal(out.response.statusMessage, 'OK')
    assert.deepEqual(out.response.headers, [])
    assert.equal(out.response.body.length, 0)
    assert.deepEqual(
      out.warnings.map((w) => w.code),
      ['status-description-missing', 'headers-missing', 'is-base64-encoded-missing'],
    )
  }
  const created = resultValueToWire({ statusCode: 201, body: 'hi' }, 'single')
  assert.ok(created.ok)
  assert.equal(created.response.statusMessage, 'Created')
  assert.equal(Buffer.from(created.response.body).toString(), 'hi')
})

test('tolerated: both header fields → the field of the mode goes out', () => {
  const both = { ...ok, headers: { 'X-Single': 's' }, multiValueHeaders: { 'X-Multi': ['m', 'n'] } }
  const single = resultValueToWire(both, 'single')
  assert.ok(single.ok)
  assert.deepEqual(single.response.headers, [['X-Single', 's']])
  assert.deepEqual(
    single.warnings.map((w) => w.code),
    ['both-header-fields'],
  )
  const multi = resultValueToWire(both, 'multi')
  assert.ok(multi.ok)
  assert.deepEqual(multi.response.headers, [
    ['X-Multi', 'm'],
    ['X-Multi', 'n'],
  ])
})

test('tolerated: only the other mode’s field → answered without those headers, not 502', () => {
  const multiOnly = { ...ok, headers: undefined, multiValueHeaders: { 'X-A': ['1'] } }
  const out = resultValueToWire(multiOnly, 'single')
  assert.ok(out.ok)
  assert.deepEqual(out.response.headers, [])
  assert.equal(out.response.statusCode, 201)
  assert.deepEqual(
    out.warnings.map((w) => w.field),
    ['multiValueHeaders'],
  )
  const singleOnly = resultValueToWire(ok, 'multi')
  assert.ok(singleOnly.ok)
  assert.deepEqual(singleOnly.response.headers, [])
})

test('still 502: null body, headers and statusDescription; non-string values; non-integer codes', () => {
  const cases: Array<[object, string]> = [
    [{ ...ok, body: null }, 'body-null'],
    [{ ...ok, headers: null }, 'headers-null'],
    [{ ...ok, statusDescription: null }, 'status-description-null'],
    [{ ...ok, headers: { 'X-A': true } }, 'header-value-not-string'],
    [{ ...ok, statusCode: 200.5 }, 'status-code-not-integer'],
  ]
  for (const [result, code] of cases) {
    const out = resultValueToWire(result, 'single')
    assert.ok(!out.ok, code)
    assert.equal(out.errorReason, 'LambdaInvalidResponse')
    assert.ok(
      out.errors.some((e) => e.code === code),
      code,
    )
  }
})

test('32 KB of headers → a 502 without an error reason; the document limit → LambdaResponseTooLarge', () => {
  // 'X-A: ' + value + CRLF = 7 + value bytes
  const at = resultValueToWire({ ...ok, headers: { 'X-A': 'a'.repeat(32 * 1024 - 7) } }, 'single')
  assert.ok(at.ok)
  const over = resultValueToWire({ ...ok, headers: { 'X-A': 'a'.repeat(32 * 1024 - 6) } }, 'single')
  assert.ok(!over.ok)
  assert.equal(over.errorReason, '-')
  const json = JSON.stringify({ ...ok, body: '' })
  const fill = (n: number) => JSON.stringify({ ...ok, body: 'x'.repeat(n - json.length) })
  assert.ok(resultToWire(fill(1_000_000), 'single').ok)
  const big = resultToWire(fill(1_000_001), 'single')
  assert.ok(!big.ok)
  assert.equal(big.errorReason, 'LambdaResponseTooLarge')
})
