import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { numRuns } from './fuzz-runs.js'
import { ALB_MAX_RESPONSE_BYTES } from './limits.js'
import { fixtures } from './testing/index.js'
import { isBase64Text, resultByteLength, validateResult } from './validate.js'

const REFERENCE = /^[A-Za-z0-9+/]*={0,2}$/
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const char = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...alphabet) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('=', '-', '_', ' ', '\n', '!', 'é', '€', '\0', '\uD800'),
  },
)

test('isBase64Text answers exactly like the reference regex', () => {
  fc.assert(
    fc.property(fc.array(char, { maxLength: 24 }), fc.constantFrom('', '=', '=='), (chars, pad) => {
      const s = chars.join('') + pad
      assert.equal(isBase64Text(s), REFERENCE.test(s), JSON.stringify(s))
    }),
    { numRuns: numRuns * 5 },
  )
})

test('isBase64Text on real encodings and on a corrupted large body', () => {
  const big = Buffer.alloc(300_000, 7).toString('base64')
  assert.equal(isBase64Text(big), true)
  assert.equal(isBase64Text(`${big.slice(0, 1000)}!${big.slice(1001)}`), false)
  assert.equal(isBase64Text(`${big.slice(0, 1000)}=${big.slice(1001)}`), false)
  assert.equal(isBase64Text('QR=='), true) // non-canonical padding bits: accepted, like the regex
  assert.equal(isBase64Text('QQ-_'), false) // base64url characters are not base64
})

test('validateResult measures a base64 result exactly at the 1 MB boundary', () => {
  const shell = { ...fixtures.exampleResult, isBase64Encoded: true, body: '' }
  shell.headers = { 'Content-Type': 'application/octet-stream' }
  const room = ALB_MAX_RESPONSE_BYTES - resultByteLength(shell)
  const fits = { ...shell, body: 'A'.repeat(room - (room % 4)) }
  const over = { ...shell, body: 'A'.repeat(room - (room % 4) + 4) }
  assert.ok(resultByteLength(fits) <= ALB_MAX_RESPONSE_BYTES)
  assert.deepEqual(validateResult(fits, 'single'), { errors: [], warnings: [] })
  assert.ok(resultByteLength(over) > ALB_MAX_RESPONSE_BYTES)
  const { errors } = validateResult(over, 'single')
  assert.deepEqual(
    errors.map((e) => e.code),
    ['document-too-large'],
  )
  assert.match(errors[0]?.message ?? '', new RegExp(`result is ${resultByteLength(over)} bytes`))
})
