import assert from 'node:assert/strict'
import { test } from 'node:test'
import { cached } from './cache.js'

test('reuses the value within ttl, runs again after it', async () => {
  let t = 1000
  let runs = 0
  const get = cached(async () => ++runs, { ttlMs: 5000, now: () => t })
  assert.deepEqual(await get(), { value: 1, completedAt: 1000, fromCache: false })
  t = 5999
  assert.deepEqual(await get(), { value: 1, completedAt: 1000, fromCache: true })
  t = 6000
  assert.deepEqual(await get(), { value: 2, completedAt: 6000, fromCache: false })
})

test('concurrent callers share one in-flight run', async () => {
  let runs = 0
  let release: (v: number) => void = () => {}
  const get = cached(
    () => {
      runs++
      return new Promise<number>((resolve) => {
        release = resolve
      })
    },
    { ttlMs: 0 },
  )
  const calls = [get(), get(), get()]
  release(42)
  const results = await Promise.all(calls)
  assert.equal(runs, 1)
  assert.deepEqual(
    results.map((r) => [r.value, r.fromCache]),
    [
      [42, false],
      [42, true],
      [42, true],
    ],
  )
})

test('ttl 0 never reuses a finished run; a rejected run is not kept', async () => {
  let runs = 0
  const get = cached(
    async () => {
      runs++
      if (runs === 2) throw new Error('boom')
      return runs
    },
    { ttlMs: 0 },
  )
  assert.equal((await get()).value, 1)
  await assert.rejects(get(), /boom/)
  assert.equal((await get()).value, 3)
})
