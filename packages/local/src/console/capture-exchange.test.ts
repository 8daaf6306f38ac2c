import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { ResultCheck } from '@albkit/core'
import type { Exchange } from '../runtime/exchange.js'
import { captureExchange } from './capture-exchange.js'
import { ExchangeStore } from './exchange-store.js'

/** The parts of an Exchange capture reads, for a forwarded request that got `status`. */
function exchange(
  status: number,
  extra: { issues?: ResultCheck; errorReason?: string } = {},
): Exchange {
  const body = new Uint8Array(Buffer.from('{"ok":true}'))
  return {
    req: { method: 'GET', url: '/a?b=1', httpVersion: '1.1', rawHeaders: ['Host', 'x'] },
    res: { statusMessage: '' },
    record: {
      received: 1000,
      finished: 1005,
      method: 'GET',
      clientIp: '127.0.0.1',
      clientPort: 4000,
      elbStatusCode: status,
      actions: ['forward'],
      targetGroupArn: 'arn:tg',
      errorReason: extra.errorReason,
    },
    console: {
      functionName: 'fn',
      cold: true,
      body: Buffer.alloc(0),
      invoke: {
        kind: 'result',
        cold: true,
        requestId: 'r1',
        outcome: {
          ok: true,
          response: { statusCode: status, statusMessage: 'OK', headers: [], body },
          warnings: [],
        },
      },
    },
    // the runtime always sets the check (both lists empty when nothing was found)
    issues: extra.issues ?? { errors: [], warnings: [] },
  } as unknown as Exchange
}

test('no console open: a request that went well keeps its list row only', () => {
  const store = new ExchangeStore()
  const c = captureExchange(exchange(200), store)
  assert.equal(c.rowOnly, true)
  assert.equal(c.cold, true)
  assert.equal(c.response.statusCode, 200)
  assert.equal(c.invoke, undefined)
  assert.equal(c.durationMs, 5)
  // empty result checks (no error, no warning) do not make it worth keeping
  assert.equal(
    captureExchange(exchange(200, { issues: { errors: [], warnings: [] } }), store).rowOnly,
    true,
  )
})

test('kept in full: errors, result issues, and everything while a console is open', () => {
  const store = new ExchangeStore()
  assert.equal(
    captureExchange(exchange(502, { errorReason: 'LambdaInvalidResponse' }), store).rowOnly,
    undefined,
  )
  const warning = { code: 'c', field: 'f', message: 'm', source: 's' }
  const warned = captureExchange(
    exchange(200, { issues: { errors: [], warnings: [warning] } }),
    store,
  )
  assert.equal(warned.rowOnly, undefined)
  assert.deepEqual(warned.issues?.warnings, [warning])
  const stop = store.subscribe(() => {})
  const watched = captureExchange(exchange(200), store)
  stop()
  assert.equal(watched.rowOnly, undefined)
  assert.equal(watched.invoke?.requestId, 'r1')
  assert.equal(Buffer.from(watched.response.body.bytes).toString(), '{"ok":true}')
})
