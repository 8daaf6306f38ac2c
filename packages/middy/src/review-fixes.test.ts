import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { type AlbEvent, type AlbResult, validateResult } from '@albkit/core'
import middy from '@middy/core'
import { albErrors } from './alb-errors.js'
import { type AlbMultipartContext, albMultipart } from './alb-multipart.js'
import { albRequest } from './alb-request.js'
import { albResponse } from './alb-response.js'
import { parseMultipart } from './parse-multipart.js'
import { requestView } from './request-view.js'
import { albEvent, bodyBytes, lambdaContext, memoryLog } from './test-support/lambda.js'
import { multipartBody } from './test-support/multipart-body.js'
import type { AlbContext, AlbHandlerReturn } from './types.js'

const limits = {
  maxFiles: 10,
  maxFileBytes: 1000,
  maxFields: 5,
  maxFieldBytes: 1000,
  maxTotalBytes: 10_000,
}

describe('requestView', () => {
  test('a view cached for another event is rebuilt', () => {
    const context = lambdaContext() as AlbContext
    const first = albEvent({ path: '/first' })
    const second = albEvent({ path: '/second' })
    assert.equal(requestView({ event: first, context }).path, '/first')
    assert.equal(requestView({ event: first, context }), context.alb, 'same event: cached')
    const view = requestView({ event: second, context })
    assert.equal(view.path, '/second')
    assert.equal(context.alb, view)
  })
})

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

describe('a non-ALB event', () => {
  test('albRequest surfaces it through albErrors as a logged, unexposed 500', async () => {
    const { log, lines } = memoryLog()
    const handler = middy<AlbEvent, AlbHandlerReturn, Error, AlbContext>()
      .use([albErrors({ logger: log }), albResponse(), albRequest()])
      .handler(() => 'never')
    const apiGateway = {
      resource: '/',
      path: '/',
      httpMethod: 'GET',
      headers: {},
      requestContext: { stage: 'prod' },
      body: null,
      isBase64Encoded: false,
    } as unknown as AlbEvent
    const r = (await handler(apiGateway, lambdaContext())) as AlbResult
    assert.equal(r.statusCode, 500)
    assert.deepEqual(validateResult(r, 'single'), { errors: [], warnings: [] })
    assert.deepEqual(JSON.parse(bodyBytes(r).toString()), {
      error: 'Internal Server Error',
      statusCode: 500,
    })
    assert.match(
      JSON.stringify(lines),
      /requestContext\.elb missing — is this function behind API Gateway\?/,
    )
  })
})
