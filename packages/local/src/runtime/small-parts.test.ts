// The small pure parts: trace ids, redirects, weighted choice, health state, matcher, error page.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { errorPageBody, rawErrorResponse } from './error-page.js'
import { initialHealth, matcherAccepts, nextHealth } from './health-state.js'
import { pickTargetGroup } from './pick-target-group.js'
import { redirectLocation } from './redirect-location.js'
import { forwardedTraceId, newTraceIdPart } from './trace-id.js'

test('trace ids: a generated Root, or the client Root kept with a Self added', () => {
  assert.match(newTraceIdPart(0x5c536348 * 1000), /^1-5c536348-[0-9a-f]{24}$/)
  assert.match(forwardedTraceId(undefined), /^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/)
  assert.match(
    forwardedTraceId('Root=1-5c536348-3d683b8b04734faae651f476;Self=fake'),
    /^Self=1-[0-9a-f]{8}-[0-9a-f]{24};Root=1-5c536348-3d683b8b04734faae651f476$/,
  )
  assert.match(forwardedTraceId('Sampled=1'), /^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Sampled=1$/)
})

test('redirect placeholders and defaults', () => {
  const req = {
    protocol: 'http' as const,
    host: 'a.test',
    port: 8080,
    path: '/x/y',
    rawQuery: 'q=1',
  }
  assert.equal(
    redirectLocation(
      {
        protocol: '#{protocol}',
        host: '#{host}',
        port: '#{port}',
        path: '/#{path}',
        query: '#{query}',
      },
      req,
    ),
    'http://a.test:8080/x/y?q=1',
  )
  assert.equal(
    redirectLocation(
      { protocol: 'HTTPS', host: 'b.test', port: '443', path: '/new', query: '' },
      req,
    ),
    'https://b.test:443/new',
  )
})

test('weighted choice', () => {
  const groups = [
    { arn: 'a', weight: 1 },
    { arn: 'b', weight: 0 },
    { arn: 'c', weight: 3 },
  ]
  assert.equal(
    pickTargetGroup(groups, () => 0),
    'a',
  )
  assert.equal(
    pickTargetGroup(groups, () => 0.26),
    'c',
  )
  assert.equal(
    pickTargetGroup(groups, () => 0.999),
    'c',
  )
  assert.equal(
    pickTargetGroup([{ arn: 'only', weight: 0 }], () => 0.5),
    'only',
  )
})

test('matcher forms', () => {
  assert.ok(matcherAccepts('200', 200))
  assert.ok(!matcherAccepts('200', 204))
  assert.ok(matcherAccepts('200-299', 204))
  assert.ok(matcherAccepts('200,204', 204))
  assert.ok(!matcherAccepts('200,204', 500))
})

test('health transitions by thresholds', () => {
  let h = initialHealth(true, true)
  assert.equal(h.state, 'initial')
  h = nextHealth(h, { ok: true }, 2, 2)
  assert.equal(h.state, 'initial')
  h = nextHealth(h, { ok: true }, 2, 2)
  assert.equal(h.state, 'healthy')
  h = nextHealth(h, { ok: false, reason: 'Target.Timeout' }, 2, 2)
  assert.equal(h.state, 'healthy')
  h = nextHealth(h, { ok: false, reason: 'Target.Timeout' }, 2, 2)
  assert.deepEqual([h.state, h.reason], ['unhealthy', 'Target.Timeout'])
  assert.deepEqual(initialHealth(false, true).reason, 'Target.HealthCheckDisabled')
})

test('the error page matches the ALB page', () => {
  assert.equal(
    errorPageBody(502).trim(),
    '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>',
  )
  assert.match(rawErrorResponse(400), /^HTTP\/1\.1 400 Bad Request\r\nServer: awselb\/2\.0\r\n/)
})

test('access-log fields are quoted and escaped; missing ones are -', async () => {
  const { formatAccessLog } = await import('./access-log.js')
  const line = formatAccessLog({
    received: Date.UTC(2026, 0, 2, 3, 4, 5, 6),
    finished: Date.UTC(2026, 0, 2, 3, 4, 5, 78),
    elbName: 'app/x/0',
    clientIp: '127.0.0.1',
    clientPort: 5000,
    requestProcessingMs: 0,
    targetProcessingMs: 12,
    responseProcessingMs: 1,
    elbStatusCode: 502,
    targetStatusCode: undefined,
    receivedBytes: 10,
    sentBytes: 20,
    method: 'GET',
    url: 'http://h/p',
    httpVersion: 'HTTP/1.1',
    userAgent: 'a "quoted"\nagent\\',
    targetGroupArn: undefined,
    traceId: undefined,
    domain: 'h',
    matchedRulePriority: 'default',
    actions: ['forward'],
    redirectUrl: undefined,
    errorReason: 'LambdaUnhandled',
  })
  assert.equal(
    line,
    'http 2026-01-02T03:04:05.078000Z app/x/0 127.0.0.1:5000 - 0.000 0.012 0.001 502 - 10 20 "GET http://h/p HTTP/1.1" "a \\"quoted\\"\\x0aagent\\\\" - - - "-" "h" "-" 0 2026-01-02T03:04:05.006000Z "forward" "-" "LambdaUnhandled" "-" "-" "-" "-" -',
  )
})
