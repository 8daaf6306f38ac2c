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

test('isoNow: an ISO timestamp of now, reused within a millisecond', () => {
  const before = Date.now()
  const a = isoNow()
  const after = Date.now()
  const t = Date.parse(a)
  assert.ok(t >= before && t <= after)
  assert.equal(new Date(t).toISOString(), a)
})
