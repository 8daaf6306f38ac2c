import assert from 'node:assert/strict'
import { test } from 'node:test'
import { AlbError, parseRequest } from '@albkit/core'
import { albEvent } from '@albkit/core/testing'
import { greet } from './logic.js'

test('greets the name in the query, decoded', () => {
  const response = greet(parseRequest(albEvent({ path: '/__NAME__', query: 'name=Ada%20L' })))
  assert.equal(response.statusCode, 200)
  assert.deepEqual(JSON.parse(String(response.body)), {
    message: 'Hello, Ada L!',
    path: '/__NAME__',
  })
})

test('refuses other methods with 405 and Allow', () => {
  assert.throws(
    () => greet(parseRequest(albEvent({ method: 'POST', path: '/__NAME__' }))),
    (err: unknown) =>
      err instanceof AlbError && err.statusCode === 405 && err.headers?.Allow === 'GET, HEAD',
  )
})

test('refuses an overlong name with 400', () => {
  const query = `name=${'x'.repeat(101)}`
  assert.throws(
    () => greet(parseRequest(albEvent({ path: '/__NAME__', query }))),
    (err: unknown) => err instanceof AlbError && err.statusCode === 400,
  )
})
