/**
 * Every app under `pnpm offline <app>` (serverless-offline behind the offline bridge) answers its
 * main routes with the right bytes (issue 17, item 5). Each app is started from its own
 * serverless.yml on free ports, with a throwaway local S3.
 */
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { appPaths, findRoot } from '../workspace.js'
import { type OfflineBridge, startOfflineBridge } from './start-offline-bridge.js'

const ROOT = findRoot(fileURLToPath(import.meta.url))
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** Start one app under the bridge for the enclosing describe(). */
function offlineApp(name: string): () => OfflineBridge {
  let bridge: OfflineBridge | undefined
  let s3dir = ''
  before(async () => {
    s3dir = await mkdtemp(join(tmpdir(), 'albkit-offline-s3-'))
    bridge = await startOfflineBridge({
      serverlessYml: appPaths(ROOT, name).serverless,
      port: 0,
      s3: { port: 0, dir: s3dir },
    })
  })
  after(async () => {
    await bridge?.stop()
    await rm(s3dir, { recursive: true, force: true })
  })
  return () => {
    if (bridge === undefined) throw new Error(`${name} did not start`)
    return bridge
  }
}

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(20_000) })
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) }
}

describe('pnpm offline whats-my-ip', () => {
  const app = offlineApp('whats-my-ip')

  test('GET /ip: 200, the address the front vouches for', async () => {
    const { response, bytes } = await get(`${app().url}/ip`)
    assert.equal(response.status, 200)
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain/)
    assert.equal(Buffer.from(bytes).toString('utf8').trim(), '127.0.0.1')
  })

  test('GET /ip as a browser: an HTML page showing 127.0.0.1', async () => {
    const { response, bytes } = await get(`${app().url}/ip`, { accept: 'text/html' })
    assert.equal(response.status, 200)
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/)
    assert.match(Buffer.from(bytes).toString('utf8'), /<h1>127\.0\.0\.1<\/h1>/)
  })

  test('the function sees the headers an ALB adds: peer appended, port, proto, trace id', async () => {
    const { response, bytes } = await get(`${app().url}/ip?format=json`, {
      'x-forwarded-for': '203.0.113.9',
    })
    assert.equal(response.status, 200)
    const seen = JSON.parse(Buffer.from(bytes).toString('utf8'))
    assert.equal(seen.address, '127.0.0.1')
    assert.deepEqual(seen.forwardedFor, ['203.0.113.9', '127.0.0.1'])
    assert.equal(seen.proto, 'http')
    assert.equal(seen.port, Number(new URL(app().url).port))
    assert.match(seen.traceId, /^1-[0-9a-f]{8}-[0-9a-f]{24}$/)
  })
})

describe('pnpm offline binary-response', () => {
  const app = offlineApp('binary-response')
  const asset = (name: string) => readFile(join(ROOT, 'apps/binary-response/assets', name))

  for (const [name, type] of [
    ['logo.png', 'image/png'],
    ['random.bin', 'application/octet-stream'],
  ] as const) {
    test(`GET /binary/${name}: 200, ${type}, the asset's SHA-256`, async () => {
      const { response, bytes } = await get(`${app().url}/binary/${name}`)
      assert.equal(response.status, 200)
      assert.equal(response.headers.get('content-type'), type)
      assert.equal(sha256(bytes), sha256(await asset(name)))
    })
  }

  test('GET /binary/render.png: a 128 × 128 PNG', async () => {
    const { response, bytes } = await get(`${app().url}/binary/render.png?text=albkit`)
    assert.equal(response.status, 200)
    assert.equal(response.headers.get('content-type'), 'image/png')
    const png = Buffer.from(bytes)
    assert.equal(png.subarray(0, 8).toString('hex'), '89504e470d0a1a0a')
    assert.equal(png.readUInt32BE(16), 128) // IHDR width
    assert.equal(png.readUInt32BE(20), 128) // IHDR height
  })
})

describe('pnpm offline health-checker', () => {
  const app = offlineApp('health-checker')

  test('GET /health: 200, and the S3 probe reaches its bucket in the local S3', async () => {
    const { response, bytes } = await get(`${app().url}/health?format=json`)
    assert.equal(response.status, 200, Buffer.from(bytes).toString('utf8'))
    const report = JSON.parse(Buffer.from(bytes).toString('utf8'))
    const probe = report.probes.find((p: { name: string }) => p.name === 'probe-bucket')
    assert.equal(probe?.ok, true, JSON.stringify(report))
  })
})

describe('pnpm offline upload-to-s3', () => {
  const app = offlineApp('upload-to-s3')

  /** The object as the local S3 holds it (s3rver answers unsigned path-style GETs). */
  async function stored(key: string): Promise<Uint8Array> {
    const bridge = app()
    const { response, bytes } = await get(`${bridge.s3Endpoint ?? ''}/${bridge.buckets[0]}/${key}`)
    assert.equal(response.status, 200, `${key} is not in the local S3`)
    return bytes
  }

  test('GET /upload: 200, the form', async () => {
    const { response, bytes } = await get(`${app().url}/upload`, { accept: 'text/html' })
    assert.equal(response.status, 200)
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/)
    assert.match(Buffer.from(bytes).toString('utf8'), /<form[^>]*multipart\/form-data/)
  })

  test('PUT /upload/<name> and a multipart POST: 201, stored byte for byte in the local S3', async () => {
    const text = Buffer.from('hello from pnpm offline\n')
    const binary = Buffer.from(Array.from({ length: 256 }, (_, i) => i))
    const put = await fetch(`${app().url}/upload/hello.txt`, {
      method: 'PUT',
      body: text,
      headers: { 'content-type': 'text/plain' },
    })
    const form = new FormData()
    form.append('file', new Blob([binary], { type: 'application/octet-stream' }), 'bytes.bin')
    const post = await fetch(`${app().url}/upload`, {
      method: 'POST',
      body: form,
      headers: { accept: 'application/json' },
    })
    for (const [response, sent] of [
      [put, text],
      [post, binary],
    ] as const) {
      const body = await response.text()
      assert.equal(response.status, 201, body)
      const key = (JSON.parse(body) as { files: Array<{ key: string }> }).files[0]?.key ?? ''
      assert.equal(sha256(await stored(key)), sha256(sent))
    }
  })
})
