import assert from 'node:assert/strict'
import { test } from 'node:test'
import { shuffleHeaders } from './shuffle-headers.js'

const headers: Array<[string, string]> = [
  ['Content-Type', 'text/plain'],
  ['Set-Cookie', 'a=1'],
  ['Set-Cookie', 'b=2'],
  ['X-A', '1'],
]

test('the same lines, every one kept', () => {
  const out = shuffleHeaders(headers, Math.random)
  assert.deepEqual([...out].sort(), [...headers].sort())
  assert.notEqual(out, headers)
})

test('names and the values of one name change order', () => {
  // random() = 0 always swaps with the first: a rotation that moves every line
  const out = shuffleHeaders(headers, () => 0)
  assert.deepEqual(out, [
    ['Set-Cookie', 'a=1'],
    ['Set-Cookie', 'b=2'],
    ['X-A', '1'],
    ['Content-Type', 'text/plain'],
  ])
  const cookies = shuffleHeaders(headers.slice(1, 3), () => 0)
  assert.deepEqual(cookies, [
    ['Set-Cookie', 'b=2'],
    ['Set-Cookie', 'a=1'],
  ])
})

test('over many runs every order of three lines turns up', () => {
  const seen = new Set<string>()
  for (let i = 0; i < 500; i++)
    seen.add(JSON.stringify(shuffleHeaders(headers.slice(0, 3), Math.random)))
  assert.equal(seen.size, 6)
})

test('start({ shuffleHeaders: true }) sends the values of a multi-value header reordered', async () => {
  const { send } = await import('@albkit/core/testing')
  const { startFixture } = await import('./test-support.js')
  const routes = [{ paths: ['/multi/cookies'], handler: 'cookies', multi: true }]
  // random() = 0: every line moves (see above); the two Set-Cookie values swap
  const shuffled = await startFixture(routes, { shuffleHeaders: true, random: () => 0 })
  const plain = await startFixture(routes, { random: () => 0 })
  try {
    const a = await send(`${shuffled.url}/multi/cookies`)
    const b = await send(`${plain.url}/multi/cookies`)
    assert.deepEqual(b.headers['set-cookie'], [
      'a=1; Path=/',
      'b=2; Expires=Thu, 01 Jan 2037 00:00:00 GMT',
    ])
    assert.deepEqual(a.headers['set-cookie'], [
      'b=2; Expires=Thu, 01 Jan 2037 00:00:00 GMT',
      'a=1; Path=/',
    ])
  } finally {
    await Promise.all([shuffled.close(), plain.close()])
  }
})
