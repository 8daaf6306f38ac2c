import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { chooseEncoding } from './negotiate-encoding.js'

describe('chooseEncoding', () => {
  test('absent, empty and identity → no coding', () => {
    assert.equal(chooseEncoding(undefined), undefined)
    assert.equal(chooseEncoding(''), undefined)
    assert.equal(chooseEncoding('identity'), undefined)
    assert.equal(chooseEncoding('deflate'), undefined)
  })
  test('br wins ties; q-values decide otherwise', () => {
    assert.equal(chooseEncoding('gzip, deflate, br'), 'br')
    assert.equal(chooseEncoding('gzip'), 'gzip')
    assert.equal(chooseEncoding('br;q=0.5, gzip;q=0.8'), 'gzip')
    assert.equal(chooseEncoding('GZIP;Q=1'), 'gzip')
  })
  test('q=0 refuses, * covers unlisted codings', () => {
    assert.equal(chooseEncoding('br;q=0, gzip;q=0'), undefined)
    assert.equal(chooseEncoding('*'), 'br')
    assert.equal(chooseEncoding('br;q=0, *'), 'gzip')
    assert.equal(chooseEncoding('*;q=0'), undefined)
  })
})
