import assert from 'node:assert/strict'
import { test } from 'node:test'
import { describeError } from './probe-outcome.js'

test('describeError keeps codes and class names, never messages', () => {
  const secret = 'connect to https://user:hunter2@db.internal failed'
  const wrapped = new TypeError('fetch failed', {
    cause: Object.assign(new Error(secret), { code: 'ECONNREFUSED' }),
  })
  assert.equal(describeError(wrapped), 'connection refused (ECONNREFUSED)')
  assert.equal(
    describeError(Object.assign(new Error(secret), { code: 'ENOTFOUND' })),
    'name not found (ENOTFOUND)',
  )
  assert.equal(describeError(Object.assign(new Error(secret), { code: 'EWHATEVER' })), 'EWHATEVER')
  assert.equal(describeError(new DOMException('x', 'TimeoutError')), 'timed out')
  assert.equal(describeError(new RangeError(secret)), 'RangeError')
  assert.equal(describeError('a string'), 'failed')
  assert.equal(describeError(null), 'failed')
})
