import assert from 'node:assert/strict'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { fixtureConfig } from '../runtime/test-support.js'
import { type LocalAlb, start } from '../start.js'
import { runConformance } from './index.js'

const ECHO_HANDLER_FILE = fileURLToPath(new URL('./echo-handler.mjs', import.meta.url))

let alb: LocalAlb
before(async () => {
  const config = fixtureConfig([
    { paths: ['/echo', '/echo/*'], handler: 'echo' },
    { paths: ['/multi/*'], handler: 'echo', multi: true },
  ])
  // the suite's own echo function (it can also return a result chosen by the check)
  for (const fn of config.functions) fn.handlerFile = ECHO_HANDLER_FILE
  alb = await start({
    templates: [],
    config,
    port: 0,
    adminPort: 0,
    s3: false,
    quiet: true,
    logDir: join(tmpdir(), 'albkit-conformance-logs'),
  })
})
after(() => alb.close())

test('albkit passes every conformance check', async () => {
  const results = await runConformance({
    baseUrl: alb.url,
    singlePath: '/echo',
    multiPath: '/multi/echo',
  })
  assert.ok(results.length >= 15)
  assert.deepEqual(
    results.filter((r) => !r.passed),
    [],
  )
})
