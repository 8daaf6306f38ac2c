import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { gunzipSync } from 'node:zlib'
import { pickEncoding } from './compress.js'
import { binary, text } from './response.js'
import { toAlbResult } from './to-alb-result.js'
import type { AlbResultSingle } from './types.js'

const big = 'albkit '.repeat(1000)
const single = (r: Parameters<typeof toAlbResult>[0], acceptEncoding?: string) =>
  toAlbResult(r, { mode: 'single', compress: true, acceptEncoding }) as AlbResultSingle

describe('compress: Vary, ETag variants, ranges', () => {
  test('Vary: Accept-Encoding on a compressible answer even when not compressed', () => {
    for (const [body, accept] of [
      ['small', 'gzip'],
      [big, undefined],
      [big, 'identity'],
    ] as const) {
      const r = single(text(body), accept)
      assert.equal(r.headers['Content-Encoding'], undefined)
      assert.equal(r.headers.Vary, 'Accept-Encoding')
    }
  })
  test('no Vary for a non-compressible type, or when compress is off', () => {
    assert.equal(single(binary(Buffer.alloc(5000), 'image/png'), 'gzip').headers.Vary, undefined)
    const off = toAlbResult(text(big), {
      mode: 'single',
      acceptEncoding: 'gzip',
    }) as AlbResultSingle
    assert.equal(off.headers.Vary, undefined)
  })
  test('an existing Vary is kept and not duplicated', () => {
    assert.equal(
      single(text('x', { headers: { Vary: 'Origin' } })).headers.Vary,
      'Origin, Accept-Encoding',
    )
    assert.equal(
      single(text('x', { headers: { Vary: 'accept-encoding' } })).headers.Vary,
      'accept-encoding',
    )
  })
  test('a compressed variant gets its own ETag; weak/strong preserved', () => {
    const strong = single(text(big, { headers: { ETag: '"abc"' } }), 'gzip')
    assert.equal(strong.headers['Content-Encoding'], 'gzip')
    assert.equal(strong.headers.ETag, '"abc-gzip"')
    assert.equal(gunzipSync(Buffer.from(strong.body ?? '', 'base64')).toString(), big)
    const weak = single(text(big, { headers: { etag: 'W/"abc"' } }), 'br')
    assert.equal(weak.headers['Content-Encoding'], 'br')
    assert.equal(weak.headers.ETag, 'W/"abc-br"')
  })
  test('an uncompressed answer keeps its ETag', () => {
    assert.equal(single(text(big, { headers: { ETag: '"abc"' } })).headers.ETag, '"abc"')
  })
  test('never a 206, a Content-Range or an existing Content-Encoding', () => {
    const partial = single(
      text(big, { statusCode: 206, headers: { 'Content-Range': `bytes 0-6999/9000` } }),
      'gzip',
    )
    assert.equal(partial.headers['Content-Encoding'], undefined)
    assert.equal(partial.body, big)
    const ranged = single(text(big, { headers: { 'Content-Range': 'bytes 0-6999/7000' } }), 'gzip')
    assert.equal(ranged.headers['Content-Encoding'], undefined)
    const status206 = single(text(big, { statusCode: 206 }), 'gzip')
    assert.equal(status206.headers['Content-Encoding'], undefined)
    const coded = single(text(big, { headers: { 'Content-Encoding': 'br' } }), 'gzip')
    assert.equal(coded.headers['Content-Encoding'], 'br')
  })
})

describe('pickEncoding (the choice binary-response uses for its cached variants)', () => {
  test('absent, empty and identity → no coding', () => {
    assert.equal(pickEncoding(undefined), undefined)
    assert.equal(pickEncoding(''), undefined)
    assert.equal(pickEncoding('identity'), undefined)
    assert.equal(pickEncoding('deflate'), undefined)
  })
  test('br wins ties; q-values decide otherwise', () => {
    assert.equal(pickEncoding('gzip, deflate, br'), 'br')
    assert.equal(pickEncoding('gzip'), 'gzip')
    assert.equal(pickEncoding('br;q=0.5, gzip;q=0.8'), 'gzip')
    assert.equal(pickEncoding('GZIP;Q=1'), 'gzip')
  })
  test('q=0 refuses, * covers unlisted codings', () => {
    assert.equal(pickEncoding('br;q=0, gzip;q=0'), undefined)
    assert.equal(pickEncoding('*'), 'br')
    assert.equal(pickEncoding('br;q=0, *'), 'gzip')
    assert.equal(pickEncoding('*;q=0'), undefined)
  })
})
