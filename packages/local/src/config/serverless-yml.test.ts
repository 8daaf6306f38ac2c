// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Serverless ${} variables are the subject of these tests
import assert from 'node:assert/strict'
import { dirname, join } from 'node:path'
import { describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { loadConfig } from './load-config.js'
import { ConfigError } from './model.js'
import { resolveVariables, type VariableSources } from './serverless-vars.js'
import { normalizeName, serverlessToTemplate } from './serverless-yml.js'

const here = dirname(fileURLToPath(import.meta.url))
const fixture = join(here, 'fixtures/serverless/serverless.yml')

describe('serverless.yml', () => {
  test('functions, alb events, conditions, health checks and resources', async () => {
    const config = await loadConfig([fixture])
    const ip = config.functions.find((f) => f.logicalId === 'WhatsMyIpLambdaFunction')
    assert.equal(ip?.functionName, 'albkit-sls-dev-whatsMyIp')
    assert.equal(ip?.handlerFile, join(here, 'fixtures/serverless/build/index.mjs'))
    assert.equal(ip?.timeoutSeconds, 4)
    assert.equal(ip?.memoryMb, 256)
    assert.deepEqual(ip?.environment, {
      STAGE: 'dev',
      SHARED: 'from-function',
      FROM_ENV: 'env-default',
      TRUSTED_PROXY_HOPS: '0',
    })
    const health = config.functions.find((f) => f.logicalId === 'HealthLambdaFunction')
    assert.equal(health?.memoryMb, 512)
    assert.equal(health?.timeoutSeconds, 5)

    assert.deepEqual(
      config.rules.map((r) => r.priority),
      [30, 31, 32, 40, 50, 'default'],
    )
    assert.deepEqual(config.rules[0]?.conditions, [
      { field: 'path-pattern', values: ['/ip', '/ip/*'] },
    ])
    assert.deepEqual(config.rules[1]?.conditions, [
      { field: 'path-pattern', values: ['/whoami'] },
      { field: 'http-request-method', values: ['GET', 'HEAD'] },
      { field: 'http-header', headerName: 'X-Client', values: ['beta'] },
      { field: 'query-string', values: [{ key: 'debug', value: 'true' }] },
    ])
    assert.deepEqual(config.rules[2]?.conditions, [
      { field: 'path-pattern', values: ['/whoami'] },
      { field: 'host-header', values: ['api.example.com'] },
      { field: 'source-ip', values: ['10.0.0.0/8', '2001:db8::/32'] },
    ])

    const tg = (fn: string) => config.targetGroups.find((g) => g.functionLogicalId === fn)
    assert.equal(tg('WhatsMyIpLambdaFunction')?.multiValueHeaders, true)
    assert.deepEqual(tg('HealthLambdaFunction')?.healthCheck, {
      enabled: true,
      path: '/health',
      intervalSeconds: 35,
      timeoutSeconds: 10,
      healthyThreshold: 2,
      unhealthyThreshold: 2,
      matcher: '200-299',
    })
    assert.equal(tg('PlainLambdaFunction')?.healthCheck.enabled, true)
    assert.equal(tg('PlainLambdaFunction')?.healthCheck.path, '/')
    assert.deepEqual(
      config.buckets.map((b) => b.bucketName),
      ['albkit-sls-dev-data'],
    )
    assert.match(config.warnings.join('\n'), /no listener in the loaded templates/)
  })

  test('stage option reaches ${opt:stage}', async () => {
    const config = await loadConfig([fixture], { stage: 'prod' })
    assert.equal(config.functions[0]?.functionName, 'albkit-sls-prod-whatsMyIp')
    assert.equal(config.functions[0]?.environment.STAGE, 'prod')
  })

  test('variables: self, opt, env with defaults; unknown sources left with a warning', () => {
    const warnings: string[] = []
    const out = resolveVariables(
      {
        a: '${self:b.c}',
        b: { c: 'x-${opt:stage, "dev"}' },
        d: '${env:ALBKIT_UNSET_VAR, 42}',
        e: '${ssm:/p}',
        f: '${env:ALBKIT_SET}',
      },
      { options: {}, env: { ALBKIT_SET: 'yes' }, warnings, file: 'serverless.yml' },
    )
    assert.deepEqual(out, { a: 'x-dev', b: { c: 'x-dev' }, d: 42, e: '${ssm:/p}', f: 'yes' })
    assert.match(warnings[0] ?? '', /\$\{ssm:\/p\} is not resolved locally/)
  })

  test('params: --param override, then params.<stage>, then params.default, then the default', () => {
    const doc = {
      params: { default: { a: 'da', b: 'db', c: '${sls:stage}-c' }, prod: { a: 'pa' } },
      x: '${param:a}/${param:b}/${param:c}/${param:d, "dd"}/${param:e}',
    }
    const src = (stage: string): VariableSources => ({
      options: {},
      env: {},
      warnings: [],
      file: 'serverless.yml',
      stage,
      paramOverrides: { e: 'cli' },
    })
    assert.equal(resolveVariables(doc, src('dev')).x, 'da/db/dev-c/dd/cli')
    assert.equal(resolveVariables(doc, src('prod')).x, 'pa/db/prod-c/dd/cli')
    assert.throws(
      () => resolveVariables({ params: {}, y: 'a-${param:missing}' }, src('dev')),
      (err: unknown) =>
        err instanceof ConfigError &&
        /^serverless\.yml: \$\{param:missing\}: 'missing' is not in params\.dev or params\.default/.test(
          err.message,
        ),
    )
  })

  test('aws, cf and CloudFormation ${…} in Fn::Sub strings', () => {
    const warnings: string[] = []
    const src: VariableSources = {
      options: {},
      env: {},
      warnings,
      file: 'sls.yml',
      aws: { region: 'eu-west-1', accountId: '111122223333' },
    }
    const out = resolveVariables(
      {
        r: '${aws:region}:${aws:accountId}',
        sub: { 'Fn::Sub': '${Bucket.Arn}/${AWS::Region}/${Bucket}' },
        cf: "${cf:albkit-alb.ListenerArn, 'arn:local'}",
      },
      src,
    )
    assert.deepEqual(out, {
      r: 'eu-west-1:111122223333',
      sub: { 'Fn::Sub': '${Bucket.Arn}/${AWS::Region}/${Bucket}' },
      cf: 'arn:local',
    })
    assert.deepEqual(warnings, [])
    assert.throws(
      () => resolveVariables({ l: '${cf:albkit-alb.ListenerArn}' }, src),
      /^ConfigError: sls\.yml: \$\{cf:albkit-alb\.ListenerArn\}: reads an output of a deployed stack/,
    )
  })

  test('custom.serverless-offline.location is the root of handler paths', () => {
    const doc = (location?: string) => ({
      service: 's',
      provider: { stage: "${opt:stage, 'qa'}" },
      custom: location === undefined ? {} : { 'serverless-offline': { location } },
      functions: { f: { handler: 'apps/f/dist/index.handler' }, g: { handler: 'index.main' } },
    })
    const props = (location?: string) => {
      const t = serverlessToTemplate(doc(location), 'serverless.yml', {}, {}, []).template
      return ['FLambdaFunction', 'GLambdaFunction'].map((id) => {
        const p = t.Resources?.[id]?.Properties ?? {}
        return [p.Code, p.Handler, p.FunctionName]
      })
    }
    assert.deepEqual(props('../../..'), [
      ['../../../apps/f/dist', 'index.handler', 's-qa-f'],
      ['../../..', 'index.main', 's-qa-g'],
    ])
    assert.deepEqual(props(), [
      ['apps/f/dist', 'index.handler', 's-qa-f'],
      ['.', 'index.main', 's-qa-g'],
    ])
    assert.throws(
      () =>
        serverlessToTemplate(
          { service: 's', functions: { f: { handler: '/abs/index.handler' } } },
          'serverless.yml',
          {},
          {},
          [],
        ),
      /functions\.f\.handler: '\/abs\/index\.handler' must be relative/,
    )
  })

  test('invalid alb events', () => {
    const doc = (alb: unknown) => ({
      service: 's',
      functions: { f: { handler: 'h.handler', events: [{ alb }] } },
    })
    assert.throws(
      () => serverlessToTemplate(doc({ priority: 1 }), 'serverless.yml', {}, {}, []),
      /serverless.yml: functions.f.events\[alb 0\].conditions: is required/,
    )
    assert.throws(
      () =>
        serverlessToTemplate(
          doc({ priority: 1, conditions: { cookie: 'x' } }),
          'serverless.yml',
          {},
          {},
          [],
        ),
      /conditions.cookie: is not allowed/,
    )
    assert.throws(
      () => serverlessToTemplate({ functions: {} }, 'serverless.yml', {}, {}, []),
      /serverless.yml: service: is required/,
    )
  })

  test('osls logical id naming', () => {
    assert.equal(normalizeName('whats-my-ip'), 'WhatsDashmyDaship')
    assert.equal(normalizeName('my_fn'), 'MyUnderscorefn')
  })
})
