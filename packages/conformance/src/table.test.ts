import assert from 'node:assert/strict'
import { test } from 'node:test'
import { compare, renderTable } from './table.js'

const base = { rule: 'TRACE → 405', source: 'ELB user guide', section: '§2' as const }
const s4 = { ...base, section: '§4' as const }

test('compare pairs results by id, orders by section and keeps the crash marker', () => {
  const rows = compare(
    [
      { ...s4, id: 'trace-method', passed: true },
      { ...base, id: 'empty-body', passed: true },
    ],
    [
      { ...base, id: 'empty-body', passed: false, detail: 'body undefined' },
      { ...s4, id: 'trace-method', passed: false, crashed: true, detail: 'crashed the server' },
    ],
  )
  assert.deepEqual(
    rows.map((r) => [r.id, r.section, r.offline?.passed, r.offline?.crashed]),
    [
      ['empty-body', '§2', false, undefined],
      ['trace-method', '§4', false, true],
    ],
  )
})

test('renderTable: one row per check, crash, not-expressible and deviation shown, pipes escaped', () => {
  const rows = compare(
    [
      { ...base, id: 'a', passed: true },
      { ...base, id: 'b', passed: true },
      { ...base, id: 'c', passed: false, detail: 'x' },
      { ...base, id: 'd', passed: true },
    ],
    [
      { ...base, id: 'a', passed: false, detail: 'got a|b' },
      { ...base, id: 'b', passed: false, crashed: true },
      {
        ...base,
        id: 'd',
        passed: false,
        notExpressible: true,
        detail: 'not expressible in serverless.yml',
      },
    ],
  )
  const lines = renderTable(rows).split('\n')
  assert.equal(lines.length, 2 + 4)
  assert.match(lines[5] ?? '', /➖ not expressible \| not expressible in serverless.yml \|$/)
  assert.match(lines[2] ?? '', /✅ pass \| ❌ fail \| got a\\\|b \|$/)
  assert.match(lines[3] ?? '', /crashed the server/)
  assert.match(lines[4] ?? '', /❌ fail: x \| not run \|/)
})
