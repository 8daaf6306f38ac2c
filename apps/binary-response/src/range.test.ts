import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { parseRange } from './range.js'

describe('parseRange', () => {
  test('no header or another unit → none', () => {
    assert.deepEqual(parseRange(undefined, 10), { kind: 'none' })
    assert.deepEqual(parseRange('items=0-1', 10), { kind: 'none' })
  })
  test('a-b, a-, -n', () => {
    assert.deepEqual(parseRange('bytes=0-3', 10), { kind: 'single', start: 0, end: 3 })
    assert.deepEqual(parseRange('bytes=4-', 10), { kind: 'single', start: 4, end: 9 })
    assert.deepEqual(parseRange('bytes=-3', 10), { kind: 'single', start: 7, end: 9 })
    assert.deepEqual(parseRange('Bytes = 2-2', 10), { kind: 'single', start: 2, end: 2 })
  })
  test('end past the size is clamped; suffix longer than the body is the whole body', () => {
    assert.deepEqual(parseRange('bytes=5-999', 10), { kind: 'single', start: 5, end: 9 })
    assert.deepEqual(parseRange('bytes=-999', 10), { kind: 'single', start: 0, end: 9 })
  })
  test('unsatisfiable: start at/after the end, -0, empty body', () => {
    assert.deepEqual(parseRange('bytes=10-', 10), { kind: 'unsatisfiable' })
    assert.deepEqual(parseRange('bytes=10-20', 10), { kind: 'unsatisfiable' })
    assert.deepEqual(parseRange('bytes=-0', 10), { kind: 'unsatisfiable' })
    assert.deepEqual(parseRange('bytes=0-0', 0), { kind: 'unsatisfiable' })
  })
  test('syntax errors are ignored (200), not 416', () => {
    for (const h of [
      'bytes=',
      'bytes=-',
      'bytes=5-2',
      'bytes=a-b',
      'bytes=1-2-3',
      'bytes 0-1',
      'bytes=0x1-2',
    ]) {
      assert.deepEqual(parseRange(h, 10), { kind: 'none' }, h)
    }
  })
  test('several ranges → multiple (served whole) unless none is satisfiable', () => {
    assert.deepEqual(parseRange('bytes=0-1, 4-5', 10), { kind: 'multiple' })
    assert.deepEqual(parseRange('bytes=0-1, 40-50', 10), { kind: 'multiple' })
    assert.deepEqual(parseRange('bytes=20-30, 40-50', 10), { kind: 'unsatisfiable' })
  })
  test('a single range is always inside the body (property)', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(2000), fc.nat(2000), (size, a, b) => {
        for (const h of [`bytes=${a}-${b}`, `bytes=${a}-`, `bytes=-${b}`]) {
          const d = parseRange(h, size)
          if (d.kind === 'single') {
            assert.ok(d.start >= 0 && d.start <= d.end && d.end < size)
          }
        }
      }),
    )
  })
})
