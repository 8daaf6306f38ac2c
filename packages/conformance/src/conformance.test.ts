import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { type LocalAlb, start } from '@albkit/local'
import { CONFORMANCE_ROUTES, writeConformanceService } from './echo-service.js'
import { runConformance } from './run-conformance.js'

for (const isolation of ['thread', 'shared'] as const) {
  describe(`isolation: ${isolation}`, () => {
    let alb: LocalAlb
    let dir: string
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'albkit-conformance-'))
      // the suite's own service: the serverless.yml serverless-offline also reads, plus the rules
      // only a CloudFormation template can express
      const files = await writeConformanceService(dir)
      alb = await start({
        templates: [files.serverlessYml, files.extrasTemplate],
        port: 0,
        adminPort: 0,
        s3: false,
        quiet: true,
        healthCheckScale: 0.05,
        isolation,
        logDir: join(dir, 'logs'),
      })
    })
    after(async () => {
      await alb.close()
      await rm(dir, { recursive: true, force: true })
    })

    test('albkit passes every conformance check', async () => {
      const results = await runConformance({
        baseUrl: alb.url,
        singlePath: CONFORMANCE_ROUTES.singlePath,
        multiPath: CONFORMANCE_ROUTES.multiPath,
        templateRoutes: true,
        adminUrl: alb.adminUrl,
      })
      assert.ok(results.length >= 40)
      assert.deepEqual(
        results.filter((r) => !r.passed).map((r) => `${r.id}: ${r.detail}`),
        [],
      )
    })
  })
}
