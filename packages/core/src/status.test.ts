import assert from 'node:assert/strict'
import { test } from 'node:test'
import { isValidStatusCode, reasonPhrase, statusDescription } from './status.js'

test('statusDescription is "<code> <reason>"', () => {
  assert.equal(statusDescription(200), '200 OK')
  assert.equal(statusDescription(404), '404 Not Found')
  assert.equal(statusDescription(413), '413 Content Too Large')
  assert.equal(statusDescription(418), "418 I'm a teapot")
  assert.equal(statusDescription(308), '308 Permanent Redirect')
  assert.equal(statusDescription(511), '511 Network Authentication Required')
})

test('unknown codes get "Unknown", never "undefined"', () => {
  assert.equal(statusDescription(499), '499 Unknown')
  assert.equal(statusDescription(299), '299 Unknown')
  for (let code = 100; code <= 599; code++) {
    const d = statusDescription(code)
    assert.match(d, new RegExp(`^${code} [A-Za-z']`))
    assert.ok(!d.includes('undefined'))
  }
})

test('every IANA-assigned code in common use has its reason', () => {
  const expected: Record<number, string> = {
    100: 'Continue',
    103: 'Early Hints',
    201: 'Created',
    204: 'No Content',
    206: 'Partial Content',
    301: 'Moved Permanently',
    302: 'Found',
    303: 'See Other',
    304: 'Not Modified',
    307: 'Temporary Redirect',
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    405: 'Method Not Allowed',
    409: 'Conflict',
    415: 'Unsupported Media Type',
    422: 'Unprocessable Content',
    429: 'Too Many Requests',
    431: 'Request Header Fields Too Large',
    451: 'Unavailable For Legal Reasons',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
  }
  for (const [code, reason] of Object.entries(expected))
    assert.equal(reasonPhrase(Number(code)), reason)
})

test('isValidStatusCode', () => {
  assert.equal(isValidStatusCode(200), true)
  assert.equal(isValidStatusCode(99), false)
  assert.equal(isValidStatusCode(600), false)
  assert.equal(isValidStatusCode(200.5), false)
  assert.equal(isValidStatusCode('200'), false)
})
