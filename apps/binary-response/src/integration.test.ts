/**
 * End to end through the local load balancer (@albkit/local), read from the same SAM templates
 * that deploy the app: real HTTP, real bundle (dist/index.mjs), real ALB event and result rules.
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { type LocalAlb, localS3ClientConfig, start } from '@albkit/local'
import { largeAssetBytes } from '../scripts/asset-writers.js'
import { ASSET_DATA } from './generated/asset-data.js'
import { renderPng } from './render-route.js'
import { decodePng } from './testing/png-reader.js'

const appDir = fileURLToPath(new URL('..', import.meta.url))
const repo = join(appDir, '../..')
const templates = [
  join(repo, 'templates/sam/alb.yaml'),
  join(repo, 'templates/sam/binary-response.yaml'),
]
const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex')
const embedded = ASSET_DATA.filter((a) => a.base64 !== null)

/** GET without any automatic decompression: the bytes exactly as the balancer sent them. */
function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      )
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

let tmp: string

before(async () => {
  // Test the bundle that deploys, freshly built.
  const build = spawnSync(process.execPath, ['build.mjs'], { cwd: appDir, encoding: 'utf8' })
  assert.equal(build.status, 0, build.stderr)
  tmp = await mkdtemp(join(tmpdir(), 'albkit-binary-'))
})
after(async () => {
  await rm(tmp, { recursive: true, force: true })
})

describe('through the local load balancer (no bucket)', () => {
  let alb: LocalAlb
  before(async () => {
    alb = await start({
      templates,
      port: 0,
      adminPort: 0,
      s3: false,
      quiet: true,
      logDir: join(tmp, 'logs'),
    })
  })
  after(() => alb.close())

  test('every bundled asset arrives byte-identical (SHA-256 of the source file)', async () => {
    for (const asset of embedded) {
      const res = await fetch(`${alb.url}/binary/${asset.name}`)
      assert.equal(res.status, 200, asset.name)
      assert.equal(res.headers.get('content-type'), asset.contentType)
      // fetch asks for gzip/br and decodes transparently: text and SVG come compressed
      const coding = res.headers.get('content-encoding')
      const tag = asset.sha256.slice(0, 16)
      assert.equal(res.headers.get('etag'), coding ? `"${tag}-${coding}"` : `"${tag}"`)
      assert.equal(res.headers.get('cache-control'), 'public, max-age=86400')
      const source = await readFile(join(appDir, 'assets', asset.name))
      assert.equal(sha(new Uint8Array(await res.arrayBuffer())), sha(source), asset.name)
    }
  })

  test('rendered PNGs arrive byte-identical and decode (signature, IHDR, CRCs, rows)', async () => {
    const cases = [
      {
        query: 'text=ada&size=64',
        params: { text: 'ada', size: 64, fg: undefined, bg: [240, 240, 240] },
      },
      {
        query: 'text=h%C3%A9llo+world&size=512&fg=%23123&bg=ffffff',
        params: { text: 'héllo world', size: 512, fg: [0x11, 0x22, 0x33], bg: [255, 255, 255] },
      },
      {
        query: 'size=16',
        params: { text: 'albkit', size: 16, fg: undefined, bg: [240, 240, 240] },
      },
    ] as const
    for (const { query, params } of cases) {
      const res = await fetch(`${alb.url}/binary/render.png?${query}`)
      assert.equal(res.status, 200, query)
      assert.equal(res.headers.get('content-type'), 'image/png')
      const body = Buffer.from(await res.arrayBuffer())
      const expected = renderPng({
        ...params,
        fg: params.fg ? [...params.fg] : undefined,
        bg: [...params.bg],
      })
      assert.equal(sha(body), sha(expected), query)
      const png = decodePng(body)
      assert.equal(png.width, params.size)
      assert.equal(png.rows.length, params.size)
    }
  })

  test('render parameters beyond the bounds → 400 naming the bounds', async () => {
    const res = await fetch(`${alb.url}/binary/render.png?size=4096&fg=nothex`)
    assert.equal(res.status, 400)
    assert.equal(res.headers.get('cache-control'), 'no-store')
    const body = (await res.json()) as {
      problems: string[]
      bounds: { size: { min: number; max: number } }
    }
    assert.equal(body.problems.length, 2)
    assert.deepEqual([body.bounds.size.min, body.bounds.size.max], [16, 512])
  })

  test('If-None-Match → 304, for assets and rendered images', async () => {
    for (const path of ['/binary/sample.pdf', '/binary/render.png?text=ada']) {
      const first = await fetch(`${alb.url}${path}`)
      await first.arrayBuffer()
      const etag = first.headers.get('etag') ?? ''
      assert.ok(etag.startsWith('"'))
      const again = await fetch(`${alb.url}${path}`, { headers: { 'if-none-match': etag } })
      assert.equal(again.status, 304, path)
      assert.equal(again.headers.get('etag'), etag)
      assert.equal((await again.arrayBuffer()).byteLength, 0)
    }
  })

  test('Range → 206 with the exact slice; unsatisfiable → 416 with bytes */size', async () => {
    const source = await readFile(join(appDir, 'assets', 'random.bin'))
    const part = await fetch(`${alb.url}/binary/random.bin`, {
      headers: { range: 'bytes=100-199' },
    })
    assert.equal(part.status, 206)
    assert.equal(part.headers.get('content-range'), `bytes 100-199/${source.length}`)
    assert.deepEqual(Buffer.from(await part.arrayBuffer()), source.subarray(100, 200))
    const suffix = await fetch(`${alb.url}/binary/sample.pdf`, { headers: { range: 'bytes=-6' } })
    assert.equal(suffix.status, 206)
    assert.equal(Buffer.from(await suffix.arrayBuffer()).toString('latin1'), '%%EOF\n')
    const bad = await fetch(`${alb.url}/binary/random.bin`, {
      headers: { range: `bytes=${source.length}-` },
    })
    assert.equal(bad.status, 416)
    assert.equal(bad.headers.get('content-range'), `bytes */${source.length}`)
    await bad.arrayBuffer()
  })

  test('HEAD → the GET headers without a body', async () => {
    const res = await fetch(`${alb.url}/binary/archive.zip`, { method: 'HEAD' })
    assert.equal(res.status, 200)
    assert.equal(res.headers.get('content-type'), 'application/zip')
    assert.equal(res.headers.get('accept-ranges'), 'bytes')
    assert.equal((await res.arrayBuffer()).byteLength, 0)
  })

  test('gzip and br for text and SVG, with Vary; PNG stays identity', async () => {
    for (const name of ['notes.txt', 'diagram.svg']) {
      const source = await readFile(join(appDir, 'assets', name))
      const gz = await rawGet(`${alb.url}/binary/${name}`, { 'accept-encoding': 'gzip' })
      assert.equal(gz.headers['content-encoding'], 'gzip', name)
      assert.equal(gz.headers.vary, 'Accept-Encoding')
      assert.ok(gz.body.length < source.length)
      assert.equal(sha(gunzipSync(gz.body)), sha(source))
      const br = await rawGet(`${alb.url}/binary/${name}`, {
        'accept-encoding': 'br;q=1, gzip;q=0.5',
      })
      assert.equal(br.headers['content-encoding'], 'br', name)
      assert.equal(sha(brotliDecompressSync(br.body)), sha(source))
      const identity = await rawGet(`${alb.url}/binary/${name}`, {})
      assert.equal(identity.headers['content-encoding'], undefined)
      assert.equal(identity.headers.vary, 'Accept-Encoding')
      assert.equal(sha(identity.body), sha(source))
    }
    const png = await rawGet(`${alb.url}/binary/logo.png`, { 'accept-encoding': 'gzip, br' })
    assert.equal(png.headers['content-encoding'], undefined)
  })

  test('the oversized asset without a bucket: a clear 501 with the arithmetic, never a 502', async () => {
    const res = await fetch(`${alb.url}/binary/large.bin`)
    assert.equal(res.status, 501)
    const body = (await res.json()) as Record<string, number>
    assert.equal(body.bytes, 800_000)
    assert.equal(body.base64Bytes, 1_066_668)
    assert.equal(body.limitBytes, 1_000_000)
  })

  test('405 with Allow; 404 JSON for an unknown asset', async () => {
    const post = await fetch(`${alb.url}/binary/logo.png`, { method: 'POST', body: 'x' })
    assert.equal(post.status, 405)
    assert.equal(post.headers.get('allow'), 'GET, HEAD')
    await post.arrayBuffer()
    const missing = await fetch(`${alb.url}/binary/missing.gif`)
    assert.equal(missing.status, 404)
    assert.match(missing.headers.get('content-type') ?? '', /^application\/json/)
    await missing.arrayBuffer()
  })
})

