import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { type AlbEvent, type AlbResult, text, validateResult } from '@albkit/core'
import middy from '@middy/core'
import { albHealthCheck } from './alb-health-check.js'
import { albJsonBody } from './alb-json-body.js'
import {
  albEvent,
  bodyBytes,
  healthCheckEvent,
  lambdaContext,
  memoryLog,
  modes,
} from './testing/lambda.js'
import type { AlbContext, AlbHandlerReturn } from './types.js'

function app(opts: Parameters<typeof albHealthCheck>[0], calls: string[]) {
  return middy<AlbEvent, AlbHandlerReturn, Error, AlbContext>()
    .use([albHealthCheck(opts), albJsonBody()])
    .handler(() => {
      calls.push('handler')
      return 'handled'
    })
}

for (const mode of modes) {
  describe(`albHealthCheck (${mode}-value event)`, () => {
    test('answers ELB-HealthChecker/2.0 with 200 OK before the rest of the stack', async () => {
      const calls: string[] = []
      const r = (await app({ healthCheckPath: '/health' }, calls)(
        healthCheckEvent({ mode, path: '/health' }),
        lambdaContext(),
      )) as AlbResult
      assert.deepEqual(validateResult(r, mode), { errors: [], warnings: [] })
      assert.equal(r.statusCode, 200)
      assert.equal(bodyBytes(r).toString(), 'OK')
      assert.deepEqual(calls, [], 'neither albJsonBody (would 415) nor the handler ran')
    })

    test('probe false → 503', async () => {
      const r = (await app({ probe: async () => false }, [])(
        healthCheckEvent({ mode }),
        lambdaContext(),
      )) as AlbResult
      assert.deepEqual(validateResult(r, mode), { errors: [], warnings: [] })
      assert.equal(r.statusCode, 503)
    })

    test('probe HttpResponse is used as the answer', async () => {
      const probe = () => text('degraded', { statusCode: 299 })
      const r = (await app({ probe }, [])(healthCheckEvent({ mode }), lambdaContext())) as AlbResult
      assert.deepEqual(validateResult(r, mode), { errors: [], warnings: [] })
      assert.equal(r.statusCode, 299)
      assert.equal(bodyBytes(r).toString(), 'degraded')
    })

    test('a throwing probe → 503 and one log line, no error detail in the body', async () => {
      const { log, lines } = memoryLog()
      const probe = async (): Promise<boolean> => {
        throw new Error('redis at 10.0.0.5 refused')
      }
      const r = (await app({ probe, log }, [])(
        healthCheckEvent({ mode }),
        lambdaContext(),
      )) as AlbResult
      assert.equal(r.statusCode, 503)
      assert.doesNotMatch(bodyBytes(r).toString(), /redis/)
      // the probe failure, then the answered check at debug level
      assert.deepEqual(
        lines.map((l) => l.level),
        ['error', 'debug'],
      )
    })
  })
}

// Issue 14 #5: the health checker's user agent on another method or through a listener (which
// adds X-Forwarded-*) used to get the short-circuit's 200 without reaching the handler.
test("albHealthCheck: ordinary requests reach the handler, also with the health checker's user agent", async () => {
  const ua = { 'user-agent': 'ELB-HealthChecker/2.0' }
  for (const event of [
    albEvent({ path: '/health' }),
    albEvent({ method: 'PUT', path: '/', headers: ua, body: 'x' }),
    albEvent({ method: 'GET', path: '/', headers: ua }),
    { ...healthCheckEvent(), httpMethod: 'POST' },
  ]) {
    const calls: string[] = []
    const handler = middy<AlbEvent, AlbHandlerReturn, Error, AlbContext>()
      .use(albHealthCheck())
      .handler(() => {
        calls.push('handler')
        return 'handled'
      })
    assert.equal(await handler(event, lambdaContext()), 'handled')
    assert.deepEqual(calls, ['handler'], `${event.httpMethod} ${event.path}`)
  }
})
