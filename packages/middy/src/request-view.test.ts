import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { type AlbEvent, type AlbResult, validateResult } from '@albkit/core'
import middy from '@middy/core'
import { albErrors } from './alb-errors.js'
import { albRequest } from './alb-request.js'
import { albResponse } from './alb-response.js'
import { requestView } from './request-view.js'
import { albEvent, bodyBytes, lambdaContext, memoryLog } from './testing/lambda.js'
import type { AlbContext, AlbHandlerReturn } from './types.js'

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
