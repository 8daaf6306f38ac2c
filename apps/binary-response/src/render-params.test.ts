import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { parseHexColour, parseRenderParams, RENDER_BOUNDS } from './render-params.js'

const q = (s: string): Array<[string, string]> => [...new URLSearchParams(s)]

describe('parseRenderParams', () => {
  test('defaults when the query is empty', () => {
    assert.deepEqual(parseRenderParams([]), {
      ok: true,
      params: { text: 'albkit', size: 128, fg: undefined, bg: [240, 240, 240] },
    })
  })
  test('accepts values at the bounds', () => {
    for (const size of [RENDER_BOUNDS.size.min, RENDER_BOUNDS.size.max]) {
      const r = parseRenderParams(q(`size=${size}&text=${'x'.repeat(64)}&fg=%23abc&bg=000000`))
      assert.equal(r.ok, true)
      if (r.ok) {
        assert.equal(r.params.size, size)
        assert.deepEqual(r.params.fg, [0xaa, 0xbb, 0xcc])
        assert.deepEqual(r.params.bg, [0, 0, 0])
      }
    }
  })
  test('reports every problem with the bounds', () => {
    const r = parseRenderParams(q(`size=513&text=&fg=red&bg=12345&zoom=2`))
    assert.equal(r.ok, false)
    if (!r.ok) {
      assert.deepEqual(r.problems, [
        "unknown parameter 'zoom'; allowed: text, size, fg, bg",
        'text must be 1–64 characters, got 0',
        "size must be an integer from 16 to 512, got '513'",
        `fg must be ${RENDER_BOUNDS.colour}`,
        `bg must be ${RENDER_BOUNDS.colour}`,
      ])
    }
  })
  test('rejects non-integer, negative and huge sizes', () => {
    for (const size of ['15', '-20', '1e3', '64.5', '99999999', ' 64', '']) {
      assert.equal(parseRenderParams([['size', size]]).ok, false, size)
    }
  })
  test('counts characters, not UTF-16 units, and the last repeated value wins', () => {
    assert.equal(parseRenderParams([['text', '😀'.repeat(64)]]).ok, true)
    assert.equal(parseRenderParams([['text', '😀'.repeat(65)]]).ok, false)
    const r = parseRenderParams([
      ['size', '9999'],
      ['size', '32'],
    ])
    assert.equal(r.ok && r.params.size, 32)
  })
  test('parseHexColour', () => {
    assert.deepEqual(parseHexColour('#fff'), [255, 255, 255])
    assert.deepEqual(parseHexColour('102030'), [16, 32, 48])
    assert.equal(parseHexColour('#ggg'), undefined)
    assert.equal(parseHexColour('1234'), undefined)
  })
})
