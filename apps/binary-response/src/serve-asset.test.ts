import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { describe, test } from 'node:test'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import type { HttpResponse } from '@albkit/core'
import { createAssetRegistry } from './assets.js'
import { ASSET_DATA } from './generated/asset-data.js'
import { type AssetRequest, serveAsset } from './serve-asset.js'

const registry = createAssetRegistry(ASSET_DATA)
function asset(name: string) {
  const a = registry.get(name)
  assert.ok(a, name)
  return a
}
function req(headers: Record<string, string> = {}, method: 'GET' | 'HEAD' = 'GET'): AssetRequest {
  return { method, header: (n) => headers[n] }
}
const bodyOf = (r: HttpResponse): Buffer => Buffer.from(r.body ?? '')
const h = (r: HttpResponse, name: string): unknown => r.headers?.[name]

describe('serveAsset', () => {
  test('200 with the exact bytes, content type, ETag, Cache-Control, Accept-Ranges', () => {
    for (const a of registry.list().filter((x) => x.embedded)) {
      const r = serveAsset(a, req())
      assert.equal(r.statusCode, 200)
      assert.equal(createHash('sha256').update(bodyOf(r)).digest('hex'), a.sha256, a.name)
      assert.equal(h(r, 'Content-Type'), a.contentType)
      assert.equal(h(r, 'ETag'), a.etag)
      assert.equal(h(r, 'Cache-Control'), 'public, max-age=86400')
      assert.equal(h(r, 'Accept-Ranges'), 'bytes')
    }
  })
  test('If-None-Match → 304 without a body (strong, weak, *, list)', () => {
    const logo = asset('logo.png')
    for (const inm of [logo.etag, `W/${logo.etag}`, '*', `"x", ${logo.etag}`]) {
      const r = serveAsset(logo, req({ 'if-none-match': inm }))
      assert.equal(r.statusCode, 304, inm)
      assert.equal(bodyOf(r).length, 0)
      assert.equal(h(r, 'ETag'), logo.etag)
    }
    assert.equal(serveAsset(logo, req({ 'if-none-match': '"nope"' })).statusCode, 200)
  })
  test('HEAD → 200 headers, no body, Range ignored', () => {
    const r = serveAsset(asset('sample.pdf'), req({ range: 'bytes=0-3' }, 'HEAD'))
    assert.equal(r.statusCode, 200)
    assert.equal(h(r, 'Content-Type'), 'application/pdf')
    assert.equal(bodyOf(r).length, 0)
  })
  test('Range → 206 with Content-Range and the slice', () => {
    const pdf = asset('sample.pdf')
    const r = serveAsset(pdf, req({ range: 'bytes=0-7' }))
    assert.equal(r.statusCode, 206)
    assert.equal(h(r, 'Content-Range'), `bytes 0-7/${pdf.size}`)
    assert.equal(bodyOf(r).toString('latin1'), '%PDF-1.4')
    const tail = serveAsset(pdf, req({ range: 'bytes=-6' }))
    assert.equal(bodyOf(tail).toString('latin1'), '%%EOF\n')
  })
  test('unsatisfiable Range → 416 with bytes */size, not cached', () => {
    const bin = asset('random.bin')
    const r = serveAsset(bin, req({ range: `bytes=${bin.size}-` }))
    assert.equal(r.statusCode, 416)
    assert.equal(h(r, 'Content-Range'), `bytes */${bin.size}`)
    assert.equal(h(r, 'Cache-Control'), 'no-store')
  })
  test('several ranges or a stale If-Range → the whole body, 200', () => {
    const bin = asset('random.bin')
    assert.equal(serveAsset(bin, req({ range: 'bytes=0-1,5-6' })).statusCode, 200)
    const stale = serveAsset(bin, req({ range: 'bytes=0-1', 'if-range': '"old"' }))
    assert.equal(stale.statusCode, 200)
    assert.equal(bodyOf(stale).length, bin.size)
    assert.equal(serveAsset(bin, req({ range: 'bytes=0-1', 'if-range': bin.etag })).statusCode, 206)
  })
  test('gzip and br for compressible types, with Vary and a per-coding ETag', () => {
    const svg = asset('diagram.svg')
    const gz = serveAsset(svg, req({ 'accept-encoding': 'gzip' }))
    assert.equal(h(gz, 'Content-Encoding'), 'gzip')
    assert.equal(h(gz, 'Vary'), 'Accept-Encoding')
    assert.equal(h(gz, 'ETag'), svg.etagFor('gzip'))
    assert.deepEqual(gunzipSync(bodyOf(gz)), svg.bytes())
    const br = serveAsset(svg, req({ 'accept-encoding': 'gzip, br' }))
    assert.equal(h(br, 'Content-Encoding'), 'br')
    assert.deepEqual(brotliDecompressSync(bodyOf(br)), svg.bytes())
    const plain = serveAsset(svg, req())
    assert.equal(h(plain, 'Content-Encoding'), undefined)
    assert.equal(h(plain, 'Vary'), 'Accept-Encoding', 'identity answers vary too')
    assert.equal(
      serveAsset(svg, req({ 'accept-encoding': 'gzip', 'if-none-match': svg.etagFor('gzip') }))
        .statusCode,
      304,
    )
  })
  test('never compresses PNGs, and never a 206', () => {
    const logo = serveAsset(asset('logo.png'), req({ 'accept-encoding': 'gzip, br' }))
    assert.equal(h(logo, 'Content-Encoding'), undefined)
    assert.equal(h(logo, 'Vary'), undefined)
    const part = serveAsset(
      asset('notes.txt'),
      req({ 'accept-encoding': 'br', range: 'bytes=0-4' }),
    )
    assert.equal(part.statusCode, 206)
    assert.equal(h(part, 'Content-Encoding'), undefined)
    assert.equal(bodyOf(part).toString(), 'albki')
  })
  test('zip and octet-stream download as attachments; SVG is sandboxed', () => {
    assert.equal(
      h(serveAsset(asset('archive.zip'), req()), 'Content-Disposition'),
      'attachment; filename="archive.zip"',
    )
    assert.match(
      String(h(serveAsset(asset('diagram.svg'), req()), 'Content-Security-Policy')),
      /sandbox/,
    )
  })
  test('HEAD and 304 of the non-embedded asset need no bytes', () => {
    const large = asset('large.bin')
    assert.equal(serveAsset(large, req({}, 'HEAD')).statusCode, 200)
    assert.equal(serveAsset(large, req({ 'if-none-match': large.etag })).statusCode, 304)
  })
})
