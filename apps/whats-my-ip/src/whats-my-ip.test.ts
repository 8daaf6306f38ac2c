import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { AlbError, type HttpResponse, parseRequest } from '@albkit/core'
import { albEvent } from '@albkit/core/testing'
import fc from 'fast-check'
import { trustedProxyHops } from './client-address.js'
import { whatsMyIp } from './whats-my-ip.js'

type EventInit = NonNullable<Parameters<typeof albEvent>[0]>

function call(init: EventInit, hops: number | AlbError = 0): HttpResponse {
  return whatsMyIp(parseRequest(albEvent({ path: '/ip', sourceIp: '203.0.113.7', ...init })), {
    trustedProxyHops: hops,
  })
}

function failure(init: EventInit, hops: number | AlbError = 0): AlbError {
  try {
    call(init, hops)
  } catch (error) {
    assert.ok(error instanceof AlbError)
    return error
  }
  assert.fail('expected an AlbError')
}

function header(response: HttpResponse, name: string): unknown {
  const key = Object.keys(response.headers ?? {}).find(
    (k) => k.toLowerCase() === name.toLowerCase(),
  )
  return key === undefined ? undefined : response.headers?.[key]
}

function body(response: HttpResponse): string {
  return typeof response.body === 'string'
    ? response.body
    : Buffer.from(response.body ?? '').toString('utf8')
}

describe('whatsMyIp', () => {
  for (const mode of ['single', 'multi'] as const) {
    test(`${mode}-value: a forged X-Forwarded-For is ignored; the balancer's entry is reported`, () => {
      const response = call({
        mode,
        headers: { 'x-forwarded-for': '6.6.6.6' },
        query: 'format=json',
      })
      const report = JSON.parse(body(response))
      assert.equal(report.address, '203.0.113.7')
      assert.deepEqual(report.forwardedFor, ['6.6.6.6', '203.0.113.7'])
      assert.equal(body(call({ mode, headers: { 'x-forwarded-for': '6.6.6.6' } })), '203.0.113.7\n')
    })
  }

  test('property: whatever the client writes into X-Forwarded-For, the peer is reported (hops=0)', () => {
    const entry = fc.oneof(fc.ipV4(), fc.ipV6(), fc.stringMatching(/^[^,\r\n]{1,20}$/))
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: 1, maxLength: 10 }),
        fc.ipV4(),
        fc.constantFrom('single', 'multi' as const),
        (forged, peer, mode) => {
          const response = call({
            mode,
            sourceIp: peer,
            headers: { 'x-forwarded-for': forged.join(', ') },
          })
          assert.equal(body(response), `${peer}\n`)
        },
      ),
    )
  })

  test('TRUSTED_PROXY_HOPS=1 reports the entry the trusted proxy appended', () => {
    const response = call({ headers: { 'x-forwarded-for': '6.6.6.6, 198.51.100.9' } }, 1)
    assert.equal(body(response), '198.51.100.9\n')
  })

  test('a bad TRUSTED_PROXY_HOPS fails with its own 500', () => {
    const bad = trustedProxyHops('lots')
    assert.ok(bad instanceof AlbError)
    assert.equal(failure({}, bad), bad)
  })

  test('xff mode "remove": a clear 500 naming the setting', () => {
    const error = failure({ xffMode: 'remove' })
    assert.equal(error.statusCode, 500)
    assert.match(error.message, /xff_header_processing\.mode/)
  })

  test('common headers: no-store, Vary: Accept, nosniff', () => {
    for (const format of ['text', 'json', 'html']) {
      const response = call({ query: `format=${format}` })
      assert.equal(response.statusCode ?? 200, 200)
      assert.equal(header(response, 'cache-control'), 'no-store')
      assert.equal(header(response, 'vary'), 'Accept')
      assert.equal(header(response, 'x-content-type-options'), 'nosniff')
    }
  })

  test('format from Accept, ?format= and the path suffix', () => {
    assert.match(
      String(header(call({ headers: { accept: 'text/html' } }), 'content-type')),
      /^text\/html/,
    )
    assert.match(
      String(header(call({ query: 'format=json' }), 'content-type')),
      /^application\/json/,
    )
    assert.match(String(header(call({ path: '/ip/html' }), 'content-type')), /^text\/html/)
    assert.match(
      String(
        header(call({ path: '/ip/', headers: { accept: 'application/json' } }), 'content-type'),
      ),
      /^application\/json/,
    )
    assert.match(
      String(header(call({ path: '/ip/json', query: 'format=text' }), 'content-type')),
      /^text\/plain/,
    )
  })

  test('several Accept headers (multi-value mode) are read together', () => {
    const response = call({
      mode: 'multi',
      headers: [
        ['accept', 'image/png'],
        ['accept', 'application/json'],
      ],
    })
    assert.match(String(header(response, 'content-type')), /^application\/json/)
  })

  test('406 and 400 from negotiation', () => {
    assert.equal(failure({ headers: { accept: 'image/png' } }).statusCode, 406)
    assert.equal(failure({ query: 'format=xml' }).statusCode, 400)
  })

  test('HEAD: the same status and headers, no body', () => {
    const get = call({ query: 'format=html' })
    const head = call({ method: 'HEAD', query: 'format=html' })
    assert.equal(body(head), '')
    assert.deepEqual(head.headers, get.headers)
    assert.equal(head.statusCode, get.statusCode)
  })

  test('OPTIONS preflight: 204 with the allowed methods', () => {
    const response = call({
      method: 'OPTIONS',
      headers: { origin: 'https://example.com', 'access-control-request-method': 'GET' },
    })
    assert.equal(response.statusCode, 204)
    assert.equal(header(response, 'access-control-allow-origin'), '*')
    assert.equal(header(response, 'access-control-allow-methods'), 'GET, HEAD, OPTIONS')
    assert.equal(header(response, 'allow'), 'GET, HEAD, OPTIONS')
  })

  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
    test(`${method}: 405 with Allow`, () => {
      const error = failure({ method })
      assert.equal(error.statusCode, 405)
      assert.equal(error.headers?.Allow, 'GET, HEAD, OPTIONS')
    })
  }

  test('unknown paths under /ip/ are a 404', () => {
    for (const path of ['/ip/xml', '/ip/json/extra', '/ipx', '/']) {
      assert.equal(failure({ path }).statusCode, 404, path)
    }
  })

  test('an IPv4-mapped peer and an ip:port entry', () => {
    const mapped = JSON.parse(body(call({ sourceIp: '::ffff:203.0.113.7', query: 'format=json' })))
    assert.equal(mapped.address, '203.0.113.7')
    assert.equal(mapped.mappedFrom, '::ffff:203.0.113.7')
    const withPort = JSON.parse(
      body(
        call({
          sourceIp: '[2001:db8::7]:40000',
          headers: { 'x-forwarded-for': '6.6.6.6:1' },
          query: 'format=json',
        }),
      ),
    )
    assert.equal(withPort.address, '2001:db8::7')
    assert.equal(withPort.version, 6)
    assert.equal(withPort.clientPort, 40000)
  })

  test('an XSS payload in headers and query never comes back unescaped', () => {
    const xss = '<script>alert(1)</script>'
    const response = call({
      headers: { 'x-forwarded-for': xss, 'x-amzn-trace-id': `Root=${xss}`, accept: 'text/html' },
      query: `x=${encodeURIComponent(xss)}&y=${xss}`,
    })
    assert.ok(!body(response).includes('<script>'))
    assert.ok(body(response).includes('&lt;script&gt;'))
  })
})
