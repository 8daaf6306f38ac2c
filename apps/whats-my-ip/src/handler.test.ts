import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { AlbEvent, AlbResult } from '@albkit/core'
import { albEvent, healthCheckEvent } from '@albkit/core/testing'
import { bodyBytes, headersOf, lambdaContext } from '@albkit/middy/testing'
import { trustedProxyHops } from './client-address.js'
import { createHandler } from './handler.js'

function setup(hops = '') {
  const lines: Record<string, unknown>[] = []
  const handler = createHandler(
    { trustedProxyHops: trustedProxyHops(hops) },
    { log: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) },
  )
  const invoke = async (event: AlbEvent): Promise<AlbResult> =>
    (await handler(event, lambdaContext('req-1'))) as AlbResult
  return { invoke, lines }
}

// A fresh context per invocation, as Lambda gives (the request view is stored on it).
const bodyOf = (result: AlbResult): string => bodyBytes(result).toString('utf8')

for (const mode of ['multi', 'single'] as const) {
  describe(`handler, ${mode}-value target group`, () => {
    test('answers in the event mode with the balancer-appended address', async () => {
      const { invoke } = setup()
      const result = await invoke(
        albEvent({
          mode,
          path: '/ip',
          sourceIp: '203.0.113.7',
          headers: { 'x-forwarded-for': '6.6.6.6' },
        }),
      )
      assert.equal(result.statusCode, 200)
      assert.equal(result.statusDescription, '200 OK')
      assert.equal('multiValueHeaders' in result, mode === 'multi')
      assert.equal('headers' in result, mode === 'single')
      assert.equal(bodyOf(result), '203.0.113.7\n')
      const headers = headersOf(result)
      assert.deepEqual(headers['cache-control'], ['no-store'])
      assert.deepEqual(headers.vary, ['Accept'])
    })

    test('JSON with CORS', async () => {
      const { invoke } = setup()
      const result = await invoke(
        albEvent({
          mode,
          path: '/ip',
          sourceIp: '2001:db8::7',
          headers: { accept: 'application/json', origin: 'https://a.example' },
        }),
      )
      assert.equal(result.statusCode, 200)
      assert.deepEqual(headersOf(result)['access-control-allow-origin'], ['*'])
      const report = JSON.parse(bodyOf(result))
      assert.equal(report.address, '2001:db8::7')
      assert.equal(report.version, 6)
    })

    test('health checks get 200 at once', async () => {
      const { invoke } = setup()
      const result = await invoke(healthCheckEvent({ mode, path: '/' }))
      assert.equal(result.statusCode, 200)
      assert.equal('multiValueHeaders' in result, mode === 'multi')
    })

    test('406 lists the available types', async () => {
      const { invoke } = setup()
      const result = await invoke(albEvent({ mode, path: '/ip', headers: { accept: 'image/png' } }))
      assert.equal(result.statusCode, 406)
      assert.match(bodyOf(result), /text\/plain, application\/json, text\/html/)
    })

    test('405 carries Allow', async () => {
      const { invoke } = setup()
      const result = await invoke(albEvent({ mode, method: 'POST', path: '/ip', body: 'x' }))
      assert.equal(result.statusCode, 405)
      assert.deepEqual(headersOf(result).allow, ['GET, HEAD, OPTIONS'])
    })

    test('HEAD: headers of GET, empty body', async () => {
      const { invoke } = setup()
      const result = await invoke(
        albEvent({ mode, method: 'HEAD', path: '/ip', headers: { accept: 'text/html' } }),
      )
      assert.equal(result.statusCode, 200)
      assert.equal(bodyOf(result), '')
      assert.match(headersOf(result)['content-type']?.[0] ?? '', /^text\/html/)
    })

    test('xff mode "remove" names the misconfiguration', async () => {
      const { invoke, lines } = setup()
      const result = await invoke(albEvent({ mode, path: '/ip', xffMode: 'remove' }))
      assert.equal(result.statusCode, 500)
      assert.match(bodyOf(result), /xff_header_processing\.mode/)
      assert.ok(lines.some((l) => l.level === 'error'))
    })

    test('a bad TRUSTED_PROXY_HOPS is a 500 whose reason is logged, not shown', async () => {
      const { invoke, lines } = setup('-3')
      const result = await invoke(albEvent({ mode, path: '/ip' }))
      assert.equal(result.statusCode, 500)
      assert.doesNotMatch(bodyOf(result), /TRUSTED_PROXY_HOPS/)
      assert.match(JSON.stringify(lines), /TRUSTED_PROXY_HOPS must be a whole number from 0 to 30/)
    })

    test('TRUSTED_PROXY_HOPS=1: the address the trusted proxy appended', async () => {
      const { invoke } = setup('1')
      const result = await invoke(
        albEvent({
          mode,
          path: '/ip',
          sourceIp: '130.176.0.1',
          headers: { 'x-forwarded-for': '6.6.6.6, 198.51.100.9' },
        }),
      )
      assert.equal(bodyOf(result), '198.51.100.9\n')
    })

    test('XSS in headers and query is escaped on the HTML page', async () => {
      const { invoke } = setup()
      const xss = '"><script>alert(1)</script>'
      const result = await invoke(
        albEvent({
          mode,
          path: '/ip',
          query: `format=html&q=${xss}`,
          headers: { 'x-forwarded-for': xss, 'x-amzn-trace-id': `Root=${xss}`, 'user-agent': xss },
        }),
      )
      assert.equal(result.statusCode, 200)
      assert.ok(!bodyOf(result).includes('<script>'))
      assert.ok(bodyOf(result).includes('&lt;script&gt;'))
    })
  })
}

