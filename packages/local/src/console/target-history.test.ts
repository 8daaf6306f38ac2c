import assert from 'node:assert/strict'
import { test } from 'node:test'
import { initialHealth, nextHealth } from '../runtime/health-state.js'
import { HISTORY_LIMITS, TargetHistory } from './target-history.js'

test('target history: transitions only when the state changes, both lists bounded', () => {
  const history = new TargetHistory()
  let health = initialHealth(true, true)
  for (let i = 0; i < 200; i++) {
    const ok = Math.floor(i / 3) % 2 === 0
    const before = health
    health = nextHealth(health, ok ? { ok } : { ok, reason: 'Target.Timeout' }, 2, 2)
    history.observe('arn:tg', { time: new Date(i * 1000).toISOString(), ok, ms: 1 }, before, health)
  }
  const entry = history.of('arn:tg')
  assert.equal(entry.checks.length, HISTORY_LIMITS.checks)
  assert.equal(entry.checks.at(-1)?.time, new Date(199_000).toISOString())
  assert.equal(entry.transitions.length, HISTORY_LIMITS.transitions)
  for (const t of entry.transitions) assert.notEqual(t.from, t.to)
  assert.deepEqual(history.of('arn:other'), { transitions: [], checks: [] })
})
