// Out of the box, offline: the probes the template configures (HEALTH_PROBES as the local load
// balancer resolves it, no override) only reach what the local stack provides, and /health is
// green on a first run (issue 17 #4: a DNS probe of the real S3 endpoint made it "degraded").
// Probes that need the internet are opt-in (README, "Probes that need the internet").
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { type LocalAlb, type LocalConfig, loadConfig, start } from '@albkit/local'
import { parseHealthConfig } from './probes-config.js'
import type { HealthReport } from './report.js'

const repo = join(dirname(fileURLToPath(import.meta.url)), '../../..')
const templates = [
  join(repo, 'templates/sam/alb.yaml'),
  join(repo, 'templates/sam/health-checker.yaml'),
]

describe('the default probes, as a first local run sees them', () => {
  let config: LocalConfig
  let alb: LocalAlb
  let dir: string

  before(async () => {
    config = await loadConfig(templates)
    dir = await mkdtemp(join(tmpdir(), 'health-default-'))
    alb = await start({
      templates,
      config,
      port: 0,
      adminPort: 0,
      s3: { port: 0, dir: join(dir, 's3') },
      logDir: join(dir, 'logs'),
      quiet: true,
    })
  })
  after(async () => {
    await alb?.close()
    if (dir) await rm(dir, { recursive: true, force: true })
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
