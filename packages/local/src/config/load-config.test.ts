// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation ${} syntax is the subject of these tests
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { loadConfig } from './load-config.js'
import { ConfigError } from './model.js'
import { FAKE_HANDLER, tempTree } from './test-support.js'

const LISTENER = `
Resources:
  Lb: { Type: AWS::ElasticLoadBalancingV2::LoadBalancer, Properties: { Name: lb } }
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Lb
      DefaultActions:
        - Type: fixed-response
          FixedResponseConfig: { StatusCode: '404', ContentType: text/plain, MessageBody: none }
Outputs:
  ListenerArn:
    Value: !Ref Listener
    Export: { Name: !Sub '\${AWS::StackName}-ListenerArn' }
`

function app(name: string, priority: number, extra = '', target = `!Ref ${name}Fn.Alias`): string {
  return `
Transform: AWS::Serverless-2016-10-31
Parameters:
  SharedStackName: { Type: String, Default: albkit-alb }
Resources:
  ${name}Fn:
    Type: AWS::Serverless::Function
    Properties: { Runtime: nodejs22.x, CodeUri: ./code, Handler: index.handler, AutoPublishAlias: live }
  ${name}Tg:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      TargetType: lambda
      Name: !Sub '\${AWS::StackName}-tg'
      Targets: [{ Id: ${target} }]
  ${name}Rule:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties:
      ListenerArn: !ImportValue { 'Fn::Sub': '\${SharedStackName}-ListenerArn' }
      Priority: ${priority}
      Conditions: [{ Field: path-pattern, Values: ['/${name.toLowerCase()}*'] }]
      Actions: [{ Type: forward, TargetGroupArn: !Ref ${name}Tg }]
${extra}`
}

const tree = (files: Record<string, string>) =>
  tempTree({ 'code/index.mjs': FAKE_HANDLER, ...files })

