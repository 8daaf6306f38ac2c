import assert from 'node:assert/strict'
import { test } from 'node:test'
import { pickTargetGroup } from './pick-target-group.js'

test('weighted choice', () => {
  const groups = [
    { arn: 'a', weight: 1 },
    { arn: 'b', weight: 0 },
    { arn: 'c', weight: 3 },
  ]
  assert.equal(
    pickTargetGroup(groups, () => 0),
    'a',
  )
  assert.equal(
    pickTargetGroup(groups, () => 0.26),
    'c',
  )
  assert.equal(
    pickTargetGroup(groups, () => 0.999),
    'c',
  )
  assert.equal(
    pickTargetGroup([{ arn: 'only', weight: 0 }], () => 0.5),
    'only',
  )
})
