// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Serverless ${} variables are the subject of these tests
import assert from 'node:assert/strict'
import { dirname, join } from 'node:path'
import { describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { loadConfig } from './load-config.js'
import { resolveVariables } from './serverless-vars.js'
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
