import assert from 'node:assert/strict'
import { test } from 'node:test'
import { canonicalHeaderName, HOP_BY_HOP_HEADERS } from './headers.js'

test('canonicalHeaderName spells names conventionally', () => {
  const cases: Record<string, string> = {
    'content-type': 'Content-Type',
    'CONTENT-TYPE': 'Content-Type',
    etag: 'ETag',
    'www-authenticate': 'WWW-Authenticate',
    'x-amzn-trace-id': 'X-Amzn-Trace-Id',
    'content-md5': 'Content-MD5',
    'x-xss-protection': 'X-XSS-Protection',
    'set-cookie': 'Set-Cookie',
    'cache-control': 'Cache-Control',
    'x-custom-thing': 'X-Custom-Thing',
    'sec-websocket-key': 'Sec-WebSocket-Key',
    dnt: 'DNT',
    location: 'Location',
  }
  for (const [input, expected] of Object.entries(cases))
    assert.equal(canonicalHeaderName(input), expected)
})

test('HOP_BY_HOP_HEADERS lists hop-by-hop names and content-length', () => {
  for (const h of [
    'connection',
    'keep-alive',
    'proxy-authenticate',
    'proxy-authorization',
    'te',
    'trailer',
    'transfer-encoding',
    'upgrade',
    'content-length',
  ]) {
    assert.ok(HOP_BY_HOP_HEADERS.has(h), h)
  }
  assert.equal(HOP_BY_HOP_HEADERS.has('content-type'), false)
})
