import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { AlbError } from '../errors.js'
import type { AlbEventMulti, AlbEventSingle } from '../types.js'
import { albEvent, fixtures, healthCheckEvent } from './index.js'

describe('albEvent', () => {
  test('single mode: raw query split without decoding, last value wins, lower-case headers', () => {
    const e = albEvent({
      path: '/p',
      query: 'q=a%20b+c&q=2&flag&e=',
      headers: [
        ['X-A', '1'],
        ['x-a', '2'],
        ['Host', 'h'],
      ],
    }) as AlbEventSingle
    assert.deepEqual(e.queryStringParameters, { q: '2', flag: '', e: '' })
    assert.equal(e.headers?.['x-a'], '2')
    assert.equal(e.headers?.host, 'h')
    assert.equal(e.httpMethod, 'GET')
    assert.equal(e.path, '/p')
    assert.equal(e.body, '')
    assert.equal(e.isBase64Encoded, false)
    assert.ok(!('multiValueHeaders' in e))
  })
  test('multi mode: arrays, no single-value fields', () => {
    const e = albEvent({
      mode: 'multi',
      query: 'q=a%20b&q=2',
      headers: { 'X-A': ['1', '2'] },
    }) as AlbEventMulti
    assert.deepEqual(e.multiValueQueryStringParameters, { q: ['a%20b', '2'] })
    assert.deepEqual(e.multiValueHeaders?.['x-a'], ['1', '2'])
    assert.ok(!('headers' in e) && !('queryStringParameters' in e))
  })
  test('X-Forwarded-* added; xffMode append / preserve / remove', () => {
    const h = (init: Parameters<typeof albEvent>[0]) =>
      (albEvent(init) as AlbEventSingle).headers ?? {}
    const appended = h({
      headers: { 'x-forwarded-for': '6.6.6.6' },
      sourceIp: '198.51.100.1',
      proto: 'https',
    })
    assert.equal(appended['x-forwarded-for'], '6.6.6.6, 198.51.100.1')
    assert.equal(appended['x-forwarded-proto'], 'https')
    assert.equal(appended['x-forwarded-port'], '443')
    assert.equal(
      h({ headers: { 'x-forwarded-for': '6.6.6.6' }, xffMode: 'preserve' })['x-forwarded-for'],
      '6.6.6.6',
    )
    assert.equal(h({ xffMode: 'preserve' })['x-forwarded-for'], undefined)
    assert.equal(
      h({ headers: { 'x-forwarded-for': '6.6.6.6' }, xffMode: 'remove' })['x-forwarded-for'],
      undefined,
    )
    assert.equal(h({ port: 8080 })['x-forwarded-port'], '8080')
  })
  test('X-Amzn-Trace-Id generated; a client Root kept with Self added', () => {
    const gen = (albEvent() as AlbEventSingle).headers?.['x-amzn-trace-id']
    assert.match(gen ?? '', /^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/)
    const kept = (albEvent({ headers: { 'x-amzn-trace-id': 'Root=1-abc-def' } }) as AlbEventSingle)
      .headers?.['x-amzn-trace-id']
    assert.match(kept ?? '', /^Self=1-[0-9a-f]{8}-[0-9a-f]{24};Root=1-abc-def$/)
  })
  test('body encoding by the ALB rule', () => {
    const json = albEvent({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":"é"}',
    })
    assert.equal(json.body, '{"a":"é"}')
    assert.equal(json.isBase64Encoded, false)
    const form = albEvent({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    })
    assert.equal(form.isBase64Encoded, true)
    assert.equal(form.body, Buffer.from('a=1').toString('base64'))
    const gz = albEvent({
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'content-encoding': 'gzip' },
      body: Uint8Array.from([31, 139]),
    })
    assert.equal(gz.isBase64Encoded, true)
    const textBytes = albEvent({
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: Buffer.from('hé'),
    })
    assert.equal(textBytes.body, 'hé')
  })
  test('invalid UTF-8 in a text body is rejected like the ALB does', () => {
    assert.throws(
      () =>
        albEvent({
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: Uint8Array.from([0xff]),
        }),
      (e: unknown) => e instanceof AlbError && e.statusCode === 400,
    )
  })
})

describe('healthCheckEvent', () => {
  test('single', () => {
    const e = healthCheckEvent({ path: '/health' })
    assert.deepEqual(
      { ...e, requestContext: undefined },
      {
        requestContext: undefined,
        httpMethod: 'GET',
        path: '/health',
        body: '',
        isBase64Encoded: false,
        queryStringParameters: {},
        headers: { 'user-agent': 'ELB-HealthChecker/2.0' },
      },
    )
  })
  test('multi', () => {
    const e = healthCheckEvent({ mode: 'multi' }) as AlbEventMulti
    assert.deepEqual(e.multiValueQueryStringParameters, {})
    assert.deepEqual(e.multiValueHeaders, { 'user-agent': ['ELB-HealthChecker/2.0'] })
    assert.equal(e.path, '/')
  })
})

test('fixtures are the AWS examples and frozen', () => {
  assert.equal(fixtures.lambdaGuideSingle.headers?.['x-forwarded-for'], '72.12.164.125')
  assert.deepEqual(fixtures.lambdaGuideMulti.multiValueHeaders?.['x-forwarded-port'], ['80'])
  assert.equal(fixtures.exampleResult.body, '<h1>Hello from Lambda!</h1>')
  assert.deepEqual(fixtures.healthCheck.headers, { 'user-agent': 'ELB-HealthChecker/2.0' })
  assert.ok(Object.isFrozen(fixtures.lambdaGuideSingle.headers))
})
