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
import { albDefaults } from './alb-defaults.js'
import { albHandler } from './alb-handler.js'
import { albJsonBody } from './alb-json-body.js'
import { albStack } from './alb-stack.js'
import {
  albEvent,
  healthCheckEvent,
  lambdaContext,
  modes,
  type TestContext,
} from './test-support/lambda.js'
import type { AlbContext, AlbHandlerReturn, AlbMiddleware } from './types.js'

type Logic = (event: AlbEvent, context: AlbContext) => AlbHandlerReturn | Promise<AlbHandlerReturn>
type StackOptions = Parameters<typeof albDefaults>[0]

/** Log lines with the values that differ run to run (time, duration, stack frames) blanked. */
function normalise(line: string): unknown {
  const v = JSON.parse(line) as Record<string, unknown>
  if ('timestamp' in v) v.timestamp = 'T'
  if ('durationMs' in v) v.durationMs = 'D'
  const error = v.error as Record<string, unknown> | undefined
  if (error && typeof error === 'object' && 'stack' in error) error.stack = 'S'
  return v
}

/** Runs one event through albDefaults and albStack with the same options; returns both outcomes. */
async function both(
  event: AlbEvent,
  logic: Logic,
  opts: Omit<NonNullable<StackOptions>, 'log'> = {},
  extra: AlbMiddleware<TestContext>[] = [],
) {
  const run = async (stack: AlbMiddleware | AlbMiddleware[]) => {
    const lines: unknown[] = []
    const handler = middy<AlbEvent, AlbHandlerReturn, Error, TestContext>()
      .use(stack)
      .use(extra)
      .handler(logic)
    let result: unknown
    try {
      result = await handler(structuredClone(event), lambdaContext())
    } catch (error) {
      result = { threw: error instanceof Error ? error.message : String(error) }
    }
    return { result, lines }
  }
  const lines = { defaults: [] as unknown[], stack: [] as unknown[] }
  const a = await run(albDefaults({ ...opts, log: (l) => lines.defaults.push(normalise(l)) }))
  const b = await run(albStack({ ...opts, log: (l) => lines.stack.push(normalise(l)) }))
  return { defaults: { ...a, lines: lines.defaults }, stack: { ...b, lines: lines.stack } }
}

const ok: Logic = (_e, c) => ({ ip: c.alb.clientIp, method: c.alb.method })
const traced = { 'x-amzn-trace-id': 'Root=1-67891233-abcdef012345678912345678' }

for (const mode of modes) {
  describe(`albStack behaves as albDefaults (${mode}-value)`, () => {
    const cases: Array<
      [string, AlbEvent, Logic, NonNullable<StackOptions>?, AlbMiddleware<TestContext>[]?]
    > = [
      ['an ordinary request', albEvent({ mode, headers: traced, sourceIp: '198.51.100.7' }), ok],
      [
        'a JSON body through albJsonBody',
        albEvent({
          mode,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"a":"<&>"}',
        }),
        (_e, c) => (c as TestContext).jsonBody as AlbHandlerReturn,
        {},
        [albJsonBody()],
      ],
      [
        'a wrong body type → 415',
        albEvent({ mode, method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' }),
        ok,
        {},
        [albJsonBody()],
      ],
      ['a health check', healthCheckEvent({ mode }), ok],
      ['a failing probe', healthCheckEvent({ mode }), ok, { probe: () => false }],
      [
        'a throwing probe',
        healthCheckEvent({ mode }),
        ok,
        {
          probe: () => {
            throw new Error('db down')
          },
        },
      ],
      [
        'a probe response',
        healthCheckEvent({ mode }),
        ok,
        { probe: () => text('busy', { statusCode: 503 }) },
      ],
      [
        'a raw error',
        albEvent({ mode, headers: traced }),
        () => {
          throw new Error('SELECT secret')
        },
      ],
      [
        'an AlbError with headers',
        albEvent({ mode }),
        () => {
          throw albError(429, 'Slow down', { headers: { 'Retry-After': '7' } })
        },
      ],
      ['a string', albEvent({ mode }), () => 'hi'],
      ['undefined → 204', albEvent({ mode }), () => undefined],
      ['bytes', albEvent({ mode }), () => new Uint8Array([0, 1, 255])],
      [
        'cookies',
        albEvent({ mode }),
        () =>
          json(
            { a: 1 },
            { cookies: ['a=1; Path=/', 'b=2; Expires=Fri, 01 Jan 2027 00:00:00 GMT'] },
          ),
        { setCookiePolicy: 'last' },
      ],
      [
        'compressed',
        albEvent({ mode, headers: { 'accept-encoding': 'gzip' } }),
        () => text('x'.repeat(5000)),
        { compress: true },
      ],
      [
        'an invalid AlbResult',
        albEvent({ mode }),
        () =>
          ({
            statusCode: 200,
            isBase64Encoded: false,
            headers: {},
            body: 1,
          }) as unknown as AlbResult,
      ],
      [
        'a header with CR/LF (toAlbResult throws in after)',
        albEvent({ mode }),
        () => ({ statusCode: 200, headers: { 'X-A': 'a\r\nb' } }) satisfies HttpResponse,
      ],
      [
        'trusted proxy hops',
        albEvent({ mode, headers: { 'x-forwarded-for': '203.0.113.9, 10.0.0.1' } }),
        ok,
        { trustedProxyHops: 1 },
      ],
      ['invalid hops: a request', albEvent({ mode }), ok, { trustedProxyHops: -1 }],
      [
        'invalid hops: a health check still answers',
        healthCheckEvent({ mode }),
        ok,
        { trustedProxyHops: 1.5 },
      ],
      ['a malformed event', {} as AlbEvent, ok],
      [
        'a body over the limit',
        albEvent({ mode, method: 'POST', body: 'x'.repeat(20) }),
        ok,
        {},
        [albBodyLimit({ maxBytes: 10 })],
      ],
    ]
    for (const [name, event, logic, opts, extra] of cases) {
      test(name, async () => {
        const { defaults, stack } = await both(event, logic, opts, extra)
        assert.deepEqual(stack.result, defaults.result)
        assert.deepEqual(stack.lines, defaults.lines)
        const result = stack.result as AlbResult
        if (!('threw' in result))
          assert.deepEqual(
            validateResult(result, 'multiValueHeaders' in result ? 'multi' : 'single'),
            { errors: [], warnings: [] },
          )
      })
    }
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
      .use(albDefaults({ log: () => {} }))
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
    assert.equal(lines.length, 3)
  })
})
