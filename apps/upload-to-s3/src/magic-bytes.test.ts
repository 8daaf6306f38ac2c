import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { isAlbError } from '@albkit/core'
import { assertContentMatchesType, sniffType } from './magic-bytes.js'
import { allBytes, SAMPLES } from './test-fixtures.js'

const is415 = (pattern: RegExp) => (e: unknown) =>
  isAlbError(e) && e.statusCode === 415 && pattern.test(e.message)

describe('magic bytes', () => {
  for (const [type, bytes] of [
    ['image/png', SAMPLES.png],
    ['image/jpeg', SAMPLES.jpeg],
    ['image/gif', SAMPLES.gif],
    ['image/webp', SAMPLES.webp],
    ['application/pdf', SAMPLES.pdf],
    ['application/zip', SAMPLES.zip],
    ['application/zip', SAMPLES.emptyZip],
  ] as const) {
    test(`${type} is recognised and accepted`, () => {
      assert.equal(sniffType(bytes), type)
      assert.doesNotThrow(() => assertContentMatchesType(bytes, type, 'f'))
    })
  }

  test('a claimed PNG that is a JPEG → 415 naming both', () => {
    assert.throws(
      () => assertContentMatchesType(SAMPLES.jpeg, 'image/png', 'cat.png'),
      is415(/cat\.png: declared as image\/png but its content looks like image\/jpeg/),
    )
  })

  test('a claimed PDF of text → 415', () => {
    assert.throws(
      () => assertContentMatchesType(Buffer.from('hello'), 'application/pdf', 'x.pdf'),
      is415(/none of the checked formats/),
    )
  })

  test('RIFF without WEBP is not WebP', () => {
    const wav = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVE')])
    assert.throws(() => assertContentMatchesType(wav, 'image/webp', 'a.webp'), is415(/image\/webp/))
  })

  test('short files do not crash', () => {
    assert.throws(
      () => assertContentMatchesType(Buffer.from([0x89]), 'image/png', 'a'),
      is415(/image\/png/),
    )
  })

  test('unchecked types pass whatever the bytes', () => {
    assert.doesNotThrow(() => assertContentMatchesType(allBytes(), 'application/octet-stream', 'a'))
    assert.doesNotThrow(() => assertContentMatchesType(SAMPLES.png, 'text/plain', 'a'))
    assert.equal(sniffType(allBytes()), undefined)
  })
})
