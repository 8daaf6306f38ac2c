// The whole function (middy stack included) against real local dependencies.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { AlbEvent, AlbResult, AlbResultSingle } from '@albkit/core'
import { albEvent, healthCheckEvent } from '@albkit/core/testing'
import { lambdaContext } from '@albkit/middy/testing'
import { createHandler } from './handler.js'
import type { HealthReport } from './report.js'
import {
  startHttpDependency,
  startLocalS3,
  startSilentListener,
  type TestHttpDependency,
} from './test-deps.js'

// A fresh context per invocation, as Lambda gives (middy keeps the request view on it).
const ctx = () => lambdaContext('req-1')
const lines: string[] = []
const log = (line: string) => lines.push(line)

async function invoke(env: Record<string, string>, event: AlbEvent): Promise<AlbResultSingle> {
  return single(await createHandler(env, { log })(event, ctx()))
}
function single(result: unknown): AlbResultSingle {
  assert.ok(result && typeof result === 'object' && 'headers' in result, 'single-value result')
  return result as AlbResultSingle
}
const person = (query = '', headers: Record<string, string> = {}, method = 'GET') =>
  albEvent({ method, path: '/health', query, headers })
const reportOf = (result: AlbResult): HealthReport => JSON.parse(result.body ?? '')

describe('handler with real local dependencies', () => {
  let http: TestHttpDependency
  let silent: Awaited<ReturnType<typeof startSilentListener>>
  let s3: Awaited<ReturnType<typeof startLocalS3>>
  let base: Record<string, string>
  const env = (probes: unknown[], extra: Record<string, string> = {}) => ({
    ...base,
    HEALTH_PROBES: JSON.stringify(probes),
    ...extra,
  })
  const healthyProbes = () => [
    { name: 'api', type: 'http', url: `${http.url}/ok` },
    { name: 'queue', type: 'tcp', host: '127.0.0.1', port: silent.port },
    { name: 'uploads', type: 's3', bucket: 'health-bucket' },
    { name: 'resolver', type: 'dns', hostname: 'localhost', critical: false },
  ]

  before(async () => {
    http = await startHttpDependency()
    silent = await startSilentListener()
    s3 = await startLocalS3('health-bucket')
    base = { ...s3.env }
  })
  after(async () => {
    await http.stop()
    await silent.close()
    await s3.close()
  })

  test('healthy: the load balancer gets 200 "healthy"; a person gets every probe ok', async () => {
    const check = await invoke(env(healthyProbes()), healthCheckEvent({ path: '/health' }))
    assert.equal(check.statusCode, 200)
    assert.equal(check.statusDescription, '200 OK')
    assert.equal(check.body, 'healthy')

    const page = await invoke(env(healthyProbes()), person())
    assert.equal(page.statusCode, 200)
    assert.match(page.headers['Content-Type'] ?? '', /^application\/json/)
    assert.equal(page.headers['Cache-Control'], 'no-store')
    const report = reportOf(page)
    assert.equal(report.status, 'healthy')
    assert.deepEqual(
      report.probes.map((p) => [p.name, p.type, p.critical, p.ok, typeof p.latencyMs]),
      [
        ['api', 'http', true, true, 'number'],
        ['queue', 'tcp', true, true, 'number'],
        ['uploads', 's3', true, true, 'number'],
        ['resolver', 'dns', false, true, 'number'],
      ],
    )
  })

  test('degraded: an optional unresolvable name fails, the check still answers 200', async () => {
    const probes = [
      ...healthyProbes(),
      { name: 'partner', type: 'dns', hostname: 'does-not-exist.invalid', critical: false },
    ]
    const check = await invoke(env(probes), healthCheckEvent({ path: '/health' }))
    assert.equal(check.statusCode, 200)
    assert.equal(check.body, 'degraded')
    const report = reportOf(await invoke(env(probes), person()))
    assert.equal(report.status, 'degraded')
    const partner = report.probes.find((p) => p.name === 'partner')
    assert.equal(partner?.ok, false)
    assert.match(partner?.error ?? '', /name not found|EAI_AGAIN|timed out/)
  })

  test('unhealthy: a critical dependency that accepts and never answers → 503, deadline held', async () => {
    const probes = [
      ...healthyProbes(),
      { name: 'stalled', type: 'http', url: `http://127.0.0.1:${silent.port}/`, timeoutMs: 400 },
    ]
    const started = Date.now()
    const check = await invoke(
      env(probes, { HEALTH_DEADLINE_MS: '1000' }),
      healthCheckEvent({ path: '/health' }),
    )
    assert.ok(Date.now() - started < 1000 + 2000, 'the check finished well within the deadline')
    assert.equal(check.statusCode, 503)
    assert.equal(check.statusDescription, '503 Service Unavailable')
    assert.equal(check.body, 'unhealthy')

    const page = await invoke(env(probes), person())
    assert.equal(page.statusCode, 503)
    const stalled = reportOf(page).probes.find((p) => p.name === 'stalled')
    assert.equal(stalled?.ok, false)
    // the probe's own fetch timeout and the runner's timer fire together; either may win
    assert.match(stalled?.error ?? '', /^timed out/)
  })

  test('unhealthy: critical S3 bucket missing; optional failures do not mask it', async () => {
    const probes = [
      { name: 'uploads', type: 's3', bucket: 'no-such-bucket' },
      { name: 'resolver', type: 'dns', hostname: 'does-not-exist.invalid', critical: false },
    ]
    const report = reportOf(await invoke(env(probes), person()))
    assert.equal(report.status, 'unhealthy')
    assert.equal(report.probes[0]?.error, 'bucket not found (404)')
  })

  test('caching: two checks within HEALTH_CACHE_MS probe the dependency once', async () => {
    const handler = createHandler(
      env([{ name: 'api', type: 'http', url: `${http.url}/ok` }], { HEALTH_CACHE_MS: '60000' }),
      { log },
    )
    const hitsBefore = http.hits()
    const first = single(await handler(healthCheckEvent({ path: '/health' }), ctx()))
    const second = single(await handler(person(), ctx()))
    assert.equal(first.statusCode, 200)
    assert.equal(http.hits() - hitsBefore, 1)
    assert.equal(reportOf(second).cached, true)
  })

  test('caching: concurrent checks share one run; HEALTH_CACHE_MS=0 probes every time', async () => {
    const probes = [{ name: 'api', type: 'http', url: `${http.url}/ok` }]
    const shared = createHandler(env(probes, { HEALTH_CACHE_MS: '0' }), { log })
    let hits = http.hits()
    await Promise.all([1, 2, 3].map(() => shared(healthCheckEvent({ path: '/health' }), ctx())))
    assert.equal(http.hits() - hits, 1)
    hits = http.hits()
    await shared(healthCheckEvent({ path: '/health' }), ctx())
    await shared(healthCheckEvent({ path: '/health' }), ctx())
    assert.equal(http.hits() - hits, 2)
  })

  test('HTML for browsers and ?format=html: escaped, strict CSP', async () => {
    const probes = [{ name: 'a<b>', type: 'dns', hostname: 'localhost' }]
    const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'
    // a name with < > is rejected by the config, so the escaping is shown with the status word
    const bad = await invoke(env(probes), person('', { accept: browser }))
    assert.equal(bad.statusCode, 500)
    const page = await invoke(
      env([{ name: 'resolver', type: 'dns', hostname: 'localhost' }]),
      person('', { accept: browser }),
    )
    assert.equal(page.statusCode, 200)
    assert.match(page.headers['Content-Type'] ?? '', /^text\/html/)
    assert.match(
      page.headers['Content-Security-Policy'] ?? '',
      /^default-src 'none'; style-src 'sha256-/,
    )
    assert.equal(page.headers['X-Content-Type-Options'], 'nosniff')
    assert.match(
      page.body ?? '',
      /<td>resolver<\/td><td>dns<\/td><td>critical<\/td><td class="ok">ok<\/td>/,
    )
    const forced = await invoke(env([]), person('format=html'))
    assert.match(forced.body ?? '', /no probes configured/)
    const json = await invoke(env([]), person('format=json', { accept: browser }))
    assert.equal(reportOf(json).status, 'healthy')
  })

  test('?format=xml → 400; HEAD → status and headers, no body; POST → 405 with Allow', async () => {
    const badFormat = await invoke(env([]), person('format=xml'))
    assert.equal(badFormat.statusCode, 400)
    // middy's pickFormat: one wording for every app (was 'format must be "json" or "html"').
    assert.equal(
      JSON.parse(badFormat.body ?? '').error,
      'The format parameter must be one of: json, html.',
    )

    const unhealthy = [{ name: 'api', type: 'http', url: `${http.url}/fail` }]
    const head = await invoke(env(unhealthy), person('', {}, 'HEAD'))
    assert.equal(head.statusCode, 503)
    assert.equal(head.body, '')
    assert.match(head.headers['Content-Type'] ?? '', /^application\/json/)

    const post = await invoke(env([]), person('', {}, 'POST'))
    assert.equal(post.statusCode, 405)
    assert.equal(post.headers.Allow, 'GET, HEAD')
  })

  test('invalid HEALTH_PROBES: checks fail (503, logged), people get a 500 without details', async () => {
    lines.length = 0
    const broken = { ...base, HEALTH_PROBES: '[{"name":"db","type":"tcp","host":"db","port":0}]' }
    const check = await invoke(broken, healthCheckEvent({ path: '/health' }))
    assert.equal(check.statusCode, 503)
    assert.ok(
      lines.some((l) => l.includes('probe \\"db\\": field \\"port\\"')),
      'the log names probe and field',
    )
    const page = await invoke(broken, person())
    assert.equal(page.statusCode, 500)
    assert.doesNotMatch(page.body ?? '', /port/)
  })
})
