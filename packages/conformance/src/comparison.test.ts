import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { type EchoApp, writeEchoApp } from './echo-app.js'
import { runAlbkitHalf, runOfflineHalf } from './comparison.js'

let app: EchoApp
before(async () => {
  app = await writeEchoApp()
})
after(() => app.remove())

test('albkit passes every conformance check against the echo app', async () => {
  const results = await runAlbkitHalf(app)
  assert.ok(results.length >= 40)
  assert.deepEqual(
    results.filter((r) => !r.passed).map((r) => `${r.id}: ${r.detail}`),
    [],
  )
})

test('serverless-offline (osls offline) produces a result for every check', async () => {
  const [albkit, offline] = [await runAlbkitHalf(app), await runOfflineHalf(app)]
  assert.deepEqual(
    offline.map((r) => r.id),
    albkit.map((r) => r.id),
  )
  for (const r of offline) assert.equal(typeof r.passed, 'boolean', r.id)
})
