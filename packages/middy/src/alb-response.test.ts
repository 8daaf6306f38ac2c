import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { type AlbEvent, type AlbResult, json, validateResult } from '@albkit/core'
import middy from '@middy/core'
import { albRequest } from './alb-request.js'
import { albResponse } from './alb-response.js'
import {
  albEvent,
  bodyBytes,
  fixtures,
  headersOf,
  lambdaContext,
  memoryLog,
  modes,
} from './testing/lambda.js'
import type { AlbContext, AlbHandlerReturn } from './types.js'

function app(value: () => AlbHandlerReturn, opts: Parameters<typeof albResponse>[0] = {}) {
  return middy<AlbEvent, AlbHandlerReturn, Error, AlbContext>()
    .use([albResponse(opts), albRequest()])
    .handler(value)
}

async function call(handler: ReturnType<typeof app>, event: AlbEvent): Promise<AlbResult> {
  return (await handler(event, lambdaContext())) as AlbResult
}

for (const mode of modes) {
  describe(`albResponse (${mode}-value event)`, () => {
    const event = albEvent({ mode, path: '/x' })
    const headerKey = mode === 'multi' ? 'multiValueHeaders' : 'headers'

    test('a string becomes text/plain', async () => {
      const r = await call(
        app(() => 'héllo'),
        event,
      )
      assert.deepEqual(validateResult(r, mode), { errors: [], warnings: [] })
      assert.ok(headerKey in r)
      assert.equal(r.statusCode, 200)
      assert.equal(r.statusDescription, '200 OK')
      assert.match(headersOf(r)['content-type']?.[0] ?? '', /^text\/plain/)
      assert.equal(bodyBytes(r).toString('utf8'), 'héllo')
    })

    test('a plain object becomes JSON', async () => {
      const r = await call(
        app(() => ({ a: [1, 'two'] })),
        event,
      )
      assert.deepEqual(validateResult(r, mode), { errors: [], warnings: [] })
      assert.match(headersOf(r)['content-type']?.[0] ?? '', /^application\/json/)
      assert.deepEqual(JSON.parse(bodyBytes(r).toString('utf8')), { a: [1, 'two'] })
    })

    test('bytes become base64 application/octet-stream, every byte intact', async () => {
      const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i))
      const r = await call(
        app(() => bytes),
        event,
      )
      assert.deepEqual(validateResult(r, mode), { errors: [], warnings: [] })
      assert.equal(r.isBase64Encoded, true)
      assert.deepEqual(headersOf(r)['content-type'], ['application/octet-stream'])
      assert.deepEqual(bodyBytes(r), bytes)
    })

    test('undefined becomes 204 without body', async () => {
      const r = await call(
        app(() => undefined),
        event,
      )
      assert.deepEqual(validateResult(r, mode), { errors: [], warnings: [] })
      assert.equal(r.statusCode, 204)
      assert.equal(r.body ?? '', '')
    })

    test('an HttpResponse from core is serialised as is, cookies kept apart', async () => {
      const r = await call(
        app(() => json({ ok: true }, { statusCode: 201, cookies: ['a=1; Path=/', 'b=2'] })),
        event,
      )
      assert.deepEqual(validateResult(r, mode), { errors: [], warnings: [] })
      assert.equal(r.statusCode, 201)
      assert.equal(r.statusDescription, '201 Created')
      const cookies = headersOf(r)['set-cookie'] ?? []
      if (mode === 'multi') assert.deepEqual(cookies, ['a=1; Path=/', 'b=2'])
      else assert.equal(cookies.length, 1, 'single-value mode carries one Set-Cookie')
    })

    test('a valid AlbResult of the right mode passes through untouched', async () => {
      const given: AlbResult =
        mode === 'single'
          ? fixtures.exampleResult
          : {
              statusCode: 200,
              statusDescription: '200 OK',
              isBase64Encoded: false,
              multiValueHeaders: { 'Content-Type': ['text/plain'] },
              body: 'hi',
            }
      const r = await call(
        app(() => given),
        event,
      )
      assert.deepEqual(r, given)
    })

    test('an invalid AlbResult becomes a 500 error result and its problems are logged', async () => {
      const { log, lines } = memoryLog()
      const bad = { statusCode: 200, isBase64Encoded: false, headers: { 'X-N': 1 }, body: 'x' }
      const r = await call(
        app(() => bad, { log }),
        event,
      )
      assert.deepEqual(validateResult(r, mode), { errors: [], warnings: [] })
      assert.equal(r.statusCode, 500)
      assert.equal(lines.length, 1)
      const problems = lines[0]?.problems
      assert.ok(Array.isArray(problems) && problems.length > 0)
    })
  })
}

test('albResponse: a result in the other mode is invalid for this event → 500', async () => {
  const { log, lines } = memoryLog()
  const r = await call(
    app(() => fixtures.exampleResult, { log }),
    albEvent({ mode: 'multi' }),
  )
  assert.equal(r.statusCode, 500)
  assert.match(JSON.stringify(lines), /multi-value/)
  assert.ok('multiValueHeaders' in r)
})

test('albResponse: compress uses the request Accept-Encoding', async () => {
  const big = 'albkit '.repeat(4000)
  const handler = app(() => big, { compress: true })
  const plain = await call(handler, albEvent({}))
  assert.equal(headersOf(plain)['content-encoding'], undefined)
  const zipped = await call(handler, albEvent({ headers: { 'accept-encoding': 'gzip' } }))
  assert.deepEqual(validateResult(zipped, 'single'), { errors: [], warnings: [] })
  assert.ok(headersOf(zipped)['content-encoding']?.[0])
  assert.equal(zipped.isBase64Encoded, true)
  assert.ok(bodyBytes(zipped).length < big.length)
})
