import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { parseRequest } from '@albkit/core'
import { albEvent } from '@albkit/core/testing'
import { wantsPage } from './pages.js'

const prefersHtml = (accept: string | undefined) =>
  wantsPage(parseRequest(albEvent(accept === undefined ? {} : { headers: { accept } })))

describe('wantsPage (Accept)', () => {
  for (const [accept, expected] of [
    ['text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8', true],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', true],
    ['*/*', false],
    [undefined, false],
    ['', false],
    ['application/json', false],
    ['application/json, text/html', false],
    ['text/*', true],
    ['text/html;q=0.5, application/json;q=0.9', false],
    ['text/html;q=0.9, application/json;q=0.5', true],
    ['text/html;q=abc', false],
    ['garbage', false],
  ] as const) {
    test(`${JSON.stringify(accept)} → ${expected}`, () =>
      assert.equal(prefersHtml(accept), expected))
  }
})

test('wantsPage: ?format= wins over Accept; an unknown one is a 400', () => {
  const req = (query: string, accept = 'text/html') =>
    parseRequest(albEvent({ query, headers: { accept } }))
  assert.equal(wantsPage(req('format=json')), false)
  assert.equal(wantsPage(req('format=html', 'application/json')), true)
  assert.throws(() => wantsPage(req('format=xml')), { statusCode: 400 })
})
