import assert from 'node:assert/strict'
import { test } from 'node:test'
import { isAlbError, parseRequest } from '@albkit/core'
import { pickFormat } from './pick-format.js'
import { albEvent } from './testing/lambda.js'

const FORMATS = { text: 'text/plain', json: 'application/json', html: 'text/html' } as const
const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'
const view = (
  headers: Record<string, string | string[]> = {},
  query = '',
  mode: 'single' | 'multi' = 'single',
) => parseRequest(albEvent({ path: '/x', headers, query, mode }))

function status(fn: () => unknown): number | undefined {
  try {
    fn()
  } catch (e) {
    return isAlbError(e) ? e.statusCode : -1
  }
  return undefined
}

test('pickFormat: Accept with q-values through core negotiate, ties to the first format', () => {
  assert.equal(pickFormat(view(), FORMATS), 'text')
  assert.equal(pickFormat(view({ accept: '*/*' }), FORMATS), 'text')
  assert.equal(pickFormat(view({ accept: browser }), FORMATS), 'html')
  assert.equal(
    pickFormat(view({ accept: 'application/json;q=0.9, text/html;q=0.5' }), FORMATS),
    'json',
  )
  assert.equal(pickFormat(view({ accept: 'text/*;q=0.5, text/plain;q=0' }), FORMATS), 'html')
})
test('pickFormat: every Accept header counts (multi-value events)', () => {
  assert.equal(
    pickFormat(view({ accept: ['image/png', 'application/json'] }, '', 'multi'), FORMATS),
    'json',
  )
})
test('pickFormat: ?format= wins over Accept and over options.format; unknown → 400', () => {
  assert.equal(pickFormat(view({ accept: browser }, 'format=JSON'), FORMATS), 'json')
  assert.equal(pickFormat(view({}, 'format=html'), FORMATS, { format: 'text' }), 'html')
  assert.equal(pickFormat(view({ accept: browser }), FORMATS, { format: 'json' }), 'json')
  assert.equal(
    status(() => pickFormat(view({}, 'format=xml'), FORMATS)),
    400,
  )
  assert.equal(
    status(() => pickFormat(view({}, `format=${'j'.repeat(41)}`), FORMATS)),
    400,
  )
  try {
    pickFormat(view({}, 'format=%3Cscript%3E'), FORMATS)
  } catch (e) {
    assert.ok(isAlbError(e))
    assert.equal(e.message, 'The format parameter must be one of: text, json, html.')
  }
})
test('pickFormat: nothing acceptable → 406 naming the types, or the fallback', () => {
  assert.equal(
    status(() => pickFormat(view({ accept: 'image/png' }), FORMATS)),
    406,
  )
  assert.equal(pickFormat(view({ accept: 'image/png' }), FORMATS, { fallback: 'json' }), 'json')
})
