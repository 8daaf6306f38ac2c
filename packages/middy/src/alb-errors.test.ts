import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { type AlbEvent, type AlbResult, albError, validateResult } from '@albkit/core'
import middy from '@middy/core'
import { albErrors } from './alb-errors.js'
import { albRequest } from './alb-request.js'
import { albResponse } from './alb-response.js'
import {
  albEvent,
  bodyBytes,
  headersOf,
  lambdaContext,
  memoryLog,
  modes,
} from './testing/lambda.js'
import type { AlbContext, AlbHandlerReturn } from './types.js'

const traceRoot = '1-5c536348-3d683b8b04734faae651f476'

function app(fail: () => never, log: (line: string) => void) {
  return middy<AlbEvent, AlbHandlerReturn, Error, AlbContext>()
    .use([albErrors({ logger: log }), albResponse(), albRequest()])
    .handler(fail)
}

for (const mode of modes) {
  describe(`albErrors (${mode}-value event)`, () => {
    const event = albEvent({ mode, headers: { 'x-amzn-trace-id': `Root=${traceRoot}` } })

    test('an AlbError gives its status, its message and its headers', async () => {
      const { log, lines } = memoryLog()
      const handler = app(() => {
        throw albError(405, 'Use GET or HEAD', { headers: { Allow: 'GET, HEAD' } })
      }, log)
      const r = (await handler(event, lambdaContext())) as AlbResult
      assert.deepEqual(validateResult(r, mode), { errors: [], warnings: [] })
      assert.equal(r.statusCode, 405)
      assert.equal(r.statusDescription, '405 Method Not Allowed')
      assert.deepEqual(headersOf(r).allow, ['GET, HEAD'])
      assert.match(bodyBytes(r).toString(), /Use GET or HEAD/)
      assert.equal(lines.length, 1)
      assert.equal(lines[0]?.level, 'warn')
    })

    test('a raw Error gives a generic 500 with the trace id, never its message', async () => {
      const { log, lines } = memoryLog()
      const handler = app(() => {
        throw new Error('password=hunter2 at db.internal:5432')
      }, log)
      const r = (await handler(event, lambdaContext('req-77'))) as AlbResult
      assert.deepEqual(validateResult(r, mode), { errors: [], warnings: [] })
      assert.equal(r.statusCode, 500)
      const body = bodyBytes(r).toString()
      assert.doesNotMatch(body, /hunter2|db\.internal/)
      assert.match(body, new RegExp(traceRoot))
      assert.match(headersOf(r)['content-type']?.[0] ?? '', /^application\/json/)
      assert.equal(lines.length, 1, 'details go to exactly one log line')
      const logged = lines[0] ?? {}
      assert.equal(logged.level, 'error')
      assert.equal(logged.traceId, traceRoot)
      assert.equal(logged.requestId, 'req-77')
      assert.match(JSON.stringify(logged.error), /hunter2/)
    })

    test('an unexposed AlbError (500) hides its message', async () => {
      const { log } = memoryLog()
      const handler = app(() => {
        throw albError(503, 'upstream s3 bucket secret-bucket unreachable', { expose: false })
      }, log)
      const r = (await handler(event, lambdaContext())) as AlbResult
      assert.equal(r.statusCode, 503)
      assert.doesNotMatch(bodyBytes(r).toString(), /secret-bucket/)
    })

    test('a thrown non-Error value is handled too', async () => {
      const { log, lines } = memoryLog()
      const handler = app(() => {
        throw 'just a string'
      }, log)
      const r = (await handler(event, lambdaContext())) as AlbResult
      assert.deepEqual(validateResult(r, mode), { errors: [], warnings: [] })
      assert.equal(r.statusCode, 500)
      assert.doesNotMatch(bodyBytes(r).toString(), /just a string/)
      assert.equal(lines.length, 1)
    })
  })
}

test('albErrors: a result the handler cannot serialise (BigInt) still ends as a 500 result', async () => {
  const { log } = memoryLog()
  const handler = middy<AlbEvent, AlbHandlerReturn, Error, AlbContext>()
    .use([albErrors({ logger: log }), albResponse(), albRequest()])
    .handler(() => ({ n: 1n }))
  const r = (await handler(albEvent({ mode: 'multi' }), lambdaContext())) as AlbResult
  assert.equal(r.statusCode, 500)
  assert.deepEqual(validateResult(r, 'multi'), { errors: [], warnings: [] })
})
