import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { numRuns } from './fuzz-runs.js'
import { parseTraceHeader, type TraceHeader } from './trace.js'

/** The general rule, kept as the reference: `;`-separated `key=value`, keys case-insensitive. */
function reference(raw: string | undefined): TraceHeader {
  if (raw === undefined) return {}
  const trace: TraceHeader = { raw }
  for (const part of raw.split(';')) {
    const eq = part.indexOf('=')
    if (eq === -1) continue
    const key = part.slice(0, eq).trim().toLowerCase()
    const value = part.slice(eq + 1).trim()
    if (key === 'root') trace.root = value
    else if (key === 'self') trace.self = value
    else if (key === 'parent') trace.parent = value
    else if (key === 'sampled') trace.sampled = value
  }
  return trace
}

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

test('property: the same view as the general rule', () => {
  const piece = fc.oneof(
    fc.constantFrom('Root=', 'root=', 'Self=', 'Parent=', 'Sampled=', ';', '=', ' ', '1-abc'),
    fc.string(),
  )
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
      const raw = parts.join('')
      assert.deepEqual(parseTraceHeader(raw), reference(raw))
    }),
    { numRuns },
  )
})
