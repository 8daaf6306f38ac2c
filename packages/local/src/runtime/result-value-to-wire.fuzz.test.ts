// resultValueToWire (checks on the result object) must answer exactly as resultToWire on the
// result's JSON document (what the Lambda runtime sends), for any value a handler may return.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { isPlainJson } from './plain-json.js'
import { resultToWire, resultValueToWire } from './result-to-wire.js'

const odd = fc.oneof(
  fc.constant(undefined),
  fc.constant(Number.NaN),
  fc.constant(-0),
  fc.date({ noInvalidDate: true }),
  fc.constant(new String('x')),
  fc.constant({ toJSON: () => 'from toJSON' }),
)
const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.base64String())
const value = fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null), odd)
const headerValues = fc.dictionary(fc.oneof(fc.constant('Content-Type'), fc.string()), value)
const result = fc.record(
  {
    statusCode: fc.oneof(fc.integer({ min: 100, max: 599 }), value),
    statusDescription: fc.oneof(fc.constant('200 OK'), fc.constant('404 Not Found'), value),
    isBase64Encoded: fc.oneof(fc.boolean(), value),
    headers: fc.oneof(headerValues, value),
    multiValueHeaders: fc.oneof(fc.dictionary(fc.string(), fc.array(value)), value),
    body: fc.oneof(text, value, fc.constant('x'.repeat(1_100_000))),
  },
  { requiredKeys: [] },
)

test('resultValueToWire(x) ≡ resultToWire(JSON.stringify(x)) for any result', () => {
  fc.assert(
    fc.property(fc.oneof(result, value), fc.constantFrom('single', 'multi'), (r, mode) => {
      const expected = resultToWire(JSON.stringify(r) ?? 'null', mode as 'single' | 'multi')
      assert.deepEqual(resultValueToWire(r, mode as 'single' | 'multi'), expected)
    }),
    { numRuns: 500 },
  )
})

test('isPlainJson: values JSON would change are not plain', () => {
  assert.equal(isPlainJson({ a: [1, 'b', null, { c: true }] }), true)
  assert.equal(isPlainJson({ a: undefined }), false)
  const holey = [1]
  holey[2] = 3
  assert.equal(isPlainJson(holey), false)
  assert.equal(isPlainJson({ d: new Date(0) }), false)
  assert.equal(isPlainJson(Number.POSITIVE_INFINITY), false)
  assert.equal(isPlainJson(JSON.parse('{"__proto__":1}')), false)
})
