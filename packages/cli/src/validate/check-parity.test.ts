import assert from 'node:assert/strict'
import { test } from 'node:test'
import { parseTemplate } from '@albkit/local'
import { checkParity } from './check-parity.js'
import { routesOf } from './routing.js'

const SAM = `
Resources:
  Tg:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      TargetType: lambda
      HealthCheckEnabled: true
      HealthCheckPath: /health
      TargetGroupAttributes: [{ Key: lambda.multi_value_headers.enabled, Value: 'true' }]
  Rule:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties:
      Priority: 30
      Conditions: [{ Field: path-pattern, PathPatternConfig: { Values: [/ip, /ip/*] } }]
      Actions: [{ Type: forward, TargetGroupArn: !Ref Tg }]
`
// The shape osls generates: legacy Values, boolean attribute value, numbers as numbers.
const SLS = {
  Resources: {
    Tg: {
      Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
      Properties: {
        TargetType: 'lambda',
        HealthCheckEnabled: true,
        HealthCheckPath: '/health',
        HealthCheckIntervalSeconds: 35,
        TargetGroupAttributes: [{ Key: 'lambda.multi_value_headers.enabled', Value: true }],
      },
    },
    Rule: {
      Type: 'AWS::ElasticLoadBalancingV2::ListenerRule',
      Properties: {
        Priority: 30,
        Conditions: [{ Field: 'path-pattern', Values: ['/ip/*', '/ip'] }],
        Actions: [{ Type: 'forward', TargetGroupArn: { Ref: 'Tg' } }],
      },
    },
  },
}
const files = { sam: 'sam/ip.yaml', sls: 'serverless/ip/serverless.yml' }

test('SAM and osls shapes of the same routing agree', () => {
  assert.deepEqual(checkParity('ip', routesOf(parseTemplate(SAM)), routesOf(SLS), files), [])
})

test('a different priority, path, multi-value setting or health check is reported', () => {
  const sam = routesOf(
    parseTemplate(
      SAM.replace('/ip/*]', '/ipv4]')
        .replace("Value: 'true'", "Value: 'false'")
        .replace('/health', '/'),
    ),
  )
  const findings = checkParity('ip', sam, routesOf(SLS), files)
  assert.deepEqual(
    findings.map((f) => f.message),
    [
      'priority 30: conditions differ: SAM ["path-pattern=/ip|/ipv4"] vs Serverless ["path-pattern=/ip|/ip/*"]',
      'priority 30: multi-value headers differ: SAM false vs Serverless true',
      'priority 30: health checks differ: SAM {"enabled":true,"path":"/","interval":35,"timeout":30,"healthy":5,"unhealthy":2,"matcher":"200"} vs Serverless {"enabled":true,"path":"/health","interval":35,"timeout":30,"healthy":5,"unhealthy":2,"matcher":"200"}',
    ],
  )
  assert.equal(findings[0]?.file, files.sls)
  const moved = checkParity(
    'ip',
    routesOf(parseTemplate(SAM.replace('Priority: 30', 'Priority: 31'))),
    routesOf(SLS),
    files,
  )
  assert.deepEqual(
    moved.map((f) => f.message.replace(/:.*$/, '')),
    [
      'rule priority 31 is in sam/ip.yaml but not in serverless.yml',
      'rule priority 30 is in serverless.yml but not in sam/ip.yaml',
    ],
  )
})
