import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  BadRequestEncoding,
  buildEvent,
  type EventInput,
  rawQueryPairs,
  splitTarget,
} from './build-event.js'

const base: EventInput = {
  method: 'GET',
  target: '/lambda?query=1234ABCD',
  rawHeaders: ['Host', 'example.com', 'Accept', '*/*'],
  body: Buffer.alloc(0),
  peerIp: '72.12.164.125',
  listenerPort: 80,
  proto: 'http',
  targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/t/1',
  mode: 'single',
  xffMode: 'append',
  traceId: 'Root=1-5c536348-3d683b8b04734faae651f476',
}

describe('buildEvent', () => {
  test('single-value mode: the Lambda guide example shape', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(buildEvent(base))), {
      requestContext: { elb: { targetGroupArn: base.targetGroupArn } },
      httpMethod: 'GET',
      path: '/lambda',
      queryStringParameters: { query: '1234ABCD' },
      headers: {
        host: 'example.com',
        accept: '*/*',
        'x-forwarded-for': '72.12.164.125',
        'x-forwarded-port': '80',
        'x-forwarded-proto': 'http',
        'x-amzn-trace-id': base.traceId,
      },
      body: '',
      isBase64Encoded: false,
    })
  })

  test('multi-value mode keeps every value in order; no single-value fields', () => {
    const e = buildEvent({
      ...base,
      mode: 'multi',
      target: '/a?k=1&k=2&flag',
      rawHeaders: ['X-A', '1', 'x-a', '2'],
    })
    assert.ok('multiValueHeaders' in e)
    assert.deepEqual({ ...e.multiValueQueryStringParameters }, { k: ['1', '2'], flag: [''] })
    assert.deepEqual(e.multiValueHeaders?.['x-a'], ['1', '2'])
    assert.equal('headers' in e, false)
  })

  test('client X-Forwarded-For: append adds the peer, preserve keeps it, remove drops it', () => {
    const h = ['X-Forwarded-For', '1.1.1.1, 2.2.2.2']
    const get = (xffMode: EventInput['xffMode']) => {
      const e = buildEvent({ ...base, rawHeaders: h, xffMode })
      return 'headers' in e ? e.headers?.['x-forwarded-for'] : undefined
    }
    assert.equal(get('append'), '1.1.1.1, 2.2.2.2, 72.12.164.125')
    assert.equal(get('preserve'), '1.1.1.1, 2.2.2.2')
    assert.equal(get('remove'), undefined)
    const none = buildEvent({ ...base, xffMode: 'preserve' })
    assert.equal('headers' in none ? none.headers?.['x-forwarded-for'] : 'x', undefined)
  })

  test('client-sent X-Forwarded-Proto/Port are replaced; hop-by-hop headers are not forwarded', () => {
    const e = buildEvent({
      ...base,
      rawHeaders: [
        'X-Forwarded-Proto',
        'https',
        'X-Forwarded-Port',
        '1',
        'Connection',
        'keep-alive',
        'Content-Length',
        '0',
      ],
    })
    assert.ok('headers' in e)
    assert.equal(e.headers?.['x-forwarded-proto'], 'http')
    assert.equal(e.headers?.['x-forwarded-port'], '80')
    assert.equal(e.headers?.connection, undefined)
    assert.equal(e.headers?.['content-length'], '0')
  })

  test('body encoding follows the core rule; binary bytes survive', () => {
    const bytes = Buffer.from([0, 255, 128, 10])
    const bin = buildEvent({
      ...base,
      method: 'POST',
      rawHeaders: ['Content-Type', 'application/octet-stream'],
      body: bytes,
    })
    assert.equal(bin.isBase64Encoded, true)
    assert.ok(Buffer.from(bin.body ?? '', 'base64').equals(bytes))
    const json = buildEvent({
      ...base,
      method: 'POST',
      rawHeaders: ['Content-Type', 'application/json'],
      body: Buffer.from('{"a":"é"}'),
    })
    assert.deepEqual([json.body, json.isBase64Encoded], ['{"a":"é"}', false])
    const none = buildEvent({ ...base, method: 'POST', rawHeaders: [], body: Buffer.from('x') })
    assert.equal(none.isBase64Encoded, true)
  })

  test('invalid UTF-8 in a text body or a header is a BadRequestEncoding', () => {
    assert.throws(
      () =>
        buildEvent({
          ...base,
          rawHeaders: ['Content-Type', 'text/plain'],
          body: Buffer.from([0xc3]),
        }),
      BadRequestEncoding,
    )
    assert.throws(
      () => buildEvent({ ...base, rawHeaders: ['X-Bad', '\u00ff\u00fe'] }),
      BadRequestEncoding,
    )
  })

  test('a header named __proto__ is just a header', () => {
    const e = buildEvent({ ...base, rawHeaders: ['__proto__', 'x'] })
    assert.ok('headers' in e)
    assert.equal(Object.getOwnPropertyDescriptor(e.headers, '__proto__')?.value, 'x')
    assert.match(JSON.stringify(e), /"__proto__":"x"/)
  })
})

test('splitTarget and rawQueryPairs never decode', () => {
  assert.deepEqual(splitTarget('/p%20q?a=b%20c'), { path: '/p%20q', rawQuery: 'a=b%20c' })
  assert.deepEqual(splitTarget('http://h:1/x?y'), { path: '/x', rawQuery: 'y' })
  assert.deepEqual(rawQueryPairs('a=1&&b&c=x=y&='), [
    ['a', '1'],
    ['b', ''],
    ['c', 'x=y'],
    ['', ''],
  ])
})
