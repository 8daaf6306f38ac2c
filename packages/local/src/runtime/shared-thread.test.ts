// Isolation 'shared': instances on one thread keep separate module state, and the trade-off —
// a timeout on one instance ends the thread, so the other instances' running requests fail too.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { LocalFunction } from '../config/model.js'
import { FunctionPool } from './function-pool.js'
import { fixtureConfig } from './test-support.js'
import { workerFile } from './worker-file.js'

function pool(timeoutSeconds: number): FunctionPool {
  const fn = fixtureConfig([{ paths: ['/'], handler: 'slow', timeoutSeconds }]).functions[0]
  assert.ok(fn)
  return new FunctionPool(fn as LocalFunction, {
    workerFile: workerFile(),
    env: {},
    region: 'us-east-1',
    maxInstances: 4,
    onOutput: () => {},
    isolation: 'shared',
    threads: 1,
  })
}

const event = (ms: number) =>
  JSON.stringify({ httpMethod: 'GET', path: '/', queryStringParameters: { ms: String(ms) } })

function instanceOf(outcome: Awaited<ReturnType<FunctionPool['invoke']>>): string {
  assert.equal(outcome.kind, 'result')
  if (outcome.kind !== 'result' || !outcome.outcome.ok) throw new Error('no result')
  return JSON.parse(Buffer.from(outcome.outcome.response.body).toString()).instance
}

test('instances on one shared thread are separate module instances', async () => {
  const p = pool(3)
  try {
    const [a, b] = await Promise.all(
      [1, 2].map(() => p.invoke({ mode: 'single', event: event(200) })),
    )
    assert.ok(a && b)
    assert.notEqual(instanceOf(a), instanceOf(b))
    assert.equal(p.size, 2)
  } finally {
    await p.close()
  }
})

test('a timeout ends the shared thread: a sibling in flight gets an error, then fresh instances serve', async () => {
  const p = pool(2)
  try {
    const stuck = p.invoke({ mode: 'single', event: event(60_000) })
    await new Promise((r) => setTimeout(r, 1000))
    const sibling = await p.invoke({ mode: 'single', event: event(5000) })
    assert.equal((await stuck).kind, 'error')
    assert.equal(sibling.kind, 'error')
    assert.ok(sibling.kind === 'error' && sibling.reason !== 'throttled')
    assert.equal(p.size, 0)
    instanceOf(await p.invoke({ mode: 'single', event: event(1) }))
  } finally {
    await p.close()
  }
})
