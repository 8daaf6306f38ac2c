import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { AlbError } from './errors.js'
import { parseRequest } from './request.js'
import { albEvent, fixtures, healthCheckEvent } from './testing/index.js'
import type { AlbHeaderMode } from './types.js'

const modes: AlbHeaderMode[] = ['single', 'multi']

describe('parseRequest on the AWS fixtures', () => {
  for (const event of [fixtures.lambdaGuideSingle, fixtures.lambdaGuideMulti]) {
    const req = parseRequest(event)
    test(`${req.mode}: basics`, () => {
      assert.equal(req.method, 'GET')
      assert.equal(req.path, '/lambda')
      assert.match(
        req.targetGroupArn,
        /^arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup\//,
      )
      assert.equal(req.isHealthCheck, false)
      assert.equal(req.query.get('query'), '1234ABCD')
      assert.equal(req.rawQuery.get('query'), '1234ABCD')
      assert.equal(req.headers.get('Host'), 'lambda-alb-123578498.us-east-1.elb.amazonaws.com')
      assert.equal(req.clientIp, '72.12.164.125')
      assert.equal(req.clientIpVersion, 4)
      assert.equal(req.forwardedProto, 'http')
      assert.equal(req.forwardedPort, 80)
      assert.equal(req.trace.root, '1-5c536348-3d683b8b04734faae651f476')
      assert.equal(req.acceptEncoding, 'gzip')
      assert.equal(req.body.length, 0)
      assert.equal(req.text(), '')
    })
  }
  test('modes are detected', () => {
    assert.equal(parseRequest(fixtures.lambdaGuideSingle).mode, 'single')
    assert.equal(parseRequest(fixtures.lambdaGuideMulti).mode, 'multi')
  })
})

describe('in both modes', () => {
  for (const mode of modes) {
    test(`${mode}: headers are case-insensitive with get=last, first, all, has, entries`, () => {
      const req = parseRequest(
        albEvent({
          mode,
          headers: [
            ['X-Tag', 'a'],
            ['x-tag', 'b'],
          ],
        }),
      )
      assert.equal(req.headers.has('X-TAG'), true)
      if (mode === 'multi') {
        assert.deepEqual(req.headers.all('x-tag'), ['a', 'b'])
        assert.equal(req.headers.first('x-tag'), 'a')
      } else assert.deepEqual(req.headers.all('x-tag'), ['b']) // single mode: the ALB keeps the last
      assert.equal(req.headers.get('x-tag'), 'b')
      assert.equal(req.headers.get('missing'), undefined)
      assert.deepEqual(req.headers.all('missing'), [])
      assert.ok([...req.headers.entries()].some(([k]) => k === 'x-tag'))
    })
    test(`${mode}: query is decoded with form rules, raw kept`, () => {
      const req = parseRequest(
        albEvent({ mode, query: 'q=a%20b+c&k%C3%A9y=v&empty=&flag&t=1&t=2&bad=%ZZ' }),
      )
      assert.equal(req.query.get('q'), 'a b c')
      assert.equal(req.rawQuery.get('q'), 'a%20b+c')
      assert.equal(req.query.get('kéy'), 'v')
      assert.equal(req.query.get('empty'), '')
      assert.equal(req.query.get('flag'), '')
      assert.equal(req.query.has('flag'), true)
      assert.equal(req.query.get('bad'), '%ZZ')
      assert.equal(req.query.get('t'), '2')
      assert.deepEqual(req.query.all('t'), mode === 'multi' ? ['1', '2'] : ['2'])
    })
    test(`${mode}: cookies from Cookie header(s)`, () => {
      const req = parseRequest(albEvent({ mode, headers: { cookie: 'a=1; b="q"; c=%20x; d=%ZZ' } }))
      assert.deepEqual(Object.fromEntries(req.cookies), { a: '1', b: 'q', c: ' x', d: '%ZZ' })
    })
    test(`${mode}: health check`, () => {
      const req = parseRequest(healthCheckEvent({ mode, path: '/health' }))
      assert.equal(req.isHealthCheck, true)
      assert.equal(req.path, '/health')
      assert.equal(req.clientIp, undefined)
      assert.deepEqual(req.trace, {})
    })
    test(`${mode}: the health-check user agent alone does not make a health check (issue 14 #5)`, () => {
      const ua = { 'user-agent': 'ELB-HealthChecker/2.0' }
      // Through a listener: the balancer adds X-Forwarded-For/-Proto/-Port (any xff mode).
      for (const xffMode of ['append', 'preserve', 'remove'] as const) {
        const req = parseRequest(albEvent({ mode, path: '/health', headers: ua, xffMode }))
        assert.equal(req.isHealthCheck, false, xffMode)
      }
      // Health checks are GETs: another method with the health-check shape is ordinary.
      for (const method of ['PUT', 'POST', 'HEAD', 'DELETE']) {
        const event = { ...healthCheckEvent({ mode, path: '/health' }), httpMethod: method }
        assert.equal(parseRequest(event).isHealthCheck, false, method)
      }
      const other = healthCheckEvent({ mode }) as unknown as Record<string, Record<string, unknown>>
      const key = mode === 'multi' ? 'multiValueHeaders' : 'headers'
      other[key] = { 'user-agent': mode === 'multi' ? ['curl/8'] : 'curl/8' }
      assert.equal(parseRequest(other as never).isHealthCheck, false, 'another user agent')
    })
    test(`${mode}: clientAddress is the parsed entry clientIp comes from`, () => {
      const req = parseRequest(
        albEvent({
          mode,
          headers: { 'x-forwarded-for': '6.6.6.6' },
          sourceIp: '[2001:db8::7]:4431',
        }),
      )
      assert.deepEqual(req.clientAddress, { ip: '2001:db8::7', port: 4431, version: 6 })
      assert.equal(req.clientIp, '2001:db8::7')
      assert.equal(parseRequest(albEvent({ mode, xffMode: 'remove' })).clientAddress, undefined)
    })
    test(`${mode}: binary body bytes survive`, () => {
      const bytes = Uint8Array.from([0, 255, 128, 10, 13, 0xc3])
      const req = parseRequest(
        albEvent({ mode, method: 'POST', headers: { 'content-type': 'image/png' }, body: bytes }),
      )
      assert.deepEqual([...req.body], [...bytes])
      assert.throws(
        () => req.text(),
        (e: unknown) => e instanceof AlbError && e.statusCode === 400 && /UTF-8/.test(e.message),
      )
    })
  }
})

