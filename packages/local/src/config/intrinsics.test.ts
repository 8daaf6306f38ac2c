// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation ${} syntax is the subject of these tests
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { NO_VALUE } from './intrinsics.js'
import { ConfigError } from './model.js'
import type { CfnTemplate } from './template.js'
import { resolverFor } from './test-support.js'

const template: CfnTemplate = {
  Parameters: {
    Env: { Type: 'String', Default: 'dev' },
    Subnets: { Type: 'CommaDelimitedList', Default: 'a, b' },
    Cert: { Type: 'String', Default: '' },
    NoDefault: { Type: 'String' },
  },
  Mappings: { Sizes: { dev: { Memory: 256 } } },
  Conditions: {
    IsDev: { 'Fn::Equals': [{ Ref: 'Env' }, 'dev'] },
    HasCert: { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'Cert' }, ''] }] },
    Both: { 'Fn::And': [{ Condition: 'IsDev' }, { Condition: 'HasCert' }] },
    Either: { 'Fn::Or': [{ Condition: 'IsDev' }, { Condition: 'HasCert' }] },
  },
  Globals: { Function: { AutoPublishAlias: 'live' } },
  Resources: {
    Fn: { Type: 'AWS::Serverless::Function', Properties: { Handler: 'index.handler' } },
    Named: {
      Type: 'AWS::Lambda::Function',
      Properties: { FunctionName: { 'Fn::Sub': '${AWS::StackName}-named' } },
    },
    Tg: {
      Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
      Properties: { Name: { 'Fn::Sub': '${AWS::StackName}-tg' } },
    },
    Bucket: { Type: 'AWS::S3::Bucket' },
    NamedBucket: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'my-bucket' } },
    Lb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Name: 'my-alb' } },
    Listener: {
      Type: 'AWS::ElasticLoadBalancingV2::Listener',
      Properties: { LoadBalancerArn: { Ref: 'Lb' } },
    },
  },
}
const r = resolverFor(template, {
  importValue: (name) => (name === 'shared-ListenerArn' ? 'arn:listener' : undefined),
})
const v = (value: unknown) => r.resolve(value, 'Test.Prop')

describe('Ref', () => {
  test('pseudo parameters', () => {
    assert.equal(v({ Ref: 'AWS::Region' }), 'us-east-1')
    assert.equal(v({ Ref: 'AWS::AccountId' }), '123456789012')
    assert.equal(v({ Ref: 'AWS::StackName' }), 'test-stack')
    assert.equal(v({ Ref: 'AWS::Partition' }), 'aws')
    assert.equal(v({ Ref: 'AWS::URLSuffix' }), 'amazonaws.com')
    assert.equal(v({ Ref: 'AWS::NoValue' }), NO_VALUE)
    assert.deepEqual(v({ a: 1, b: { Ref: 'AWS::NoValue' }, c: [1, { Ref: 'AWS::NoValue' }] }), {
      a: 1,
      c: [1],
    })
  })
  test('parameters: Default, overrides, lists, missing value', () => {
    assert.equal(v({ Ref: 'Env' }), 'dev')
    const o = resolverFor(template, { parameterOverrides: { Env: 'prod', NoDefault: 'x' } })
    assert.equal(o.resolve({ Ref: 'Env' }, 'P'), 'prod')
    assert.equal(o.resolve({ Ref: 'NoDefault' }, 'P'), 'x')
    assert.deepEqual(v({ Ref: 'Subnets' }), ['a', 'b'])
    assert.throws(
      () => v({ Ref: 'NoDefault' }),
      /test.yaml: Test.Prop: parameter 'NoDefault' has no Default/,
    )
  })
  test('resources resolve to their physical ids', () => {
    assert.equal(v({ Ref: 'Fn' }), 'test-stack-Fn')
    assert.equal(v({ Ref: 'Named' }), 'test-stack-named')
    assert.match(
      String(v({ Ref: 'Tg' })),
      /^arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup\/test-stack-tg\/[0-9a-f]{16}$/,
    )
    assert.equal(v({ Ref: 'Bucket' }), 'test-stack-bucket')
    assert.equal(v({ Ref: 'NamedBucket' }), 'my-bucket')
    assert.match(
      String(v({ Ref: 'Listener' })),
      /:listener\/app\/my-alb\/[0-9a-f]{16}\/[0-9a-f]{16}$/,
    )
  })
  test('SAM alias refs: Fn.Alias and the generated FnAliaslive', () => {
    const arn = 'arn:aws:lambda:us-east-1:123456789012:function:test-stack-Fn:live'
    assert.equal(v({ Ref: 'Fn.Alias' }), arn)
    assert.equal(v({ Ref: 'FnAliaslive' }), arn)
    assert.throws(() => v({ Ref: 'Named.Alias' }), /only <Function>.Alias/)
  })
  test('unknown names are errors naming the template and property', () => {
    assert.throws(
      () => v({ Ref: 'Nope' }),
      (e: Error) =>
        e instanceof ConfigError &&
        /^test.yaml: Test.Prop: 'Nope' is not a resource or parameter/.test(e.message),
    )
  })
})

