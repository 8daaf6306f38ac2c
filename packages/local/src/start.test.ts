// start() from real templates (through loadConfig), watch mode, and close().
import assert from 'node:assert/strict'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { send } from '@albkit/core/testing'
import { FIXTURE_FILE, fixtureConfig, startConfig } from './runtime/test-support.js'
import { start } from './start.js'

const templates = fileURLToPath(new URL('./runtime/fixtures/templates/', import.meta.url))

test('templates → routes, both header modes, env from the template, buckets created', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'albkit-start-'))
  const alb = await start({
    templates: [join(templates, 'echo.yaml')],
    port: 0,
    adminPort: 0,
    s3: { port: 0, dir: join(dir, 's3') },
    logDir: join(dir, 'logs'),
    quiet: true,
  })
  try {
    assert.equal(alb.config.functions.length, 1)
    const single = JSON.parse((await send(`${alb.url}/echo?a=1&a=2`)).body.toString())
    assert.equal(single.event.queryStringParameters.a, '2')
    assert.equal(single.env.GREETING, 'from-template')
    assert.equal(single.env.AWS_ENDPOINT_URL_S3, alb.s3Endpoint)
    const multi = JSON.parse((await send(`${alb.url}/multi/x?a=1&a=2`)).body.toString())
    assert.deepEqual(multi.event.multiValueQueryStringParameters.a, ['1', '2'])
    assert.equal((await send(`${alb.url}/other`)).status, 404)
    const bucket = alb.config.buckets[0]?.bucketName ?? ''
    assert.equal((await send(`${alb.s3Endpoint}/${bucket}`)).status, 200)
  } finally {
    await alb.close()
    rmSync(dir, { recursive: true, force: true })
  }
})

test('an invalid template rejects with the ConfigError message', async () => {
  await assert.rejects(
    start({
      templates: [join(templates, 'invalid.yaml')],
      port: 0,
      adminPort: 0,
      s3: false,
      quiet: true,
      logDir: join(tmpdir(), 'albkit-x'),
    }),
    (err: Error) => err.name === 'ConfigError' && /BadRule\.Priority/.test(err.message),
  )
})

test('a port in use is a clear error and releases what was started', async () => {
  const first = await start({
    templates: [],
    config: fixtureConfig([]),
    port: 0,
    adminPort: 0,
    s3: false,
    quiet: true,
    logDir: join(tmpdir(), 'albkit-x'),
  })
  try {
    const port = Number(new URL(first.url).port)
    await assert.rejects(
      start({
        templates: [],
        config: fixtureConfig([]),
        port,
        adminPort: 0,
        s3: false,
        quiet: true,
        logDir: join(tmpdir(), 'albkit-x'),
      }),
      /port \d+ on 127\.0\.0\.1 is already in use/,
    )
  } finally {
    await first.close()
  }
})

test('watch mode: a change in the code directory replaces the instances', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'albkit-watch-'))
  const dist = join(dir, 'dist')
  mkdirSync(dist)
  copyFileSync(FIXTURE_FILE, join(dist, 'index.mjs'))
  const config = fixtureConfig([{ paths: ['/echo'], handler: 'echo' }])
  const fn = config.functions[0]
  assert.ok(fn)
  fn.codeDir = dist
  fn.handlerFile = join(dist, 'index.mjs')
  const alb = await startConfig(config, { watch: true, logDir: join(dir, 'logs') })
  try {
    const before = JSON.parse((await send(`${alb.url}/echo`)).body.toString()).instance
    writeFileSync(
      join(dist, 'index.mjs'),
      'export const echo = async () => ({ statusCode: 200, statusDescription: "200 OK", isBase64Encoded: false, headers: {}, body: "v2" })\n',
    )
    let body = ''
    for (let i = 0; i < 100 && body !== 'v2'; i++) {
      await new Promise((r) => setTimeout(r, 50))
      body = (await send(`${alb.url}/echo`)).body.toString()
    }
    assert.equal(body, 'v2')
    assert.ok(before)
  } finally {
    await alb.close()
    rmSync(dir, { recursive: true, force: true })
  }
})
