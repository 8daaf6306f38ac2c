import assert from 'node:assert/strict'
import { cpSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { loadConfig } from './load-config.js'
import type { LocalConfig } from './model.js'
import { FAKE_HANDLER, routeTable, tempTree } from './test-support.js'

// The real templates/serverless/<app>/serverless.yml files next to the real templates/sam, in a
// temp copy of the repository layout whose apps/<app>/dist holds a fake handler: the test never
// depends on (or writes into) the real app builds.
const here = dirname(fileURLToPath(import.meta.url))
const repo = join(here, '../../../..')
const APPS = ['upload-to-s3', 'binary-response', 'whats-my-ip', 'health-checker']
const root = tempTree(
  Object.fromEntries(APPS.map((app) => [`apps/${app}/dist/index.mjs`, FAKE_HANDLER])),
)
cpSync(join(repo, 'templates'), join(root, 'templates'), { recursive: true })
const alb = join(root, 'templates/sam/alb.yaml')
const slsFiles = APPS.map((app) => join(root, 'templates/serverless', app, 'serverless.yml'))
const samFiles = APPS.map((app) => join(root, 'templates/sam', `${app}.yaml`))

describe('templates/serverless', () => {
  let sls: LocalConfig
  let sam: LocalConfig
  test('all four load with the shared listener and no warnings', async () => {
    sls = await loadConfig([alb, ...slsFiles])
    sam = await loadConfig([alb, ...samFiles])
    assert.deepEqual(sls.warnings, [])
    assert.deepEqual(
      sls.functions.map((f) => [f.logicalId, f.handlerFile]),
      APPS.map((app, i) => [
        `${['UploadToS3', 'BinaryResponse', 'WhatsMyIp', 'HealthChecker'][i]}LambdaFunction`,
        join(root, 'apps', app, 'dist/index.mjs'),
      ]),
    )
    // Handlers are found under custom.serverless-offline.location (the repository root).
    for (const f of sls.functions) assert.equal(f.codeDir, dirname(f.handlerFile))
  })

  test('route table equals the SAM templates one: priorities, conditions, modes, health checks', () => {
    const table = routeTable(sls)
    assert.deepEqual(table, routeTable(sam))
    assert.deepEqual(
      table.map((r) => [r.priority, r.app, r.multiValueHeaders, r.healthCheck?.enabled]),
      [
        [10, 'upload-to-s3', false, false],
        [20, 'binary-response', false, false],
        [30, 'whats-my-ip', true, false],
        [40, 'health-checker', false, true],
        ['default', undefined, undefined, undefined],
      ],
    )
    assert.deepEqual(sls.rules.at(-1)?.action, sam.rules.at(-1)?.action)
  })

  test('params resolve into the environment; CloudFormation Fn::Sub variables stay', () => {
    const env = (id: string) => sls.functions.find((f) => f.logicalId === id)?.environment
    assert.equal(env('UploadToS3LambdaFunction')?.UPLOAD_PREFIX, 'uploads')
    assert.equal(env('WhatsMyIpLambdaFunction')?.TRUSTED_PROXY_HOPS, '0')
    const probes = JSON.parse(env('HealthCheckerLambdaFunction')?.HEALTH_PROBES ?? '') as Array<
      Record<string, unknown>
    >
    assert.equal(
      probes.find((p) => p.type === 's3')?.bucket,
      'albkit-health-checker-dev-probebucket',
    )
    // Only the bucket: internet probes are opt-in (apps/health-checker/README.md); `${AWS::Region}`
    // inside Fn::Sub is covered by serverless-yml.test.ts.
    assert.equal(probes.length, 1)
  })

  test('the four files follow one layout', () => {
    for (const [i, app] of APPS.entries()) {
      const text = readFileSync(slsFiles[i] ?? '', 'utf8')
      assert.match(text, /^ {4}location: \.\.\/\.\.\/\.\.$/m, `${app}: serverless-offline location`)
      assert.match(text, new RegExp(`handler: apps/${app}/dist/index\\.handler$`, 'm'), app)
      assert.match(text, new RegExp(`- "\\.\\./\\.\\./\\.\\./apps/${app}/dist/\\*\\*"$`, 'm'), app)
      assert.match(
        text,
        new RegExp(`- "!\\.\\./\\.\\./\\.\\./apps/${app}/dist/\\*\\*/meta\\.json"$`, 'm'),
        app,
      )
      // the alb event Refs a ListenerArn parameter (stable osls logical ids) fed by ${param:listenerArn}
      assert.match(text, /^ {10}listenerArn: !Ref ListenerArn$/m, app)
      assert.match(
        text,
        /^ {4}ListenerArn:\n(?: {6}.*\n)*? {6}Default: \$\{param:listenerArn\}$/m,
        app,
      )
    }
  })
})
