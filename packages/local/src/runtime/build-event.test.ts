import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { AlbError, type AlbEvent, type AlbEventParts } from '@albkit/core'
import { albEvent } from '@albkit/core/testing'
import fc from 'fast-check'
import {
  BadRequestEncoding,
  buildEvent,
  eventHeaders,
  lowerCaseHeaderPairs,
  rawQueryPairs,
  splitTarget,
} from './build-event.js'

/** A request as the balancer receives it, plus what it adds. */
interface Req {
  method: string
  target: string
  rawHeaders: string[]
  body: Uint8Array
  peerIp: string
  listenerPort: number
  proto: 'http' | 'https'
  targetGroupArn: string
  mode: AlbEventParts['mode']
  xffMode: AlbEventParts['xffMode']
  traceId: string
}

/** The balancer's steps: split the target, lower-case and decode the headers, once. */
function partsOf(i: Req): AlbEventParts {
  const { path, rawQuery } = splitTarget(i.target)
  return {
    method: i.method,
    path,
    rawQuery,
    headers: eventHeaders(lowerCaseHeaderPairs(i.rawHeaders)),
    body: i.body,
    sourceIp: i.peerIp,
    port: i.listenerPort,
    proto: i.proto,
    targetGroupArn: i.targetGroupArn,
    mode: i.mode,
    xffMode: i.xffMode,
    traceId: i.traceId,
  }
}
const build = (i: Req): AlbEvent => buildEvent(partsOf(i))

