import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { isoNow } from './clock.js'
import { type RequestLogFields, requestLogLine } from './request-log.js'

const loose = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string(),
  fc.constantFrom(undefined, null, 42, true, '"', '\\', '\n', '\ud800', '\ud83d\ude00', '\u2028'),
  fc.jsonValue(),
)

test('property: requestLogLine is exactly JSON.stringify of the fields', () => {
  fc.assert(
    fc.property(
      fc.record({
        timestamp: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        level: fc.constantFrom('info', 'warn', 'error'),
        traceId: loose,
        method: loose,
        path: loose,
        status: fc.integer(),
        durationMs: fc.double(),
        requestId: loose,
      }),
      (fields) => {
        const f = fields as RequestLogFields
        assert.equal(requestLogLine(f), JSON.stringify(f))
      },
    ),
    { numRuns: 2000 },
  )
})

test('property: durations in whole microseconds print as JSON.stringify prints them', () => {
  fc.assert(
    fc.property(
      fc.oneof(fc.integer({ min: 0, max: 5_000_000 }), fc.maxSafeInteger()),
      fc.constantFrom(200, 404),
      (micros, status) => {
        const f: RequestLogFields = {
          timestamp: isoNow(),
          level: 'info',
          traceId: undefined,
          method: 'GET',
          path: '/',
          status,
          durationMs: micros / 1000,
          requestId: undefined,
        }
        assert.equal(requestLogLine(f), JSON.stringify(f))
      },
    ),
    { numRuns: 5000 },
  )
  for (const ms of [0, -0, 0.001, 0.01, 0.1, 0.5, 1, 1.25, 12.5, 999.999, 1e9 + 0.001, -1.5]) {
    const f = { timestamp: 'T', level: 'info', status: 200, durationMs: ms } as RequestLogFields
    assert.equal(requestLogLine(f), JSON.stringify(f))
  }
})

test('isoNow: an ISO timestamp of now, reused within a millisecond', () => {
  const before = Date.now()
  const a = isoNow()
  const after = Date.now()
  const t = Date.parse(a)
  assert.ok(t >= before && t <= after)
  assert.equal(new Date(t).toISOString(), a)
})
