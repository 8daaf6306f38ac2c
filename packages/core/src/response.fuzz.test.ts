import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { AlbError } from './errors.js'
import { numRuns } from './fuzz-runs.js'
import {
  binary,
  empty,
  errorResponse,
  type HttpResponse,
  html,
  json,
  type ResponseInit,
  redirect,
  text,
} from './response.js'
import { toAlbResult } from './to-alb-result.js'
import type { AlbHeaderMode } from './types.js'
import { validateResult } from './validate.js'

const modes: AlbHeaderMode[] = ['single', 'multi']
const safe = (s: string) => !/[\r\n\0]/.test(s)
const token = fc.stringMatching(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,20}$/)
const safeValue = fc.string({ maxLength: 40 }).filter(safe)
const headerValue = fc.oneof(
  safeValue,
  fc.integer(),
  fc.boolean(),
  fc.array(safeValue, { maxLength: 3 }),
)
const init: fc.Arbitrary<ResponseInit> = fc.record(
  {
    statusCode: fc.integer({ min: 100, max: 599 }),
    headers: fc.dictionary(token, headerValue, { maxKeys: 5 }),
    cookies: fc.array(safeValue, { maxLength: 3 }),
  },
  { requiredKeys: [] },
)
const contentType = fc.oneof(
  fc.constantFrom('application/pdf', 'image/png', 'text/csv', 'application/json'),
  safeValue,
)

const response: fc.Arbitrary<HttpResponse> = fc.oneof(
  fc.tuple(fc.string({ maxLength: 3000 }), init).map(([s, i]) => text(s, i)),
  fc.tuple(fc.string({ unit: 'binary', maxLength: 300 }), init).map(([s, i]) => html(s, i)),
  fc.tuple(fc.jsonValue({ maxDepth: 3 }), init).map(([v, i]) => json(v, i)),
  fc
    .tuple(fc.uint8Array({ maxLength: 3000 }), contentType, init)
    .map(([b, t, i]) => binary(b, t, i)),
  fc
    .tuple(
      safeValue,
      fc.constantFrom(301 as const, 302 as const, 303 as const, 307 as const, 308 as const),
    )
    .map(([l, c]) => redirect(l, c)),
  fc.tuple(fc.integer({ min: 100, max: 599 }), init).map(([c, i]) => empty(c, i)),
  fc
    .tuple(fc.integer({ min: 400, max: 599 }), safeValue, fc.boolean())
    .map(([c, m, e]) => errorResponse(new AlbError(c, m, { expose: e }), { traceId: 'T' })),
  fc.anything().map((x) => errorResponse(x)),
)
const options = fc.record({
  compress: fc.boolean(),
  acceptEncoding: fc.option(fc.constantFrom('gzip', 'br', 'gzip, br', 'br;q=0', '*', 'identity'), {
    nil: undefined,
  }),
  setCookiePolicy: fc.constantFrom('last' as const, 'error' as const),
})

test('any builder output passes validateResult in both modes', () => {
  const { warn } = console
  console.warn = () => {}
  try {
    fc.assert(
      fc.property(response, options, (r, o) => {
        for (const mode of modes) {
          let result: ReturnType<typeof toAlbResult>
          try {
            result = toAlbResult(r, { ...o, mode })
          } catch (e) {
            // The only refusal for well-formed builder output: several cookies with policy 'error'.
            assert.ok(
              e instanceof AlbError && mode === 'single' && o.setCookiePolicy === 'error',
              String(e),
            )
            continue
          }
          assert.deepEqual(validateResult(result, mode), { errors: [], warnings: [] })
        }
      }),
      { numRuns },
    )
  } finally {
    console.warn = warn
  }
})

test('toAlbResult never emits CR, LF or NUL in headers (it throws AlbError 500 instead)', () => {
  const anyHeaders = fc.dictionary(
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.array(fc.string({ unit: 'binary' }), { maxLength: 3 }),
    ),
    { maxKeys: 5 },
  )
  const { warn } = console
  console.warn = () => {}
  try {
    fc.assert(
      fc.property(
        anyHeaders,
        fc.array(fc.string({ unit: 'binary', maxLength: 20 }), { maxLength: 3 }),
        fc.constantFrom(...modes),
        (headers, cookies, mode) => {
          let result: ReturnType<typeof toAlbResult>
          try {
            result = toAlbResult({ statusCode: 200, headers, cookies, body: 'x' }, { mode })
          } catch (e) {
            assert.ok(e instanceof AlbError && e.statusCode === 500)
            return
          }
          const fields =
            'headers' in result
              ? Object.entries(result.headers).map(([k, v]) => [k, [v]] as const)
              : Object.entries(result.multiValueHeaders)
          for (const [k, vs] of fields) {
            assert.ok(safe(k))
            for (const v of vs) assert.ok(safe(v))
          }
          assert.deepEqual(validateResult(result, mode), { errors: [], warnings: [] })
        },
      ),
      { numRuns },
    )
  } finally {
    console.warn = warn
  }
})