describe('error bodies', () => {
  test('a client-chosen trace Root with markup never comes back (core echoes only AWS-format ids)', async () => {
    for (const mode of ['multi', 'single'] as const) {
      const { invoke } = setup()
      const root = '"><script>alert(1)</script>'
      const result = await invoke(
        albEvent({
          mode,
          path: '/ip',
          query: 'format=xml',
          headers: { 'x-amzn-trace-id': `Root=${root}` },
        }),
      )
      assert.equal(result.statusCode, 400)
      assert.doesNotMatch(bodyOf(result), /[<>]/)
      assert.equal(JSON.parse(bodyOf(result)).traceId, undefined)
    }
  })

  test('an AWS-format trace Root is echoed in the error body, which is not cached', async () => {
    const { invoke } = setup()
    const root = '1-5c536348-3d683b8b04734faae651f476'
    const result = await invoke(
      albEvent({
        path: '/ip',
        query: 'format=xml',
        headers: { 'x-amzn-trace-id': `Root=${root}` },
      }),
    )
    assert.equal(result.statusCode, 400)
    assert.equal(JSON.parse(bodyOf(result)).traceId, root)
    assert.match(JSON.stringify(result), /"Cache-Control":\[?"no-store"/)
  })
})

describe('serverless-offline event shape', () => {
  test('both header shapes and no body: read as multi-value, answered with multiValueHeaders', async () => {
    const { invoke } = setup()
    const event = {
      requestContext: {
        elb: {
          targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/x/1',
        },
      },
      httpMethod: 'GET',
      path: '/ip',
      headers: { accept: 'application/json', 'x-forwarded-for': '198.51.100.1' },
      multiValueHeaders: { accept: ['application/json'], 'x-forwarded-for': ['198.51.100.1'] },
      queryStringParameters: {},
      multiValueQueryStringParameters: {},
      isBase64Encoded: false,
    } as unknown as AlbEvent
    const result = await invoke(event)
    assert.equal(result.statusCode, 200)
    assert.ok('multiValueHeaders' in result)
    assert.equal(JSON.parse(bodyOf(result)).address, '198.51.100.1')
  })
})