describe('body', () => {
  test('null and "" bodies are an empty Buffer', () => {
    const e = albEvent()
    assert.equal(parseRequest({ ...e, body: null }).body.length, 0)
    assert.equal(parseRequest({ ...e, body: null }).text(), '')
    assert.equal(parseRequest(e).body.length, 0)
  })
  test('base64 text is decoded', () => {
    const req = parseRequest(
      albEvent({
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'a=é',
      }),
    )
    assert.equal(req.event.isBase64Encoded, true)
    assert.equal(req.text(), 'a=é')
    assert.equal(req.body.toString('utf8'), 'a=é')
  })
  test('json() parses JSON and +json types', () => {
    const req = parseRequest(
      albEvent({
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: '{"a":[1]}',
      }),
    )
    assert.deepEqual(req.json(), { a: [1] })
    assert.equal(req.json(), req.json())
    const gz = parseRequest(
      albEvent({
        method: 'POST',
        headers: { 'content-type': 'application/merge-patch+json' },
        body: '{}',
      }),
    )
    assert.deepEqual(gz.json(), {})
  })
  test('json() 415 on a non-JSON type, saying what it got', () => {
    const req = parseRequest(
      albEvent({ method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' }),
    )
    assert.throws(
      () => req.json(),
      (e: unknown) =>
        e instanceof AlbError && e.statusCode === 415 && e.message.includes('text/plain'),
    )
    const none = parseRequest(albEvent({ method: 'POST', body: '{}' }))
    assert.throws(
      () => none.json(),
      (e: unknown) =>
        e instanceof AlbError && e.statusCode === 415 && e.message.includes('no Content-Type'),
    )
  })
  test('json() 400 on bad or empty JSON', () => {
    const bad = parseRequest(
      albEvent({ method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":' }),
    )
    assert.throws(
      () => bad.json(),
      (e: unknown) =>
        e instanceof AlbError &&
        e.statusCode === 400 &&
        e.message.startsWith('Request body is not valid JSON'),
    )
    const empty = parseRequest(
      albEvent({ method: 'POST', headers: { 'content-type': 'application/json' } }),
    )
    assert.throws(
      () => empty.json(),
      (e: unknown) => e instanceof AlbError && e.statusCode === 400 && /empty/.test(e.message),
    )
  })
})

describe('client address', () => {
  const xff = (value: string, hops?: number) =>
    parseRequest(
      albEvent({ headers: { 'x-forwarded-for': value }, xffMode: 'preserve' }),
      hops === undefined ? undefined : { trustedProxyHops: hops },
    )
  test('the right-most entry by default; never the client-chosen left-most', () => {
    const req = parseRequest(
      albEvent({ headers: { 'x-forwarded-for': '6.6.6.6' }, sourceIp: '198.51.100.7' }),
    )
    assert.deepEqual(req.forwardedFor, ['6.6.6.6', '198.51.100.7'])
    assert.equal(req.clientIp, '198.51.100.7')
  })
  test('trustedProxyHops skips N trusted entries from the right', () => {
    assert.equal(xff('1.1.1.1, 2.2.2.2, 3.3.3.3', 1).clientIp, '2.2.2.2')
    assert.equal(xff('1.1.1.1, 2.2.2.2, 3.3.3.3', 2).clientIp, '1.1.1.1')
    assert.equal(xff('1.1.1.1, 2.2.2.2, 3.3.3.3', 3).clientIp, undefined)
    assert.throws(() => xff('1.1.1.1', -1), AlbError)
  })
  test('IPv6, [v6]:port, v4:port, IPv4-mapped', () => {
    assert.equal(xff('[2001:db8::5]:1234').clientIp, '2001:db8::5')
    assert.equal(xff('2001:db8::5').clientIpVersion, 6)
    assert.equal(xff('192.0.2.9:443').clientIp, '192.0.2.9')
    assert.equal(xff('::ffff:192.0.2.9').clientIp, '::ffff:192.0.2.9')
    assert.equal(xff('::ffff:192.0.2.9').clientIpVersion, 6)
  })
  test('absent or garbage → undefined', () => {
    assert.equal(parseRequest(albEvent({ xffMode: 'remove' })).clientIp, undefined)
    assert.equal(xff('unknown').clientIp, undefined)
  })
  test('a client Root= in X-Amzn-Trace-Id is kept, Self= added', () => {
    const req = parseRequest(albEvent({ headers: { 'x-amzn-trace-id': 'Root=1-00000000-client' } }))
    assert.equal(req.trace.root, '1-00000000-client')
    assert.match(req.trace.self ?? '', /^1-[0-9a-f]{8}-[0-9a-f]{24}$/)
  })
  test('forwarded port garbage → undefined', () => {
    const e = albEvent()
    assert.equal(
      parseRequest({ ...e, headers: { 'x-forwarded-port': 'x' } }).forwardedPort,
      undefined,
    )
    assert.equal(
      parseRequest({ ...e, headers: { 'x-forwarded-port': '70000' } }).forwardedPort,
      undefined,
    )
  })
})

describe('the query is decoded exactly once', () => {
  // ?q=a%2Bb%20c%25&p=x+y as the ALB hands it over: raw, in the field of the mode only
  for (const mode of ['single', 'multi'] as const)
    test(`ALB event (${mode}): %2B is a plus, + a space, %25 a percent sign`, () => {
      const req = parseRequest(albEvent({ mode, query: 'q=a%2Bb%20c%25&p=x+y' }))
      assert.equal(req.query.get('q'), 'a+b c%')
      assert.equal(req.query.get('p'), 'x y')
      assert.equal(req.rawQuery.get('q'), 'a%2Bb%20c%25')
    })

  test('serverless-offline event (both query fields, already decoded): not decoded again', () => {
    // what serverless-offline 14 hands over for ?q=a%2Bb%20c%25&p=x+y (URLSearchParams decoded it)
    const event = {
      ...albEvent({ mode: 'multi' }),
      queryStringParameters: { q: 'a+b c%', p: 'x y' },
      multiValueQueryStringParameters: { q: ['a+b c%'], p: ['x y'] },
    }
    const req = parseRequest(event)
    assert.equal(req.query.get('q'), 'a+b c%')
    assert.equal(req.query.get('p'), 'x y')
    assert.deepEqual(req.query.all('q'), ['a+b c%'])
  })
})
