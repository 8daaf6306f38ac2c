import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { numRuns } from './fuzz-runs.js'
import { parseRequest } from './request.js'
import { albEvent } from './testing/index.js'
import type { AlbEvent } from './types.js'

const allBytes = () => Buffer.from(Array.from({ length: 256 }, (_, i) => i))

/** The event serverless-offline builds: the body as latin1 text, never base64. */
function offline(contentType: string | undefined, body: string): AlbEvent {
  const headers: Record<string, string> =
    contentType === undefined ? {} : { 'content-type': contentType }
  const event = albEvent({ method: 'POST', headers, body: '' })
  return { ...event, body, isBase64Encoded: false }
}

describe('a non-base64 body (serverless-offline)', () => {
  for (const type of [
    'multipart/form-data; boundary=x',
    'application/octet-stream',
    'image/png',
    undefined,
  ]) {
    test(`${type ?? 'no content type'}: latin1 text gives back every byte`, () => {
      const bytes = allBytes()
      assert.deepEqual(parseRequest(offline(type, bytes.toString('latin1'))).body, bytes)
    })
  }
  test('a text type stays UTF-8 even when every char is ≤ 0xFF', () => {
    for (const type of ['text/plain', 'application/json', 'application/xml; charset=utf-8']) {
      assert.deepEqual(parseRequest(offline(type, 'é')).body, Buffer.from('é', 'utf8'), type)
    }
  })
  test('a binary type with a char above 0xFF cannot be latin1: UTF-8', () => {
    const s = 'ü€😀'
    assert.deepEqual(parseRequest(offline('application/octet-stream', s)).body, Buffer.from(s))
  })
  test('base64 bodies are decoded as base64 whatever the type', () => {
    const bytes = allBytes()
    const e = albEvent({ method: 'POST', headers: { 'content-type': 'image/png' }, body: bytes })
    assert.equal(e.isBase64Encoded, true)
    assert.deepEqual(parseRequest(e).body, bytes)
  })
  test('the raw upload of upload-to-s3 (PUT, octet-stream, latin1) keeps every byte', () => {
    const bytes = Buffer.concat([allBytes(), allBytes()])
    const e = offline('application/octet-stream', bytes.toString('latin1'))
    assert.equal(parseRequest(e).body.length, 512)
    assert.deepEqual(parseRequest(e).body, bytes)
  })
  test('property: any bytes as latin1 text with a non-text type round-trip', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (u8) => {
        const bytes = Buffer.from(u8)
        const e = offline('application/octet-stream', bytes.toString('latin1'))
        assert.deepEqual(new Uint8Array(parseRequest(e).body), new Uint8Array(bytes))
      }),
      { numRuns: Math.min(numRuns, 300) },
    )
  })
})
