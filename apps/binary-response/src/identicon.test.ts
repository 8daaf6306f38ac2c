import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { identiconCells, renderIdenticon } from './identicon.js'
import { encodePng } from './png-encoder.js'
import { decodePng } from './testing/png-reader.js'

describe('identicon', () => {
  test('cells are a mirrored 5×5 grid that depends only on the text', () => {
    const cells = identiconCells('ada')
    assert.equal(cells.length, 5)
    for (const row of cells) {
      assert.equal(row.length, 5)
      assert.equal(row[0], row[4])
      assert.equal(row[1], row[3])
    }
    assert.deepEqual(identiconCells('ada'), cells)
    assert.notDeepEqual(identiconCells('grace'), cells)
  })
  test('renders size × size pixels with only fg and bg colours', () => {
    const img = renderIdenticon({ text: 'ada', size: 60, fg: [1, 2, 3], bg: [250, 250, 250] })
    assert.equal(img.width, 60)
    assert.equal(img.height, 60)
    const colours = new Set<string>()
    for (let i = 0; i < img.pixels.length; i += 3)
      colours.add(img.pixels.subarray(i, i + 3).join(','))
    assert.deepEqual([...colours].sort(), ['1,2,3', '250,250,250'])
  })
  test('the corner pixel is background (margin) and the PNG decodes to the requested size', () => {
    const png = encodePng(renderIdenticon({ text: 'x', size: 512, fg: undefined, bg: [9, 9, 9] }))
    const decoded = decodePng(png)
    assert.equal(decoded.width, 512)
    assert.equal(decoded.rows.length, 512)
    assert.deepEqual([...(decoded.rows[0]?.subarray(0, 3) ?? [])], [9, 9, 9])
  })
})
