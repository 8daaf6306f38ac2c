import assert from 'node:assert/strict'
import { test } from 'node:test'
import { buildReport, healthStatus, httpStatusFor } from './report.js'
import type { ProbeResult } from './run-probes.js'

const r = (ok: boolean, critical: boolean): ProbeResult => ({
  name: `${ok}-${critical}`,
  type: 'tcp',
  critical,
  ok,
  latencyMs: 1,
})

test('healthy, degraded, unhealthy and their HTTP status', () => {
  assert.equal(healthStatus([]), 'healthy')
  assert.equal(healthStatus([r(true, true), r(true, false)]), 'healthy')
  assert.equal(healthStatus([r(true, true), r(false, false)]), 'degraded')
  assert.equal(healthStatus([r(false, true), r(true, false)]), 'unhealthy')
  assert.equal(httpStatusFor('healthy'), 200)
  assert.equal(httpStatusFor('degraded'), 200)
  assert.equal(httpStatusFor('unhealthy'), 503)
})

test('buildReport', () => {
  const report = buildReport([r(false, false)], {
    checkedAt: new Date('2026-01-02T03:04:05Z'),
    cached: true,
  })
  assert.deepEqual(report, {
    status: 'degraded',
    checkedAt: '2026-01-02T03:04:05.000Z',
    cached: true,
    probes: [r(false, false)],
  })
})
