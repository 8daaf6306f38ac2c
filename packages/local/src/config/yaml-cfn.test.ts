// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation ${} syntax is the subject of these tests
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { parseCfnTemplate } from './yaml-cfn.js'

describe('parseCfnTemplate', () => {
  test('scalar, sequence and mapping short tags become long form', () => {
    const doc = parseCfnTemplate(`
a: !Ref Param
b: !GetAtt Fn.Arn
c: !GetAtt [Fn, Arn]
d: !Sub 'x-\${AWS::StackName}'
e: !Sub ['\${A}-b', { A: !Ref P }]
f: !Join ['', [a, !Ref B]]
g: !Select [0, !Split [',', 'a,b']]
h: !If [Cond, yes, !Ref AWS::NoValue]
i: !Equals [!Ref P, '']
j: !Not [!Condition C]
k: !And [!Condition A, !Or [!Condition B, !Condition C]]
l: !ImportValue
  Fn::Sub: '\${Shared}-ListenerArn'
m: !FindInMap [Map, Key, Sub]
n: !Base64 hello
o: !GetAZs ''
p: !GetAtt Res.Endpoint.Address
`) as Record<string, unknown>
    assert.deepEqual(doc.a, { Ref: 'Param' })
    assert.deepEqual(doc.b, { 'Fn::GetAtt': ['Fn', 'Arn'] })
    assert.deepEqual(doc.c, { 'Fn::GetAtt': ['Fn', 'Arn'] })
    assert.deepEqual(doc.d, { 'Fn::Sub': 'x-${AWS::StackName}' })
    assert.deepEqual(doc.e, { 'Fn::Sub': ['${A}-b', { A: { Ref: 'P' } }] })
    assert.deepEqual(doc.f, { 'Fn::Join': ['', ['a', { Ref: 'B' }]] })
    assert.deepEqual(doc.g, { 'Fn::Select': [0, { 'Fn::Split': [',', 'a,b'] }] })
    assert.deepEqual(doc.h, { 'Fn::If': ['Cond', 'yes', { Ref: 'AWS::NoValue' }] })
    assert.deepEqual(doc.i, { 'Fn::Equals': [{ Ref: 'P' }, ''] })
    assert.deepEqual(doc.j, { 'Fn::Not': [{ Condition: 'C' }] })
    assert.deepEqual(doc.k, {
      'Fn::And': [{ Condition: 'A' }, { 'Fn::Or': [{ Condition: 'B' }, { Condition: 'C' }] }],
    })
    assert.deepEqual(doc.l, { 'Fn::ImportValue': { 'Fn::Sub': '${Shared}-ListenerArn' } })
    assert.deepEqual(doc.m, { 'Fn::FindInMap': ['Map', 'Key', 'Sub'] })
    assert.deepEqual(doc.n, { 'Fn::Base64': 'hello' })
    assert.deepEqual(doc.o, { 'Fn::GetAZs': '' })
    assert.deepEqual(doc.p, { 'Fn::GetAtt': ['Res', 'Endpoint.Address'] })
  })

  test('JSON templates parse as JSON', () => {
    assert.deepEqual(parseCfnTemplate(' {"Resources": {"A": {"Type": "X"}}}'), {
      Resources: { A: { Type: 'X' } },
    })
  })
})
