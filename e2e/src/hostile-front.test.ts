/**
 * Hostile input at the load balancer's HTTP front, over raw sockets: invalid request lines,
 * header floods, headers over the limits, broken chunked bodies, clients that close early, slow
 * clients. Each gets a 4xx or a closed connection; the balancer (in this process) never dies,
 * keeps answering, and its memory stays bounded.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { figure, rssMb } from './support/figures.js'
import { HOSTILE, type HostileGroup } from './support/hostile-requests.js'
import { type RawAnswer, rawRequest, refusedOrClosed } from './support/raw-http.js'
import { type Stack, startStack } from './support/stack.js'

const ROUNDS = 20
const EARLY_ROUNDS = 5
const MAX_RSS_GROWTH_MB = 200

const EARLY: string[][] = [
  ['GET /i'],
  ['GET /ip HTTP/1.1\r\nHost: e2e\r\nX-A: '],
  ['\r\n\r\n\r\n'],
  [
    'PUT /upload/x.bin HTTP/1.1\r\nHost: e2e\r\nContent-Type: application/octet-stream\r\nContent-Length: 100000\r\n\r\n',
    'x'.repeat(5000),
  ],
  [
    'PUT /upload/x.bin HTTP/1.1\r\nHost: e2e\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\na\r\nabc',
  ],
  ['GET /fault/hang HTTP/1.1\r\nHost: e2e\r\n\r\n'],
  ['GET /binary/random.bin HTTP/1.1\r\nHost: e2e\r\n\r\n'],
]

let stack: Stack
let port: number
let rssBefore: number
let rssPeak: number
let sent = 0
let refused = 0

before(async () => {
  stack = await startStack({ faults: true })
  port = Number(new URL(stack.alb.url).port)
  await stillAnswers()
  // One unchecked pass first: instances scale out to the concurrency the pass creates (as on
  // Lambda, each a worker thread in this process), so the bound below measures the front itself.
  await Promise.all([
    ...HOSTILE.map((c) => rawRequest(port, c.parts)),
    ...EARLY.map((parts) => rawRequest(port, parts, { abortAfterWrite: true })),
  ])
  await slowClients()
  await new Promise((resolve) => setTimeout(resolve, 1500))
  rssBefore = rssMb()
  rssPeak = rssBefore
})
after(() => stack?.close())

async function stillAnswers(): Promise<void> {
  const r = await fetch(`${stack.alb.url}/ip`)
  assert.equal(r.status, 200, 'the balancer still answers')
  assert.equal((await r.text()).trim(), '127.0.0.1')
}

/** 20 slow clients and one slow header flood, while 20 ordinary requests are answered. */
async function slowClients(): Promise<{
  slow: RawAnswer[]
  flood: RawAnswer
  meanwhile: number[]
}> {
  const request = 'GET /ip HTTP/1.1\r\nHost: e2e\r\nConnection: close\r\n\r\n'
  const slow = Array.from({ length: 20 }, () =>
    rawRequest(port, [...request], { delayMs: 50, timeoutMs: 15_000 }),
  )
  const flood = rawRequest(
    port,
    [
      'GET /ip HTTP/1.1\r\nHost: e2e\r\n',
      ...Array.from({ length: 20 }, () => `X-Slow: ${'s'.repeat(4000)}\r\n`),
      '\r\n',
    ],
    { delayMs: 50, timeoutMs: 15_000 },
  )
  const meanwhile: number[] = []
  for (let i = 0; i < 20; i++) {
    meanwhile.push(
      await fetch(`${stack.alb.url}/ip`).then(
        (r) => r.status,
        () => 0,
      ),
    )
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return { slow: await Promise.all(slow), flood: await flood, meanwhile }
}

function groupTest(group: HostileGroup) {
  const cases = HOSTILE.filter((c) => c.group === group)
  test(`${group}: ${cases.length} kinds × ${ROUNDS} rounds → 4xx or closed`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      for (const c of cases) {
        const answer = await rawRequest(port, c.parts, { timeoutMs: 5000 })
        sent++
        assert.ok(
          refusedOrClosed(answer, c.alsoRefusal),
          `${c.label}: got ${answer.status ?? 'no status'} (closed ${answer.closed}, timed out ${answer.timedOut}): ${answer.bytes.subarray(0, 80)}`,
        )
        refused++
      }
      rssPeak = Math.max(rssPeak, rssMb())
    }
    await stillAnswers()
  })
}

describe('hostile input at the HTTP front', () => {
  groupTest('invalid request line')
  groupTest('header flood')
  groupTest('over the limits')
  groupTest('broken chunked body')

  test('clients that close early: mid-line, mid-headers, mid-body, mid-chunk, while the function runs', async () => {
    for (let round = 0; round < EARLY_ROUNDS; round++) {
      for (const parts of EARLY) {
        const answer = await rawRequest(port, parts, { abortAfterWrite: true })
        sent++
        assert.ok(answer.closed)
        refused++
      }
    }
    // the hanging function times out (1 s) and its 502 meets closed sockets: nothing breaks
    await new Promise((resolve) => setTimeout(resolve, 1500))
    await stillAnswers()
    const ok = await fetch(`${stack.alb.url}/fault/ok`)
    assert.equal(ok.status, 200)
  })

  test('slow clients (20 at once, a byte every 50 ms) do not stall anyone; a slow flood still gets 400', async () => {
    for (let round = 0; round < 2; round++) {
      const { slow, flood, meanwhile } = await slowClients()
      assert.deepEqual(meanwhile, Array(20).fill(200), 'others answered while slow clients trickle')
      for (const answer of slow) {
        sent++
        assert.ok(answer.status === 200 || answer.closed, `slow client: ${answer.status}`)
        assert.equal(answer.timedOut, false)
      }
      sent++
      assert.equal(flood.status, 400)
      refused++
      rssPeak = Math.max(rssPeak, rssMb())
    }
    await stillAnswers()
  })

  test('memory stays bounded', () => {
    const rssAfter = rssMb()
    rssPeak = Math.max(rssPeak, rssAfter)
    figure('hostile-front', {
      requests: sent,
      refusedOrClosed: refused,
      rounds: ROUNDS,
      rssBeforeMb: rssBefore,
      rssAfterMb: rssAfter,
      rssPeakMb: rssPeak,
    })
    assert.ok(
      rssAfter - rssBefore < MAX_RSS_GROWTH_MB,
      `rss grew ${rssAfter - rssBefore} MB (${rssBefore} → ${rssAfter})`,
    )
  })
})
