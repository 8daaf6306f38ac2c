/**
 * The console's JSON API and page through real HTTP on the admin port: capture, detail (event,
 * result, explanation, logs), rule trace, event stream, replay and its cross-site guard.
 */
import assert from 'node:assert/strict'
import { request } from 'node:http'
import { after, before, test } from 'node:test'
import { type RawResponse, send } from '@albkit/core/testing'
import { startFixture } from '../runtime/test-support.js'
import type { LocalAlb } from '../start.js'
import type { ExchangeDetail, ExchangeSummary } from './exchange-views.js'
import { AWS_PAGES } from './explanations.js'

let alb: LocalAlb
let stream: { events: ExchangeSummary[]; close(): void }

/** An open console: a subscriber to the event stream, collecting its exchange events. */
function openStream(): Promise<typeof stream> {
  const events: ExchangeSummary[] = []
  const req = request(`${alb.adminUrl}/api/events`)
  return new Promise((resolve, reject) => {
    req.on('response', (res) => {
      assert.match(String(res.headers['content-type']), /^text\/event-stream/)
      res.setEncoding('utf8')
      let buffer = ''
      res.on('data', (chunk: string) => {
        buffer += chunk
        let end = buffer.indexOf('\n\n')
        while (end !== -1) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const data = /^data: (.*)$/m.exec(block)?.[1]
          if (/^event: exchange$/m.test(block) && data) events.push(JSON.parse(data))
          end = buffer.indexOf('\n\n')
        }
      })
      // the server counts the subscriber once the stream is open
      setTimeout(() => resolve({ events, close: () => req.destroy() }), 20)
    })
    req.on('error', reject)
    req.end()
  })
}

before(async () => {
  alb = await startFixture(
    [
      { paths: ['/echo', '/echo/*'], handler: 'echo' },
      { paths: ['/malformed'], handler: 'malformed' },
      { paths: ['/logs'], handler: 'logs' },
    ],
    { console: { exchanges: 50, bodyBytes: 1000 } },
  )
  stream = await openStream()
})
after(async () => {
  stream.close()
  await alb.close()
})

async function json<T>(
  path: string,
  init: Parameters<typeof send>[1] = {},
): Promise<{ status: number; body: T }> {
  const res = await send(`${alb.adminUrl}${path}`, init)
  return { status: res.status, body: JSON.parse(res.body.toString()) as T }
}

async function latest(): Promise<ExchangeDetail> {
  // the exchange is captured when the response has closed: give the close event a moment
  for (let i = 0; i < 50; i++) {
    const list = (await json<ExchangeSummary[]>('/api/exchanges')).body
    if (list[0] !== undefined)
      return (await json<ExchangeDetail>(`/api/exchanges/${list[0].id}`)).body
    await new Promise((r) => setTimeout(r, 20))
  }
  throw new Error('no exchange captured')
}

/** Send a request through the load balancer; its captured detail and what the client got. */
async function captured(
  path: string,
  init: Parameters<typeof send>[1] = {},
): Promise<ExchangeDetail & { client: RawResponse }> {
  const before = (await json<ExchangeSummary[]>('/api/exchanges')).body[0]?.id ?? 0
  const client = await send(`${alb.url}${path}`, init)
  for (let i = 0; i < 100; i++) {
    const d = await latest()
    if (d.id > before) return { ...d, client }
    await new Promise((r) => setTimeout(r, 20))
  }
  throw new Error(`${path} was not captured`)
}

test('the page: HTML with a strict CSP, its script and style from the same origin', async () => {
  const page = await send(`${alb.adminUrl}/`)
  assert.equal(page.status, 200)
  assert.match(String(page.headers['content-type']), /^text\/html/)
  const csp = String(page.headers['content-security-policy'])
  assert.match(csp, /default-src 'self'/)
  assert.match(csp, /script-src 'self';/)
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/)
  assert.match(page.body.toString(), /<main id="main"/)
  assert.doesNotMatch(page.body.toString(), /<script>|https?:\/\//)
  const script = await send(`${alb.adminUrl}/console.js`)
  assert.equal(script.status, 200)
  assert.match(String(script.headers['content-type']), /^text\/javascript/)
  assert.ok(script.body.length > 1000)
  assert.equal((await send(`${alb.adminUrl}/console.css`)).status, 200)
})

