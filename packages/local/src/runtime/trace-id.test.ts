import assert from 'node:assert/strict'
import { test } from 'node:test'
import { forwardedTraceId, newTraceIdPart } from './trace-id.js'

test('trace ids: a generated Root, or the client Root kept with a Self added', () => {
  assert.match(newTraceIdPart(0x5c536348 * 1000), /^1-5c536348-[0-9a-f]{24}$/)
  assert.match(forwardedTraceId(undefined), /^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/)
  assert.match(
    forwardedTraceId('Root=1-5c536348-3d683b8b04734faae651f476;Self=fake'),
    /^Self=1-[0-9a-f]{8}-[0-9a-f]{24};Root=1-5c536348-3d683b8b04734faae651f476$/,
  )
  assert.match(forwardedTraceId('Sampled=1'), /^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Sampled=1$/)
})
