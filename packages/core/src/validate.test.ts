import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ALB_MAX_RESPONSE_BYTES, ALB_MAX_RESPONSE_HEADER_BYTES } from './limits.js'
import { RESULT_ISSUE_CODES, type ResultCheck } from './result-issues.js'
import { fixtures } from './testing/index.js'
import { isStatusDescriptionFor, resultByteLength, validateResult } from './validate.js'

const ok = { ...fixtures.exampleResult, headers: { 'Content-Type': 'text/plain' }, body: 'x' }
const okMulti = { ...ok, headers: undefined, multiValueHeaders: { A: ['1', '2'] } }
const VALID: ResultCheck = { errors: [], warnings: [] }
const codes = (issues: ResultCheck['errors']) => issues.map((i) => i.code)

/** Exactly the error codes, and no warning unless listed. */
function errorsOf(result: unknown, mode: 'single' | 'multi' = 'single'): string[] {
  return codes(validateResult(result, mode).errors)
}
function warningsOf(result: unknown, mode: 'single' | 'multi' = 'single'): string[] {
  const check = validateResult(result, mode)
  assert.deepEqual(check.errors, [], JSON.stringify(check.errors))
  return codes(check.warnings)
}

test('the AWS example result and complete results of both modes are valid', () => {
  assert.deepEqual(validateResult(fixtures.exampleResult, 'single'), VALID)
  assert.deepEqual(validateResult(okMulti, 'multi'), VALID)
  const { body: _omitted, ...noBody } = ok
  assert.deepEqual(validateResult(noBody, 'single'), VALID) // the body may be omitted (ELB guide)
})

test('tolerated: `{ statusCode: 200 }` alone is answered, with a warning per missing field', () => {
  // awsdocs elb-application-load-balancers-user-guide issue #33; aws-lambda-go issue #408
  assert.deepEqual(warningsOf({ statusCode: 200 }), [
    'status-description-missing',
    'headers-missing',
    'is-base64-encoded-missing',
  ])
  assert.deepEqual(warningsOf({ statusCode: 204 }, 'multi'), [
    'status-description-missing',
    'headers-missing',
    'is-base64-encoded-missing',
  ])
  const w = validateResult({ statusCode: 200 }, 'single').warnings[0]
  assert.equal(w?.field, 'statusDescription')
  assert.match(w?.message ?? '', /`statusDescription` is missing: .*standard reason phrase/)
  assert.match(w?.source ?? '', /elb-application-load-balancers-user-guide\/issues\/33$/)
})

test('tolerated: both header fields → the one of the mode is read, the other named', () => {
  const both = { ...ok, multiValueHeaders: { A: ['1'] } }
  assert.deepEqual(warningsOf(both, 'single'), ['both-header-fields'])
  assert.deepEqual(warningsOf(both, 'multi'), ['both-header-fields'])
  assert.equal(validateResult(both, 'single').warnings[0]?.field, 'multiValueHeaders')
  assert.equal(validateResult(both, 'multi').warnings[0]?.field, 'headers')
  // aws-lambda-go writes `null` for the unset map: the ignored field is not read at all
  assert.deepEqual(warningsOf({ ...ok, multiValueHeaders: null }, 'single'), ['both-header-fields'])
  // …but only the field of the mode is checked: a bad value in the ignored one is no 502
  assert.deepEqual(warningsOf({ ...ok, multiValueHeaders: { A: 1 } }, 'single'), [
    'both-header-fields',
  ])
})

test('tolerated: only the field of the other mode → answered without those headers', () => {
  assert.deepEqual(warningsOf(ok, 'multi'), ['headers-wrong-mode'])
  assert.deepEqual(warningsOf(okMulti, 'single'), ['headers-wrong-mode'])
  assert.match(
    validateResult(ok, 'multi').warnings[0]?.message ?? '',
    /`headers` is sent to a multi-value target group, which reads `multiValueHeaders`/,
  )
})

test('not an object', () => {
  for (const r of [null, undefined, 'x', 1, [ok]])
    assert.deepEqual(errorsOf(r), ['result-not-object'])
})

