import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { ALB_MAX_RESPONSE_BYTES } from '@albkit/core'
import {
  base64Length,
  fitsInAlbResponse,
  maxRawBodyBytes,
  RESULT_ENVELOPE_BYTES,
} from './size-limit.js'

describe('size-limit', () => {
  test('base64 is 4 bytes per 3, padded', () => {
    assert.equal(base64Length(0), 0)
    assert.equal(base64Length(1), 4)
    assert.equal(base64Length(3), 4)
    assert.equal(base64Length(4), 8)
    assert.equal(base64Length(750_000), 1_000_000)
    assert.equal(Buffer.alloc(800_000).toString('base64').length, base64Length(800_000))
  })
  test('the largest raw body leaves the envelope free under the 1 MB limit', () => {
    const max = maxRawBodyBytes()
    assert.equal(max, 746_928)
    assert.ok(base64Length(max) + RESULT_ENVELOPE_BYTES <= ALB_MAX_RESPONSE_BYTES)
    assert.ok(base64Length(max + 3) + RESULT_ENVELOPE_BYTES > ALB_MAX_RESPONSE_BYTES)
  })
  test('fitsInAlbResponse', () => {
    assert.equal(fitsInAlbResponse(700_000), true)
    assert.equal(fitsInAlbResponse(800_000), false)
    assert.equal(fitsInAlbResponse(10, 100), false)
  })
})