describe('loadConfig', () => {
  test('merges templates into one listener, rules sorted, default last, targets linked', async () => {
    const root = tree({ 'alb.yaml': LISTENER, 'b.yaml': app('B', 20), 'a.yaml': app('A', 10) })
    const config = await loadConfig([
      join(root, 'alb.yaml'),
      join(root, 'b.yaml'),
      join(root, 'a.yaml'),
    ])
    assert.deepEqual(config.warnings, [])
    assert.deepEqual(
      config.rules.map((r) => r.priority),
      [10, 20, 'default'],
    )
    assert.deepEqual(config.rules.at(-1)?.action, {
      type: 'fixed-response',
      statusCode: 404,
      contentType: 'text/plain',
      messageBody: 'none',
    })
    const tgA = config.targetGroups.find((g) => g.logicalId === 'ATg')
    assert.equal(tgA?.functionLogicalId, 'AFn')
    assert.equal(tgA?.name, 'a-tg')
    const first = config.rules[0]
    assert.equal(first?.action.type === 'forward' && first.action.targetGroups[0]?.arn, tgA?.arn)
  })

  test('stack names, region, account and parameter overrides are options; env overrides apply', async () => {
    const root = tree({ 'alb.yaml': LISTENER, 'a.yaml': app('A', 10) })
    const config = await loadConfig([join(root, 'alb.yaml'), join(root, 'a.yaml')], {
      region: 'eu-west-1',
      accountId: '111122223333',
      stackNames: { [join(root, 'alb.yaml')]: 'shared' },
      parameterOverrides: { SharedStackName: 'shared' },
      envOverrides: { AFn: { EXTRA: '1' } },
    })
    assert.equal(
      config.functions[0]?.functionArn,
      'arn:aws:lambda:eu-west-1:111122223333:function:a-AFn',
    )
    assert.deepEqual(config.functions[0]?.environment, { EXTRA: '1' })
  })

  test('weighted forwards across templates', async () => {
    const weighted = `
  Split:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties:
      ListenerArn: !ImportValue albkit-alb-ListenerArn
      Priority: 5
      Conditions: [{ Field: path-pattern, PathPatternConfig: { Values: [/split] } }]
      Actions:
        - Type: forward
          ForwardConfig:
            TargetGroups:
              - { TargetGroupArn: !Ref ATg, Weight: 90 }
              - { TargetGroupArn: !GetAtt ATg.TargetGroupArn, Weight: 10 }`
    const root = tree({
      'alb.yaml': LISTENER,
      'a.yaml': app('A', 10, '', `!GetAtt AFn.Arn`).replace('Resources:', `Resources:${weighted}`),
    })
    const config = await loadConfig([join(root, 'alb.yaml'), join(root, 'a.yaml')])
    const split = config.rules[0]
    assert.equal(split?.logicalId, 'Split')
    assert.deepEqual(
      split?.action.type === 'forward' && split.action.targetGroups.map((g) => g.weight),
      [90, 10],
    )
  })

  test('without a listener template: a local default 404 and a warning', async () => {
    const root = tree({ 'a.yaml': app('A', 10) })
    const config = await loadConfig([join(root, 'a.yaml')])
    assert.equal(config.rules.at(-1)?.priority, 'default')
    assert.equal(config.rules.at(-1)?.action.type, 'fixed-response')
    assert.match(config.warnings.join('\n'), /no listener in the loaded templates/)
  })

  test('unknown function in a target', async () => {
    const root = tree({ 'alb.yaml': LISTENER, 'a.yaml': app('A', 10, '', '!Ref Nope.Alias') })
    await assert.rejects(loadConfig([join(root, 'alb.yaml'), join(root, 'a.yaml')]), (e: Error) => {
      assert.ok(e instanceof ConfigError)
      assert.match(
        e.message,
        /a.yaml: ATg.Targets\[0\].Id \(Ref\)|a.yaml: ATg.Targets\[0\].Id: 'Nope' is not a resource or parameter/,
      )
      return true
    })
    const root2 = tree({ 'alb.yaml': LISTENER, 'a.yaml': app('A', 10, '', 'some-other-function') })
    await assert.rejects(
      loadConfig([join(root2, 'alb.yaml'), join(root2, 'a.yaml')]),
      /a.yaml: ATg.Targets\[0\].Id: 'some-other-function' is not a function of the loaded templates/,
    )
  })

  test('duplicate priority across templates names both', async () => {
    const root = tree({ 'alb.yaml': LISTENER, 'a.yaml': app('A', 10), 'b.yaml': app('B', 10) })
    await assert.rejects(
      loadConfig(['alb.yaml', 'a.yaml', 'b.yaml'].map((f) => join(root, f))),
      /b.yaml: BRule.Priority: 10 is already used by ARule in .*a.yaml; priorities must be unique per listener/,
    )
  })

  test('bad matcher, missing handler, unknown forward target, unknown import', async () => {
    const badMatcher = app('A', 10).replace(
      "Name: !Sub '${AWS::StackName}-tg'",
      "Name: x\n      Matcher: { HttpCode: '600' }",
    )
    let root = tree({ 'alb.yaml': LISTENER, 'a.yaml': badMatcher })
    await assert.rejects(
      loadConfig([join(root, 'alb.yaml'), join(root, 'a.yaml')]),
      /a.yaml: ATg.Matcher.HttpCode: '600' is not allowed/,
    )
    root = tempTree({ 'alb.yaml': LISTENER, 'a.yaml': app('A', 10) })
    await assert.rejects(
      loadConfig([join(root, 'a.yaml')]),
      /a.yaml: AFn.Handler: function AFn: handler file not found; tried .*code\/index.mjs/,
    )
    const stray = app('A', 10).replace(
      'TargetGroupArn: !Ref ATg',
      'TargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/x/1',
    )
    root = tree({ 'alb.yaml': LISTENER, 'a.yaml': stray })
    await assert.rejects(
      loadConfig([join(root, 'alb.yaml'), join(root, 'a.yaml')]),
      /a.yaml: ARule.Actions: forwards to .* which is not a lambda target group/,
    )
    root = tree({
      'alb.yaml': LISTENER,
      'a.yaml': app('A', 10).replace('${SharedStackName}-ListenerArn', '${SharedStackName}-Other'),
    })
    await assert.rejects(
      loadConfig([join(root, 'alb.yaml'), join(root, 'a.yaml')]),
      /Fn::ImportValue "albkit-alb-Other" matches no export of the loaded templates \(exports: alb-ListenerArn\)/,
    )
  })

  test('unsupported TargetType is a warning and the target group is ignored', async () => {
    const extra = `
  IpTg:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: { TargetType: ip, Port: 80, Protocol: HTTP }`
    const root = tree({
      'alb.yaml': LISTENER,
      'a.yaml': app('A', 10).replace('Resources:', `Resources:${extra}`),
    })
    const config = await loadConfig([join(root, 'alb.yaml'), join(root, 'a.yaml')])
    assert.deepEqual(
      config.targetGroups.map((g) => g.logicalId),
      ['ATg'],
    )
    assert.match(config.warnings[0] ?? '', /IpTg.TargetType: 'ip' target groups are not emulated/)
  })

  test('unreadable or malformed files are ConfigErrors naming the file', async () => {
    const root = tempTree({ 'bad.yaml': 'Resources: [1, 2' })
    await assert.rejects(
      loadConfig([join(root, 'bad.yaml')]),
      /bad.yaml: template: cannot be read or parsed/,
    )
    await assert.rejects(
      loadConfig([join(root, 'missing.yaml')]),
      /missing.yaml: template: cannot be read or parsed/,
    )
  })
})