test('statusCode: an integer from 100 to 599, exactly', () => {
  for (const code of [100, 599, 200])
    assert.deepEqual(errorsOf({ ...ok, statusCode: code, statusDescription: `${code} X` }), [])
  for (const code of ['200', 99, 600, 200.5, null, undefined, Number.NaN])
    assert.ok(
      errorsOf({ ...ok, statusCode: code }).includes('status-code-not-integer'),
      String(code),
    )
})

test('statusDescription: `null` and wrong types are 502s; the pattern is strict', () => {
  assert.deepEqual(errorsOf({ ...ok, statusDescription: null }), ['status-description-null'])
  assert.deepEqual(errorsOf({ ...ok, statusDescription: 200 }), ['status-description-not-string'])
  for (const bad of ['OK', '200', '200 ', '200  OK', ' 200 OK', '2000 OK', '20 OK', 'x200 OK'])
    assert.deepEqual(
      errorsOf({ ...ok, statusDescription: bad }),
      ['status-description-malformed'],
      bad,
    )
  assert.deepEqual(errorsOf({ ...ok, statusDescription: '404 Not Found' }), [
    'status-description-mismatch',
  ])
  assert.deepEqual(errorsOf({ ...ok, statusDescription: '200 O\nK' }), [
    'status-description-control-chars',
  ])
  assert.deepEqual(errorsOf({ ...ok, statusDescription: '200 O\0' }), [
    'status-description-control-chars',
  ])
  for (const good of ['200 OK', '200 x', '200 Très bien', '200 OK then'])
    assert.deepEqual(errorsOf({ ...ok, statusDescription: good }), [], good)
})

test('isStatusDescriptionFor is the same rule', () => {
  assert.equal(isStatusDescriptionFor('200 OK', 200), true)
  assert.equal(isStatusDescriptionFor('200 OK', 201), false)
  assert.equal(isStatusDescriptionFor('200  OK', 200), false)
  assert.equal(isStatusDescriptionFor('200 O\rK', 200), false)
  assert.equal(isStatusDescriptionFor('200', 200), false)
})

test('isBase64Encoded and base64 bodies', () => {
  assert.deepEqual(errorsOf({ ...ok, isBase64Encoded: 'false' }), ['is-base64-encoded-not-boolean'])
  assert.deepEqual(errorsOf({ ...ok, isBase64Encoded: null }), ['is-base64-encoded-not-boolean'])
  assert.deepEqual(errorsOf({ ...ok, isBase64Encoded: true, body: 'not base64!' }), [
    'body-not-base64',
  ])
  assert.deepEqual(errorsOf({ ...ok, isBase64Encoded: true, body: 'abc' }), ['body-not-base64'])
  assert.deepEqual(validateResult({ ...ok, isBase64Encoded: true, body: 'aGk=' }, 'single'), VALID)
  assert.deepEqual(validateResult({ ...ok, isBase64Encoded: true, body: '' }, 'single'), VALID)
})

test('headers of the mode: null, wrong types, bad names and values are 502s', () => {
  assert.deepEqual(errorsOf({ ...ok, headers: null }), ['headers-null'])
  assert.deepEqual(errorsOf({ ...ok, headers: 'x' }), ['headers-not-object'])
  assert.deepEqual(errorsOf({ ...ok, headers: ['x'] }), ['headers-not-object'])
  assert.deepEqual(errorsOf({ ...okMulti, multiValueHeaders: null }, 'multi'), ['headers-null'])
  assert.deepEqual(errorsOf({ ...ok, headers: { A: 1 } }), ['header-value-not-string'])
  assert.deepEqual(errorsOf({ ...ok, headers: { A: true } }), ['header-value-not-string'])
  assert.deepEqual(errorsOf({ ...ok, headers: { A: null } }), ['header-value-not-string'])
  const issue = validateResult({ ...ok, headers: { 'X-Value': 1 } }, 'single').errors[0]
  assert.equal(issue?.field, 'headers.X-Value')
  assert.match(
    issue?.message ?? '',
    /a value of `headers.X-Value` is number 1: the ALB answers 502/,
  )
  assert.deepEqual(errorsOf({ ...ok, headers: { A: 'a\r\nb' } }), ['header-value-control-chars'])
  assert.deepEqual(errorsOf({ ...ok, headers: { 'Bad Name': 'a' } }), ['header-name-invalid'])
  assert.deepEqual(errorsOf({ ...ok, headers: { 'A\n': 'a' } }), ['header-name-invalid'])
  assert.deepEqual(errorsOf({ ...okMulti, multiValueHeaders: { A: 'x' } }, 'multi'), [
    'multi-value-header-not-array',
  ])
  assert.deepEqual(errorsOf({ ...okMulti, multiValueHeaders: { A: ['x', 2] } }, 'multi'), [
    'header-value-not-string',
  ])
})

