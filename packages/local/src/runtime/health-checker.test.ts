// Health checks with intervals scaled down: the event, thresholds, transitions, fail-open.
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { send } from '@albkit/core/testing'
import type { LocalAlb } from '../start.js'
import type { TargetReport } from './health-checker.js'
import { startFixture } from './test-support.js'

const dir = mkdtempSync(join(tmpdir(), 'albkit-health-'))
const healthFile = join(dir, 'status')
let alb: LocalAlb

before(async () => {
  alb = await startFixture(
    [
      {
        paths: ['/health'],
        handler: 'health',
        env: { HEALTH_FILE: healthFile },
        health: {
          enabled: true,
          path: '/health',
          // a generous timeout: a check that times out on a loaded machine would report
          // Target.Timeout instead of the transition under test
          intervalSeconds: 30,
          timeoutSeconds: 25,
          healthyThreshold: 2,
          unhealthyThreshold: 2,
          matcher: '200-299',
        },
      },
      { paths: ['/echo'], handler: 'echo' },
    ],
    // 30 s × 0.01 = a check every 300 ms, timing out after 250 ms
    { healthCheckScale: 0.01 },
  )
})
after(async () => {
  await alb.close()
  rmSync(dir, { recursive: true, force: true })
})

async function until(predicate: (r: TargetReport) => boolean): Promise<TargetReport> {
  for (let i = 0; i < 400; i++) {
    const report = alb.targets().find((t) => t.function === 'fx-0-health')
    if (report && predicate(report)) return report
    await new Promise((r) => setTimeout(r, 25))
  }
  throw new Error(`health never reached the expected state: ${JSON.stringify(alb.targets())}`)
}

test('initial → healthy after the healthy threshold of 200s', async () => {
  const r = await until((t) => t.state === 'healthy')
  assert.equal(r.lastCheck?.statusCode, 200)
  assert.equal(r.lastCheck?.ok, true)
})

test('the check sends the health-check event (GET path, {} query, only the user agent, body "")', () => {
  // the fixture writes the last health-check event it received next to HEALTH_FILE
  const event = JSON.parse(readFileSync(`${healthFile}.event`, 'utf8'))
  assert.deepEqual(event, {
    requestContext: {
      elb: {
        targetGroupArn:
          'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/fx-0-health/0000000000000000',
      },
    },
    httpMethod: 'GET',
    path: '/health',
    queryStringParameters: {},
    headers: { 'user-agent': 'ELB-HealthChecker/2.0' },
    body: '',
    isBase64Encoded: false,
  })
})

test('healthy → unhealthy (ResponseCodeMismatch) when the function answers 500; requests still forwarded (fail open)', async () => {
  writeFileSync(healthFile, '500')
  const r = await until((t) => t.state === 'unhealthy')
  assert.equal(r.reason, 'Target.ResponseCodeMismatch')
  const res = await send(`${alb.url}/health`)
  assert.equal(res.status, 500)
})

test('unhealthy → healthy again; admin /targets shows the state', async () => {
  writeFileSync(healthFile, '204')
  await until((t) => t.state === 'healthy')
  const targets = JSON.parse(
    (await send(`${alb.adminUrl}/targets`)).body.toString(),
  ) as TargetReport[]
  const h = targets.find((t) => t.function === 'fx-0-health')
  assert.equal(h?.state, 'healthy')
  assert.equal(targets.find((t) => t.function === 'fx-1-echo')?.state, 'unavailable')
})
