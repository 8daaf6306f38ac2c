import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { escapeJsonMarkup } from './escape.js'
import { numRuns } from './fuzz-runs.js'

/** The obvious implementation, kept as the reference: one regex pass with a lookup table. */
const TABLE: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
}
const reference = (s: string): string => s.replace(/[<>&\u2028\u2029]/g, (c) => TABLE[c] ?? c)

/** Strings dense in the escaped characters, their neighbours and non-ASCII text. */
const markupy = fc
  .array(
    fc.oneof(
      fc.constantFrom('<', '>', '&', '\u2028', '\u2029', '\\', '"', 'u', '—', 'é', '\ud83d\ude00'),
      fc.string(),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''))

describe('escapeJsonMarkup', () => {
  test('property: the same output as the reference implementation', () => {
    fc.assert(
      fc.property(fc.oneof(markupy, fc.string({ unit: 'binary' })), (s) => {
        assert.equal(escapeJsonMarkup(s), reference(s))
      }),
      { numRuns },
    )
  })
  test('property: JSON texts parse back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), markupy, (value, extra) => {
        const text = JSON.stringify([value, extra])
        const escaped = escapeJsonMarkup(text)
        assert.doesNotMatch(escaped, /[<>&\u2028\u2029]/)
        assert.deepEqual(JSON.parse(escaped), JSON.parse(text))
      }),
      { numRuns: Math.min(numRuns, 500) },
    )
  })
  test('every character, each once, and repeated runs', () => {
    assert.equal(
      escapeJsonMarkup('a<b>c&d\u2028e\u2029f'),
      'a\\u003cb\\u003ec\\u0026d\\u2028e\\u2029f',
    )
    assert.equal(escapeJsonMarkup('&&<<>>'), '\\u0026\\u0026\\u003c\\u003c\\u003e\\u003e')
    assert.equal(escapeJsonMarkup(''), '')
  })
})