test('body: `null` and non-strings are 502s, a missing body is not', () => {
  assert.deepEqual(errorsOf({ ...ok, body: null }), ['body-null'])
  assert.deepEqual(errorsOf({ ...ok, body: { a: 1 } }), ['body-not-string'])
  assert.deepEqual(errorsOf({ ...ok, body: 1 }), ['body-not-string'])
})

test('a result that cannot be JSON', () => {
  assert.deepEqual(errorsOf({ ...ok, extra: 1n }), ['result-not-serialisable'])
})

/** A single-value result whose headers take exactly `bytes` bytes as `Name: value\r\n` lines. */
function withHeaderBytes(bytes: number, valueChar = 'x'): object {
  // one line: 'A' + ': ' + value + '\r\n' = value bytes + 5
  const charBytes = Buffer.byteLength(valueChar)
  const fill = bytes - 5 - 6 // 'B: b\r\n' is the second line: 6 bytes
  assert.equal(fill % charBytes, 0)
  return { ...ok, headers: { A: valueChar.repeat(fill / charBytes), B: 'b' } }
}

test('32 KB of response headers: exactly at the limit passes, one byte over is a 502', () => {
  assert.deepEqual(errorsOf(withHeaderBytes(ALB_MAX_RESPONSE_HEADER_BYTES)), [])
  assert.deepEqual(errorsOf(withHeaderBytes(ALB_MAX_RESPONSE_HEADER_BYTES + 1)), [
    'headers-too-large',
  ])
  assert.match(
    validateResult(withHeaderBytes(ALB_MAX_RESPONSE_HEADER_BYTES + 1), 'single').errors[0]
      ?.message ?? '',
    /take 32769 bytes, over 32768/,
  )
})

test('header bytes are UTF-8 bytes of name, ": ", value and CRLF, per value in multi mode', () => {
  // é is 2 bytes: counted as bytes, not characters
  assert.deepEqual(errorsOf(withHeaderBytes(ALB_MAX_RESPONSE_HEADER_BYTES - 1, 'é')), [])
  assert.deepEqual(errorsOf(withHeaderBytes(ALB_MAX_RESPONSE_HEADER_BYTES + 1, 'é')), [
    'headers-too-large',
  ])
  // multi: every value is a line of its own (name + 4 bytes each)
  const half = (ALB_MAX_RESPONSE_HEADER_BYTES - 2 * 5) / 2 // two lines 'A: …\r\n'
  const exact = { ...okMulti, multiValueHeaders: { A: ['x'.repeat(half), 'x'.repeat(half)] } }
  assert.deepEqual(errorsOf(exact, 'multi'), [])
  const over = { ...okMulti, multiValueHeaders: { A: ['x'.repeat(half), 'x'.repeat(half + 1)] } }
  assert.deepEqual(errorsOf(over, 'multi'), ['headers-too-large'])
})

/** A result of exactly `bytes` bytes as JSON. */
function documentOf(bytes: number, base64: boolean): Record<string, unknown> {
  const shell = { ...ok, isBase64Encoded: base64, headers: { A: '' }, body: '' }
  const room = bytes - resultByteLength(shell)
  const body = 'A'.repeat(room - (room % 4))
  // the rest goes into a header value, so a base64 body keeps whole quads
  return { ...shell, headers: { A: 'x'.repeat(room % 4) }, body }
}