describe('through the local load balancer with an assets bucket (embedded S3)', () => {
  const bucket = 'albkit-binary-assets'
  let alb: LocalAlb
  before(async () => {
    alb = await start({
      templates,
      port: 0,
      adminPort: 0,
      s3: { port: 0, dir: join(tmp, 's3') },
      env: { ASSETS_BUCKET: bucket },
      quiet: true,
      logDir: join(tmp, 'logs-s3'),
    })
    const { CreateBucketCommand, PutObjectCommand, S3Client } = await import('@aws-sdk/client-s3')
    assert.ok(alb.s3Endpoint, 'local S3 runs')
    const s3 = new S3Client(localS3ClientConfig(alb.s3Endpoint))
    await s3.send(new CreateBucketCommand({ Bucket: bucket }))
    // the deploy step: aws s3 cp assets/large.bin s3://<bucket>/binary/large.bin
    await s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: 'binary/large.bin', Body: largeAssetBytes() }),
    )
    s3.destroy()
  })
  after(() => alb.close())

  test('the oversized asset → 307 to a presigned URL that serves the exact bytes', async () => {
    const res = await fetch(`${alb.url}/binary/large.bin`, { redirect: 'manual' })
    assert.equal(res.status, 307)
    assert.equal(res.headers.get('cache-control'), 'no-store')
    const location = new URL(res.headers.get('location') ?? '')
    assert.equal(location.pathname, `/${bucket}/binary/large.bin`)
    assert.equal(location.searchParams.get('X-Amz-Expires'), '300')
    const object = await fetch(location)
    assert.equal(object.status, 200)
    const large = ASSET_DATA.find((a) => a.name === 'large.bin')
    assert.equal(sha(new Uint8Array(await object.arrayBuffer())), large?.sha256)
  })

  test('HEAD and If-None-Match for the oversized asset are answered without S3', async () => {
    const head = await fetch(`${alb.url}/binary/large.bin`, { method: 'HEAD' })
    assert.equal(head.status, 200)
    assert.equal(head.headers.get('content-type'), 'application/octet-stream')
    const etag = head.headers.get('etag') ?? ''
    const cached = await fetch(`${alb.url}/binary/large.bin`, {
      headers: { 'if-none-match': etag },
    })
    assert.equal(cached.status, 304)
  })
})
