import assert from 'node:assert/strict'
import { test } from 'node:test'
import { type AlbEvent, type AlbResult, albError } from '@albkit/core'
import middy from '@middy/core'
import { albErrors } from './alb-errors.js'
import { albLogger } from './alb-logger.js'
import { albRequest } from './alb-request.js'
import { albResponse } from './alb-response.js'
import { albEvent, lambdaContext, memoryLog, modes } from './testing/lambda.js'
import type { AlbContext, AlbHandlerReturn } from './types.js'

const traceRoot = '1-67891233-abcdef012345678912345678'

function app(handler: () => AlbHandlerReturn, log: (line: string) => void) {
  let t = 1000
  return middy<AlbEvent, AlbHandlerReturn, Error, AlbContext>()
    .use([
      albLogger({ log, now: () => (t += 12.5) }),
      albErrors({ logger: () => {} }),
      albResponse(),
      albRequest(),
    ])
    .handler(handler)
}

for (const mode of modes) {
  test(`albLogger (${mode}): one JSON line per request with the agreed fields`, async () => {
    const { log, lines } = memoryLog()
    const event = albEvent({
      mode,
      method: 'PUT',
      path: '/things/1',
      headers: { 'x-amzn-trace-id': `Root=${traceRoot}` },
    })
    await app(() => 'ok', log)(event, lambdaContext('req-abc'))
    assert.equal(lines.length, 1)
    const line = lines[0] ?? {}
    assert.ok(!Number.isNaN(Date.parse(String(line.timestamp))))
    assert.deepEqual(
      { ...line, timestamp: 'T' },
      {
        timestamp: 'T',
        level: 'info',
        traceId: traceRoot,
        method: 'PUT',
        path: '/things/1',
        status: 200,
        durationMs: 12.5,
        requestId: 'req-abc',
      },
    )
  })
}

test('albLogger: errors are logged with the status albErrors chose', async () => {
  const { log, lines } = memoryLog()
  const r = (await app(() => {
    throw albError(404, 'nope')
  }, log)(albEvent({}), lambdaContext())) as AlbResult
  assert.equal(r.statusCode, 404)
  assert.equal(lines.length, 1)
  assert.equal(lines[0]?.status, 404)
  assert.equal(lines[0]?.level, 'warn')
})

test('albLogger: a raw error is logged as 500/error', async () => {
  const { log, lines } = memoryLog()
  await app(() => {
    throw new Error('boom')
  }, log)(albEvent({}), lambdaContext())
  assert.equal(lines[0]?.status, 500)
  assert.equal(lines[0]?.level, 'error')
})

test('albLogger: a throwing log sink never breaks the response', async () => {
  const r = (await app(
    () => 'ok',
    () => {
      throw new Error('disk full')
    },
  )(albEvent({}), lambdaContext())) as AlbResult
  assert.equal(r.statusCode, 200)
})
