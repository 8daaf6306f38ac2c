import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { ifNoneMatchHits, ifRangeAllows, parseEtagList } from './conditional.js'

const etag = '"0123456789abcdef"'

describe('If-None-Match', () => {
  test('absent never matches; exact match hits', () => {
    assert.equal(ifNoneMatchHits(undefined, etag), false)
    assert.equal(ifNoneMatchHits(etag, etag), true)
    assert.equal(ifNoneMatchHits('"other"', etag), false)
  })
  test('weak comparison: W/ tags match their strong twin', () => {
    assert.equal(ifNoneMatchHits(`W/${etag}`, etag), true)
  })
  test('* matches any representation', () => {
    assert.equal(ifNoneMatchHits('*', etag), true)
    assert.equal(ifNoneMatchHits(' * ', etag), true)
  })
  test('lists, with spaces and commas inside quotes', () => {
    assert.equal(ifNoneMatchHits(`"a", W/"b,c" , ${etag}`, etag), true)
    assert.deepEqual(parseEtagList('"a", W/"b,c" ,"d"'), ['"a"', 'W/"b,c"', '"d"'])
    assert.equal(ifNoneMatchHits('"a", "b"', etag), false)
  })
  test('unquoted garbage never matches', () => {
    assert.equal(ifNoneMatchHits('0123456789abcdef', etag), false)
    assert.deepEqual(parseEtagList('nonsense'), [])
  })
})

describe('If-Range', () => {
  test('absent allows; strong equal allows; weak, other or a date does not', () => {
    assert.equal(ifRangeAllows(undefined, etag), true)
    assert.equal(ifRangeAllows(etag, etag), true)
    assert.equal(ifRangeAllows(`W/${etag}`, etag), false)
    assert.equal(ifRangeAllows('"x"', etag), false)
    assert.equal(ifRangeAllows('Wed, 21 Oct 2015 07:28:00 GMT', etag), false)
  })
})
