// The embedded S3: buckets from the config, the documented client settings, byte-exact round trip,
// and its failures contained (issue 14, finding 1).
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { type AddressInfo, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { send } from '@albkit/core/testing'
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { localS3ClientConfig } from '../local-s3-client-config.js'
import type { LocalAlb } from '../start.js'
import { localS3Control } from './local-s3.js'
import { fixtureConfig, startConfig } from './test-support.js'

const dir = mkdtempSync(join(tmpdir(), 'albkit-s3-'))
let alb: LocalAlb
before(async () => {
  const config = fixtureConfig([{ paths: ['/echo'], handler: 'echo' }])
  config.buckets.push({
    logicalId: 'Uploads',
    bucketName: 'albkit-test-uploads',
    templateFile: 'test',
  })
  alb = await startConfig(config, {
    s3: { port: 0, dir: join(dir, 's3') },
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

/** The multipart POST of CVE-2022-24434: a part header line that starts with a space (~170 bytes). */
export function malformedMultipart(): { headers: Record<string, string>; body: string } {
  const boundary = '----albkit'
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    body: `--${boundary}\r\n Content-Disposition: form-data; name="key"\r\n\r\nv\r\n--${boundary}--\r\n`,
  }
}

test('a malformed multipart POST to S3 (CVE-2022-24434) is answered with an error; S3 and the load balancer keep serving', async () => {
  const s3 = alb.s3
  assert.ok(s3 !== undefined)
  const pid = s3.pid
  const attack = await send(`${s3Endpoint()}/albkit-test-uploads`, {
    method: 'POST',
    ...malformedMultipart(),
  })
  // s3rver answers 500 InternalError (busboy's parse error); real S3 says 400 MalformedPOSTRequest
  assert.ok(attack.status >= 400, `S3 answered ${attack.status}`)
  assert.equal((await send(`${alb.url}/echo`)).status, 200)
  assert.equal(s3.crashes, 0)
  assert.equal(s3.pid, pid, 'the same S3 process still serves')
  const client = new S3Client({ ...localS3ClientConfig(s3Endpoint()), maxAttempts: 1 })
  try {
    await client.send(
      new PutObjectCommand({ Bucket: 'albkit-test-uploads', Key: 'after-attack', Body: 'y' }),
    )
  } finally {
    client.destroy()
  }
})

/** Poll `check` every 50 ms until it holds or `ms` pass. */
async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; )
    if (check()) return true
    else await new Promise((resolve) => setTimeout(resolve, 50))
  return check()
}

test('a crashed S3 process is reported and restarted on the same port, its data kept', async () => {
  const reports: string[] = []
  const s3 = await localS3Control({
    host: '127.0.0.1',
    port: 0,
    dir: join(dir, 's3-crash'),
    buckets: ['crash-test'],
    onReport: (line) => reports.push(line),
  })
  const client = new S3Client({ ...localS3ClientConfig(s3.endpoint), maxAttempts: 1 })
  try {
    await client.send(new PutObjectCommand({ Bucket: 'crash-test', Key: 'kept', Body: 'z' }))
    const pid = s3.pid
    assert.ok(pid !== undefined)
    process.kill(pid, 'SIGKILL')
    assert.ok(await waitFor(() => s3.running && s3.pid !== pid, 10_000), 'S3 came back')
    assert.equal(s3.crashes, 1)
    assert.match(reports[0] ?? '', /local S3 crashed \(signal SIGKILL\).*restarting on port/)
    assert.match(reports[1] ?? '', new RegExp(`local S3 restarted on ${s3.endpoint}`))
    const got = await client.send(new GetObjectCommand({ Bucket: 'crash-test', Key: 'kept' }))
    assert.equal(await got.Body?.transformToString(), 'z')
    // a stop is not a crash: nothing reported, nothing restarted
    await s3.stop()
    await new Promise((resolve) => setTimeout(resolve, 300))
    assert.equal(s3.running, false)
    assert.equal(reports.length, 2)
  } finally {
    client.destroy()
    await s3.stop()
  }
})

test('an S3 port in use is a clear error', async () => {
  const busy = createServer()
  await new Promise<void>((listening) => busy.listen(0, '127.0.0.1', listening))
  const { port } = busy.address() as AddressInfo
  try {
    await assert.rejects(
      localS3Control({ host: '127.0.0.1', port, dir: join(dir, 's3-busy'), buckets: [] }),
      new RegExp(`local S3: port ${port} is already in use`),
    )
  } finally {
    busy.close()
  }
})
