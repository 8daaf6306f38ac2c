import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { AlbError, parseRequest } from '@albkit/core'
import { albEvent } from '@albkit/core/testing'
import { pickFormat } from '@albkit/middy'
import { FORMATS } from './whats-my-ip.js'

/** The app's negotiation: middy's pickFormat over its FORMATS, on a request with this Accept / ?format=. */
function negotiate(input: { format?: string; accept?: string }) {
  const event = albEvent({
    path: '/ip',
    ...(input.accept === undefined ? {} : { headers: { accept: input.accept } }),
    ...(input.format === undefined ? {} : { query: `format=${encodeURIComponent(input.format)}` }),
  })
  return pickFormat(parseRequest(event), FORMATS)
}

function rejection(input: Parameters<typeof negotiate>[0]): AlbError {
  try {
    negotiate(input)
  } catch (error) {
    assert.ok(error instanceof AlbError)
    return error
  }
  assert.fail('expected negotiate to throw')
}

// parseAccept's tests moved to @albkit/core (src/negotiate.test.ts) with the parser.

describe('negotiate', () => {
  test('no Accept, an empty Accept and */* all give text (curl)', () => {
    assert.equal(negotiate({}), 'text')
    assert.equal(negotiate({ accept: '' }), 'text')
    assert.equal(negotiate({ accept: '*/*' }), 'text')
  })

  test('a browser gets HTML', () => {
    const chrome =
      'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8'
    assert.equal(negotiate({ accept: chrome }), 'html')
  })

  test('exact types', () => {
    assert.equal(negotiate({ accept: 'application/json' }), 'json')
    assert.equal(negotiate({ accept: 'text/plain' }), 'text')
    assert.equal(negotiate({ accept: 'text/html' }), 'html')
  })

  test('q-values decide', () => {
    assert.equal(
      negotiate({ accept: 'text/plain;q=0.2, application/json;q=0.9, text/html;q=0.5' }),
      'json',
    )
    assert.equal(negotiate({ accept: 'application/json;q=0.001, text/html;q=0.002' }), 'html')
  })

  test('a more specific range overrides a wildcard, including q=0 exclusions', () => {
    assert.equal(negotiate({ accept: 'text/plain;q=0, */*' }), 'json')
    assert.equal(negotiate({ accept: '*/*, text/plain;q=0' }), 'json')
    assert.equal(negotiate({ accept: 'text/*, text/plain;q=0.1' }), 'html')
    assert.equal(negotiate({ accept: 'application/*' }), 'json')
  })

  test('ties: more specific first, then the order in Accept, then text, json, html', () => {
    assert.equal(negotiate({ accept: 'text/*, application/json' }), 'json')
    assert.equal(negotiate({ accept: 'text/html, application/json' }), 'html')
    assert.equal(negotiate({ accept: 'application/json, text/html' }), 'json')
    assert.equal(negotiate({ accept: 'text/*' }), 'text')
  })

  test('?format= overrides Accept, case-insensitively', () => {
    assert.equal(negotiate({ format: 'json', accept: 'text/html' }), 'json')
    assert.equal(negotiate({ format: 'HTML', accept: 'application/json' }), 'html')
    assert.equal(negotiate({ format: 'text', accept: 'image/png' }), 'text')
  })

  test('an unknown or empty format is a 400 listing the allowed values, without echoing the input', () => {
    for (const format of ['xml', '', '<script>alert(1)</script>']) {
      const error = rejection({ format })
      assert.equal(error.statusCode, 400)
      assert.equal(error.expose, true)
      assert.match(error.message, /text, json, html/)
      assert.ok(!error.message.includes('<'))
    }
  })

  test('nothing acceptable is a 406 listing what is available', () => {
    for (const accept of [
      'image/png',
      'application/xml, text/csv',
      'text/plain;q=0, application/json;q=0, text/html;q=0',
      '*/*;q=0',
      'garbage',
    ]) {
      const error = rejection({ accept })
      assert.equal(error.statusCode, 406, accept)
      assert.match(error.message, /text\/plain, application\/json, text\/html/)
    }
  })
})
