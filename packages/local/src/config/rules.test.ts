import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { parseActions } from './actions.js'
import { parseConditions } from './conditions.js'
import {
  checkPriorities,
  checkRuleCount,
  MAX_RULES_PER_LOAD_BALANCER,
  type PendingRule,
  readRules,
} from './rules.js'
import { resolverFor } from './test-support.js'

const r = resolverFor({ Resources: {} })
const conds = (raw: unknown) => parseConditions(r, 'Rule', raw)
const action = (raw: unknown, warnings: string[] = []) =>
  parseActions(r, 'Rule', 'Actions', raw, warnings)

describe('conditions', () => {
  test('legacy Field + Values and the …Config forms', () => {
    assert.deepEqual(
      conds([
        { Field: 'path-pattern', Values: ['/a'] },
        { Field: 'host-header', Values: ['x.test'] },
      ]),
      [
        { field: 'path-pattern', values: ['/a'] },
        { field: 'host-header', values: ['x.test'] },
      ],
    )
    assert.deepEqual(
      conds([
        { Field: 'path-pattern', PathPatternConfig: { Values: ['/b'] } },
        { Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'X-A', Values: ['1'] } },
        { Field: 'http-request-method', HttpRequestMethodConfig: { Values: ['GET'] } },
        { Field: 'query-string', QueryStringConfig: { Values: [{ Key: 'k', Value: 'v' }] } },
        { Field: 'source-ip', SourceIpConfig: { Values: ['10.0.0.0/8'] } },
      ]),
      [
        { field: 'path-pattern', values: ['/b'] },
        { field: 'http-header', headerName: 'X-A', values: ['1'] },
        { field: 'http-request-method', values: ['GET'] },
        { field: 'query-string', values: [{ key: 'k', value: 'v' }] },
        { field: 'source-ip', values: ['10.0.0.0/8'] },
      ],
    )
  })
  test('limits and invalid values', () => {
    const p = (v: string) => ({ Field: 'path-pattern', Values: [v] })
    assert.throws(
      () => conds([p('/a'), p('/b')]),
      /test.yaml: Rule.Conditions\[1\]: a second path-pattern condition/,
    )
    assert.throws(
      () => conds([{ Field: 'path-pattern', Values: ['/1', '/2', '/3', '/4'] }]),
      /4 values; a condition takes at most 3/,
    )
    const h = (n: string) => ({
      Field: 'http-header',
      HttpHeaderConfig: { HttpHeaderName: n, Values: ['a', 'b'] },
    })
    assert.throws(
      () => conds([h('A'), h('B'), h('C')]),
      /6 condition values; a rule takes at most 5/,
    )
    assert.throws(
      () => conds([{ Field: 'path-pattern', Values: ['/*/*/*', '/*/*/*'] }]),
      /6 wildcards; a rule takes at most 5/,
    )
    assert.throws(
      () => conds([{ Field: 'cookie', Values: ['x'] }]),
      /Rule.Conditions\[0\].Field: "cookie" is not allowed/,
    )
    assert.throws(
      () => conds([{ Field: 'source-ip', Values: ['10.0.0.0/8'] }]),
      /only for host-header and path-pattern/,
    )
    assert.throws(
      () => conds([{ Field: 'source-ip', SourceIpConfig: { Values: ['10.0.0.300/8'] } }]),
      /not a CIDR block/,
    )
    assert.throws(() => conds([h('Host')]), /Host is not allowed; use a host-header condition/)
    assert.throws(
      () => conds([{ Field: 'http-request-method', HttpRequestMethodConfig: { Values: ['get'] } }]),
      /upper-case method/,
    )
  })
})

