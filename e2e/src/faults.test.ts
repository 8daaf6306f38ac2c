/**
 * Faults: local S3 stopped mid-run (uploads answer 503 with a clear body, the health checker
 * answers 503 to the load balancer's health checks, both recover by themselves when S3 is back),
 * and handlers that throw, crash, hang past their timeout or exit their process (each a 502, the
 * dead instance replaced) — while the other routes keep answering.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { TargetReport } from '@albkit/local'
import { figure } from './support/figures.js'
import { keepAsking, tally } from './support/keep-asking.js'
import { type Stack, startStack } from './support/stack.js'

// Health-check interval 35 s → 2.8 s, timeout 10 s → 0.8 s; thresholds 2 / 2 stay.
const SCALE = 0.08
const OTHERS = ['/ip', '/binary/logo.png', '/upload']

let stack: Stack
before(async () => {
  stack = await startStack({
    faults: true,
    healthCheckScale: SCALE,
    env: (bucket) => ({
      HEALTH_PROBES: JSON.stringify([
        { name: 'probe-bucket', type: 's3', bucket: bucket('ProbeBucket'), timeoutMs: 500 },
      ]),
      HEALTH_DEADLINE_MS: '600', // below the scaled 0.8 s health-check timeout
      HEALTH_CACHE_MS: '0',
    }),
  })
})
after(() => stack?.close())

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function healthTarget(): Promise<TargetReport> {
  const r = await fetch(`${stack.alb.adminUrl}/targets`)
  const target = ((await r.json()) as TargetReport[]).find((t) =>
    t.function?.includes('HealthChecker'),
  )
  assert.ok(target, 'the health-checker target is listed')
  return target
}

/** Polls until `check` returns a value (bounded by `limitMs`). */
async function until<T>(what: string, check: () => Promise<T | undefined>, limitMs = 30_000) {
  const deadline = Date.now() + limitMs
  while (Date.now() < deadline) {
    const value = await check()
    if (value !== undefined) return value
    await sleep(100)
  }
  assert.fail(`${what}: not reached within ${limitMs} ms`)
}

const putUpload = (name: string) =>
  fetch(`${stack.alb.url}/upload/${name}`, {
    method: 'PUT',
    body: Buffer.from(`bytes of ${name}`),
    headers: { 'content-type': 'application/octet-stream' },
  })

describe('local S3 stopped mid-run', () => {
  test('uploads 503 with a clear body, health checks 503; both recover when S3 is back', async () => {
    await until('target healthy at first', async () =>
      (await healthTarget()).state === 'healthy' ? true : undefined,
    )
    assert.equal((await putUpload('before.bin')).status, 201)
    const asker = keepAsking(stack.alb.url, OTHERS)

    await stack.s3.stop()
    const down = await putUpload('while-down.bin')
    assert.equal(down.status, 503)
    assert.equal(down.headers.get('retry-after'), '5')
    const downBody = (await down.json()) as { error: string; statusCode: number }
    assert.equal(downBody.statusCode, 503)
    assert.match(downBody.error, /S3|storage/i)
    const form = new FormData()
    form.append('file', new Blob([Buffer.from('x')]), 'a.bin')
    const downForm = await fetch(`${stack.alb.url}/upload`, { method: 'POST', body: form })
    assert.equal(downForm.status, 503)
    const health = await fetch(`${stack.alb.url}/health`, {
      headers: { accept: 'application/json' },
    })
    assert.equal(health.status, 503)
    assert.match(await health.text(), /probe-bucket/)
    const unhealthy = await until('target unhealthy', async () => {
      const t = await healthTarget()
      return t.state === 'unhealthy' ? t : undefined
    })
    assert.equal(unhealthy.lastCheck?.statusCode, 503)

    await stack.s3.restart()
    const restarted = Date.now()
    let attempts = 0
    await until('uploads stored again', async () => {
      attempts++
      return (await putUpload(`after-${attempts}.bin`)).status === 201 ? true : undefined
    })
    const uploadBackMs = Date.now() - restarted
    await until('target healthy again', async () =>
      (await healthTarget()).state === 'healthy' ? true : undefined,
    )
    const targetBackMs = Date.now() - restarted
    assert.equal((await fetch(`${stack.alb.url}/health`)).status, 200)
    const others = tally(await asker.stop())
    figure('s3-outage', {
      upload: '201→503→201',
      health: '200→503→200',
      target: 'healthy→unhealthy→healthy',
      uploadAttemptsToRecover: attempts,
      uploadBackMs,
      targetBackMs,
      reason: JSON.stringify(downBody.error),
      others: `${others.ok}/${others.total}`,
    })
    assert.ok(others.total > 0)
    assert.equal(others.ok, others.total, 'the other routes answered 200 throughout')
  })
})

describe('handlers that fail', () => {
  const fault = async (mode: string) => {
    const r = await fetch(`${stack.alb.url}/fault/${mode}`)
    return { status: r.status, type: r.headers.get('content-type'), body: await r.text() }
  }
  const instance = async () => {
    const r = await fault('ok')
    assert.equal(r.status, 200)
    return (JSON.parse(r.body) as { instance: string }).instance
  }

  test('throw, crash, hang past the timeout, process.exit: 502 each, dead instances replaced, others answer', async () => {
    const asker = keepAsking(stack.alb.url, OTHERS)
    const first = await instance()

    // A rejected handler promise is a reported error: 502, and (as on Lambda) the environment
    // lives on for the next request.
    const thrown = await fault('throw')
    assert.equal(thrown.status, 502)
    assert.match(thrown.body, /502 Bad Gateway/)
    assert.doesNotMatch(thrown.body, /thrown on purpose/, 'the error never reaches the client')
    assert.equal(await instance(), first)

    const replaced: string[] = [first]
    for (const mode of ['crash', 'hang', 'exit']) {
      const r = await fault(mode)
      assert.equal(r.status, 502, `${mode} → 502`)
      assert.match(r.body, /502 Bad Gateway/)
      const next = await instance()
      assert.ok(!replaced.includes(next), `${mode}: a fresh instance answers next`)
      replaced.push(next)
    }
    const others = tally(await asker.stop())
    figure('faults', {
      throw: 502,
      crash: 502,
      hang: 502,
      exit: 502,
      instancesReplaced: replaced.length - 1,
      others: `${others.ok}/${others.total}`,
    })
    assert.ok(others.total > 0)
    assert.equal(others.ok, others.total, 'the other routes answered 200 throughout')
  })
})
