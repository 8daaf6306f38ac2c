import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { encodePng, PNG_SIGNATURE } from './png-encoder.js'
import { decodePng, readChunks } from './testing/png-reader.js'

function image(
  width: number,
  height: number,
  seed = 1,
): { width: number; height: number; pixels: Uint8Array } {
  const pixels = new Uint8Array(width * height * 3)
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 31 + seed) & 0xff
  return { width, height, pixels }
}

describe('encodePng', () => {
  test('starts with the PNG signature and has IHDR, IDAT, IEND with valid CRCs', () => {
    const png = encodePng(image(3, 2))
    assert.deepEqual(png.subarray(0, 8), Buffer.from(PNG_SIGNATURE))
    assert.deepEqual(
      readChunks(png).map((c) => c.type),
      ['IHDR', 'IDAT', 'IEND'],
    )
  })
  test('IHDR says 8-bit truecolour and the IDAT inflates to width × height pixels', () => {
    const img = image(7, 5)
    const decoded = decodePng(encodePng(img))
    assert.equal(decoded.width, 7)
    assert.equal(decoded.height, 5)
    assert.equal(decoded.bitDepth, 8)
    assert.equal(decoded.colourType, 2)
    assert.equal(decoded.rows.length, 5)
    assert.deepEqual(Buffer.concat(decoded.rows), Buffer.from(img.pixels))
  })
  test('a flipped byte is caught by the CRC check', () => {
    const png = encodePng(image(2, 2))
    png[20] = (png[20] ?? 0) ^ 0xff // inside IHDR data
    assert.throws(() => readChunks(png), /CRC mismatch in IHDR/)
  })
  test('rejects bad geometry and wrong pixel counts', () => {
    assert.throws(() => encodePng({ width: 0, height: 1, pixels: new Uint8Array(0) }), RangeError)
    assert.throws(
      () => encodePng({ width: 2, height: 2, pixels: new Uint8Array(5) }),
      /expected 12/,
    )
  })
  test('round-trips arbitrary pixels (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer(),
        (w, h, s) => {
          const img = image(w, h, s)
          const decoded = decodePng(encodePng(img))
          assert.deepEqual(Buffer.concat(decoded.rows), Buffer.from(img.pixels))
        },
      ),
      { numRuns: 50 },
    )
  })
})
