// What core's result check found reaches the Exchange (`exchange.issues`), where the access log,
// the console line and the console UI read it: warnings for tolerated shapes, errors for a 502.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { ResultCheck } from '@albkit/core'
import { Balancer } from './balancer.js'
import type { Exchange } from './exchange.js'
import type { FunctionPool } from './function-pool.js'
import { resultValueToWire } from './result-to-wire.js'
import { fixtureConfig } from './test-support.js'

/** The balancer in front of a pool whose one instance returns `result`; the Exchange it filled. */
async function exchangeFor(result: unknown): Promise<{ ex: Exchange; sent: string[] }> {
  const config = fixtureConfig([{ paths: ['/r'], handler: 'echo' }])
  const pool = {
    fn: { functionName: 'fn' },
    invoke: async () => ({
      kind: 'result',
      outcome: resultValueToWire(result, 'single'),
      cold: false,
    }),
  } as unknown as FunctionPool
  const balancer = new Balancer({
    config,
    pools: new Map([['Fn0', pool]]),
    random: () => 0,
    listenerPort: () => 80,
    xffMode: 'append',
  })
  const sent: string[] = []
  const ex = {
    req: { method: 'GET', url: '/r', headers: { host: 'h' }, rawHeaders: ['Host', 'h'] },
    record: { clientIp: '127.0.0.1', received: Date.now(), actions: [] },
    console: {},
    issues: { errors: [], warnings: [] } as ResultCheck,
    albResponse: (status: number) => sent.push(`alb ${status}`),
    albError: (status: number, reason?: string) => sent.push(`alb ${status} ${reason ?? '-'}`),
    targetResponse: (wire: { statusCode: number }) => sent.push(`target ${wire.statusCode}`),
  } as unknown as Exchange
  await balancer.route(ex, Buffer.alloc(0))
  return { ex, sent }
}

test('a tolerated result: answered, its warnings on the Exchange, no errors', async () => {
  const { ex, sent } = await exchangeFor({ statusCode: 200 })
  assert.deepEqual(sent, ['target 200'])
  assert.deepEqual(ex.issues.errors, [])
  assert.deepEqual(
    ex.issues.warnings.map((w) => w.code),
    ['status-description-missing', 'headers-missing', 'is-base64-encoded-missing'],
  )
})

test('an invalid result: 502 LambdaInvalidResponse, its errors on the Exchange', async () => {
  const { ex, sent } = await exchangeFor({ statusCode: 200, body: null })
  assert.deepEqual(sent, ['alb 502 LambdaInvalidResponse'])
  assert.deepEqual(
    ex.issues.errors.map((e) => `${e.code} ${e.field}`),
    ['body-null body'],
  )
})

test('a complete result: no issues', async () => {
  const { ex } = await exchangeFor({
    statusCode: 200,
    statusDescription: '200 OK',
    isBase64Encoded: false,
    headers: {},
    body: '',
  })
  assert.deepEqual(ex.issues, { errors: [], warnings: [] })
})
