import assert from 'node:assert/strict'
import { test } from 'node:test'
import { captureBody, previewBody } from './capture-body.js'
import type { CapturedExchange } from './captured-exchange.js'
import { ExchangeStore } from './exchange-store.js'
import { testExchange } from './test-exchange.js'

function exchange(store: ExchangeStore, requestId?: string): CapturedExchange {
  return testExchange({
    id: store.nextId(),
    time: Date.now(),
    durationMs: 1,
    invoke: requestId === undefined ? undefined : { requestId, cold: false, kind: 'result' },
  })
}

test('the store keeps the last N exchanges, newest first, and evicts the oldest', () => {
  const store = new ExchangeStore({ size: 3 })
  for (let i = 0; i < 10; i++) store.add(exchange(store))
  assert.deepEqual(
    store.list().map((e) => e.id),
    [10, 9, 8],
  )
  assert.equal(store.get(7), undefined)
  assert.equal(store.get(9)?.id, 9)
})

test('a long session does not grow: 10 000 exchanges with log lines leave N kept and bounded maps', () => {
  const store = new ExchangeStore({ size: 5, logLines: 2 })
  for (let i = 0; i < 10_000; i++) {
    const id = `req-${i}`
    store.functionLine(`${id} early line`, 'stdout')
    store.add(exchange(store, id))
    store.functionLine(`${id} late line`, 'stdout')
    store.functionLine(`${id} one too many`, 'stderr')
    // lines of request ids that never get an exchange (health checks)
    store.functionLine(`health-${i} ok`, 'stdout')
  }
  assert.equal(store.list().length, 5)
  assert.ok(store.pendingRequestIds <= 256, String(store.pendingRequestIds))
  const last = store.list()[0]
  assert.deepEqual(
    last?.logs.map((l) => l.text),
    ['early line', 'late line'],
  )
  // an evicted exchange's request id no longer collects lines anywhere
  store.functionLine('req-0 after eviction', 'stdout')
  assert.ok(store.list().every((e) => e.logs.length === 2))
})

test('log lines: cut at the character cap; init lines (request id "-") are not kept', () => {
  const store = new ExchangeStore({ logLineChars: 4 })
  store.add(exchange(store, 'abc'))
  store.functionLine('abc 0123456789', 'stdout')
  store.functionLine('- during init', 'stdout')
  assert.deepEqual(store.list()[0]?.logs, [{ stream: 'stdout', text: '0123' }])
  assert.equal(store.pendingRequestIds, 0)
})

test('limits must be positive integers, with the flag named', () => {
  assert.throws(() => new ExchangeStore({ size: 0 }), /--console-exchanges/)
  assert.throws(() => new ExchangeStore({ bodyBytes: 1.5 }), /bytes kept per body/)
  assert.equal(new ExchangeStore({ size: undefined }).limits.size, 200)
})

test('listeners hear every new exchange until they stop; watching follows them', () => {
  const store = new ExchangeStore()
  const heard: number[] = []
  assert.equal(store.watching, false)
  const stop = store.subscribe((e) => heard.push(e.id))
  assert.equal(store.watching, true)
  store.add(exchange(store))
  stop()
  store.add(exchange(store))
  assert.deepEqual(heard, [1])
  assert.equal(store.watching, false)
})

test('bodies: kept whole under the cap (no copy), cut to the cap above it', () => {
  const small = new Uint8Array(Buffer.from('hello'))
  assert.equal(captureBody(small, 10).bytes, small)
  // a view into a larger buffer is copied
  const view = Buffer.alloc(1000).subarray(10, 15)
  assert.equal(captureBody(view, 10).bytes.buffer.byteLength, 5)
  const big = captureBody(Buffer.alloc(100, 0x61), 10)
  assert.equal(big.size, 100)
  assert.equal(big.bytes.length, 10)
  // a copy: the 100-byte buffer is not kept alive by the capture
  assert.equal(big.bytes.buffer.byteLength, 10)
})

test('previews: text, hex for binary, a UTF-8 character cut at the limit still reads as text', () => {
  assert.deepEqual(previewBody({ size: 2, bytes: Buffer.from([0, 255]) }, 100), {
    size: 2,
    captured: 2,
    shown: 2,
    truncated: false,
    encoding: 'hex',
    preview: '00 ff',
  })
  const euro = Buffer.from('€€')
  const cut = previewBody({ size: euro.length, bytes: euro }, 4)
  assert.equal(cut.encoding, 'text')
  assert.equal(cut.preview, '€')
  assert.equal(cut.truncated, true)
  assert.equal(previewBody({ size: 0, bytes: Buffer.alloc(0) }, 10).encoding, 'empty')
})
