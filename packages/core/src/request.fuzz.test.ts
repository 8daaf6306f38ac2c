import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { AlbError } from './errors.js'
import { decodeFormComponent } from './form.js'
import { numRuns } from './fuzz-runs.js'
import { parseRequest } from './request.js'
import { albEvent } from './testing/index.js'

const contentType = fc.oneof(
  fc.constantFrom(
    'application/json',
    'text/plain; charset=utf-8',
    'TEXT/HTML',
    'application/octet-stream',
    'image/png',
    'multipart/form-data; boundary=x',
    'application/x-www-form-urlencoded',
    'application/vnd.api+json',
    'application/pdf',
  ),
  fc.stringMatching(/^[a-z]{1,8}\/[a-z+.-]{1,12}$/),
)
const strictUtf8 = new TextDecoder('utf-8', { fatal: true })
const isUtf8 = (b: Uint8Array) => {
  try {
    strictUtf8.decode(b)
    return true
  } catch {
    return false
  }
}

test('any bytes survive albEvent → parseRequest().body unchanged (any type, encoding, mode)', () => {
  fc.assert(
    fc.property(
      fc.uint8Array({ maxLength: 2048 }),
      fc.option(contentType, { nil: undefined }),
      fc.option(fc.constantFrom('gzip', 'br', 'identity'), { nil: undefined }),
      fc.constantFrom('single' as const, 'multi' as const),
      (bytes, type, encoding, mode) => {
        const headers: Record<string, string> = {}
        if (type !== undefined) headers['content-type'] = type
        if (encoding !== undefined) headers['content-encoding'] = encoding
        let event: ReturnType<typeof albEvent>
        try {
          event = albEvent({ method: 'POST', headers, body: bytes, mode })
        } catch (e) {
          // Text body that is not UTF-8: the real ALB refuses it (LambdaBadRequest) too.
          assert.ok(e instanceof AlbError && e.statusCode === 400)
          assert.equal(isUtf8(bytes), false)
          return
        }
        assert.deepEqual(new Uint8Array(parseRequest(event).body), bytes)
      },
    ),
    { numRuns },
  )
})

test('any string body survives as text()', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), contentType, (s, type) => {
      const req = parseRequest(
        albEvent({ method: 'POST', headers: { 'content-type': type }, body: s }),
      )
      assert.equal(req.text(), s)
      assert.equal(req.body.toString('utf8'), s)
    }),
    { numRuns },
  )
})

test('decodeFormComponent never throws and is identity without % and +', () => {
  const percentHeavy = fc.string({
    unit: fc.constantFrom('%', '+', 'A', 'f', '0', 'E', '9', 'C', '3', 'é', '\uD800'),
    maxLength: 40,
  })
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: 'binary' }), percentHeavy), (s) => {
      const out = decodeFormComponent(s)
      assert.equal(typeof out, 'string')
      if (!s.includes('%') && !s.includes('+')) assert.equal(out, s)
    }),
    { numRuns },
  )
})

test('decodeFormComponent inverts encodeURIComponent', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme' }), (s) => {
      assert.equal(decodeFormComponent(encodeURIComponent(s)), s)
    }),
    { numRuns },
  )
})

test('parseRequest never throws on arbitrary query strings and headers', () => {
  fc.assert(
    fc.property(
      fc.string({ unit: 'binary', maxLength: 100 }),
      fc.string({ maxLength: 60 }),
      fc.constantFrom('single' as const, 'multi' as const),
      (query, xff, mode) => {
        const req = parseRequest(
          albEvent({ mode, query, headers: { 'x-forwarded-for': xff, cookie: query } }),
        )
        for (const [k, v] of req.query.entries())
          assert.ok(typeof k === 'string' && v.every((x) => typeof x === 'string'))
        assert.ok(req.clientIp === undefined || typeof req.clientIp === 'string')
        assert.ok(req.cookies instanceof Map)
      },
    ),
    { numRuns },
  )
})
