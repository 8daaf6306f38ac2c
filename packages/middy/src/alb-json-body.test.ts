import assert from 'node:assert/strict'
import { test } from 'node:test'
import { AlbError, type AlbEvent } from '@albkit/core'
import middy from '@middy/core'
import { type AlbJsonContext, albJsonBody } from './alb-json-body.js'
import { albRequest } from './alb-request.js'
import { albEvent, lambdaContext, modes } from './testing/lambda.js'
import type { AlbHandlerReturn } from './types.js'

const app = () =>
  middy<AlbEvent, AlbHandlerReturn, Error, AlbJsonContext>()
    .use([albRequest(), albJsonBody()])
    .handler((_e, context) => ({
      got: context.jsonBody,
      same: context.alb.json() === context.jsonBody,
    }))

const status = (code: number, pattern: RegExp) => (e: unknown) => {
  assert.ok(e instanceof AlbError, String(e))
  assert.equal(e.statusCode, code)
  assert.match(e.message, pattern)
  return true
}

for (const mode of modes) {
  test(`albJsonBody (${mode}): parses JSON onto context.jsonBody`, async () => {
    const event = albEvent({
      mode,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":[1,2]}',
    })
    assert.deepEqual(await app()(event, lambdaContext()), { got: { a: [1, 2] }, same: true })
  })
}

test('albJsonBody: wrong content type → 415', async () => {
  const event = albEvent({ method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' })
  await assert.rejects(app()(event, lambdaContext()), status(415, /json/i))
})

test('albJsonBody: syntax error → 400', async () => {
  const event = albEvent({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"a":',
  })
  await assert.rejects(app()(event, lambdaContext()), status(400, /JSON/))
})

test('albJsonBody: empty body → 400', async () => {
  const event = albEvent({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '',
  })
  await assert.rejects(app()(event, lambdaContext()), status(400, /empty/))
})
