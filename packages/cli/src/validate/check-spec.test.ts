import assert from 'node:assert/strict'
import { before, describe, test } from 'node:test'
import { parseTemplate } from '@albkit/local'
import { checkSpec } from './check-spec.js'
import { loadSpec, type SpecLookup } from './spec-db.js'

let spec: SpecLookup
before(async () => {
  spec = await loadSpec()
})

const permission = `
Resources:
  Perm:
    Type: AWS::Lambda::Permission
    Properties:
      FunctionName: !Ref Fn.Alias
      Action: lambda:InvokeFunction
      Principal: elasticloadbalancing.amazonaws.com
`

describe('spec check', () => {
  test('a correct template has no findings', () => {
    assert.deepEqual(checkSpec(parseTemplate(permission), 'ok.yaml', spec), [])
  })

  test('unknown property, with a hint', () => {
    const [f, ...rest] = checkSpec(
      parseTemplate(`${permission}      SourceAcount: '1'\n`),
      'bad.yaml',
      spec,
    )
    assert.equal(rest.length, 0)
    assert.equal(f?.file, 'bad.yaml')
    assert.equal(f?.resource, 'Perm')
    assert.equal(f?.property, 'SourceAcount')
    assert.match(f?.message ?? '', /unknown property \(did you mean SourceAccount\?\)/)
  })

  test('missing required property', () => {
    const text = permission.replace('      Action: lambda:InvokeFunction\n', '')
    const findings = checkSpec(parseTemplate(text), 'bad.yaml', spec)
    assert.deepEqual(
      findings.map((f) => [f.resource, f.property, f.message]),
      [['Perm', 'Action', 'required property is missing (AWS::Lambda::Permission)']],
    )
  })

  test('ill-typed nested property, with its path', () => {
    const text = `
Resources:
  Tg:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      TargetType: lambda
      HealthCheckIntervalSeconds: often
      Targets:
        - Id: abc
          Port: [80]
`
    const findings = checkSpec(parseTemplate(text), 'bad.yaml', spec)
    assert.deepEqual(
      findings.map((f) => [f.property, f.message.replace(/ \(AWS.*$/, '')]),
      [
        ['HealthCheckIntervalSeconds', 'expected an integer, got string "often"'],
        ['Targets[0].Port', 'expected an integer, got a list'],
      ],
    )
  })

  test('unknown resource type and unknown resource attribute', () => {
    const text =
      'Resources:\n  A:\n    Type: AWS::Lambda::Funktion\n  B:\n    Type: AWS::SNS::Topic\n    Propertys: {}\n'
    const messages = checkSpec(parseTemplate(text), 'bad.yaml', spec).map(
      (f) => `${f.resource}: ${f.message}`,
    )
    assert.deepEqual(messages, [
      'A: unknown resource type AWS::Lambda::Funktion',
      'B: unknown resource attribute "Propertys"',
    ])
  })

  test('SAM resources are known; intrinsics are accepted for any type', () => {
    const text = `
Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      CodeUri: ../dist
      MemorySize: !Ref Memory
      Architectures: [arm64]
      AutoPublishAlias: live
`
    assert.deepEqual(checkSpec(parseTemplate(text), 'ok.yaml', spec), [])
  })
})
