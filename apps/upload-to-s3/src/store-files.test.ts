import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { type LocalAlb, localS3Environment } from '@albkit/local'
import { s3Backend } from './s3-client.js'
import { type FileToStore, storeFiles } from './store-files.js'
import { allBytes, FakeStore, networkError, s3Error, s3Etag, withEnv } from './test-fixtures.js'
import { startUploadStack, type TestStack } from './test-stack.js'

const file = (name: string, bytes: Buffer): FileToStore => ({
  name,
  key: `uploads/d/id/${name}`,
  contentType: 'application/octet-stream',
  bytes,
})
const three = () => [
  file('a.bin', allBytes(1)),
  file('b.bin', allBytes(2)),
  file('c.bin', Buffer.from('c')),
]

describe('storeFiles', () => {
  test('all stored → 201, exact bytes, SHA-256 as the object checksum', async () => {
    const store = new FakeStore()
    const files = three()
    const outcome = await storeFiles(files, { store, bucket: 'bkt' })
    assert.equal(outcome.statusCode, 201)
    assert.equal(outcome.retryAfterSeconds, undefined)
    assert.equal(outcome.files.length, 3)
    for (const [i, f] of files.entries()) {
      const put = store.puts.find((p) => p.Key === f.key)
      assert.ok(put)
      assert.equal(put.Bucket, 'bkt')
      assert.equal(put.ContentLength, f.bytes.length)
      assert.equal(put.ContentType, 'application/octet-stream')
      assert.equal(put.ChecksumSHA256, createHash('sha256').update(f.bytes).digest('base64'))
      assert.deepEqual(store.objects.get(f.key), f.bytes)
      const result = outcome.files[i]
      assert.equal(result?.status, 'stored')
      assert.equal(result?.sha256, createHash('sha256').update(f.bytes).digest('hex'))
      assert.equal(result?.size, f.bytes.length)
      assert.equal(result?.key, f.key)
      // The ETag reported is the one the store gave this very file (the fake answers as S3 does;
      // the test below checks S3's answer against the embedded S3).
      assert.equal(result?.status === 'stored' ? result.etag : undefined, s3Etag(f.bytes))
    }
  })

  test('S3 unreachable → 503 + Retry-After, nothing reported stored', async () => {
    const store = new FakeStore(() => networkError())
    const outcome = await storeFiles(three(), { store, bucket: 'b', concurrency: 1 })
    assert.equal(outcome.statusCode, 503)
    assert.equal(outcome.retryAfterSeconds, 5)
    assert.match(outcome.error ?? '', /unreachable.*0 of 3/)
    assert.deepEqual(
      outcome.files.map((f) => f.status),
      ['failed', 'not-attempted', 'not-attempted'],
    )
    assert.equal(store.puts.length, 1, 'stops starting files after the first failure')
  })

  test('partial failure: the stored file is reported, the rest are not', async () => {
    const store = new FakeStore((_input, call) =>
      call === 1 ? s3Error('SlowDown', 503) : undefined,
    )
    const outcome = await storeFiles(three(), { store, bucket: 'b', concurrency: 1 })
    assert.equal(outcome.statusCode, 503)
    assert.deepEqual(
      outcome.files.map((f) => f.status),
      ['stored', 'failed', 'not-attempted'],
    )
    assert.match(outcome.error ?? '', /1 of 3/)
    assert.equal(store.objects.size, 1)
  })

  test('with parallel puts every acknowledged file, and only those, is stored', async () => {
    const store = new FakeStore((input) =>
      input.Key.endsWith('b.bin') ? s3Error('InternalError', 500) : undefined,
    )
    const outcome = await storeFiles(three(), { store, bucket: 'b', concurrency: 2 })
    assert.equal(outcome.statusCode, 503)
    for (const result of outcome.files) {
      assert.equal(result.status === 'stored', store.objects.has(result.key), result.key)
    }
  })

  test('S3 refuses (AccessDenied) → 502, logged with the raw error', async () => {
    const logged: unknown[] = []
    const store = new FakeStore(() => s3Error('AccessDenied', 403))
    const outcome = await storeFiles([file('a', Buffer.from('a'))], {
      store,
      bucket: 'b',
      onError: (e) => logged.push(e),
    })
    assert.equal(outcome.statusCode, 502)
    assert.equal(outcome.retryAfterSeconds, undefined)
    assert.match(outcome.error ?? '', /refused.*AccessDenied/)
    assert.equal(logged.length, 1)
  })

  test('a non-S3 error → 500, message without internals', async () => {
    const store = new FakeStore(() => new TypeError('secret internals'))
    const outcome = await storeFiles([file('a', Buffer.from('a'))], { store, bucket: 'b' })
    assert.equal(outcome.statusCode, 500)
    assert.ok(!JSON.stringify(outcome).includes('secret internals'))
  })
})

describe('storeFiles against the embedded S3 (what the fake must imitate)', () => {
  let stack: TestStack | undefined
  let alb: LocalAlb
  before(async () => {
    stack = await startUploadStack('albkit-store-')
    alb = stack.alb
  })
  after(async () => {
    await stack?.close()
  })

  test('each file reports the ETag S3 gave it: the quoted MD5 of its bytes', async () => {
    const bucket = alb.config.buckets[0]?.bucketName
    assert.ok(bucket && alb.s3Endpoint, 'the template declares a bucket and local S3 runs')
    const env = localS3Environment(alb.s3Endpoint)
    const files = three()
    const outcome = await withEnv(env, () =>
      storeFiles(files, { store: s3Backend(env).store, bucket, concurrency: 2 }),
    )
    assert.equal(outcome.statusCode, 201, outcome.error)
    assert.deepEqual(
      outcome.files.map((f) => (f.status === 'stored' ? f.etag : f.status)),
      files.map((f) => s3Etag(f.bytes)),
    )
  })
})
