import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { isTextContentType } from '@albkit/core'
import { contentTypeFor, isCompressible } from './content-types.js'

describe('content types', () => {
  test('by extension, case-insensitive, octet-stream by default', () => {
    assert.equal(contentTypeFor('a.PNG'), 'image/png')
    assert.equal(contentTypeFor('a.pdf'), 'application/pdf')
    assert.equal(contentTypeFor('a.zip'), 'application/zip')
    assert.equal(contentTypeFor('a.unknown'), 'application/octet-stream')
    assert.equal(contentTypeFor('noext'), 'application/octet-stream')
  })
  test('binary kinds beyond image/* are base64 for the ALB (core agrees)', () => {
    for (const name of ['a.png', 'a.pdf', 'a.zip', 'a.bin'])
      assert.equal(isTextContentType(contentTypeFor(name)), false, name)
  })
  test('only text-like types are compressible', () => {
    assert.equal(isCompressible('image/svg+xml'), true)
    assert.equal(isCompressible('text/plain; charset=utf-8'), true)
    assert.equal(isCompressible('application/zip'), false)
    assert.equal(isCompressible('image/png'), false)
  })
})
