import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { AlbError } from '@albkit/core'
import { createAssetRegistry } from './assets.js'
import { ASSET_DATA } from './generated/asset-data.js'
import { type OversizedOptions, oversizedResponse } from './oversized.js'

const large = createAssetRegistry(ASSET_DATA).get('large.bin')
assert.ok(large)
const calls: Array<[string, string, number]> = []
const options = (bucket: string | undefined): OversizedOptions => ({
  bucket,
  keyPrefix: 'binary/',
  expiresInSeconds: 300,
  presign: async () => async (b, k, e) => {
    calls.push([b, k, e])
    return `https://${b}.s3.example/${k}?X-Amz-Expires=${e}`
  },
})

describe('oversizedResponse', () => {
  test('no bucket → 501 with the arithmetic, not cached', async () => {
    for (const bucket of [undefined, '', '  ']) {
      const r = await oversizedResponse(large, options(bucket))
      assert.equal(r.statusCode, 501)
      assert.equal(r.headers?.['Cache-Control'], 'no-store')
      const body = JSON.parse(String(r.body))
      assert.equal(body.bytes, 800_000)
      assert.equal(body.base64Bytes, 1_066_668)
      assert.equal(body.limitBytes, 1_000_000)
      assert.equal(body.maxRawBytes, 746_928)
    }
  })
  test('a bucket → 307 to the presigned URL of prefix + name, never cached', async () => {
    const r = await oversizedResponse(large, options('assets-bucket'))
    assert.equal(r.statusCode, 307)
    assert.equal(
      r.headers?.Location,
      'https://assets-bucket.s3.example/binary/large.bin?X-Amz-Expires=300',
    )
    assert.equal(r.headers?.['Cache-Control'], 'no-store')
    assert.deepEqual(calls.at(-1), ['assets-bucket', 'binary/large.bin', 300])
  })
  test('a failing presigner → AlbError 500 that exposes nothing', async () => {
    const failing: OversizedOptions = {
      ...options('b'),
      presign: async () => Promise.reject(new Error('no credentials')),
    }
    await assert.rejects(
      oversizedResponse(large, failing),
      (e: unknown) => e instanceof AlbError && e.statusCode === 500 && !e.expose,
    )
  })
})
