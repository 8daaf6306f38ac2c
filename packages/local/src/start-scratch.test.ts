import assert from 'node:assert/strict'
import { existsSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { startScratch } from './start-scratch.js'

const template = fileURLToPath(new URL('./runtime/fixtures/templates/echo.yaml', import.meta.url))

test('startScratch: ephemeral ports, S3 and logs in a scratch directory that close() removes', async () => {
  const alb = await startScratch({ templates: [template] }, 'albkit-scratch-test-')
  const scratch = dirname(dirname(alb.accessLogFile))
  try {
    assert.match(scratch, /albkit-scratch-test-/)
    assert.notEqual(new URL(alb.url).port, '3000')
    assert.ok(alb.s3Endpoint?.startsWith('http://127.0.0.1:'))
    assert.notEqual(new URL(alb.s3Endpoint ?? '').port, '4569')
    assert.equal((await fetch(`${alb.url}/echo`)).status, 200)
    assert.ok(existsSync(scratch))
  } finally {
    await alb.close()
  }
  assert.equal(existsSync(scratch), false, 'the scratch directory is removed on close')
})

test('startScratch: a failed start removes its scratch directory and rethrows', async () => {
  const invalid = fileURLToPath(
    new URL('./runtime/fixtures/templates/invalid.yaml', import.meta.url),
  )
  await assert.rejects(startScratch({ templates: [invalid] }, 'albkit-scratch-fail-'))
  assert.deepEqual(
    readdirSync(tmpdir()).filter((name) => name.startsWith('albkit-scratch-fail-')),
    [],
  )
})
