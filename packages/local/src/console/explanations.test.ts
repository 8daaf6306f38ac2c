/**
 * Every error reason and every own error status the local balancer can produce has an
 * explanation. The list is read from the runtime's source, so a new reason without an
 * explanation fails here.
 */
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { validateResult } from '@albkit/core'
import type { CapturedExchange } from './captured-exchange.js'
import {
  explain,
  explanationKey,
  REASON_EXPLANATIONS,
  STATUS_EXPLANATIONS,
  TIMEOUT_EXPLANATION,
} from './explanations.js'
import { testExchange } from './test-exchange.js'

const RUNTIME = fileURLToPath(new URL('../runtime/', import.meta.url))
const sources = readdirSync(RUNTIME)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'test-support.ts')
  .map((f) => ({ file: f, text: readFileSync(RUNTIME + f, 'utf8') }))

/** Access-log error reasons written in the runtime (`'Lambda…'` literals). */
function reasonsInCode(): Set<string> {
  const found = new Set<string>()
  for (const { text } of sources)
    for (const m of text.matchAll(/'(Lambda[A-Za-z]+)'/g)) found.add(m[1] as string)
  return found
}

/** Statuses the balancer answers itself: albError(N…), { status: N }, return N / ? N : N. */
function ownStatusesInCode(): Set<number> {
  const found = new Set<number>()
  for (const { file, text } of sources) {
    const code = text
      .split('\n')
      .filter((l) => !/^\s*(\/\/|\*|\/\*\*)/.test(l))
      .join('\n')
    for (const m of code.matchAll(/albError\((\d{3})/g)) found.add(Number(m[1]))
    for (const m of code.matchAll(/\bstatus: (?:[^,}\n]*\? )?(\d{3})(?: : (\d{3}))?/g)) {
      found.add(Number(m[1]))
      if (m[2] !== undefined) found.add(Number(m[2]))
    }
    for (const m of code.matchAll(/elbStatusCode = (\d{3})/g)) found.add(Number(m[1]))
    if (file === 'precheck.ts')
      for (const m of code.matchAll(/return (\d{3})\b/g)) found.add(Number(m[1]))
  }
  return found
}

test('the scan finds the reasons and statuses (it is not vacuous)', () => {
  const reasons = reasonsInCode()
  for (const r of [
    'LambdaUnhandled',
    'LambdaInvalidResponse',
    'LambdaResponseTooLarge',
    'LambdaThrottling',
    'LambdaWebsocketNotSupported',
  ])
    assert.ok(reasons.has(r), r)
  const statuses = ownStatusesInCode()
  for (const s of [400, 405, 408, 413, 460, 463, 502, 503, 505])
    assert.ok(statuses.has(s), String(s))
})

test('every access-log error reason in the runtime has an explanation with an AWS source', () => {
  for (const reason of reasonsInCode()) {
    const entry = REASON_EXPLANATIONS[reason]
    assert.ok(entry, `no explanation for ${reason}`)
    assert.match(entry.source, /^https:\/\/docs\.aws\.amazon\.com\//, reason)
    assert.ok(entry.message.length > 40, reason)
  }
})

test('every status the balancer answers itself has an explanation', () => {
  for (const status of ownStatusesInCode())
    assert.ok(STATUS_EXPLANATIONS[status], `no explanation for ${status}`)
})

/** An exchange the balancer answered 502 itself, changed by `over`. */
function captured(over: Partial<CapturedExchange>): CapturedExchange {
  const empty = { size: 0, bytes: new Uint8Array(0) }
  return testExchange({
    response: {
      statusCode: 502,
      statusMessage: 'Bad Gateway',
      headers: [],
      body: empty,
      own: true,
    },
    ...over,
  })
}

test('a timeout is explained as one (it has no error reason)', () => {
  const c = captured({
    invoke: {
      requestId: 'r',
      cold: false,
      kind: 'error',
      errorKind: 'timeout',
      message: 'Task timed out after 1.00 seconds',
    },
  })
  assert.equal(explanationKey(c), 'timeout')
  const [e] = explain(c)
  assert.equal(e?.message, TIMEOUT_EXPLANATION.message)
  assert.deepEqual(e?.details, ['Task timed out after 1.00 seconds'])
})

test("an invalid result: core's field-level errors first, then the rule it broke", () => {
  const { errors } = validateResult({ statusCode: 'x' }, 'single')
  assert.ok(errors.length > 0)
  const c = captured({
    errorReason: 'LambdaInvalidResponse',
    invoke: { requestId: 'r', cold: false, kind: 'result' },
    issues: { errors, warnings: [] },
  })
  const shown = explain(c)
  assert.deepEqual(
    shown.slice(0, errors.length),
    errors.map((e) => ({ level: 'error', ...e })),
  )
  assert.ok(shown.some((e) => e.field === 'statusCode'))
  const last = shown.at(-1)
  assert.equal(last?.code, 'LambdaInvalidResponse')
  assert.equal(last?.message, REASON_EXPLANATIONS.LambdaInvalidResponse?.message)
  // the issues above are what the balancer found: not repeated as details
  assert.equal(last?.details, undefined)
})

test('result issues from the contract check come first, warnings marked as warnings', () => {
  const c = captured({
    response: {
      statusCode: 200,
      statusMessage: 'OK',
      headers: [],
      body: { size: 0, bytes: new Uint8Array(0) },
      own: false,
    },
    issues: {
      errors: [],
      warnings: [
        {
          code: 'missing-status-description',
          field: 'statusDescription',
          message: 'm',
          source: 's',
        },
      ],
    },
  })
  assert.deepEqual(explain(c), [
    {
      level: 'warning',
      code: 'missing-status-description',
      field: 'statusDescription',
      message: 'm',
      source: 's',
    },
  ])
})

test('configured answers are not errors: a fixed-response 404 and a redirect get no explanation', () => {
  const ok = {
    statusCode: 404,
    statusMessage: 'Not Found',
    headers: [],
    body: { size: 0, bytes: new Uint8Array(0) },
    own: true,
  }
  assert.deepEqual(explain(captured({ actions: ['fixed-response'], response: ok })), [])
  assert.equal(
    explanationKey(captured({ actions: ['redirect'], response: { ...ok, statusCode: 301 } })),
    undefined,
  )
  assert.equal(
    explanationKey(captured({ actions: [], response: { ...ok, statusCode: 405 } })),
    '405',
  )
})
