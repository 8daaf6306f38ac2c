import assert from 'node:assert/strict'
import { test } from 'node:test'
import { AlbError, albError, isAlbError } from './errors.js'

test('expose defaults to statusCode < 500', () => {
  assert.equal(new AlbError(404, 'x').expose, true)
  assert.equal(new AlbError(500, 'x').expose, false)
  assert.equal(new AlbError(503, 'x', { expose: true }).expose, true)
  assert.equal(new AlbError(400, 'x', { expose: false }).expose, false)
})

test('carries cause and headers; is an Error', () => {
  const cause = new Error('inner')
  const e = albError(405, 'Method not allowed', { cause, headers: { Allow: 'GET' } })
  assert.ok(e instanceof Error)
  assert.equal(e.name, 'AlbError')
  assert.equal(e.cause, cause)
  assert.deepEqual(e.headers, { Allow: 'GET' })
  assert.equal(isAlbError(e), true)
  assert.equal(isAlbError(new Error('x')), false)
})

test('a status outside 400-599 becomes 500', () => {
  assert.equal(new AlbError(200, 'x').statusCode, 500)
  assert.equal(new AlbError(Number.NaN, 'x').statusCode, 500)
})
