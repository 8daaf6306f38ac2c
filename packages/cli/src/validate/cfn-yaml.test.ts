import assert from 'node:assert/strict'
import { test } from 'node:test'
import { parseCfn } from './cfn-yaml.js'

test('short tags become their long form', () => {
  const t = parseCfn(
    `A: !Ref B\nC: !GetAtt Fn.Arn\nD: !Sub "x-\${AWS::Region}"\nE: !Join ["-", [a, !Ref B]]\n`,
  )
  assert.deepEqual(t, {
    A: { Ref: 'B' },
    C: { 'Fn::GetAtt': ['Fn', 'Arn'] },
    D: { 'Fn::Sub': `x-\${AWS::Region}` },
    E: { 'Fn::Join': ['-', ['a', { Ref: 'B' }]] },
  })
})

test('JSON templates parse as JSON; a non-mapping document is refused', () => {
  assert.deepEqual(parseCfn('{"Resources":{}}'), { Resources: {} })
  assert.throws(() => parseCfn('- a\n- b\n'), /not a mapping/)
})
