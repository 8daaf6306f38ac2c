import assert from 'node:assert/strict'
import { test } from 'node:test'
import { formatStatusRanges, parseStatusRanges, statusMatches } from './status-ranges.js'

test('parseStatusRanges: number, single, range, list; malformed → undefined', () => {
  assert.deepEqual(parseStatusRanges(200), [[200, 200]])
  assert.deepEqual(parseStatusRanges('200-299, 304'), [
    [200, 299],
    [304, 304],
  ])
  for (const bad of ['', '2xx', '299-200', '99', '600', '200-', null, {}, 200.5]) {
    assert.equal(parseStatusRanges(bad), undefined, String(bad))
  }
})

test('statusMatches and formatStatusRanges', () => {
  const ranges = parseStatusRanges('200-299,304') ?? []
  assert.equal(statusMatches(204, ranges), true)
  assert.equal(statusMatches(304, ranges), true)
  assert.equal(statusMatches(302, ranges), false)
  assert.equal(formatStatusRanges(ranges), '200-299,304')
})
