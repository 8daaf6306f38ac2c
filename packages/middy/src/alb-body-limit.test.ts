import assert from 'node:assert/strict'
import { test } from 'node:test'
import { AlbError, type AlbEvent } from '@albkit/core'
import middy from '@middy/core'
import { albBodyLimit } from './alb-body-limit.js'
import { albRequest } from './alb-request.js'
import { albEvent, lambdaContext, modes } from './testing/lambda.js'
import type { AlbContext, AlbHandlerReturn } from './types.js'

const app = (maxBytes?: number) =>
  middy<AlbEvent, AlbHandlerReturn, Error, AlbContext>()
    .use([albRequest(), albBodyLimit(maxBytes === undefined ? {} : { maxBytes })])
    .handler((_e, context) => ({ size: context.alb.body.byteLength }))

for (const mode of modes) {
  test(`albBodyLimit (${mode}): at the limit passes, one byte over → 413 naming limit and size`, async () => {
    const ok = albEvent({
      mode,
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(10),
    })
    assert.deepEqual(await app(10)(ok, lambdaContext()), { size: 10 })
    const over = albEvent({
      mode,
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(11),
    })
    await assert.rejects(app(10)(over, lambdaContext()), (e: unknown) => {
      assert.ok(e instanceof AlbError)
      assert.equal(e.statusCode, 413)
      assert.match(e.message, /11 bytes/)
      assert.match(e.message, /limit is 10 bytes/)
      return true
    })
  })
}

test('albBodyLimit counts decoded bytes, not base64 characters', async () => {
  const event = albEvent({
    method: 'POST',
    headers: { 'content-type': 'image/png' },
    body: new Uint8Array(900),
  })
  assert.equal(event.isBase64Encoded, true)
  assert.ok((event.body ?? '').length > 1000)
  assert.deepEqual(await app(1000)(event, lambdaContext()), { size: 900 })
})

test('albBodyLimit defaults to the ALB limit of 1,000,000 bytes', async () => {
  const event = albEvent({
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: new Uint8Array(1_000_001),
  })
  await assert.rejects(app()(event, lambdaContext()), /limit is 1000000 bytes/)
})