test('a forwarded request: client request, rule, the exact event (client XFF plus the peer), timings', async () => {
  const d = await captured('/echo/a?x=1', {
    method: 'POST',
    headers: { 'x-forwarded-for': '203.0.113.7', 'content-type': 'text/plain' },
    body: 'hello',
  })
  assert.equal(d.method, 'POST')
  assert.equal(d.target, '/echo/a?x=1')
  assert.equal(d.status, 200)
  assert.equal(d.functionName, 'fx-0-echo')
  assert.equal(d.request.body.preview, 'hello')
  assert.deepEqual(
    d.request.headers.find(([k]) => k === 'x-forwarded-for'),
    ['x-forwarded-for', '203.0.113.7'],
  )
  assert.equal(d.rule?.priority, 10)
  const event = JSON.parse(d.event?.json ?? 'null')
  assert.equal(event.headers['x-forwarded-for'], '203.0.113.7, 127.0.0.1')
  assert.equal(event.body, 'hello')
  assert.equal(event.path, '/echo/a')
  assert.deepEqual(event.queryStringParameters, { x: '1' })
  // the event the function really received (it echoes it to the client) is the one the console
  // rebuilt; the kept response body is the client's, cut at this suite's 1000-byte cap
  const received = JSON.parse(d.client.body.toString())
  assert.deepEqual(event, received.event)
  const kept = (await send(`${alb.adminUrl}/api/exchanges/${d.id}/response-body`)).body
  assert.deepEqual(kept, d.client.body.subarray(0, 1000))
  assert.ok(d.timings.invokeMs !== undefined && d.timings.invokeMs >= 0)
  assert.ok(d.timings.totalMs >= 0)
  assert.equal(typeof d.requestId, 'string')
  // a console is open (this suite's event stream): the result is captured (cut at 1000 here)
  assert.match(d.result?.json ?? '', /^\{"statusCode":200,/)
})

test('a 502: the result the function returned, the plain sentence and the AWS page', async () => {
  const d = await captured('/malformed?case=stringstatus')
  assert.equal(d.status, 502)
  assert.equal(d.marker, 'error')
  assert.equal(JSON.parse(d.result?.json ?? 'null').statusCode, '200')
  const why = d.explanations.find((e) => e.code === 'LambdaInvalidResponse')
  assert.ok(why, JSON.stringify(d.explanations))
  assert.equal(why.source, AWS_PAGES.lambdaTargets)
  // what the balancer found: core's field-level error, listed before the rule
  const found = d.explanations.find((e) => e.level === 'error' && e.field === 'statusCode')
  assert.ok(found, JSON.stringify(d.explanations))
  assert.match(found.message, /statusCode/)
  const download = await send(`${alb.adminUrl}/api/exchanges/${d.id}/result`)
  assert.equal(JSON.parse(download.body.toString()).statusCode, '200')
  assert.match(String(download.headers['content-disposition']), /attachment/)
})

test("the function's log lines for its request id", async () => {
  const d = await captured('/logs')
  for (let i = 0; i < 50 && d.logs.length < 4; i++) {
    await new Promise((r) => setTimeout(r, 20))
    d.logs = (await json<ExchangeDetail>(`/api/exchanges/${d.id}`)).body.logs
  }
  const texts = d.logs.map((l) => l.text)
  assert.ok(texts.includes('hello from fx-2-logs'), JSON.stringify(d.logs))
  assert.ok(d.logs.some((l) => l.stream === 'stderr' && l.text === 'an error line'))
  assert.ok(texts.includes('two') && texts.includes('lines'))
})

test('why the earlier rules did not match', async () => {
  const d = await captured('/logs')
  const trace = (
    await json<
      Array<{ priority: number; matched: boolean; conditions: Array<{ holds: boolean }> }>
    >(`/api/exchanges/${d.id}/rules`)
  ).body
  assert.deepEqual(
    trace.map((v) => [v.priority, v.matched]),
    [
      [10, false],
      [20, false],
      [30, true],
    ],
  )
  assert.deepEqual(
    trace[0]?.conditions.map((c) => c.holds),
    [false],
  )
  assert.deepEqual(
    trace[2]?.conditions.map((c) => c.holds),
    [true],
  )
})

test('the listener refusing a request is captured and explained (TRACE → 405)', async () => {
  const d = await captured('/echo', { method: 'TRACE' })
  assert.equal(d.status, 405)
  assert.equal(d.marker, 'error')
  assert.equal(d.rule, undefined)
  assert.match(d.explanations[0]?.message ?? '', /TRACE/)
})

test('a refused WebSocket upgrade is captured and explained', async () => {
  const d = await captured('/echo/socket', {
    headers: { connection: 'Upgrade', upgrade: 'websocket' },
  })
  assert.equal(d.status, 400)
  assert.equal(d.marker, 'error')
  assert.equal(d.target, '/echo/socket')
  assert.deepEqual(
    d.request.headers.find(([k]) => k.toLowerCase() === 'upgrade'),
    ['upgrade', 'websocket'],
  )
  assert.equal(d.explanations[0]?.code, 'LambdaWebsocketNotSupported')
})

test('the event stream announces each new exchange; while it is open, results are captured', async () => {
  const d = await captured('/echo/live')
  for (let i = 0; i < 50 && !stream.events.some((e) => e.id === d.id); i++)
    await new Promise((r) => setTimeout(r, 20))
  assert.ok(
    stream.events.some((e) => e.id === d.id && e.target === '/echo/live'),
    JSON.stringify(stream.events),
  )
  // the echo result is over this suite's 1000-character cap: kept up to it, marked cut
  assert.match(d.result?.json ?? '', /^\{"statusCode":200,/)
  assert.equal(d.result?.truncated, true)
})

test('no console open: a request that went well keeps its list row only; an error is kept in full', async () => {
  stream.close()
  try {
    const ok = await captured('/echo/unwatched')
    assert.equal(ok.status, 200)
    assert.equal(ok.functionName, 'fx-0-echo')
    assert.equal(ok.rowOnly, true)
    assert.equal(ok.event, undefined)
    assert.match(ok.resultMissing ?? '', /no console was open/)
    const replay = await json<{ message: string }>(`/api/exchanges/${ok.id}/replay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    assert.equal(replay.status, 409)
    assert.match(replay.body.message, /only the list row/)
    const bad = await captured('/malformed?case=nostatus')
    assert.equal(bad.status, 502)
    assert.equal(bad.rowOnly, undefined)
    assert.ok(bad.event !== undefined)
    assert.match(bad.result?.json ?? '', /"statusDescription": "200 OK"/)
  } finally {
    stream = await openStream()
  }
})

test('replay: the same event again, a new exchange linked to the first', async () => {
  const d = await captured('/echo/replay', { headers: { 'x-forwarded-for': '198.51.100.9' } })
  const res = await json<ExchangeDetail>(`/api/exchanges/${d.id}/replay`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: alb.adminUrl,
      'sec-fetch-site': 'same-origin',
    },
    body: '{}',
  })
  assert.equal(res.status, 201)
  assert.equal(res.body.replayOf, d.id)
  assert.ok(res.body.id > d.id)
  assert.equal(res.body.status, 200)
  assert.equal(res.body.event?.json, d.event?.json)
  const received = JSON.parse(
    (await send(`${alb.adminUrl}/api/exchanges/${res.body.id}/response-body`)).body.toString(),
  )
  assert.deepEqual(received.event, JSON.parse(d.event?.json ?? 'null'))
  assert.equal((await json<ExchangeSummary[]>('/api/exchanges')).body[0]?.id, res.body.id)
})

test('replay is refused cross-site, without a JSON type, by GET; other writes are refused', async () => {
  const d = await captured('/echo/guard')
  const url = `/api/exchanges/${d.id}/replay`
  const jsonType = { 'content-type': 'application/json' }
  const cases: Array<[Parameters<typeof send>[1], number, RegExp]> = [
    [
      { method: 'POST', headers: { ...jsonType, 'sec-fetch-site': 'cross-site' }, body: '{}' },
      403,
      /cross-site/,
    ],
    [
      { method: 'POST', headers: { ...jsonType, origin: 'http://evil.example' }, body: '{}' },
      403,
      /cross-origin/,
    ],
    [
      { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' },
      403,
      /application\/json/,
    ],
    [{ method: 'POST', headers: { ...jsonType, host: 'evil.example' }, body: '{}' }, 403, /Host/],
    [{ method: 'GET' }, 405, /POST only/],
    [{ method: 'DELETE' }, 405, /POST only/],
  ]
  for (const [init, status, message] of cases) {
    const res = await json<{ message: string }>(url, init)
    assert.equal(res.status, status, JSON.stringify(init))
    assert.match(res.body.message, message)
  }
  const write = await json<{ message: string }>('/api/exchanges', { method: 'DELETE' })
  assert.equal(write.status, 405)
  assert.match(write.body.message, /read-only/)
  assert.equal(
    (await json<ExchangeSummary[]>('/api/exchanges')).body[0]?.id,
    d.id,
    'nothing was replayed',
  )
  assert.equal(
    (
      await json<{ message: string }>('/api/exchanges', {
        headers: { host: 'rebound.example:3001' },
      })
    ).status,
    403,
  )
})

test('bodies are capped per exchange; unknown ids answer 404', async () => {
  const d = await captured('/echo/big', {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: 'x'.repeat(5000),
  })
  assert.equal(d.request.body.size, 5000)
  assert.equal(d.request.body.captured, 1000)
  assert.equal(d.event?.bodyCapturedBytes, 1000)
  const raw = await send(`${alb.adminUrl}/api/exchanges/${d.id}/request-body`)
  assert.equal(raw.body.length, 1000)
  const replay = await json<{ message: string }>(`/api/exchanges/${d.id}/replay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  })
  assert.equal(replay.status, 409)
  assert.match(replay.body.message, /cannot be replayed exactly/)
  assert.equal((await send(`${alb.adminUrl}/api/exchanges/999999`)).status, 404)
})

test('/targets and /routes keep answering; /api/targets adds the history', async () => {
  const targets = (
    await json<Array<{ targetGroup: string; transitions: unknown[]; checks: unknown[] }>>(
      '/api/targets',
    )
  ).body
  assert.equal(targets.length, 3)
  assert.ok(Array.isArray(targets[0]?.transitions) && Array.isArray(targets[0]?.checks))
  assert.equal((await json<unknown[]>('/targets')).body.length, 3)
  assert.equal((await json<unknown[]>('/routes')).body.length, 4)
  assert.equal((await json<unknown[]>('/api/routes')).body.length, 4)
})

test('the admin server listens on 127.0.0.1 even when the listener is given another address', async () => {
  const wide = await startFixture([{ paths: ['/echo'], handler: 'echo' }], { host: '0.0.0.0' })
  try {
    assert.match(wide.url, /^http:\/\/0\.0\.0\.0:\d+$/)
    assert.match(wide.adminUrl, /^http:\/\/127\.0\.0\.1:\d+$/)
    assert.equal((await send(`${wide.adminUrl}/api/routes`)).status, 200)
  } finally {
    await wide.close()
  }
})
