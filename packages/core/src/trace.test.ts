import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { numRuns } from './fuzz-runs.js'
import { parseTraceHeader, type TraceHeader } from './trace.js'

test('parseTraceHeader: the usual shapes', () => {
  assert.deepEqual(parseTraceHeader('Root=1-5c536348-3d683b8b04734faae651f476'), {
    raw: 'Root=1-5c536348-3d683b8b04734faae651f476',
    root: '1-5c536348-3d683b8b04734faae651f476',
  })
  assert.deepEqual(parseTraceHeader('Self=1-67891234-abc;Root=1-67891233-def;Sampled=1'), {
    raw: 'Self=1-67891234-abc;Root=1-67891233-def;Sampled=1',
    self: '1-67891234-abc',
    root: '1-67891233-def',
    sampled: '1',
  })
  assert.deepEqual(parseTraceHeader(undefined), {})
})

test('known answers: keys case-insensitive, spaces trimmed, unknown keys and junk ignored', () => {
  const cases: Array<[string, TraceHeader]> = [
    ['root=1-a', { raw: 'root=1-a', root: '1-a' }],
    [' ROOT = 1-a ; Parent=p1 ', { raw: ' ROOT = 1-a ; Parent=p1 ', root: '1-a', parent: 'p1' }],
    ['Root=1-a;Root=1-b', { raw: 'Root=1-a;Root=1-b', root: '1-b' }],
    ['Root=1-a;CalledFrom=app;x', { raw: 'Root=1-a;CalledFrom=app;x', root: '1-a' }],
    ['Root=a=b', { raw: 'Root=a=b', root: 'a=b' }],
    ['Sampled=0;Self=s', { raw: 'Sampled=0;Self=s', sampled: '0', self: 's' }],
    ['Root=', { raw: 'Root=', root: '' }],
    ['=x;;', { raw: '=x;;' }],
    ['', { raw: '' }],
    ['Rooty=1;oot=2', { raw: 'Rooty=1;oot=2' }],
  ]
  for (const [raw, expected] of cases) assert.deepEqual(parseTraceHeader(raw), expected, raw)
})

test('property: never throws, keeps raw, and every field it sets comes from the header', () => {
  const piece = fc.oneof(
    fc.constantFrom('Root=', 'root=', 'Self=', 'Parent=', 'Sampled=', ';', '=', ' ', '1-abc'),
    fc.string(),
  )
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
      const raw = parts.join('')
      const t = parseTraceHeader(raw)
      assert.equal(t.raw, raw)
      for (const v of [t.root, t.self, t.parent, t.sampled])
        if (v !== undefined) assert.ok(raw.includes(v), `${v} not in ${raw}`)
    }),
    { numRuns },
  )
})
