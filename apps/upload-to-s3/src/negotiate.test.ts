import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { prefersHtml } from './negotiate.js'

describe('prefersHtml', () => {
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
