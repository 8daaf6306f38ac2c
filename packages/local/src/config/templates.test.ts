import assert from 'node:assert/strict'
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { loadConfig } from './load-config.js'
import { type MatchInput, matchRule } from './match-rule.js'
import type { LocalConfig } from './model.js'
import { FAKE_HANDLER, tempTree } from './test-support.js'
import { parseCfnTemplate } from './yaml-cfn.js'

// The real templates/sam/*.yaml, loaded from a temp copy whose ../../apps/<app>/dist holds a fake
// handler, so the test never depends on (or writes into) the real app builds.
const here = dirname(fileURLToPath(import.meta.url))
const samDir = join(here, '../../../../templates/sam')
const APPS = ['upload-to-s3', 'binary-response', 'whats-my-ip', 'health-checker']
const root = tempTree(
  Object.fromEntries(APPS.map((app) => [`apps/${app}/dist/index.mjs`, FAKE_HANDLER])),
)
cpSync(samDir, join(root, 'templates/sam'), { recursive: true })
const files = ['alb', ...APPS].map((name) => join(root, 'templates/sam', `${name}.yaml`))

const input = (path: string, method = 'GET'): MatchInput => ({
  method,
  path,
  host: 'localhost:8080',
  headers: {},
  rawQuery: [],
  sourceIp: '127.0.0.1',
})

