import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { describe, test } from 'node:test'
import { gunzipSync } from 'node:zlib'
import { type AlbEvent, type AlbResult, type AlbResultSingle, validateResult } from '@albkit/core'
import { albEvent, healthCheckEvent } from '@albkit/core/testing'
import { bodyBytes, lambdaContext } from '@albkit/middy/testing'
import type { BinaryAppDeps } from './app.js'
import { createAssetRegistry } from './assets.js'
import { ASSET_DATA } from './generated/asset-data.js'
import { createHandler, depsFromEnv } from './handler.js'

function setup(bucket?: string) {
  const deps: BinaryAppDeps = {
    registry: createAssetRegistry(ASSET_DATA),
    oversized: {
      bucket,
      keyPrefix: 'binary/',
      expiresInSeconds: 300,
      presign: async () => async (b, k) => `https://s3.example/${b}/${k}?X-Amz-Signature=abc`,
    },
  }
  const handler = createHandler(deps, { log: () => {} })
  const invoke = async (event: AlbEvent): Promise<AlbResultSingle> => {
    const result = (await handler(event, lambdaContext())) as AlbResult
    assert.deepEqual(
      validateResult(result, 'single'),
      { errors: [], warnings: [] },
      'a valid single-value result',
    )
    assert.ok('headers' in result)
    return result
  }
  return { deps, invoke }
}
const bytesOf = bodyBytes
const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex')

describe('handler', () => {
  test('every embedded asset comes back base64, byte-identical, with its content type', async () => {
    const { invoke } = setup()
    for (const record of ASSET_DATA.filter((a) => a.base64 !== null)) {
      const r = await invoke(albEvent({ path: `/binary/${record.name}` }))
      assert.equal(r.statusCode, 200, record.name)
      assert.equal(r.statusDescription, '200 OK')
      assert.equal(r.isBase64Encoded, true, record.name)
      assert.equal(r.headers['Content-Type'], record.contentType)
      assert.equal(sha(bytesOf(r)), record.sha256, record.name)
    }
  })
  test('health checks are answered without decoding a single asset', async () => {
    const { deps, invoke } = setup()
    const r = await invoke(healthCheckEvent())
    assert.equal(r.statusCode, 200)
    assert.equal(deps.registry.decodedCount(), 0)
  })
  test('405 with Allow for other methods, 404 JSON for unknown names and paths', async () => {
    const { invoke } = setup()
    const post = await invoke(albEvent({ method: 'POST', path: '/binary/logo.png', body: 'x' }))
    assert.equal(post.statusCode, 405)
    assert.equal(post.headers.Allow, 'GET, HEAD')
    const missing = await invoke(albEvent({ path: '/binary/nope.png' }))
    assert.equal(missing.statusCode, 404)
    assert.match(missing.headers['Content-Type'] ?? '', /^application\/json/)
    assert.ok(JSON.parse(missing.body).assets.includes('logo.png'))
    assert.equal((await invoke(albEvent({ path: '/elsewhere' }))).statusCode, 404)
    assert.equal((await invoke(albEvent({ path: '/binary/../binary/logo.png' }))).statusCode, 404)
  })
  test('the listing names every asset and how it is delivered', async () => {
    const { invoke } = setup()
    const body = JSON.parse((await invoke(albEvent({ path: '/binary/' }))).body)
    assert.equal(body.assets.length, ASSET_DATA.length)
    assert.equal(
      body.assets.find((a: { name: string }) => a.name === 'large.bin').delivery,
      'unavailable',
    )
  })
  test('render.png: the query is decoded; bad input → 400', async () => {
    const { invoke } = setup()
    const ok = await invoke(
      albEvent({ path: '/binary/render.png', query: 'text=a%20b&size=32&fg=%23ff0000' }),
    )
    assert.equal(ok.statusCode, 200)
    assert.equal(ok.headers['Content-Type'], 'image/png')
    assert.deepEqual(bytesOf(ok).subarray(1, 4), Buffer.from('PNG'))
    const bad = await invoke(albEvent({ path: '/binary/render.png', query: 'size=1000' }))
    assert.equal(bad.statusCode, 400)
    assert.match(JSON.parse(bad.body).problems[0], /16 to 512/)
  })
  test('gzip for text with Vary; 206 and 304 through the whole stack', async () => {
    const { invoke } = setup()
    const gz = await invoke(
      albEvent({ path: '/binary/notes.txt', headers: { 'accept-encoding': 'gzip' } }),
    )
    assert.equal(gz.headers['Content-Encoding'], 'gzip')
    assert.equal(gz.headers.Vary, 'Accept-Encoding')
    assert.equal(gz.isBase64Encoded, true)
    assert.match(gunzipSync(bytesOf(gz)).toString(), /^albkit binary-response/)
    const part = await invoke(
      albEvent({ path: '/binary/logo.png', headers: { range: 'bytes=0-7' } }),
    )
    assert.equal(part.statusCode, 206)
    assert.equal(part.statusDescription, '206 Partial Content')
    assert.equal(bytesOf(part).length, 8)
    const etag = part.headers.ETag ?? ''
    const cached = await invoke(
      albEvent({ path: '/binary/logo.png', headers: { 'if-none-match': etag } }),
    )
    assert.equal(cached.statusCode, 304)
    assert.equal(cached.body, '')
  })
  test('the oversized asset: 501 without a bucket, 307 to a presigned URL with one', async () => {
    const none = await setup().invoke(albEvent({ path: '/binary/large.bin' }))
    assert.equal(none.statusCode, 501)
    assert.equal(JSON.parse(none.body).base64Bytes, 1_066_668)
    const bucket = await setup('assets-bucket').invoke(albEvent({ path: '/binary/large.bin' }))
    assert.equal(bucket.statusCode, 307)
    assert.equal(
      bucket.headers.Location,
      'https://s3.example/assets-bucket/binary/large.bin?X-Amz-Signature=abc',
    )
  })
  test('depsFromEnv reads ASSETS_BUCKET and ASSETS_PREFIX', () => {
    const deps = depsFromEnv({ ASSETS_BUCKET: 'b', ASSETS_PREFIX: 'p/' })
    assert.equal(deps.oversized.bucket, 'b')
    assert.equal(deps.oversized.keyPrefix, 'p/')
    assert.equal(depsFromEnv({}).oversized.keyPrefix, 'binary/')
  })
})
