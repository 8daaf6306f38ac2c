import assert from 'node:assert/strict'
import { test } from 'node:test'
import { capturedResult } from './captured-result.js'

test('capturedResult: JSON text of the result, undefined and cycles named, cut at the limit', () => {
  assert.equal(capturedResult({ statusCode: 'x' }), '{"statusCode":"x"}')
  assert.equal(capturedResult(undefined), 'undefined')
  const cyclic: Record<string, unknown> = {}
  cyclic.self = cyclic
  assert.match(capturedResult(cyclic), /^\(not serialisable: /)
  assert.equal(capturedResult({ body: 'a'.repeat(100) }, 10), '{"body":"a')
})