describe('Fn::GetAtt', () => {
  test('list and dotted forms, per resource type', () => {
    assert.equal(
      v({ 'Fn::GetAtt': ['Fn', 'Arn'] }),
      'arn:aws:lambda:us-east-1:123456789012:function:test-stack-Fn',
    )
    assert.equal(v({ 'Fn::GetAtt': 'Tg.TargetGroupName' }), 'test-stack-tg')
    assert.equal(v({ 'Fn::GetAtt': ['Tg', 'TargetGroupArn'] }), v({ Ref: 'Tg' }))
    assert.equal(v({ 'Fn::GetAtt': ['Bucket', 'Arn'] }), 'arn:aws:s3:::test-stack-bucket')
    assert.equal(
      v({ 'Fn::GetAtt': ['Bucket', 'DomainName'] }),
      'test-stack-bucket.s3.amazonaws.com',
    )
    assert.match(
      String(v({ 'Fn::GetAtt': ['Lb', 'DNSName'] })),
      /^my-alb-\d+\.us-east-1\.elb\.amazonaws\.com$/,
    )
  })
  test('unknown attribute lists the known ones', () => {
    assert.throws(
      () => v({ 'Fn::GetAtt': ['Bucket', 'Nope'] }),
      /Bucket has no attribute 'Nope' locally \(known: Arn, DomainName/,
    )
  })
})

describe('Fn::Sub', () => {
  test('parameters, pseudo parameters, Res.Attr, Fn.Alias, ${!Literal}', () => {
    assert.equal(v({ 'Fn::Sub': '${Env}-${AWS::Region}-${!Literal}' }), 'dev-us-east-1-${Literal}')
    assert.equal(
      v({ 'Fn::Sub': '${Bucket.Arn}/uploads/*' }),
      'arn:aws:s3:::test-stack-bucket/uploads/*',
    )
    assert.equal(v({ 'Fn::Sub': '${Fn.Alias}' }), v({ Ref: 'Fn.Alias' }))
  })
  test('[string, vars] form; vars win over parameters', () => {
    assert.equal(
      v({ 'Fn::Sub': ['${Env}/${X}', { Env: 'mine', X: { Ref: 'Bucket' } }] }),
      'mine/test-stack-bucket',
    )
  })
})

describe('list functions and conditions', () => {
  test('Join, Select, Split, FindInMap, Base64, GetAZs, ImportValue', () => {
    assert.equal(v({ 'Fn::Join': ['-', ['a', { Ref: 'Env' }]] }), 'a-dev')
    assert.equal(v({ 'Fn::Join': [',', { Ref: 'Subnets' }] }), 'a,b')
    assert.equal(v({ 'Fn::Select': [1, { 'Fn::Split': [',', 'x,y,z'] }] }), 'y')
    assert.throws(() => v({ 'Fn::Select': [5, ['a']] }), /index 5 is outside/)
    assert.equal(v({ 'Fn::FindInMap': ['Sizes', { Ref: 'Env' }, 'Memory'] }), 256)
    assert.equal(v({ 'Fn::Base64': 'hi' }), 'aGk=')
    assert.deepEqual(v({ 'Fn::GetAZs': '' }), ['us-east-1a', 'us-east-1b', 'us-east-1c'])
    assert.equal(v({ 'Fn::ImportValue': { 'Fn::Sub': 'shared-ListenerArn' } }), 'arn:listener')
  })
  test('If, Equals, Not, And, Or, Condition', () => {
    assert.equal(v({ 'Fn::If': ['IsDev', 'yes', 'no'] }), 'yes')
    assert.equal(v({ 'Fn::If': ['HasCert', 'yes', { Ref: 'AWS::NoValue' }] }), NO_VALUE)
    assert.equal(r.condition('Both', 'x'), false)
    assert.equal(r.condition('Either', 'x'), true)
    assert.equal(v({ 'Fn::Equals': ['a', 'a'] }), true)
    assert.throws(() => v({ 'Fn::If': ['Missing', 1, 2] }), /condition 'Missing' is not declared/)
  })
  test('unsupported functions are named', () => {
    assert.throws(() => v({ 'Fn::Cidr': ['10.0.0.0/16', 2, 8] }), /Fn::Cidr is not supported/)
  })
})
