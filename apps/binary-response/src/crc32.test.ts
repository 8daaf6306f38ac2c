import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { crc32 } from './crc32.js'

describe('crc32', () => {
  test('matches the published check value for "123456789"', () => {
    assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926)
  })
  test('IEND chunk CRC is the well-known constant', () => {
    assert.equal(crc32(Buffer.from('IEND')), 0xae426082)
  })
  test('empty input is 0 and continuation equals one pass', () => {
    assert.equal(crc32(new Uint8Array(0)), 0)
    const all = Buffer.from('hello, world')
    assert.equal(crc32(all.subarray(5), crc32(all.subarray(0, 5))), crc32(all))
  })
})
