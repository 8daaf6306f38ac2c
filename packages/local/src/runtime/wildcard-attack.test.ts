// Issue 14, finding 3 through the listener: requests built to make wildcard rules backtrack do
// not hold up the other clients (the old RegExp held the listener ~4.5 s per request).
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { send } from '@albkit/core/testing'
import type { LocalAlb } from '../start.js'
import { startFixture } from './test-support.js'

let alb: LocalAlb
before(async () => {
  alb = await startFixture([
    { paths: ['/r/*/*/*.js'], handler: 'echo' },
    { paths: ['/echo'], handler: 'echo' },
  ])
})
after(() => alb.close())

test('five 3.6 KB paths against /r/*/*/*.js: answered, and another client is served meanwhile', async () => {
  await send(`${alb.url}/echo`) // warm: the cold start is not what is measured
  const attack = `/r/${'/'.repeat(3600)}x`
  const started = performance.now()
  const attacks = Array.from({ length: 5 }, () => send(`${alb.url}${attack}`))
  const other = send(`${alb.url}/echo`).then((res) => ({
    status: res.status,
    ms: performance.now() - started,
  }))
  for (const res of await Promise.all(attacks)) assert.equal(res.status, 404)
  const { status, ms } = await other
  assert.equal(status, 200)
  // generous: a warm echo takes a few ms; the regression this catches took seconds
  assert.ok(ms < 1000, `the other client waited ${ms.toFixed(0)} ms`)
})
