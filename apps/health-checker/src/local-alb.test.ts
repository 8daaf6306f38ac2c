// The app behind the local load balancer, read from the real templates, with its health checks
// on: the target turns unhealthy after the threshold when a critical dependency stops, and
// healthy again when it returns. Needs the bundle (pnpm build; turbo builds before testing).
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { LocalAlb, TargetReport } from '@albkit/local'
import type { HealthReport } from './report.js'
import { startHttpDependency, type TestHttpDependency } from './test-deps.js'
import { startHealthStack, type TestStack } from './test-stack.js'

// Interval 35 s → 1.75 s, timeout 10 s → 0.5 s; the thresholds (2 / 2) are not scaled.
const SCALE = 0.05

async function targetState(alb: LocalAlb): Promise<TargetReport | undefined> {
  const response = await fetch(`${alb.adminUrl}/targets`)
  assert.equal(response.status, 200)
  const targets = (await response.json()) as TargetReport[]
  return targets.find(
    (t) => t.function?.includes('HealthChecker') || t.targetGroup.includes('health'),
  )
}

/** Polls GET /targets until the target reaches `state` (bounded: at most `limitMs`). */
async function waitFor(alb: LocalAlb, state: string, limitMs = 30_000): Promise<TargetReport[]> {
  const seen: TargetReport[] = []
  const until = Date.now() + limitMs
  while (Date.now() < until) {
    const target = await targetState(alb)
    if (target) seen.push(target)
    if (target?.state === state) return seen
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  assert.fail(`target never became ${state}; last: ${JSON.stringify(seen.at(-1))}`)
}

describe('through the local load balancer with health checks on', () => {
  let dependency: TestHttpDependency
  let stack: TestStack | undefined
  let alb: LocalAlb

  before(async () => {
    dependency = await startHttpDependency()
    stack = await startHealthStack('health-alb-', (config) => {
      const bucket = config.buckets[0]?.bucketName
      assert.ok(bucket, 'the template declares the probe bucket')
      return {
        healthCheckScale: SCALE,
        env: {
          HEALTH_PROBES: JSON.stringify([
            { name: 'api', type: 'http', url: `${dependency.url}/ok`, timeoutMs: 200 },
            { name: 'probe-bucket', type: 's3', bucket, timeoutMs: 200 },
          ]),
          HEALTH_DEADLINE_MS: '300', // below the scaled 0.5 s health-check timeout
          HEALTH_CACHE_MS: '0',
        },
      }
    })
    alb = stack.alb
  })
  after(async () => {
    await stack?.close()
    await dependency.stop()
  })

  test('the health checks use /health and the target becomes healthy', async () => {
    const target = await targetState(alb)
    assert.ok(target, 'the health-checker target group is listed')
    const seen = await waitFor(alb, 'healthy')
    assert.equal(seen.at(-1)?.lastCheck?.statusCode, 200)
  })

  test('a person gets the full report through the listener rule', async () => {
    const response = await fetch(`${alb.url}/health`)
    assert.equal(response.status, 200)
    const report = (await response.json()) as HealthReport
    assert.equal(report.status, 'healthy')
    assert.deepEqual(
      report.probes.map((p) => [p.name, p.ok]),
      [
        ['api', true],
        ['probe-bucket', true],
      ],
    )
  })

  test("a client sending the health checker's user agent gets the ordinary answer (issue 14 #5)", async () => {
    const ua = { 'user-agent': 'ELB-HealthChecker/2.0' }
    // Before the fix any such request got the short-circuit's 200 "healthy", whatever its method.
    const put = await fetch(`${alb.url}/health`, { method: 'PUT', headers: ua, body: 'x' })
    assert.equal(put.status, 405)
    assert.equal(put.headers.get('allow'), 'GET, HEAD')
    const get = await fetch(`${alb.url}/health`, { headers: ua })
    assert.equal(get.status, 200)
    assert.match(get.headers.get('content-type') ?? '', /^application\/json/)
    assert.equal(((await get.json()) as HealthReport).status, 'healthy')
  })

  test('critical dependency stops → unhealthy after the threshold; returns → healthy', async () => {
    await waitFor(alb, 'healthy')
    await dependency.stop()
    const down = await waitFor(alb, 'unhealthy')
    const last = down.at(-1)
    assert.equal(last?.reason, 'Target.ResponseCodeMismatch')
    assert.equal(last?.lastCheck?.statusCode, 503)
    // The ALB fails open when no target is healthy: people still reach the report, which says why.
    const page = await fetch(`${alb.url}/health`)
    assert.equal(page.status, 503)
    const report = (await page.json()) as HealthReport
    assert.equal(
      report.probes.find((p) => p.name === 'api')?.error,
      'connection refused (ECONNREFUSED)',
    )

    await dependency.start()
    const up = await waitFor(alb, 'healthy')
    assert.equal(up.at(-1)?.lastCheck?.statusCode, 200)
  })
})
