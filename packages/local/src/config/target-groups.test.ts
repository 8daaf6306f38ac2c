import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { LAMBDA_HEALTH_CHECK_DEFAULTS, matcherProblem } from './health-check.js'
import { readTargetGroups } from './target-groups.js'
import { resolverFor } from './test-support.js'

const tg = (props: Record<string, unknown>) => ({
  Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
  Properties: { TargetType: 'lambda', ...props },
})
const read = (props: Record<string, unknown>, warnings: string[] = []) =>
  readTargetGroups(resolverFor({ Resources: { Tg: tg(props) } }), '/t/test.yaml', warnings)

describe('target groups', () => {
  test('lambda defaults: checks off, 35/30/5/2, path /, matcher 200; single-value mode', () => {
    const [p] = read({
      Name: 'my-tg',
      Targets: [{ Id: 'arn:aws:lambda:us-east-1:123456789012:function:f' }],
    })
    assert.equal(p?.targetGroup.name, 'my-tg')
    assert.equal(p?.targetGroup.multiValueHeaders, false)
    assert.equal(p?.targetId, 'arn:aws:lambda:us-east-1:123456789012:function:f')
    assert.deepEqual(p?.targetGroup.healthCheck, {
      enabled: false,
      path: '/',
      intervalSeconds: 35,
      timeoutSeconds: 30,
      healthyThreshold: 5,
      unhealthyThreshold: 2,
      matcher: '200',
    })
    assert.deepEqual(p?.targetGroup.healthCheck, { ...LAMBDA_HEALTH_CHECK_DEFAULTS })
  })
  test('multi-value attribute and explicit health checks', () => {
    const [p] = read({
      TargetGroupAttributes: [{ Key: 'lambda.multi_value_headers.enabled', Value: 'true' }],
      HealthCheckEnabled: true,
      HealthCheckPath: '/health',
      HealthCheckIntervalSeconds: 60,
      HealthCheckTimeoutSeconds: 10,
      HealthyThresholdCount: 3,
      UnhealthyThresholdCount: 4,
      Matcher: { HttpCode: '200-299' },
    })
    assert.equal(p?.targetGroup.multiValueHeaders, true)
    assert.deepEqual(p?.targetGroup.healthCheck, {
      enabled: true,
      path: '/health',
      intervalSeconds: 60,
      timeoutSeconds: 10,
      healthyThreshold: 3,
      unhealthyThreshold: 4,
      matcher: '200-299',
    })
    assert.equal(p?.targetId, undefined)
  })
  test('ranges are validated with clear messages', () => {
    assert.throws(
      () => read({ HealthCheckIntervalSeconds: 4 }),
      /test.yaml: Tg.HealthCheckIntervalSeconds: 4 is not allowed; use an integer from 5 to 300/,
    )
    assert.throws(
      () => read({ HealthCheckTimeoutSeconds: 121 }),
      /Tg.HealthCheckTimeoutSeconds: 121 is not allowed; use an integer from 2 to 120/,
    )
    assert.throws(
      () => read({ HealthCheckIntervalSeconds: 10, HealthCheckTimeoutSeconds: 10 }),
      /must be smaller than HealthCheckIntervalSeconds/,
    )
    assert.throws(
      () => read({ Matcher: { HttpCode: '500' } }),
      /Tg.Matcher.HttpCode: '500' is not allowed; use codes from 200 to 499/,
    )
    assert.throws(() => read({ HealthCheckPath: 'health' }), /must start with \//)
  })
  test('matcher forms', () => {
    assert.equal(matcherProblem('200'), undefined)
    assert.equal(matcherProblem('200,204'), undefined)
    assert.equal(matcherProblem('200-499'), undefined)
    assert.match(matcherProblem('199') ?? '', /200 to 499/)
    assert.match(matcherProblem('300-200') ?? '', /200 to 499/)
    assert.match(matcherProblem('abc') ?? '', /200 to 499/)
  })
  test('non-lambda target types are warned about and ignored', () => {
    const warnings: string[] = []
    assert.deepEqual(read({ TargetType: 'ip' }, warnings), [])
    assert.match(
      warnings[0] ?? '',
      /Tg.TargetType: 'ip' target groups are not emulated \(only lambda\); ignored/,
    )
    const w2: string[] = []
    readTargetGroups(
      resolverFor({ Resources: { Tg: { Type: 'AWS::ElasticLoadBalancingV2::TargetGroup' } } }),
      '/t.yaml',
      w2,
    )
    assert.match(w2[0] ?? '', /'instance'/)
  })
  test('more than one target, unknown attributes', () => {
    assert.throws(
      () => read({ Targets: [{ Id: 'a' }, { Id: 'b' }] }),
      /has 2 targets; a lambda target group takes one/,
    )
    const warnings: string[] = []
    read({ TargetGroupAttributes: [{ Key: 'stickiness.enabled', Value: 'true' }] }, warnings)
    assert.match(warnings[0] ?? '', /'stickiness.enabled' is not emulated locally/)
  })
})
