import assert from 'node:assert/strict'
import { test } from 'node:test'
import { fixtures } from './testing/index.js'
import { resultByteLength, validateResult } from './validate.js'

const ok = {
  statusCode: 200,
  statusDescription: '200 OK',
  isBase64Encoded: false,
  headers: { 'Content-Type': 'text/plain' },
  body: 'x',
}
const has = (problems: string[], re: RegExp) =>
  assert.ok(
    problems.some((p) => re.test(p)),
    `${re} not in ${JSON.stringify(problems)}`,
  )

test('the AWS example result is valid', () => {
  assert.deepEqual(validateResult(fixtures.exampleResult, 'single'), [])
  assert.deepEqual(
    validateResult({ ...ok, headers: undefined, multiValueHeaders: { A: ['1', '2'] } }, 'multi'),
    [],
  )
  const { body: _omitted, ...noBody } = ok
  assert.deepEqual(validateResult(noBody, 'single'), [])
})

test('not an object', () => {
  for (const r of [null, undefined, 'x', 1, [ok]])
    has(validateResult(r, 'single'), /result must be an object/)
})

test('statusCode and statusDescription', () => {
  has(validateResult({ ...ok, statusCode: '200' }, 'single'), /statusCode must be an integer/)
  has(
    validateResult({ ...ok, statusCode: 600 }, 'single'),
    /statusCode must be an integer from 100 to 599/,
  )
  has(validateResult({ ...ok, statusCode: 200.5 }, 'single'), /statusCode/)
  has(
    validateResult({ ...ok, statusDescription: undefined }, 'single'),
    /statusDescription is missing/,
  )
  has(
    validateResult({ ...ok, statusDescription: null }, 'single'),
    /statusDescription must be a string.*got null/,
  )
  has(
    validateResult({ ...ok, statusDescription: 'OK' }, 'single'),
    /must look like "<code> <reason>"/,
  )
  has(
    validateResult({ ...ok, statusDescription: '404 Not Found' }, 'single'),
    /does not match statusCode 200/,
  )
  has(validateResult({ ...ok, statusDescription: '200 O\nK' }, 'single'), /CR, LF/)
})

test('isBase64Encoded', () => {
  has(validateResult({ ...ok, isBase64Encoded: undefined }, 'single'), /isBase64Encoded is missing/)
  has(
    validateResult({ ...ok, isBase64Encoded: 'false' }, 'single'),
    /isBase64Encoded must be a boolean/,
  )
  has(
    validateResult({ ...ok, isBase64Encoded: true, body: 'not base64!' }, 'single'),
    /not valid base64/,
  )
  has(validateResult({ ...ok, isBase64Encoded: true, body: 'abc' }, 'single'), /not valid base64/)
  assert.deepEqual(validateResult({ ...ok, isBase64Encoded: true, body: 'aGk=' }, 'single'), [])
})

test('headers for the mode', () => {
  has(
    validateResult({ ...ok, headers: { A: 1 } }, 'single'),
    /headers\["A"\] value must be strings, got number 1/,
  )
  has(validateResult({ ...ok, headers: { A: null } }, 'single'), /got null/)
  has(validateResult({ ...ok, headers: null }, 'single'), /headers must be an object, got null/)
  has(validateResult({ ...ok, headers: { A: 'a\r\nb' } }, 'single'), /CR, LF/)
  has(
    validateResult({ ...ok, multiValueHeaders: {} }, 'single'),
    /both headers and multiValueHeaders/,
  )
  has(validateResult(ok, 'multi'), /headers is present but the target group is in multi-value mode/)
  const m = { ...ok, headers: undefined }
  has(
    validateResult({ ...m, multiValueHeaders: { A: 'x' } }, 'multi'),
    /must be an array of strings/,
  )
  has(
    validateResult({ ...m, multiValueHeaders: { A: ['x', 2] } }, 'multi'),
    /values must be strings, got number 2/,
  )
  has(
    validateResult({ ...ok, headers: { A: 'x'.repeat(40_000) } }, 'single'),
    /response headers are \d+ bytes/,
  )
})

test('body and size', () => {
  has(
    validateResult({ ...ok, body: null }, 'single'),
    /body must be a string when present, got null/,
  )
  has(validateResult({ ...ok, body: { a: 1 } }, 'single'), /body must be a string/)
  has(
    validateResult({ ...ok, body: 'x'.repeat(1_000_000) }, 'single'),
    /result is \d+ bytes serialised, over the ALB limit of 1000000 bytes/,
  )
})

test('every problem is reported, not just the first', () => {
  assert.ok(
    validateResult({ statusCode: 'x', body: 1, multiValueHeaders: {} }, 'single').length >= 4,
  )
})

test('resultByteLength measures UTF-8 bytes of the JSON document', () => {
  assert.equal(
    resultByteLength(fixtures.exampleResult),
    Buffer.byteLength(JSON.stringify(fixtures.exampleResult)),
  )
  const r = { ...ok, body: 'é' }
  assert.equal(resultByteLength(r), JSON.stringify(r).length + 1)
})
