import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { type AlbEventParts, buildAlbEvent, rawQueryPairs } from './build-alb-event.js'
import { AlbError } from './errors.js'

const ARN = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/t/0123456789abcdef'
const TRACE = 'Root=1-5c536348-3d683b8b04734faae651f476'
const parts: AlbEventParts = {
  method: 'GET',
  path: '/lambda',
  rawQuery: 'query=1234ABCD',
  headers: [['host', 'example.com']],
  body: undefined,
  sourceIp: '72.12.164.125',
  port: 80,
  proto: 'http',
  targetGroupArn: ARN,
  mode: 'single',
  xffMode: 'append',
  traceId: TRACE,
}

describe('buildAlbEvent', () => {
  test('single-value mode: the Lambda guide example shape', () => {
    assert.deepEqual(buildAlbEvent(parts), {
      requestContext: { elb: { targetGroupArn: ARN } },
      httpMethod: 'GET',
      path: '/lambda',
      queryStringParameters: { query: '1234ABCD' },
      headers: {
        host: 'example.com',
        'x-forwarded-for': '72.12.164.125',
        'x-forwarded-port': '80',
        'x-forwarded-proto': 'http',
        'x-amzn-trace-id': TRACE,
      },
      body: '',
      isBase64Encoded: false,
    })
  })

  test('multi-value mode: every value in order, last wins in single mode, query never decoded', () => {
    const p = {
      ...parts,
      rawQuery: 'a=1&a=2&b=x%20y&c',
      headers: [
        ['x', '1'],
        ['x', '2'],
      ] as const,
    }
    const multi = buildAlbEvent({ ...p, mode: 'multi' })
    assert.ok('multiValueHeaders' in multi && !('headers' in multi))
    assert.deepEqual(multi.multiValueHeaders?.x, ['1', '2'])
    assert.deepEqual(multi.multiValueQueryStringParameters, {
      a: ['1', '2'],
      b: ['x%20y'],
      c: [''],
    })
    const single = buildAlbEvent(p)
    assert.ok('headers' in single)
    assert.equal(single.headers?.x, '2')
    assert.deepEqual(single.queryStringParameters, { a: '2', b: 'x%20y', c: '' })
  })

  test('client X-Forwarded-For: append adds the peer, preserve keeps it, remove drops it', () => {
    const xff = (xffMode: AlbEventParts['xffMode'], headers: AlbEventParts['headers']) => {
      const e = buildAlbEvent({ ...parts, xffMode, headers })
      return 'headers' in e ? e.headers?.['x-forwarded-for'] : 'multi'
    }
    const sent = [
      ['x-forwarded-for', '198.51.100.1'],
      ['x-forwarded-for', '10.0.0.1'],
    ] as const
    assert.equal(xff('append', sent), '198.51.100.1, 10.0.0.1, 72.12.164.125')
    assert.equal(xff('preserve', sent), '198.51.100.1, 10.0.0.1')
    assert.equal(xff('preserve', []), undefined)
    assert.equal(xff('remove', sent), undefined)
  })

  test('the client cannot set X-Forwarded-Port/-Proto or the trace id; no random trace id is made', () => {
    const e = buildAlbEvent({
      ...parts,
      proto: 'https',
      port: 443,
      headers: [
        ['x-forwarded-proto', 'ftp'],
        ['x-forwarded-port', '1'],
        ['x-amzn-trace-id', 'Root=1-00000000-000000000000000000000000'],
      ],
    })
    assert.ok('headers' in e)
    assert.equal(e.headers?.['x-forwarded-proto'], 'https')
    assert.equal(e.headers?.['x-forwarded-port'], '443')
    assert.equal(e.headers?.['x-amzn-trace-id'], TRACE)
  })

  test('body: base64 by the encoding rule, text as UTF-8, bytes survive, a string is the text', () => {
    const bytes = new Uint8Array([0, 255, 1, 128])
    const png = buildAlbEvent({ ...parts, headers: [['content-type', 'image/png']], body: bytes })
    assert.deepEqual([png.body, png.isBase64Encoded], [Buffer.from(bytes).toString('base64'), true])
    const json = { ...parts, headers: [['content-type', 'application/json']] as const }
    const text = buildAlbEvent({ ...json, body: Buffer.from('{"a":"é"}') })
    assert.deepEqual([text.body, text.isBase64Encoded], ['{"a":"é"}', false])
    assert.equal(buildAlbEvent({ ...json, body: '{"a":"é"}' }).body, '{"a":"é"}')
    const untyped = buildAlbEvent({ ...parts, body: 'é' })
    assert.deepEqual([untyped.body, untyped.isBase64Encoded], ['w6k=', true])
    const gzip = buildAlbEvent({
      ...parts,
      headers: [
        ['content-type', 'text/plain'],
        ['content-encoding', 'gzip'],
      ],
      body: new Uint8Array([0x1f, 0x8b]),
    })
    assert.equal(gzip.isBase64Encoded, true)
    const empty = buildAlbEvent({ ...parts, body: new Uint8Array(0) })
    assert.deepEqual([empty.body, empty.isBase64Encoded], ['', false])
  })

  test('a text body that is not valid UTF-8 → AlbError 400', () => {
    assert.throws(
      () =>
        buildAlbEvent({
          ...parts,
          headers: [['content-type', 'text/plain']],
          body: new Uint8Array([0xc3]),
        }),
      (e: unknown) => e instanceof AlbError && e.statusCode === 400 && /UTF-8/.test(e.message),
    )
  })

  test('a header or query key named __proto__ is an own property, not the prototype', () => {
    const e = buildAlbEvent({ ...parts, rawQuery: '__proto__=1', headers: [['__proto__', 'x']] })
    assert.ok('headers' in e)
    assert.equal(Object.getPrototypeOf(e.headers), Object.prototype)
    assert.equal(Object.getOwnPropertyDescriptor(e.headers, '__proto__')?.value, 'x')
    assert.equal(Object.getOwnPropertyDescriptor(e.queryStringParameters, '__proto__')?.value, '1')
  })
})

test('rawQueryPairs: split on & and =, empty parts skipped, nothing decoded', () => {
  assert.deepEqual(rawQueryPairs(undefined), [])
  assert.deepEqual(rawQueryPairs(''), [])
  assert.deepEqual(rawQueryPairs('a=1&&b&c=x%20y+z&d=e=f'), [
    ['a', '1'],
    ['b', ''],
    ['c', 'x%20y+z'],
    ['d', 'e=f'],
  ])
})
