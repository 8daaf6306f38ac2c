import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { AlbError } from './errors.js'
import { parseRequest } from './request.js'
import { albEvent } from './testing/index.js'
import type { AlbEvent } from './types.js'

function rejected(event: unknown): AlbError {
  try {
    parseRequest(event as AlbEvent)
  } catch (error) {
    assert.ok(error instanceof AlbError)
    return error
  }
  assert.fail('expected parseRequest to throw')
}

describe('parseRequest on a non-ALB event', () => {
  test('an API Gateway (REST) event: 500, not exposed, names requestContext.elb', () => {
    const apiGateway = {
      resource: '/x',
      path: '/x',
      httpMethod: 'GET',
      headers: {},
      requestContext: { apiId: 'abc', stage: 'prod' },
      body: null,
      isBase64Encoded: false,
    }
    const e = rejected(apiGateway)
    assert.equal(e.statusCode, 500)
    assert.equal(e.expose, false)
    assert.equal(
      e.message,
      'event is not an Application Load Balancer event: requestContext.elb missing — is this function behind API Gateway?',
    )
  })
  test('an HTTP API v2 event, an empty object, null and a string are rejected', () => {
    for (const event of [
      { version: '2.0', rawPath: '/', requestContext: { http: { method: 'GET' } } },
      {},
      null,
      'GET /',
    ]) {
      const e = rejected(event)
      assert.equal(e.statusCode, 500)
      assert.match(e.message, /not an Application Load Balancer event: .* missing/)
    }
  })
  test('no httpMethod or no path is named', () => {
    const base = albEvent({ path: '/p' })
    assert.match(rejected({ ...base, httpMethod: undefined }).message, /httpMethod missing/)
    assert.match(rejected({ ...base, path: undefined }).message, /: path missing/)
  })
  test('a real ALB event passes', () => {
    assert.equal(parseRequest(albEvent({ path: '/ok' })).path, '/ok')
  })
})
