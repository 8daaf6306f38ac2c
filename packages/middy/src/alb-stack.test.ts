import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  type AlbEvent,
  type AlbResult,
  albError,
  type HttpResponse,
  json,
  text,
  validateResult,
} from '@albkit/core'
import middy from '@middy/core'
import { albBodyLimit } from './alb-body-limit.js'
import { albHandler } from './alb-handler.js'
import { albJsonBody } from './alb-json-body.js'
import { type AlbStackOptions, albStack } from './alb-stack.js'
import {
  albEvent,
  bodyBytes,
  headersOf,
  healthCheckEvent,
  lambdaContext,
  memoryLog,
  modes,
  type TestContext,
} from './testing/lambda.js'
import type { AlbContext, AlbHandlerReturn, AlbMiddleware } from './types.js'

type Logic = (event: AlbEvent, context: AlbContext) => AlbHandlerReturn | Promise<AlbHandlerReturn>

/** Runs one event through albStack (plus `extra` middlewares); returns the result and log lines. */
async function run(
  event: AlbEvent,
  logic: Logic,
  opts: Omit<AlbStackOptions, 'log'> = {},
  extra: AlbMiddleware<TestContext>[] = [],
) {
  const { log, lines } = memoryLog()
  const calls: string[] = []
  const handler = middy<AlbEvent, AlbHandlerReturn, Error, TestContext>()
    .use(albStack({ ...opts, log }))
    .use(extra)
    .handler((e, c) => {
      calls.push('handler')
      return logic(e, c)
    })
  let result: unknown
  try {
    result = await handler(structuredClone(event), lambdaContext())
  } catch (error) {
    result = { threw: error instanceof Error ? error.message : String(error) }
  }
  return { result: result as AlbResult, lines, calls }
}

const ok: Logic = (_e, c) => ({ ip: c.alb.clientIp, method: c.alb.method })
const traced = { 'x-amzn-trace-id': 'Root=1-67891233-abcdef012345678912345678' }

