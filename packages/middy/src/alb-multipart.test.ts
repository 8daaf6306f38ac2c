import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { AlbError, type AlbEvent } from '@albkit/core'
import middy from '@middy/core'
import { type AlbMultipartContext, albMultipart } from './alb-multipart.js'
import { albRequest } from './alb-request.js'
import type { MultipartLimits } from './parse-multipart.js'
import { albEvent, lambdaContext, modes } from './testing/lambda.js'
import { multipartBody, type Part } from './testing/multipart-body.js'
import type { AlbHandlerReturn } from './types.js'

/** Every byte value 0–255, twice, plus a fake boundary line inside the data. */
export function allBytes(): Uint8Array {
  const out = new Uint8Array(512 + 8)
  for (let i = 0; i < 512; i++) out[i] = i % 256
  out.set(Buffer.from('\r\n--x\r\n'), 512)
  return out
}

const app = (limits: Partial<MultipartLimits> = {}) =>
  middy<AlbEvent, AlbHandlerReturn, Error, AlbMultipartContext>()
    .use([albRequest(), albMultipart(limits)])
    .handler((_e, context) => context.multipart)

const upload = (parts: Part[], mode: 'single' | 'multi' = 'single') => {
  const { body, contentType } = multipartBody(parts)
  return albEvent({
    mode,
    method: 'POST',
    path: '/upload',
    headers: { 'content-type': contentType },
    body,
  })
}

const rejectsWith = (code: number, pattern: RegExp) => (e: unknown) => {
  assert.ok(e instanceof AlbError, String(e))
  assert.equal(e.statusCode, code)
  assert.match(e.message, pattern)
  return true
}

const file = (name: string, bytes: Uint8Array): Part => ({
  name,
  filename: `${name}.bin`,
  contentType: 'application/octet-stream',
  bytes,
})

for (const mode of modes) {
  describe(`albMultipart (${mode}-value event)`, () => {
    test('binary files with every byte value 0–255 arrive intact, fields too', async () => {
      const bytes = allBytes()
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff])
      const event = upload(
        [
          { name: 'title', value: 'Grüße ✓' },
          file('a', bytes),
          { name: 'img', filename: 'p.png', contentType: 'image/png', bytes: png },
          { name: 'title', value: 'second' },
        ],
        mode,
      )
      assert.equal(event.isBase64Encoded, true, 'the ALB base64-encodes multipart bodies')
      const result = (await app()(event, lambdaContext())) as AlbMultipartContext['multipart']
      assert.deepEqual(result.fields.title, ['Grüße ✓', 'second'])
      assert.equal(result.files.length, 2)
      assert.deepEqual(result.files[0], {
        field: 'a',
        filename: 'a.bin',
        contentType: 'application/octet-stream',
        bytes: Buffer.from(bytes),
      })
      assert.deepEqual(result.files[1]?.bytes, png)
      assert.equal(result.files[1]?.contentType, 'image/png')
    })
  })
}

describe('albMultipart errors and limits', () => {
  test('serverless-offline quirk: latin1 text without base64 still yields the exact bytes', async () => {
    const bytes = allBytes()
    const { body, contentType } = multipartBody([file('a', bytes), { name: 'f', value: 'x' }])
    const event = albEvent({ method: 'POST', headers: { 'content-type': contentType }, body: '' })
    const offline: AlbEvent = { ...event, body: body.toString('latin1'), isBase64Encoded: false }
    const result = (await app()(offline, lambdaContext())) as AlbMultipartContext['multipart']
    assert.deepEqual(result.files[0]?.bytes, Buffer.from(bytes))
    assert.deepEqual(result.fields.f, ['x'])
  })

  test('another content type → 415', async () => {
    const event = albEvent({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    await assert.rejects(app()(event, lambdaContext()), rejectsWith(415, /multipart\/form-data/))
  })

  test('missing boundary → 400', async () => {
    const { body } = multipartBody([{ name: 'a', value: 'b' }])
    const event = albEvent({
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data' },
      body,
    })
    await assert.rejects(app()(event, lambdaContext()), rejectsWith(400, /[Bb]oundary/))
  })

  test('truncated body → 400', async () => {
    const { body, contentType } = multipartBody([file('a', allBytes())])
    const event = albEvent({
      method: 'POST',
      headers: { 'content-type': contentType },
      body: body.subarray(0, 200),
    })
    await assert.rejects(app()(event, lambdaContext()), rejectsWith(400, /Malformed/))
  })

  test('garbage body → 400', async () => {
    const { contentType } = multipartBody([])
    const event = albEvent({
      method: 'POST',
      headers: { 'content-type': contentType },
      body: Buffer.from('not multipart at all'),
    })
    await assert.rejects(app()(event, lambdaContext()), rejectsWith(400, /Malformed/))
  })

  test('maxFileBytes: a file of exactly the limit passes, one byte more → 413, never a cut file', async () => {
    const ok = await app({ maxFileBytes: 100 })(
      upload([file('a', new Uint8Array(100))]),
      lambdaContext(),
    )
    assert.equal((ok as AlbMultipartContext['multipart']).files[0]?.bytes.length, 100)
    await assert.rejects(
      app({ maxFileBytes: 100 })(upload([file('a', new Uint8Array(101))]), lambdaContext()),
      rejectsWith(413, /maxFileBytes \(100\)/),
    )
  })

  test('maxFiles → 413', async () => {
    const event = upload([file('a', new Uint8Array(1)), file('b', new Uint8Array(1))])
    await assert.rejects(
      app({ maxFiles: 1 })(event, lambdaContext()),
      rejectsWith(413, /maxFiles \(1\)/),
    )
  })

  test('maxFields → 413', async () => {
    const event = upload([
      { name: 'a', value: '1' },
      { name: 'b', value: '2' },
      { name: 'c', value: '3' },
    ])
    await assert.rejects(
      app({ maxFields: 2 })(event, lambdaContext()),
      rejectsWith(413, /maxFields \(2\)/),
    )
  })

  test('maxFieldBytes → 413', async () => {
    const event = upload([{ name: 'a', value: 'x'.repeat(11) }])
    await assert.rejects(
      app({ maxFieldBytes: 10 })(event, lambdaContext()),
      rejectsWith(413, /maxFieldBytes \(10\)/),
    )
  })

  test('maxTotalBytes → 413', async () => {
    const event = upload([file('a', new Uint8Array(500))])
    await assert.rejects(
      app({ maxTotalBytes: 300 })(event, lambdaContext()),
      rejectsWith(413, /maxTotalBytes \(300\)/),
    )
  })
})
