import assert from 'node:assert/strict'
import { test } from 'node:test'
import { initialHealth, matcherAccepts, nextHealth } from './health-state.js'

test('matcher forms', () => {
  assert.ok(matcherAccepts('200', 200))
  assert.ok(!matcherAccepts('200', 204))
  assert.ok(matcherAccepts('200-299', 204))
  assert.ok(matcherAccepts('200,204', 204))
  assert.ok(!matcherAccepts('200,204', 500))
})

test('health transitions by thresholds', () => {
  let h = initialHealth(true, true)
  assert.equal(h.state, 'initial')
  h = nextHealth(h, { ok: true }, 2, 2)
  assert.equal(h.state, 'initial')
  h = nextHealth(h, { ok: true }, 2, 2)
  assert.equal(h.state, 'healthy')
  h = nextHealth(h, { ok: false, reason: 'Target.Timeout' }, 2, 2)
  assert.equal(h.state, 'healthy')
  h = nextHealth(h, { ok: false, reason: 'Target.Timeout' }, 2, 2)
  assert.deepEqual([h.state, h.reason], ['unhealthy', 'Target.Timeout'])
  assert.deepEqual(initialHealth(false, true).reason, 'Target.HealthCheckDisabled')
})