for (const mode of modes) {
  describe(`albStack (${mode}-value)`, () => {
    // [name, event, logic, expected status, expected request-line status or null, opts, extra]
    const cases: Array<
      [string, AlbEvent, Logic, number, AlbStackOptions?, AlbMiddleware<TestContext>[]?]
    > = [
      [
        'an ordinary request',
        albEvent({ mode, headers: traced, sourceIp: '198.51.100.7' }),
        ok,
        200,
      ],
      [
        'a JSON body through albJsonBody',
        albEvent({
          mode,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"a":"<&>"}',
        }),
        (_e, c) => (c as TestContext).jsonBody as AlbHandlerReturn,
        200,
        {},
        [albJsonBody()],
      ],
      [
        'a wrong body type → 415',
        albEvent({ mode, method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' }),
        ok,
        415,
        {},
        [albJsonBody()],
      ],
      [
        'a raw error → 500',
        albEvent({ mode, headers: traced }),
        () => {
          throw new Error('SELECT secret')
        },
        500,
      ],
      [
        'an AlbError with headers',
        albEvent({ mode }),
        () => {
          throw albError(429, 'Slow down', { headers: { 'Retry-After': '7' } })
        },
        429,
      ],
      ['a string', albEvent({ mode }), () => 'hi', 200],
      ['undefined → 204', albEvent({ mode }), () => undefined, 204],
      ['bytes', albEvent({ mode }), () => new Uint8Array([0, 1, 255]), 200],
      [
        'cookies',
        albEvent({ mode }),
        () =>
          json(
            { a: 1 },
            { cookies: ['a=1; Path=/', 'b=2; Expires=Fri, 01 Jan 2027 00:00:00 GMT'] },
          ),
        200,
        { setCookiePolicy: 'last' },
      ],
      [
        'compressed',
        albEvent({ mode, headers: { 'accept-encoding': 'gzip' } }),
        () => text('x'.repeat(5000)),
        200,
        { compress: true },
      ],
      [
        'an invalid AlbResult → 500',
        albEvent({ mode }),
        () =>
          ({
            statusCode: 200,
            isBase64Encoded: false,
            headers: {},
            body: 1,
          }) as unknown as AlbResult,
        500,
      ],
      [
        'a header with CR/LF (toAlbResult throws in after) → 500',
        albEvent({ mode }),
        () => ({ statusCode: 200, headers: { 'X-A': 'a\r\nb' } }) satisfies HttpResponse,
        500,
      ],
      [
        'trusted proxy hops',
        albEvent({ mode, headers: { 'x-forwarded-for': '203.0.113.9, 10.0.0.1' } }),
        ok,
        200,
        { trustedProxyHops: 1 },
      ],
      ['invalid hops: a request → 500', albEvent({ mode }), ok, 500, { trustedProxyHops: -1 }],
      ['a malformed event → 500', {} as AlbEvent, ok, 500],
      [
        'a body over the limit → 413',
        albEvent({ mode, method: 'POST', body: 'x'.repeat(20) }),
        ok,
        413,
        {},
        [albBodyLimit({ maxBytes: 10 })],
      ],
    ]
    for (const [name, event, logic, status, opts, extra] of cases) {
      test(`${name}: a valid result, one request line with its status`, async () => {
        const { result, lines } = await run(event, logic, opts, extra)
        assert.equal(result.statusCode, status)
        const resultMode = 'multiValueHeaders' in event || !('headers' in event) ? mode : 'single'
        if ('httpMethod' in event)
          assert.deepEqual(validateResult(result, resultMode), { errors: [], warnings: [] })
        const requestLines = lines.filter((l) => 'status' in l && 'durationMs' in l)
        assert.equal(requestLines.length, 1)
        assert.equal(requestLines[0]?.status, status)
      })
    }

    test('an ordinary request: parsed, answered as JSON in the event mode, logged once', async () => {
      const event = albEvent({
        mode,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
        sourceIp: '198.51.100.7',
      })
      const { result, lines } = await run(event, ok, {}, [albJsonBody()])
      assert.deepEqual(validateResult(result, mode), { errors: [], warnings: [] })
      assert.deepEqual(JSON.parse(bodyBytes(result).toString()), {
        ip: '198.51.100.7',
        method: 'POST',
      })
      assert.equal(lines.length, 1)
      assert.equal(lines[0]?.status, 200)
    })

    test('a raw error → 500 without its message; an AlbError keeps its headers', async () => {
      const raw = await run(albEvent({ mode }), () => {
        throw new Error('SELECT * FROM users WHERE secret')
      })
      assert.doesNotMatch(bodyBytes(raw.result).toString(), /SELECT|secret/)
      const limited = await run(albEvent({ mode }), () => {
        throw albError(429, 'Slow down', { headers: { 'Retry-After': '7' } })
      })
      assert.deepEqual(headersOf(limited.result)['retry-after'], ['7'])
    })
  })

  describe(`albStack: the ALB's health check (${mode}-value)`, () => {
    test('a health check to the path: the probe answers, no body parsing, a debug line only', async () => {
      const { result, lines, calls } = await run(healthCheckEvent({ mode }), ok, {}, [
        albJsonBody(),
      ])
      assert.deepEqual(validateResult(result, mode), { errors: [], warnings: [] })
      assert.equal(result.statusCode, 200)
      assert.equal(bodyBytes(result).toString(), 'OK')
      assert.deepEqual(calls, [])
      assert.equal(lines.length, 1)
      assert.equal(lines[0]?.level, 'debug')
      assert.equal(lines[0]?.message, 'ALB health check answered')
      assert.equal(lines[0]?.path, '/')
      assert.equal(lines[0]?.status, 200)
    })

    test('healthCheckPath: only checks to that path are short-circuited', async () => {
      const opts = { healthCheckPath: '/health' }
      const at = await run(healthCheckEvent({ mode, path: '/health' }), ok, opts)
      assert.deepEqual([at.result.statusCode, at.calls], [200, []])
      const elsewhere = await run(healthCheckEvent({ mode, path: '/admin' }), () => 'handled', opts)
      assert.deepEqual(elsewhere.calls, ['handler'])
      assert.equal(bodyBytes(elsewhere.result).toString(), 'handled')
    })

    test('probe false / throwing / a response: 503, 503 logged, the response as is', async () => {
      const hc = healthCheckEvent({ mode })
      assert.equal((await run(hc, ok, { probe: () => false })).result.statusCode, 503)
      const thrown = await run(hc, ok, {
        probe: () => {
          throw new Error('db at 10.0.0.5 down')
        },
      })
      assert.equal(thrown.result.statusCode, 503)
      assert.doesNotMatch(bodyBytes(thrown.result).toString(), /10\.0\.0\.5/)
      assert.ok(
        thrown.lines.some((l) => l.level === 'error' && l.message === 'health check probe failed'),
      )
      const busy = await run(hc, ok, { probe: () => text('busy', { statusCode: 503 }) })
      assert.equal(bodyBytes(busy.result).toString(), 'busy')
    })

    test('invalid hops: the health check still answers', async () => {
      const { result } = await run(healthCheckEvent({ mode }), ok, { trustedProxyHops: 1.5 })
      assert.equal(result.statusCode, 200)
    })

    // Issue 14 #5: any client sending the health checker's user agent got 200 for any method and
    // path, without the handler and without a log line.
    const ua = { 'user-agent': 'ELB-HealthChecker/2.0' }
    for (const method of ['PUT', 'POST', 'DELETE', 'GET']) {
      test(`a spoofed health check (${method} through the listener) is handled and logged`, async () => {
        const event = albEvent({
          mode,
          method,
          path: '/',
          headers: ua,
          body: method === 'GET' ? '' : 'x',
        })
        const { result, lines, calls } = await run(event, () => albError(403, 'no'), {}, [])
        assert.deepEqual(calls, ['handler'])
        assert.notEqual(bodyBytes(result).toString(), 'OK')
        assert.ok(lines.some((l) => l.method === method && l.path === '/' && 'status' in l))
      })
    }
    test('a PUT in the health check event shape is handled too', async () => {
      const event = { ...healthCheckEvent({ mode }), httpMethod: 'PUT' }
      const { calls, lines } = await run(event, () => 'handled')
      assert.deepEqual(calls, ['handler'])
      assert.equal(lines.length, 1)
      assert.equal(lines[0]?.method, 'PUT')
    })
  })
}

test('albStack: the logger sees the right status and a throwing sink changes nothing', async () => {
  const lines: Record<string, unknown>[] = []
  let t = 0
  const handler = middy<AlbEvent, AlbHandlerReturn, Error, AlbContext>()
    .use(albStack({ log: (l) => lines.push(JSON.parse(l)), now: () => (t += 2.5) }))
    .handler(() => {
      throw albError(404, 'nope')
    })
  const r = (await handler(
    albEvent({ path: '/x', headers: traced }),
    lambdaContext('req-9'),
  )) as AlbResult
  assert.equal(r.statusCode, 404)
  const request = lines.find((l) => 'status' in l)
  assert.deepEqual(
    { ...request, timestamp: 'T' },
    {
      timestamp: 'T',
      level: 'warn',
      traceId: '1-67891233-abcdef012345678912345678',
      method: 'GET',
      path: '/x',
      status: 404,
      durationMs: 2.5,
      requestId: 'req-9',
    },
  )
  const quiet = middy<AlbEvent, AlbHandlerReturn, Error, AlbContext>()
    .use(
      albStack({
        log: () => {
          throw new Error('disk full')
        },
      }),
    )
    .handler(() => 'ok')
  assert.equal(((await quiet(albEvent({}), lambdaContext())) as AlbResult).statusCode, 200)
})

describe('albHandler', () => {
  test('no early-timeout race: a handler slower than the remaining time minus 5 ms still answers', async () => {
    const slow: Logic = async () => {
      await new Promise((resolve) => setTimeout(resolve, 30))
      return 'done'
    }
    const context = { ...lambdaContext(), getRemainingTimeInMillis: () => 10 }
    const plain = middy<AlbEvent, AlbHandlerReturn, Error, AlbContext>()
      .use(albStack({ log: () => {} }))
      .handler(slow)
    // middy's default: a timer at 10 − 5 ms ends the request with its TimeoutError → 500.
    assert.equal(((await plain(albEvent({}), context)) as AlbResult).statusCode, 500)
    const r = (await albHandler(slow, { log: () => {} })(albEvent({}), context)) as AlbResult
    assert.equal(r.statusCode, 200)
    assert.equal(r.body, 'done')
  })
  test('options reach the stack and `use` middlewares run after it', async () => {
    const lines: string[] = []
    const handler = albHandler((_e, c) => ({ ip: c.alb.clientIp }), {
      trustedProxyHops: 1,
      log: (l) => lines.push(l),
      use: [albBodyLimit({ maxBytes: 4 })],
    })
    const event = albEvent({ headers: { 'x-forwarded-for': '203.0.113.9' }, sourceIp: '10.0.0.1' })
    const r = (await handler(event, lambdaContext())) as AlbResult
    assert.equal(r.statusCode, 200)
    assert.deepEqual(JSON.parse(r.body), { ip: '203.0.113.9' })
    const big = (await handler(
      albEvent({ method: 'POST', body: 'too long' }),
      lambdaContext(),
    )) as AlbResult
    assert.equal(big.statusCode, 413)
    assert.equal(lines.length, 3) // two request lines and the 413's error line
    const hc = (await handler(healthCheckEvent(), lambdaContext())) as AlbResult
    assert.equal(hc.statusCode, 200)
    // A health check adds no request line, only its debug line (issue 14 #5).
    assert.equal(lines.length, 4)
    assert.equal(JSON.parse(lines[3] ?? '').level, 'debug')
  })
})