describe('actions', () => {
  test('forward: TargetGroupArn and weighted ForwardConfig', () => {
    assert.deepEqual(action([{ Type: 'forward', TargetGroupArn: 'arn:a' }]), {
      type: 'forward',
      targetGroups: [{ arn: 'arn:a', weight: 1 }],
    })
    assert.deepEqual(
      action([
        {
          Type: 'forward',
          ForwardConfig: {
            TargetGroups: [
              { TargetGroupArn: 'arn:a', Weight: 80 },
              { TargetGroupArn: 'arn:b', Weight: 20 },
            ],
          },
        },
      ]),
      {
        type: 'forward',
        targetGroups: [
          { arn: 'arn:a', weight: 80 },
          { arn: 'arn:b', weight: 20 },
        ],
      },
    )
    assert.throws(
      () =>
        action([
          {
            Type: 'forward',
            ForwardConfig: { TargetGroups: [{ TargetGroupArn: 'a', Weight: 1000 }] },
          },
        ]),
      /Weight: 1000 is not allowed; use an integer from 0 to 999/,
    )
  })
  test('fixed-response: status class, content type allowlist, body length', () => {
    assert.deepEqual(
      action([
        {
          Type: 'fixed-response',
          FixedResponseConfig: {
            StatusCode: '503',
            ContentType: 'text/plain',
            MessageBody: 'down',
          },
        },
      ]),
      {
        type: 'fixed-response',
        statusCode: 503,
        contentType: 'text/plain',
        messageBody: 'down',
      },
    )
    assert.throws(
      () => action([{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '302' } }]),
      /StatusCode: "302" is not allowed; use a 2XX, 4XX or 5XX code/,
    )
    assert.throws(
      () =>
        action([
          {
            Type: 'fixed-response',
            FixedResponseConfig: { StatusCode: '200', ContentType: 'image/png' },
          },
        ]),
      /'image\/png' is not allowed; use one of text\/plain/,
    )
    assert.throws(
      () =>
        action([
          {
            Type: 'fixed-response',
            FixedResponseConfig: { StatusCode: '200', MessageBody: 'x'.repeat(1025) },
          },
        ]),
      /1025 characters; at most 1024/,
    )
  })
  test('redirect: defaults keep the request components', () => {
    assert.deepEqual(
      action([
        {
          Type: 'redirect',
          RedirectConfig: { StatusCode: 'HTTP_301', Protocol: 'HTTPS', Port: '443' },
        },
      ]),
      {
        type: 'redirect',
        statusCode: 301,
        protocol: 'HTTPS',
        host: '#{host}',
        port: '443',
        path: '/#{path}',
        query: '#{query}',
      },
    )
    assert.throws(
      () => action([{ Type: 'redirect', RedirectConfig: { StatusCode: 'HTTP_307' } }]),
      /use HTTP_301 or HTTP_302/,
    )
  })
  test('exactly one terminal action; authenticate-* warned and skipped', () => {
    const warnings: string[] = []
    assert.equal(
      action([{ Type: 'authenticate-oidc' }, { Type: 'forward', TargetGroupArn: 'a' }], warnings)
        .type,
      'forward',
    )
    assert.match(warnings[0] ?? '', /authenticate-oidc is not emulated/)
    assert.throws(
      () => action([]),
      /has 0 forward\/fixed-response\/redirect actions; exactly one is required/,
    )
  })
})

describe('readRules and priorities', () => {
  const rule = (priority: unknown) => ({
    Type: 'AWS::ElasticLoadBalancingV2::ListenerRule',
    Properties: {
      ListenerArn: 'arn:l',
      Priority: priority,
      Conditions: [{ Field: 'path-pattern', Values: ['/x'] }],
      Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '200' } }],
    },
  })
  test('priority range 1–50000', () => {
    for (const bad of [0, 50001, 1.5]) {
      const rr = resolverFor({ Resources: { R: rule(bad) } })
      assert.throws(
        () => readRules(rr, '/t.yaml', []),
        new RegExp(`R.Priority: ${bad} is not allowed; use an integer from 1 to 50000`),
      )
    }
  })
  test('listener DefaultActions become the default rule', () => {
    const rr = resolverFor({
      Resources: {
        L: {
          Type: 'AWS::ElasticLoadBalancingV2::Listener',
          Properties: {
            DefaultActions: [
              { Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } },
            ],
          },
        },
        R: rule(7),
      },
    })
    const { rules, defaults } = readRules(rr, '/t.yaml', [])
    assert.equal(rules[0]?.rule.priority, 7)
    assert.equal(defaults[0]?.rule.priority, 'default')
    assert.deepEqual(defaults[0]?.rule.conditions, [])
  })
  test('duplicate priority on one listener names both rules', () => {
    const mk = (id: string, file: string, listenerArn = 'arn:l'): PendingRule => ({
      rule: {
        priority: 10,
        conditions: [],
        action: { type: 'fixed-response', statusCode: 200 },
        logicalId: id,
        templateFile: file,
      },
      listenerArn,
    })
    assert.throws(
      () => checkPriorities([mk('A', 'a.yaml'), mk('B', 'b.yaml')], (p) => p),
      /^Error: b.yaml: B.Priority: 10 is already used by A in a.yaml|b.yaml: B.Priority: 10 is already used by A in a.yaml/,
    )
    assert.doesNotThrow(() =>
      checkPriorities([mk('A', 'a.yaml'), mk('B', 'b.yaml', 'arn:other')], (p) => p),
    )
  })
})

