import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { gunzipSync } from 'node:zlib'
import { AlbError } from './errors.js'
import { ALB_MAX_RESPONSE_BYTES } from './limits.js'
import { binary, html, json, text } from './response.js'
import { toAlbResult } from './to-alb-result.js'
import type { AlbResultMulti, AlbResultSingle } from './types.js'
import { validateResult } from './validate.js'

const single = (r: Parameters<typeof toAlbResult>[0], o: object = {}) =>
  toAlbResult(r, { mode: 'single', ...o }) as AlbResultSingle
const multi = (r: Parameters<typeof toAlbResult>[0], o: object = {}) =>
  toAlbResult(r, { mode: 'multi', ...o }) as AlbResultMulti
const silence = <T>(fn: () => T): T => {
  const { warn, error } = console
  console.warn = () => {}
  console.error = () => {}
  try {
    return fn()
  } finally {
    console.warn = warn
    console.error = error
  }
}

describe('toAlbResult', () => {
  test('reproduces the AWS example response', () => {
    assert.deepEqual(
      single(html('<h1>Hello from Lambda!</h1>', { headers: { 'Content-Type': 'text/html' } })),
      {
        statusCode: 200,
        statusDescription: '200 OK',
        isBase64Encoded: false,
        headers: { 'Content-Type': 'text/html', 'X-Content-Type-Options': 'nosniff' },
        body: '<h1>Hello from Lambda!</h1>',
      },
    )
  })
  test('exactly the header field of the mode', () => {
    const s = single(text('x'))
    assert.ok('headers' in s && !('multiValueHeaders' in s))
    const m = multi(text('x'))
    assert.ok('multiValueHeaders' in m && !('headers' in m))
    assert.deepEqual(m.multiValueHeaders, {
      'Content-Type': ['text/plain; charset=utf-8'],
      'X-Content-Type-Options': ['nosniff'],
    })
  })
  test('statusDescription always "<code> <reason>", custom kept only when well-formed', () => {
    assert.equal(single({ statusCode: 499 }).statusDescription, '499 Unknown')
    assert.equal(
      single({ statusCode: 200, statusDescription: '200 Fine' }).statusDescription,
      '200 Fine',
    )
    assert.equal(
      single({ statusCode: 200, statusDescription: '404 Nope' }).statusDescription,
      '200 OK',
    )
    assert.equal(
      single({ statusCode: 200, statusDescription: '200 a\r\nb' }).statusDescription,
      '200 OK',
    )
  })
  test('a non-object response is AlbError 500', () => {
    for (const r of [null, undefined, 'x', 1]) {
      assert.throws(
        () => single(r as unknown as { statusCode: number }),
        (e: unknown) => e instanceof AlbError && e.statusCode === 500,
      )
    }
  })
  test('an invalid status code is AlbError 500', () => {
    for (const statusCode of [99, 600, 200.5, Number.NaN]) {
      assert.throws(
        () => single({ statusCode }),
        (e: unknown) => e instanceof AlbError && e.statusCode === 500,
      )
    }
  })
  test('header values coerced to strings, null/undefined dropped, names canonical, hop-by-hop dropped', () => {
    const headers = {
      'content-type': 'text/plain',
      etag: '"1"',
      'x-n': 5,
      'x-b': true,
      'x-null': null,
      'x-u': undefined,
      connection: 'close',
      'Transfer-Encoding': 'chunked',
      'content-length': 3,
      'keep-alive': 'x',
      upgrade: 'h2',
      te: 'x',
      trailer: 'x',
      'proxy-authenticate': 'x',
    } as unknown as Record<string, string>
    const r = single({ statusCode: 200, headers, body: 'abc' })
    assert.deepEqual(r.headers, {
      'Content-Type': 'text/plain',
      ETag: '"1"',
      'X-N': '5',
      'X-B': 'true',
      'X-Content-Type-Options': 'nosniff',
    })
    assert.deepEqual(validateResult(r, 'single'), { errors: [], warnings: [] })
  })
  test('array header values: separate in multi, comma-joined in single', () => {
    const r = { statusCode: 200, headers: { vary: ['Origin', 'Cookie'] } }
    assert.deepEqual(multi(r).multiValueHeaders, {
      Vary: ['Origin', 'Cookie'],
      'X-Content-Type-Options': ['nosniff'],
    })
    assert.deepEqual(single(r).headers, {
      Vary: 'Origin, Cookie',
      'X-Content-Type-Options': 'nosniff',
    })
  })
  test('CR, LF or NUL in names or values is AlbError 500 (never sent)', () => {
    for (const headers of [
      { 'X-A': 'a\r\nSet-Cookie: x=1' } as Record<string, string>,
      { 'X-A': 'a\nb' },
      { 'X-A': 'a\0b' },
      { 'X\r\nA': 'v' },
      { 'bad name': 'v' },
    ]) {
      assert.throws(
        () => single({ statusCode: 200, headers }),
        (e: unknown) => e instanceof AlbError && e.statusCode === 500 && e.expose === false,
      )
    }
    assert.throws(() => multi({ statusCode: 200, cookies: ['a=1\r\nX: y'] }), AlbError)
  })
  test('multi mode: every Set-Cookie kept separately, commas untouched', () => {
    const cookies = ['a=1; Expires=Thu, 01 Jan 2030 00:00:00 GMT', 'b=2']
    const r = multi({ statusCode: 200, headers: { 'set-cookie': ['c=3'] }, cookies })
    assert.deepEqual(r.multiValueHeaders['Set-Cookie'], ['c=3', ...cookies])
  })
  test("single mode: policy 'last' keeps the last cookie, 'error' throws", () => {
    const cookies = ['a=1; Expires=Thu, 01 Jan 2030 00:00:00 GMT', 'b=2']
    assert.equal(silence(() => single({ statusCode: 200, cookies })).headers['Set-Cookie'], 'b=2')
    assert.equal(
      single({ statusCode: 200, cookies: [cookies[0] as string] }).headers['Set-Cookie'],
      cookies[0],
    )
    assert.throws(
      () => single({ statusCode: 200, cookies }, { setCookiePolicy: 'error' }),
      (e: unknown) => e instanceof AlbError && /multi_value_headers/.test(e.message),
    )
  })
  test('base64 outside the text allowlist or with Content-Encoding', () => {
    const pdf = single(binary(Uint8Array.from([37, 80, 68, 70, 0, 255]), 'application/pdf'))
    assert.equal(pdf.isBase64Encoded, true)
    assert.deepEqual([...Buffer.from(pdf.body, 'base64')], [37, 80, 68, 70, 0, 255])
    const zipped = single({
      statusCode: 200,
      headers: { 'Content-Type': 'text/plain', 'Content-Encoding': 'gzip' },
      body: 'x',
    })
    assert.equal(zipped.isBase64Encoded, true)
    const noType = single({ statusCode: 200, body: 'héllo' })
    assert.equal(noType.isBase64Encoded, true)
    assert.equal(Buffer.from(noType.body, 'base64').toString(), 'héllo')
    for (const type of [
      'text/csv',
      'application/json',
      'application/javascript',
      'application/xml',
      'application/hal+json',
      'image/svg+xml',
    ]) {
      assert.equal(
        single(text('x', { headers: { 'Content-Type': type } })).isBase64Encoded,
        false,
        type,
      )
    }
    assert.equal(single({ statusCode: 204 }).body, '')
  })
  test('compress: gzip/br for large text when accepted, with Vary', () => {
    const body = 'hello world '.repeat(500)
    const gz = single(text(body, { headers: { Vary: 'Origin' } }), {
      compress: true,
      acceptEncoding: 'gzip, deflate',
    })
    assert.equal(gz.headers['Content-Encoding'], 'gzip')
    assert.equal(gz.headers.Vary, 'Origin, Accept-Encoding')
    assert.equal(gz.isBase64Encoded, true)
    assert.equal(gunzipSync(Buffer.from(gz.body, 'base64')).toString(), body)
    assert.equal(
      single(text(body), { compress: true, acceptEncoding: 'br;q=1, gzip;q=0.5' }).headers[
        'Content-Encoding'
      ],
      'br',
    )
    assert.equal(
      single(text(body), { compress: true, acceptEncoding: 'br;q=0, gzip;q=0' }).headers[
        'Content-Encoding'
      ],
      undefined,
    )
    assert.equal(
      single(text('small'), { compress: true, acceptEncoding: 'gzip' }).headers['Content-Encoding'],
      undefined,
    )
    assert.equal(
      single(binary(Buffer.alloc(5000), 'image/png'), { compress: true, acceptEncoding: 'gzip' })
        .headers['Content-Encoding'],
      undefined,
    )
    assert.equal(
      single(text(body), { acceptEncoding: 'gzip' }).headers['Content-Encoding'],
      undefined,
    )
  })
  test('1 MB guard: an oversized result becomes a logged 500 naming the size and limit', () => {
    const logged: string[] = []
    const { error } = console
    console.error = (m: string) => logged.push(m)
    try {
      for (const mode of ['single', 'multi'] as const) {
        const r = toAlbResult(binary(new Uint8Array(760_000), 'application/octet-stream'), { mode })
        assert.equal(r.statusCode, 500)
        assert.deepEqual(validateResult(r, mode), { errors: [], warnings: [] })
        const msg = JSON.parse(r.body).error as string
        assert.match(msg, /\d+ bytes, over the ALB limit of 1000000 bytes/)
      }
      assert.equal(logged.length, 2)
      // 749,000 raw bytes → 998,668 base64 chars: just under the limit, so it passes.
      const ok = toAlbResult(binary(new Uint8Array(749_000), 'application/octet-stream'), {
        mode: 'single',
      })
      assert.equal(ok.statusCode, 200)
      assert.ok(JSON.stringify(ok).length <= ALB_MAX_RESPONSE_BYTES)
      assert.equal(toAlbResult(text('\u0001'.repeat(200_000)), { mode: 'single' }).statusCode, 500) // JSON escapes grow 6×
      assert.equal(toAlbResult(text('é'.repeat(400_000)), { mode: 'single' }).statusCode, 200)
    } finally {
      console.error = error
    }
  })
  test('json() output validates in both modes', () => {
    for (const mode of ['single', 'multi'] as const)
      assert.deepEqual(validateResult(toAlbResult(json({ a: 1 }), { mode }), mode), {
        errors: [],
        warnings: [],
      })
  })
})
