import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { type AlbEvent, type AlbResult, albError, text, validateResult } from '@albkit/core'
import middy from '@middy/core'
import { albDefaults } from './alb-defaults.js'
import { albJsonBody } from './alb-json-body.js'
import {
  albEvent,
  bodyBytes,
  healthCheckEvent,
  lambdaContext,
  memoryLog,
  modes,
} from './test-support/lambda.js'
import type { AlbContext, AlbHandlerReturn } from './types.js'

test('albDefaults: the documented order', () => {
  const stack = albDefaults()
  assert.equal(stack.length, 5)
  const names = stack.map((m) =>
    [m.before?.name, m.after?.name, m.onError?.name].filter(Boolean).join(','),
  )
  assert.deepEqual(names, [
    'albLoggerBefore,albLoggerAfter,albLoggerOnError',
    'albHealthCheckBefore',
    'albErrorsOnError',
    'albResponseAfter',
    'albRequestBefore',
  ])
})

for (const mode of modes) {
  describe(`albDefaults (${mode}-value event)`, () => {
    const build = (log: (line: string) => void) =>
      middy<AlbEvent, AlbHandlerReturn, Error, AlbContext>()
        .use(albDefaults({ log }))
        .use(albJsonBody())
        .handler((_e, context) => ({ ip: context.alb.clientIp, method: context.alb.method }))

    test('an ordinary request: parsed, answered as JSON, logged once', async () => {
      const { log, lines } = memoryLog()
      const event = albEvent({
        mode,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
        sourceIp: '198.51.100.7',
      })
      const r = (await build(log)(event, lambdaContext())) as AlbResult
      assert.deepEqual(validateResult(r, mode), { errors: [], warnings: [] })
      assert.deepEqual(JSON.parse(bodyBytes(r).toString()), { ip: '198.51.100.7', method: 'POST' })
      assert.equal(lines.length, 1)
      assert.equal(lines[0]?.status, 200)
    })

    test('a health check short-circuits: 200 OK in the right mode, no body parsing, no log line', async () => {
      const { log, lines } = memoryLog()
      const r = (await build(log)(healthCheckEvent({ mode }), lambdaContext())) as AlbResult
      assert.deepEqual(validateResult(r, mode), { errors: [], warnings: [] })
      assert.equal(r.statusCode, 200)
      assert.equal(bodyBytes(r).toString(), 'OK')
      assert.deepEqual(lines, [])
    })

    test('a failing JSON body → 415 result in the right mode, logged', async () => {
      const { log, lines } = memoryLog()
      const event = albEvent({
        mode,
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'x',
      })
      const r = (await build(log)(event, lambdaContext())) as AlbResult
      assert.deepEqual(validateResult(r, mode), { errors: [], warnings: [] })
      assert.equal(r.statusCode, 415)
      assert.ok(lines.some((l) => l.status === 415))
    })

    test('a handler throwing a raw Error → 500 without its message', async () => {
      const { log } = memoryLog()
      const handler = middy<AlbEvent, AlbHandlerReturn, Error, AlbContext>()
        .use(albDefaults({ log }))
        .handler(() => {
          throw new Error('SELECT * FROM users WHERE secret')
        })
      const r = (await handler(albEvent({ mode }), lambdaContext())) as AlbResult
      assert.deepEqual(validateResult(r, mode), { errors: [], warnings: [] })
      assert.equal(r.statusCode, 500)
      assert.doesNotMatch(bodyBytes(r).toString(), /SELECT|secret/)
    })

    test('probe and AlbError headers pass through the stack', async () => {
      const { log } = memoryLog()
      const handler = middy<AlbEvent, AlbHandlerReturn, Error, AlbContext>()
        .use(albDefaults({ log, probe: () => text('busy', { statusCode: 503 }) }))
        .handler(() => {
          throw albError(429, 'Slow down', { headers: { 'Retry-After': '7' } })
        })
      const hc = (await handler(healthCheckEvent({ mode }), lambdaContext())) as AlbResult
      assert.equal(hc.statusCode, 503)
      const r = (await handler(albEvent({ mode }), lambdaContext())) as AlbResult
      assert.equal(r.statusCode, 429)
      assert.match(JSON.stringify(r), /Retry-After/)
    })
  })
}

test('albDefaults: a malformed (non-ALB) event still ends as a valid result, not a crash', async () => {
  const { log, lines } = memoryLog()
  const handler = middy<AlbEvent, AlbHandlerReturn, Error, AlbContext>()
    .use(albDefaults({ log }))
    .handler(() => 'never')
  const r = (await handler({} as AlbEvent, lambdaContext())) as AlbResult
  assert.deepEqual(validateResult(r, 'single'), { errors: [], warnings: [] })
  // core's parseRequest rejects a non-ALB event (500, not exposed): albErrors logs why, albLogger the request.
  assert.equal(r.statusCode, 500)
  assert.equal(lines.length, 2)
  assert.match(
    JSON.stringify(lines),
    /not an Application Load Balancer event: requestContext\.elb missing/,
  )
})
