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
  assert.equal(decodeFormComponent('100%'), '100%')
  assert.equal(decodeFormComponent('%ZZ'), '%ZZ')
  assert.equal(decodeFormComponent('%E0%A4%A'), '%E0%A4%A')
  assert.equal(decodeFormComponent('a%20b%'), 'a b%')
  assert.equal(decodeFormComponent('%FF+x'), '%FF x')
  assert.equal(decodeFormComponent('%C3%A9%ZZ%41'), 'é%ZZA')
})