describe('templates/sam', () => {
  let config: LocalConfig
  test('all five load with no warnings', async () => {
    config = await loadConfig(files)
    assert.deepEqual(config.warnings, [])
    assert.equal(config.functions.length, 4)
  })

  test('route table: priorities, path patterns, target modes, health checks', () => {
    const routes = config.rules.map((r) => {
      const tgArn = r.action.type === 'forward' ? r.action.targetGroups[0]?.arn : undefined
      const tg = config.targetGroups.find((g) => g.arn === tgArn)
      const fn = config.functions.find((f) => f.logicalId === tg?.functionLogicalId)
      return {
        priority: r.priority,
        paths: r.conditions.flatMap((c) => (c.field === 'path-pattern' ? c.values : [])),
        app: fn?.codeDir.split('/').at(-2),
        multi: tg?.multiValueHeaders,
        health: tg?.healthCheck.enabled,
      }
    })
    assert.deepEqual(routes, [
      {
        priority: 10,
        paths: ['/upload', '/upload/*'],
        app: 'upload-to-s3',
        multi: false,
        health: false,
      },
      { priority: 20, paths: ['/binary/*'], app: 'binary-response', multi: false, health: false },
      { priority: 30, paths: ['/ip', '/ip/*'], app: 'whats-my-ip', multi: true, health: false },
      { priority: 40, paths: ['/health'], app: 'health-checker', multi: false, health: true },
      { priority: 'default', paths: [], app: undefined, multi: undefined, health: undefined },
    ])
    assert.deepEqual(config.rules.at(-1)?.action, {
      type: 'fixed-response',
      statusCode: 404,
      contentType: 'application/json',
      messageBody: '{"message":"No route matches this request"}',
    })
  })

  test('health-checker target group: /health, 35 s, 10 s, 2/2, 200', () => {
    const tg = config.targetGroups.find((g) => g.functionLogicalId === 'HealthCheckerFunction')
    assert.deepEqual(tg?.healthCheck, {
      enabled: true,
      path: '/health',
      intervalSeconds: 35,
      timeoutSeconds: 10,
      healthyThreshold: 2,
      unhealthyThreshold: 2,
      matcher: '200',
    })
    assert.equal(tg?.name, 'health-checker-tg')
  })

  test('functions: alias, memory, environment, buckets', () => {
    const fn = (id: string) => config.functions.find((f) => f.logicalId === id)
    assert.equal(fn('UploadFunction')?.memoryMb, 512)
    assert.equal(fn('WhatsMyIpFunction')?.memoryMb, 256)
    for (const f of config.functions) assert.equal(f.aliasName, 'live')
    // The apps own the fine-tuning of their variables; these are the ones the routes depend on.
    const upload = fn('UploadFunction')?.environment ?? {}
    assert.equal(upload.BUCKET_NAME, 'upload-to-s3-uploadbucket')
    assert.equal(upload.UPLOAD_PREFIX, 'uploads')
    assert.equal(upload.MAX_UPLOAD_BYTES, '700000')
    const types = (upload.ALLOWED_TYPES ?? '').split(',')
    for (const t of [
      'image/png',
      'image/jpeg',
      'application/pdf',
      'text/plain',
      'application/octet-stream',
    ]) {
      assert.ok(types.includes(t), `ALLOWED_TYPES has ${t}`)
    }
    assert.deepEqual(fn('WhatsMyIpFunction')?.environment, { TRUSTED_PROXY_HOPS: '0' })
    assert.deepEqual(fn('BinaryFunction')?.environment, { ASSETS_BUCKET: '' })
    const health = fn('HealthCheckerFunction')?.environment
    const probes = JSON.parse(health?.HEALTH_PROBES ?? '') as Array<Record<string, unknown>>
    const s3 = probes.find((p) => p.type === 's3')
    assert.equal(s3?.bucket, 'health-checker-probebucket')
    assert.equal(health?.HEALTH_CACHE_MS, '5000')
    assert.equal(health?.HEALTH_DEADLINE_MS, '8000')
    assert.deepEqual(
      config.buckets.map((b) => b.bucketName),
      ['upload-to-s3-uploadbucket', 'health-checker-probebucket'],
    )
  })

  test('requests route as deployed', () => {
    const app = (path: string) => {
      const rule = matchRule(config.rules, input(path))
      const arn = rule.action.type === 'forward' ? rule.action.targetGroups[0]?.arn : undefined
      return config.targetGroups.find((g) => g.arn === arn)?.functionLogicalId ?? rule.priority
    }
    assert.equal(app('/upload'), 'UploadFunction')
    assert.equal(app('/upload/x/y'), 'UploadFunction')
    assert.equal(app('/uploadx'), 'default')
    assert.equal(app('/binary/cat.png'), 'BinaryFunction')
    assert.equal(app('/binary'), 'default')
    assert.equal(app('/ip'), 'WhatsMyIpFunction')
    assert.equal(app('/health'), 'HealthCheckerFunction')
    assert.equal(app('/Health'), 'default')
  })

  test('alb.yaml exports the DNS name and hosted zone for Route 53 alias records', async () => {
    // A stack like apps/health-checker/README.md's dns-failover.yaml, importing both exports.
    const dns = join(root, 'dns.yaml')
    writeFileSync(
      dns,
      [
        'Resources:',
        '  Probe:',
        '    Type: AWS::Lambda::Function',
        '    Properties:',
        '      Code: apps/health-checker/dist',
        '      Handler: index.handler',
        '      Runtime: nodejs22.x',
        '      Environment:',
        '        Variables:',
        '          DNS: !ImportValue albkit-alb-DNSName',
        '          ZONE: !ImportValue albkit-alb-CanonicalHostedZoneID',
        '',
      ].join('\n'),
    )
    const withDns = await loadConfig([files[0] ?? '', dns])
    const env = withDns.functions[0]?.environment
    assert.match(env?.DNS ?? '', /^[\w-]+\.us-east-1\.elb\.amazonaws\.com$/)
    assert.match(env?.ZONE ?? '', /^Z[A-Z0-9]+$/)
  })

  test('deploy conventions the local model does not read', () => {
    for (const app of APPS) {
      const doc = parseCfnTemplate(readFileSync(join(samDir, `${app}.yaml`), 'utf8')) as {
        Transform: string
        Parameters: Record<string, { Default?: string }>
        Resources: Record<
          string,
          { Type: string; DependsOn?: string; Properties: Record<string, unknown> }
        >
      }
      assert.equal(doc.Transform, 'AWS::Serverless-2016-10-31')
      assert.equal(doc.Parameters.SharedStackName?.Default, 'albkit-alb')
      const res = Object.values(doc.Resources)
      const fn = res.find((r) => r.Type === 'AWS::Serverless::Function')?.Properties
      assert.equal(fn?.Runtime, 'nodejs22.x')
      assert.deepEqual(fn?.Architectures, ['arm64'])
      assert.equal(fn?.CodeUri, `../../apps/${app}/dist`)
      assert.ok(fn?.LoggingConfig, `${app}: LoggingConfig`)
      const logs = res.find((r) => r.Type === 'AWS::Logs::LogGroup')?.Properties
      assert.equal(logs?.RetentionInDays, 14)
      const perm = Object.entries(doc.Resources).find(
        ([, r]) => r.Type === 'AWS::Lambda::Permission',
      )
      assert.equal(perm?.[1].Properties.Principal, 'elasticloadbalancing.amazonaws.com')
      assert.deepEqual(perm?.[1].Properties.SourceAccount, { Ref: 'AWS::AccountId' })
      assert.match(
        JSON.stringify(perm?.[1].Properties.SourceArn),
        /targetgroup\/\$\{AWS::StackName\}-tg\/\*/,
      )
      const tg = res.find((r) => r.Type === 'AWS::ElasticLoadBalancingV2::TargetGroup')
      assert.equal(tg?.DependsOn, perm?.[0])
    }
  })
})