// Issue 14: what the real ALB refuses at deploy is refused when the template loads, naming the limit.
describe('ALB limits refused at load', () => {
  const header = (name: string, values: string[] = ['v']) => ({
    Field: 'http-header',
    HttpHeaderConfig: { HttpHeaderName: name, Values: values },
  })
  const query = (Values: unknown[]) => ({ Field: 'query-string', QueryStringConfig: { Values } })
  test('condition values: not empty, at most 128 characters (path, host, header, query)', () => {
    const long = `/${'a'.repeat(128)}`
    assert.throws(() => conds([{ Field: 'path-pattern', Values: [long] }]), /longer than 128/)
    assert.throws(() => conds([{ Field: 'path-pattern', Values: [''] }]), /empty value/)
    assert.throws(
      () => conds([{ Field: 'host-header', Values: [`${'h'.repeat(129)}`] }]),
      /longer than 128/,
    )
    assert.throws(
      () => conds([header('X-A', ['v'.repeat(129)])]),
      /HttpHeaderConfig.Values: .*longer than 128/,
    )
    assert.throws(() => conds([header('X-A', [''])]), /empty value/)
    assert.throws(
      () => conds([query([{ Value: 'q'.repeat(129) }])]),
      /QueryStringConfig.Values\[0\]: .*longer than 128/,
    )
    assert.throws(() => conds([query([{ Key: 'k'.repeat(129), Value: 'v' }])]), /longer than 128/)
    assert.doesNotThrow(() =>
      conds([header('X-A', ['v'.repeat(128)]), query([{ Key: 'k', Value: 'q'.repeat(128) }])]),
    )
  })
  test('http-header name: at most 40 token characters', () => {
    assert.throws(() => conds([header('X'.repeat(41))]), /at most 40 characters/)
    assert.throws(() => conds([header('X Bad')]), /must be an HTTP header name/)
    assert.throws(() => conds([header('X:A')]), /must be an HTTP header name/)
    assert.doesNotThrow(() => conds([header('X'.repeat(40))]))
    assert.doesNotThrow(() => conds([header("X-Odd!#$%&'+.^_`|~1")]))
  })
  test('redirect: Host and Path 1–128 characters, Query up to 128, Port 1–65535 or #{port}', () => {
    const redirect = (cfg: Record<string, unknown>) =>
      action([{ Type: 'redirect', RedirectConfig: { StatusCode: 'HTTP_301', ...cfg } }])
    assert.throws(
      () => redirect({ Host: 'h'.repeat(129) }),
      /RedirectConfig.Host: 129 characters; 1–128/,
    )
    assert.throws(() => redirect({ Host: '' }), /RedirectConfig.Host: 0 characters; 1–128/)
    assert.throws(
      () => redirect({ Path: `/${'p'.repeat(128)}` }),
      /RedirectConfig.Path: 129 characters/,
    )
    assert.throws(
      () => redirect({ Query: 'q'.repeat(129) }),
      /RedirectConfig.Query: 129 characters; 0–128/,
    )
    for (const port of ['0', '65536', 'eighty', '-1', '443x'])
      assert.throws(
        () => redirect({ Port: port }),
        /RedirectConfig.Port: .* use 1–65535 or #\{port\}/,
      )
    assert.doesNotThrow(() => redirect({ Port: '65535', Query: '', Protocol: 'HTTPS' }))
  })
  test(`at most ${MAX_RULES_PER_LOAD_BALANCER} rules per load balancer`, () => {
    const mk = (i: number): PendingRule => ({
      rule: {
        priority: i + 1,
        conditions: [],
        action: { type: 'fixed-response', statusCode: 200 },
        logicalId: `R${i}`,
        templateFile: 'big.yaml',
      },
      listenerArn: 'arn:l',
    })
    const rules = Array.from({ length: MAX_RULES_PER_LOAD_BALANCER + 1 }, (_, i) => mk(i))
    assert.doesNotThrow(() => checkRuleCount(rules.slice(0, MAX_RULES_PER_LOAD_BALANCER)))
    assert.throws(
      () => checkRuleCount(rules),
      /big.yaml: R100: 101 listener rules; a load balancer takes at most 100 besides its default rules/,
    )
  })
})
