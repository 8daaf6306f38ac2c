import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { AlbError } from './errors.js'
import { numRuns } from './fuzz-runs.js'
import { errorResponse, escapeJsonMarkup, isAwsTraceId, json } from './response.js'
import { toAlbResult } from './to-alb-result.js'

const AWS_ROOT = '1-5c536348-3d683b8b04734faae651f476'
const bodyOf = (r: { body?: string | Uint8Array }) => String(r.body)

describe('errorResponse and the trace Root', () => {
  test('a Root in the AWS format is echoed', () => {
    const r = errorResponse(new AlbError(404, 'gone'), { traceId: AWS_ROOT })
    assert.equal(JSON.parse(bodyOf(r)).traceId, AWS_ROOT)
  })
  test('a client-chosen Root in another format is omitted', () => {
    for (const traceId of [
      '"><script>alert(1)</script>',
      'T',
      '',
      `${AWS_ROOT}x`,
      '1-5c53634-3d683b8b04734faae651f4767',
      '1-5c536348-3d683b8b04734faae651f47g',
    ]) {
      const body = bodyOf(errorResponse(new AlbError(400, 'bad'), { traceId }))
      assert.equal('traceId' in JSON.parse(body), false, traceId)
      assert.doesNotMatch(body, /[<>]/)
    }
  })
  test('isAwsTraceId', () => {
    assert.equal(isAwsTraceId(AWS_ROOT), true)
    assert.equal(isAwsTraceId(AWS_ROOT.toUpperCase().replace('1-', '1-')), true)
    assert.equal(isAwsTraceId(undefined), false)
    assert.equal(isAwsTraceId('Root=1-5c536348-3d683b8b04734faae651f476'), false)
  })
  test('an exposed message with markup is escaped, parses back, and is not cached', () => {
    const message = 'no file named "<img src=x onerror=alert(1)>" & co'
    const r = errorResponse(new AlbError(404, message))
    assert.doesNotMatch(bodyOf(r), /[<>&]/)
    assert.equal(JSON.parse(bodyOf(r)).error, message)
    assert.equal(r.headers?.['Cache-Control'], 'no-store')
  })
  test("an error's own Cache-Control wins", () => {
    const r = errorResponse(new AlbError(503, 'x', { headers: { 'Cache-Control': 'max-age=5' } }))
    assert.equal(r.headers?.['Cache-Control'], 'max-age=5')
  })
})

describe('json() escapes markup', () => {
  test('<, > and & become \\u escapes that parse back', () => {
    const value = { a: '</script><b>&amp;' }
    const body = bodyOf(json(value))
    assert.equal(body, '{"a":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026amp;"}')
    assert.deepEqual(JSON.parse(body), value)
  })
  test('U+2028 and U+2029 are escaped too', () => {
    const body = bodyOf(json({ a: '\u2028\u2029' }))
    assert.equal(body, '{"a":"\\u2028\\u2029"}')
    assert.deepEqual(JSON.parse(body), { a: '\u2028\u2029' })
  })
  test('a text without markup is returned as is (same string)', () => {
    const s = '{"a":1}'
    assert.equal(escapeJsonMarkup(s), s)
  })
  test('property: json() never contains <, > or & and round-trips', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const body = bodyOf(json(value))
        assert.doesNotMatch(body, /[<>&]/)
        assert.deepEqual(JSON.parse(body), JSON.parse(JSON.stringify(value)))
      }),
      { numRuns: Math.min(numRuns, 300) },
    )
  })
})

describe('X-Content-Type-Options', () => {
  test('every result says nosniff, in both modes; a handler value is kept', () => {
    const s = toAlbResult(json({ a: 1 }), { mode: 'single' })
    assert.ok('headers' in s)
    assert.equal(s.headers['X-Content-Type-Options'], 'nosniff')
    const m = toAlbResult(errorResponse(new Error('x')), { mode: 'multi' })
    assert.ok('multiValueHeaders' in m)
    assert.deepEqual(m.multiValueHeaders['X-Content-Type-Options'], ['nosniff'])
    const own = toAlbResult(
      { statusCode: 200, headers: { 'x-content-type-options': 'custom' } },
      { mode: 'single' },
    )
    assert.ok('headers' in own)
    assert.equal(own.headers['X-Content-Type-Options'], 'custom')
  })
})
