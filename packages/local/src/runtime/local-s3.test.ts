// The embedded S3: buckets from the config, the documented client settings, byte-exact round trip.
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { send } from '@albkit/core/testing'
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { localS3ClientConfig } from '../local-s3-client-config.js'
import type { LocalAlb } from '../start.js'
import { start } from '../start.js'
import { fixtureConfig } from './test-support.js'

const dir = mkdtempSync(join(tmpdir(), 'albkit-s3-'))
let alb: LocalAlb
before(async () => {
  const config = fixtureConfig([{ paths: ['/echo'], handler: 'echo' }])
  config.buckets.push({
    logicalId: 'Uploads',
    bucketName: 'albkit-test-uploads',
    templateFile: 'test',
  })
  alb = await start({
    templates: [],
    config,
    port: 0,
    adminPort: 0,
    s3: { port: 0, dir: join(dir, 's3') },
    quiet: true,
    logDir: join(dir, 'logs'),
  })
})
/** The endpoint of the embedded S3 (the fixture starts it). */
function s3Endpoint(): string {
  assert.ok(alb.s3Endpoint, 'local S3 runs')
  return alb.s3Endpoint
}
after(async () => {
  await alb.close()
  rmSync(dir, { recursive: true, force: true })
})

test('functions get the local S3 variables', async () => {
  const { env } = JSON.parse((await send(`${alb.url}/echo`)).body.toString())
  assert.equal(env.AWS_ENDPOINT_URL_S3, alb.s3Endpoint)
  assert.equal(env.AWS_ACCESS_KEY_ID, 'S3RVER')
  assert.equal(env.AWS_S3_FORCE_PATH_STYLE, 'true')
  assert.equal(env.AWS_REGION, 'us-east-1')
})

test('put and get 300000 random bytes with the documented client settings: byte-exact', async () => {
  const client = new S3Client(localS3ClientConfig(s3Endpoint()))
  try {
    const bytes = randomBytes(300_000)
    await client.send(
      new PutObjectCommand({
        Bucket: 'albkit-test-uploads',
        Key: 'dir/blob.bin',
        Body: bytes,
        ContentType: 'application/octet-stream',
      }),
    )
    const got = await client.send(
      new GetObjectCommand({ Bucket: 'albkit-test-uploads', Key: 'dir/blob.bin' }),
    )
    const back = Buffer.from((await got.Body?.transformToByteArray()) ?? [])
    assert.equal(back.length, 300_000)
    assert.ok(back.equals(bytes))
  } finally {
    client.destroy()
  }
})

test('alb.s3 stops and restarts the embedded S3 on the same port: calls fail, then work again', async () => {
  const s3 = alb.s3
  assert.ok(s3 !== undefined)
  assert.equal(s3.endpoint, alb.s3Endpoint)
  const client = new S3Client({ ...localS3ClientConfig(s3Endpoint()), maxAttempts: 1 })
  const put = (key: string) =>
    client.send(new PutObjectCommand({ Bucket: 'albkit-test-uploads', Key: key, Body: 'x' }))
  try {
    await put('before-stop')
    await s3.stop()
    assert.equal(s3.running, false)
    await assert.rejects(put('while-stopped'))
    await s3.start()
    assert.equal(s3.running, true)
    await put('after-restart')
    const got = await client.send(
      new GetObjectCommand({ Bucket: 'albkit-test-uploads', Key: 'before-stop' }),
    )
    assert.equal(await got.Body?.transformToString(), 'x')
  } finally {
    client.destroy()
  }
})
