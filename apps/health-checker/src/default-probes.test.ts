// Out of the box, offline: the probes the template configures (HEALTH_PROBES as the local load
// balancer resolves it, no override) only reach what the local stack provides, and /health is
// green on a first run (issue 17 #4: a DNS probe of the real S3 endpoint made it "degraded").
// Probes that need the internet are opt-in (README, "Probes that need the internet").
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { LocalAlb, LocalConfig } from '@albkit/local'
import { parseHealthConfig } from './probes-config.js'
import type { HealthReport } from './report.js'
import { startHealthStack, type TestStack } from './test-stack.js'

describe('the default probes, as a first local run sees them', () => {
  let stack: TestStack | undefined
  let config: LocalConfig
  let alb: LocalAlb

  before(async () => {
    stack = await startHealthStack('health-default-')
    config = stack.config
    alb = stack.alb
  })
  after(async () => {
    await stack?.close()
  })

  test('every default probe targets the local stack: a bucket of the template, nothing on the internet', () => {
    const fn = config.functions.find((f) => f.logicalId === 'HealthCheckerFunction')
    assert.ok(fn, 'the template declares HealthCheckerFunction')
    const { probes } = parseHealthConfig(fn.environment)
    assert.ok(probes.length > 0, 'the template configures at least one probe')
    const buckets = config.buckets.map((b) => b.bucketName)
    for (const probe of probes) {
      assert.ok(
        probe.type === 's3' && buckets.includes(probe.bucket),
        `probe "${probe.name}" (${probe.type}) needs something the local stack does not provide: make it opt-in`,
      )
    }
  })

  test('GET /health through the local load balancer: 200, healthy, every probe ok', async () => {
    const response = await fetch(`${alb.url}/health`, { headers: { accept: 'application/json' } })
    const report = (await response.json()) as HealthReport
    assert.equal(response.status, 200, JSON.stringify(report))
    assert.equal(report.status, 'healthy', JSON.stringify(report.probes))
    assert.ok(report.probes.every((p) => p.ok))
  })
})
