import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { AlbError, type HttpResponse, parseRequest } from '@albkit/core'
import { albEvent } from '@albkit/core/testing'
import fc from 'fast-check'
import { trustedProxyHops } from './client-address.js'
import { whatsMyIp } from './whats-my-ip.js'

type EventInit = NonNullable<Parameters<typeof albEvent>[0]>

/** The app's routes on the request view, parsed with the hops the handler would pass to the stack. */
function call(init: EventInit, hops: number | AlbError = 0): Promise<HttpResponse> {
  const event = albEvent({ path: '/ip', sourceIp: '203.0.113.7', ...init })
  const request = parseRequest(event, { trustedProxyHops: typeof hops === 'number' ? hops : 0 })
  return whatsMyIp({ trustedProxyHops: hops }).handle(request)
}

async function failure(init: EventInit, hops: number | AlbError = 0): Promise<AlbError> {
  try {
    await call(init, hops)
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
    test(`${mode}-value: a forged X-Forwarded-For is ignored; the balancer's entry is reported`, async () => {
      const response = await call({
        mode,
        headers: { 'x-forwarded-for': '6.6.6.6' },
        query: 'format=json',
      })
      const report = JSON.parse(body(response))
      assert.equal(report.address, '203.0.113.7')
      assert.deepEqual(report.forwardedFor, ['6.6.6.6', '203.0.113.7'])
      assert.equal(
        body(await call({ mode, headers: { 'x-forwarded-for': '6.6.6.6' } })),
        '203.0.113.7\n',
      )
    })
  }

  test('property: whatever the client writes into X-Forwarded-For, the peer is reported (hops=0)', async () => {
    const entry = fc.oneof(fc.ipV4(), fc.ipV6(), fc.stringMatching(/^[^,\r\n]{1,20}$/))
    await fc.assert(
      fc.asyncProperty(
        fc.array(entry, { minLength: 1, maxLength: 10 }),
        fc.ipV4(),
        fc.constantFrom('single', 'multi' as const),
        async (forged, peer, mode) => {
          const response = await call({
            mode,
            sourceIp: peer,
            headers: { 'x-forwarded-for': forged.join(', ') },
          })
          assert.equal(body(response), `${peer}\n`)
        },
      ),
    )
  })

  test('TRUSTED_PROXY_HOPS=1 reports the entry the trusted proxy appended', async () => {
    const response = await call({ headers: { 'x-forwarded-for': '6.6.6.6, 198.51.100.9' } }, 1)
    assert.equal(body(response), '198.51.100.9\n')
  })

  test('a bad TRUSTED_PROXY_HOPS fails with its own 500', async () => {
    const bad = trustedProxyHops('lots')
    assert.ok(bad instanceof AlbError)
    assert.equal(await failure({}, bad), bad)
  })

  test('xff mode "remove": a clear 500 naming the setting', async () => {
    const error = await failure({ xffMode: 'remove' })
    assert.equal(error.statusCode, 500)
    assert.match(error.message, /xff_header_processing\.mode/)
  })

  test('common headers: no-store, Vary: Accept, nosniff', async () => {
    for (const format of ['text', 'json', 'html']) {
      const response = await call({ query: `format=${format}` })
      assert.equal(response.statusCode ?? 200, 200)
      assert.equal(header(response, 'cache-control'), 'no-store')
      assert.equal(header(response, 'vary'), 'Accept')
      assert.equal(header(response, 'x-content-type-options'), 'nosniff')
    }
  })

  test('format from Accept, ?format= and the path suffix', async () => {
    assert.match(
      String(header(await call({ headers: { accept: 'text/html' } }), 'content-type')),
      /^text\/html/,
    )
    assert.match(
      String(header(await call({ query: 'format=json' }), 'content-type')),
      /^application\/json/,
    )
    assert.match(String(header(await call({ path: '/ip/html' }), 'content-type')), /^text\/html/)
    assert.match(
      String(
        header(
          await call({ path: '/ip/', headers: { accept: 'application/json' } }),
          'content-type',
        ),
      ),
      /^application\/json/,
    )
    assert.match(
      String(header(await call({ path: '/ip/json', query: 'format=text' }), 'content-type')),
      /^text\/plain/,
    )
  })

  test('several Accept headers (multi-value mode) are read together', async () => {
    const response = await call({
      mode: 'multi',
      headers: [
        ['accept', 'image/png'],
        ['accept', 'application/json'],
      ],
    })
    assert.match(String(header(response, 'content-type')), /^application\/json/)
  })

  test('406 and 400 from negotiation', async () => {
    assert.equal((await failure({ headers: { accept: 'image/png' } })).statusCode, 406)
    assert.equal((await failure({ query: 'format=xml' })).statusCode, 400)
  })

  test('HEAD: the same status and headers, no body', async () => {
    const get = await call({ query: 'format=html' })
    const head = await call({ method: 'HEAD', query: 'format=html' })
    assert.equal(body(head), '')
    assert.deepEqual(head.headers, get.headers)
    assert.equal(head.statusCode, get.statusCode)
  })

  test('OPTIONS preflight: 204 with the allowed methods', async () => {
    const response = await call({
      method: 'OPTIONS',
      headers: { origin: 'https://example.com', 'access-control-request-method': 'GET' },
    })
    assert.equal(response.statusCode, 204)
    assert.equal(header(response, 'access-control-allow-origin'), '*')
    assert.equal(header(response, 'access-control-allow-methods'), 'GET, HEAD, OPTIONS')
    assert.equal(header(response, 'allow'), 'GET, HEAD, OPTIONS')
  })

  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
    test(`${method}: 405 with Allow`, async () => {
      const error = await failure({ method })
      assert.equal(error.statusCode, 405)
      assert.equal(error.headers?.Allow, 'GET, HEAD, OPTIONS')
    })
  }

  test('unknown paths under /ip/ are a 404', async () => {
    for (const path of ['/ip/xml', '/ip/json/extra', '/ipx', '/']) {
      assert.equal((await failure({ path })).statusCode, 404, path)
    }
  })

  test('an IPv4-mapped peer and an ip:port entry', async () => {
    const mapped = JSON.parse(
      body(await call({ sourceIp: '::ffff:203.0.113.7', query: 'format=json' })),
    )
    assert.equal(mapped.address, '203.0.113.7')
    assert.equal(mapped.mappedFrom, '::ffff:203.0.113.7')
    const withPort = JSON.parse(
      body(
        await call({
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

  test('an XSS payload in headers and query never comes back unescaped', async () => {
    const xss = '<script>alert(1)</script>'
    const response = await call({
      headers: { 'x-forwarded-for': xss, 'x-amzn-trace-id': `Root=${xss}`, accept: 'text/html' },
      query: `x=${encodeURIComponent(xss)}&y=${xss}`,
    })
    assert.ok(!body(response).includes('<script>'))
    assert.ok(body(response).includes('&lt;script&gt;'))
  })
})