const base: Req = {
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
    assert.deepEqual(JSON.parse(JSON.stringify(build(base))), {
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
    const e = build({
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
    const get = (xffMode: Req['xffMode']) => {
      const e = build({ ...base, rawHeaders: h, xffMode })
      return 'headers' in e ? e.headers?.['x-forwarded-for'] : undefined
    }
    assert.equal(get('append'), '1.1.1.1, 2.2.2.2, 72.12.164.125')
    assert.equal(get('preserve'), '1.1.1.1, 2.2.2.2')
    assert.equal(get('remove'), undefined)
    const none = build({ ...base, xffMode: 'preserve' })
    assert.equal('headers' in none ? none.headers?.['x-forwarded-for'] : 'x', undefined)
  })

  test('client-sent X-Forwarded-Proto/Port are replaced; hop-by-hop headers but `connection` are not forwarded', () => {
    const e = build({
      ...base,
      rawHeaders: [
        'X-Forwarded-Proto',
        'https',
        'X-Forwarded-Port',
        '1',
        'Connection',
        'keep-alive',
        'Keep-Alive',
        'timeout=5',
        'TE',
        'trailers',
        'Content-Length',
        '0',
      ],
    })
    assert.ok('headers' in e)
    assert.equal(e.headers?.['x-forwarded-proto'], 'http')
    assert.equal(e.headers?.['x-forwarded-port'], '80')
    // AWS's example event carries the client's `connection: keep-alive`
    assert.equal(e.headers?.connection, 'keep-alive')
    assert.equal(e.headers?.['keep-alive'], undefined)
    assert.equal(e.headers?.te, undefined)
    assert.equal(e.headers?.['content-length'], '0')
  })

  test('body encoding follows the core rule; binary bytes survive', () => {
    const bytes = Buffer.from([0, 255, 128, 10])
    const bin = build({
      ...base,
      method: 'POST',
      rawHeaders: ['Content-Type', 'application/octet-stream'],
      body: bytes,
    })
    assert.equal(bin.isBase64Encoded, true)
    assert.ok(Buffer.from(bin.body ?? '', 'base64').equals(bytes))
    const json = build({
      ...base,
      method: 'POST',
      rawHeaders: ['Content-Type', 'application/json'],
      body: Buffer.from('{"a":"é"}'),
    })
    assert.deepEqual([json.body, json.isBase64Encoded], ['{"a":"é"}', false])
    const none = build({ ...base, method: 'POST', rawHeaders: [], body: Buffer.from('x') })
    assert.equal(none.isBase64Encoded, true)
  })

  test('invalid UTF-8 in a text body or a header is a BadRequestEncoding', () => {
    assert.throws(
      () =>
        build({
          ...base,
          rawHeaders: ['Content-Type', 'text/plain'],
          body: Buffer.from([0xc3]),
        }),
      BadRequestEncoding,
    )
    assert.throws(
      () => build({ ...base, rawHeaders: ['X-Bad', '\u00ff\u00fe'] }),
      BadRequestEncoding,
    )
  })

  test('a header named __proto__ is just a header', () => {
    const e = build({ ...base, rawHeaders: ['__proto__', 'x'] })
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

// The reference: the event exactly as core's albEvent builds it, with the listener's trace id
// put in its place (how the runtime built events before it had its own copy of the rules).
function referenceEvent(input: Req): AlbEvent {
  const { path, rawQuery } = splitTarget(input.target)
  const event = albEvent({
    method: input.method,
    path,
    query: rawQuery ?? '',
    headers: eventHeaders(lowerCaseHeaderPairs(input.rawHeaders)),
    body: input.body,
    mode: input.mode,
    sourceIp: input.peerIp,
    port: input.listenerPort,
    proto: input.proto,
    targetGroupArn: input.targetGroupArn,
    xffMode: input.xffMode,
  })
  if ('multiValueHeaders' in event && event.multiValueHeaders !== undefined)
    event.multiValueHeaders['x-amzn-trace-id'] = [input.traceId]
  else if ('headers' in event && event.headers !== undefined)
    event.headers['x-amzn-trace-id'] = input.traceId
  return event
}

test('buildEvent equals core albEvent (the reference) for any request (property)', () => {
  // the headers the balancer sets, replaces or drops, in odd casings, and a few plain ones
  const names =
    'Host X-Forwarded-For x-forwarded-port X-Forwarded-Proto X-Amzn-Trace-Id Content-Type content-encoding Connection Cookie __proto__ X-Custom'
  const name = fc.constantFrom(...names.split(' '))
  const value = fc.oneof(
    fc.constantFrom('text/plain', 'application/json', 'image/png', 'gzip', '203.0.113.9, 10.0.0.1'),
    fc.string({ maxLength: 12 }),
  )
  const input = fc.record({
    method: fc.constantFrom('GET', 'POST', 'PUT'),
    target: fc
      .tuple(fc.constantFrom('/', '/a/b', 'http://h.example/x'), fc.string({ maxLength: 20 }))
      .map(([p, q]) => (q === '' ? p : `${p}?${q.replaceAll('#', '')}`)),
    rawHeaders: fc.array(fc.tuple(name, value), { maxLength: 8 }).map((pairs) => pairs.flat()),
    body: fc.uint8Array({ maxLength: 24 }),
    peerIp: fc.constantFrom('127.0.0.1', '::1'),
    listenerPort: fc.integer({ min: 1, max: 65535 }),
    proto: fc.constantFrom('http' as const, 'https' as const),
    targetGroupArn: fc.constant(
      'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/t/0',
    ),
    mode: fc.constantFrom('single' as const, 'multi' as const),
    xffMode: fc.constantFrom('append' as const, 'preserve' as const, 'remove' as const),
    traceId: fc.constant(
      'Self=1-5c536348-3d683b8b04734faae651f476;Root=1-5c536348-3d683b8b04734faae651f477',
    ),
  })
  fc.assert(
    fc.property(input, (i) => {
      let expected: AlbEvent | string
      try {
        expected = referenceEvent(i)
      } catch (err) {
        expected =
          err instanceof AlbError || err instanceof BadRequestEncoding ? 'bad request' : String(err)
      }
      let actual: AlbEvent | string
      try {
        actual = build(i)
      } catch (err) {
        actual = err instanceof BadRequestEncoding ? 'bad request' : String(err)
      }
      assert.deepEqual(actual, expected)
      // same key order too: the function sees the same JSON
      assert.equal(JSON.stringify(actual), JSON.stringify(expected))
    }),
    { numRuns: 500 },
  )
})