test('1 MB result document: exactly at the limit passes, one byte over is a 502', () => {
  for (const base64 of [false, true]) {
    const at = documentOf(ALB_MAX_RESPONSE_BYTES, base64)
    assert.equal(resultByteLength(at as never), ALB_MAX_RESPONSE_BYTES)
    assert.deepEqual(validateResult(at, 'single'), VALID)
    const over = documentOf(ALB_MAX_RESPONSE_BYTES + 1, base64)
    assert.equal(resultByteLength(over as never), ALB_MAX_RESPONSE_BYTES + 1)
    assert.deepEqual(errorsOf(over), ['document-too-large'])
  }
})

test('every problem is reported, not just the first', () => {
  assert.deepEqual(errorsOf({ statusCode: 'x', statusDescription: null, body: 1, headers: null }), [
    'status-code-not-integer',
    'status-description-null',
    'headers-null',
    'body-not-string',
  ])
})

test('every issue code has a rule, a source and is reachable', () => {
  const reached = new Set<string>()
  const samples: Array<[unknown, 'single' | 'multi']> = [
    [null, 'single'],
    [{ ...ok, extra: 1n }, 'single'],
    [{ statusCode: 'x', statusDescription: null, body: null, headers: null }, 'single'],
    [{ ...ok, statusDescription: 1, isBase64Encoded: 1, body: 1, headers: 'x' }, 'single'],
    [{ ...ok, statusDescription: 'OK' }, 'single'],
    [{ ...ok, statusDescription: '201 O\nK', headers: { 'a b': 1, C: 'x\n' } }, 'single'],
    [{ ...okMulti, multiValueHeaders: { A: 'x' } }, 'multi'],
    [withHeaderBytes(ALB_MAX_RESPONSE_HEADER_BYTES + 1), 'single'],
    [{ ...ok, isBase64Encoded: true, body: '!' }, 'single'],
    [documentOf(ALB_MAX_RESPONSE_BYTES + 1, false), 'single'],
    [{ statusCode: 200 }, 'single'],
    [{ ...ok, multiValueHeaders: {} }, 'single'],
    [okMulti, 'single'],
  ]
  for (const [r, mode] of samples) {
    const { errors, warnings } = validateResult(r, mode)
    for (const i of [...errors, ...warnings]) {
      reached.add(i.code)
      assert.ok(i.message.length > 10 && !i.message.includes('\n'), i.message)
      assert.match(i.source, /^https:\/\//)
    }
  }
  assert.deepEqual([...reached].sort(), [...RESULT_ISSUE_CODES].sort())
  for (const code of RESULT_ISSUE_CODES) assert.match(code, /^[a-z0-9]+(-[a-z0-9]+)*$/)
})

test('resultByteLength measures UTF-8 bytes of the JSON document', () => {
  assert.equal(
    resultByteLength(fixtures.exampleResult),
    Buffer.byteLength(JSON.stringify(fixtures.exampleResult)),
  )
  const r = { ...ok, body: 'é' }
  assert.equal(resultByteLength(r), JSON.stringify(r).length + 1)
})

test('the size is that of the document the runtime sends: toJSON of a class result counts', () => {
  // own fields look small and base64; the JSON the Lambda runtime writes is over 1 MB
  class Result {
    statusCode = 200
    isBase64Encoded = true
    body = 'AAAA'
    toJSON() {
      return { statusCode: 200, isBase64Encoded: true, body: 'A'.repeat(1_000_000) }
    }
  }
  assert.deepEqual(errorsOf(new Result()), ['document-too-large'])
  // and a plain base64 result is measured exactly, without a second serialisation of the body
  const plain = { statusCode: 200, isBase64Encoded: true, body: 'AAAA' }
  assert.deepEqual(errorsOf(plain), [])
})
