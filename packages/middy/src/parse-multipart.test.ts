import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { AlbEvent } from '@albkit/core'
import middy from '@middy/core'
import { type AlbMultipartContext, albMultipart } from './alb-multipart.js'
import { albRequest } from './alb-request.js'
import { parseMultipart } from './parse-multipart.js'
import { albEvent, lambdaContext } from './testing/lambda.js'
import { multipartBody } from './testing/multipart-body.js'
import type { AlbHandlerReturn } from './types.js'

const limits = {
  maxFiles: 10,
  maxFileBytes: 1000,
  maxFields: 5,
  maxFieldBytes: 1000,
  maxTotalBytes: 10_000,
}

describe('multipart file names', () => {
  test('UTF-8 file names arrive intact (ü, Cyrillic, CJK, emoji)', async () => {
    const names = ['notes ü.txt', 'файл.pdf', '报告.png', '😀.gif', 'plain.txt', 'caf\u00e9.txt']
    const { body, contentType } = multipartBody(
      names.map((filename) => ({
        name: 'f',
        filename,
        contentType: 'text/plain',
        bytes: Buffer.from('x'),
      })),
    )
    const parsed = await parseMultipart(body, contentType, limits)
    assert.deepEqual(
      parsed.files.map((f) => f.filename),
      names,
    )
  })
  test('through albMultipart with a base64 event too', async () => {
    const { body, contentType } = multipartBody([
      { name: 'f', filename: 'Grüße.txt', contentType: 'text/plain', bytes: Buffer.from('hi') },
    ])
    const handler = middy<AlbEvent, AlbHandlerReturn, Error, AlbMultipartContext>()
      .use([albRequest(), albMultipart()])
      .handler((_e, context) => context.multipart)
    const event = albEvent({ method: 'POST', headers: { 'content-type': contentType }, body })
    const result = (await handler(event, lambdaContext())) as AlbMultipartContext['multipart']
    assert.equal(result.files[0]?.filename, 'Grüße.txt')
  })
})
