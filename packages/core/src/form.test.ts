import assert from 'node:assert/strict'
import { test } from 'node:test'
import { decodeFormComponent } from './form.js'

test('decodes + as space and %XX as UTF-8', () => {
  assert.equal(decodeFormComponent('a+b%20c'), 'a b c')
  assert.equal(decodeFormComponent('caf%C3%A9'), 'café')
  assert.equal(decodeFormComponent('%2B'), '+')
  assert.equal(decodeFormComponent('plain'), 'plain')
  assert.equal(decodeFormComponent(''), '')
})

test('malformed % keeps the raw text and never throws', () => {
  const cases: Array<[string, string]> = [
    ['100%', '100%'],
    ['%ZZ', '%ZZ'],
    ['%E0%A4%A', '%E0%A4%A'],
    ['a%20b%', 'a b%'],
    ['%FF+x', '%FF x'],
    ['%C3%A9%ZZ%41', 'é%ZZA'],
  ]
  for (const [raw, decoded] of cases) assert.equal(decodeFormComponent(raw), decoded, raw)
})
