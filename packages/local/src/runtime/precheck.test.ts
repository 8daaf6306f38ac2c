// The ALB's request limits (ELB user guide, "Quotas"; "Troubleshoot": 400, 413, 463), each
// exactly at the limit and one byte (or one address) over.
import assert from 'node:assert/strict'
import type { IncomingMessage } from 'node:http'
import { test } from 'node:test'
import { ALB_MAX_REQUEST_BODY_BYTES } from '@albkit/core'
import {
  MAX_FORWARDED_FOR_ADDRESSES,
  MAX_REQUEST_HEADERS_BYTES,
  MAX_REQUEST_LINE_OR_HEADER_BYTES,
} from './front-limits.js'
import { precheck } from './precheck.js'

function request(init: { method?: string; url?: string; headers?: Array<[string, string]> }) {
  const pairs = init.headers ?? [['Host', 'a']]
  const headers: Record<string, string> = {}
  for (const [k, v] of pairs) headers[k.toLowerCase()] = v
  return {
    httpVersionMajor: 1,
    httpVersionMinor: 1,
    method: init.method ?? 'GET',
    url: init.url ?? '/',
    rawHeaders: pairs.flat(),
    headers,
  } as unknown as IncomingMessage
}

test('request line: method + target + 10 bytes up to 16 KB pass, one byte more → 400', () => {
  // "GET" + " " + target + " HTTP/1.1" = method + target + 10
  const at = `/${'a'.repeat(MAX_REQUEST_LINE_OR_HEADER_BYTES - 10 - 3 - 1)}`
  assert.equal(precheck(request({ url: at })), undefined)
  assert.deepEqual(precheck(request({ url: `${at}a` })), { status: 400 })
})

test('one header: name + value + 4 bytes up to 16 KB pass, one byte more → 400', () => {
  // "X-A" + ": " + value + "\r\n"
  const value = 'v'.repeat(MAX_REQUEST_LINE_OR_HEADER_BYTES - 3 - 4)
  assert.equal(precheck(request({ headers: [['X-A', value]] })), undefined)
  assert.deepEqual(precheck(request({ headers: [['X-A', `${value}v`]] })), { status: 400 })
})

test('all headers: up to 64 KB pass (each under 16 KB), one byte more → 400', () => {
  // 4 headers of 16 KB - 4 bytes... built to sum to exactly 64 KB
  const each = MAX_REQUEST_HEADERS_BYTES / 4 // 16384: each header line exactly at its own limit
  const headers: Array<[string, string]> = [0, 1, 2, 3].map((i) => [
    `X-${i}`,
    'v'.repeat(each - 3 - 4),
  ])
  assert.equal(precheck(request({ headers })), undefined)
  const over: Array<[string, string]> = [...headers, ['X', '']] // 1 + 0 + 4 = 5 bytes more
  assert.deepEqual(precheck(request({ headers: over })), { status: 400 })
  const oneMore: Array<[string, string]> = headers.map(([k, v], i) =>
    i === 0 ? [k, v.slice(0, -5)] : [k, v],
  )
  oneMore.push(['X', 'v']) // exactly 64 KB + 1
  assert.deepEqual(precheck(request({ headers: oneMore })), { status: 400 })
  oneMore[oneMore.length - 1] = ['X', '']
  assert.equal(precheck(request({ headers: oneMore })), undefined) // exactly 64 KB
})

test('X-Forwarded-For: 30 addresses pass, 31 → 463 (one header or several)', () => {
  const list = (n: number) => Array.from({ length: n }, (_, i) => `10.0.0.${i}`).join(', ')
  assert.equal(
    precheck(request({ headers: [['X-Forwarded-For', list(MAX_FORWARDED_FOR_ADDRESSES)]] })),
    undefined,
  )
  assert.deepEqual(
    precheck(request({ headers: [['X-Forwarded-For', list(MAX_FORWARDED_FOR_ADDRESSES + 1)]] })),
    { status: 463 },
  )
  const split: Array<[string, string]> = [
    ['x-forwarded-for', list(15)],
    ['X-Forwarded-For', list(16)],
  ]
  assert.deepEqual(precheck(request({ headers: split })), { status: 463 })
})

test('Content-Length: 1 MB passes, one byte more → 413 LambdaRequestTooLarge', () => {
  const length = (n: number) =>
    precheck(request({ method: 'POST', headers: [['Content-Length', String(n)]] }))
  assert.equal(length(ALB_MAX_REQUEST_BODY_BYTES), undefined)
  assert.deepEqual(length(ALB_MAX_REQUEST_BODY_BYTES + 1), {
    status: 413,
    reason: 'LambdaRequestTooLarge',
  })
})
