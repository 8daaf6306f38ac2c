// Type-level proof (checked by `tsc` in the typecheck script) that albkit's event and result
// types fit @types/aws-lambda, plus runtime assertions on the same values.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { ALBEvent, ALBResult } from 'aws-lambda'
import { fixtures } from './testing/index.js'
import type { AlbEvent, AlbEventMulti, AlbEventSingle, AlbResult, AlbResultMulti } from './types.js'

test('AlbEvent is assignable to and from ALBEvent', () => {
  const ours: AlbEvent = fixtures.lambdaGuideSingle
  const theirs: ALBEvent = ours // ours → @types/aws-lambda
  const back: AlbEvent = theirs // @types/aws-lambda → ours
  const multi: ALBEvent = fixtures.lambdaGuideMulti satisfies AlbEventMulti
  const single = fixtures.lambdaGuideSingle satisfies ALBEvent
  assert.equal(back.path, '/lambda')
  assert.deepEqual(multi.multiValueQueryStringParameters, { query: ['1234ABCD'] })
  assert.equal((single satisfies AlbEventSingle).httpMethod, 'GET')
})

test('AlbResult is assignable to ALBResult; the reverse is rejected on purpose', () => {
  const ours: AlbResult = fixtures.exampleResult
  const theirs: ALBResult = ours
  const multi: AlbResultMulti = {
    statusCode: 200,
    statusDescription: '200 OK',
    isBase64Encoded: false,
    multiValueHeaders: { 'Set-Cookie': ['a=1', 'b=2'] },
    body: '',
  }
  const theirsMulti: ALBResult = multi
  // ALBResult allows a missing statusDescription and number/boolean header values — both cause
  // 502s in practice — so a plain ALBResult must NOT type-check as an AlbResult:
  const loose: ALBResult = { statusCode: 200, headers: { 'X-N': 1 } }
  // @ts-expect-error statusDescription is required and header values must be strings
  const rejected: AlbResult = loose
  assert.equal(theirs.statusDescription, '200 OK')
  assert.deepEqual(theirsMulti.multiValueHeaders, { 'Set-Cookie': ['a=1', 'b=2'] })
  assert.equal(rejected.statusCode, 200)
})
