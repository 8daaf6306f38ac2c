import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { numRuns } from './fuzz-runs.js'
import { negotiate, parseAccept } from './negotiate.js'

const IP = ['text/plain', 'application/json', 'text/html'] as const
const JSON_FIRST = ['application/json', 'text/html'] as const
const BROWSER =
  'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8'

describe('parseAccept', () => {
  test('reads types, q-values and ignores other parameters', () => {
    assert.deepEqual(parseAccept('Text/HTML;level=1;q=0.5, application/json, */*;q=0'), [
      { type: 'text', subtype: 'html', q: 0.5 },
      { type: 'application', subtype: 'json', q: 1 },
      { type: '*', subtype: '*', q: 0 },
    ])
  })
  test('drops malformed ranges', () => {
    assert.deepEqual(
      parseAccept('html, */json, text/html;q=2, text/plain;q=0.1234, a/b/c, , text/csv;Q=0.3'),
      [{ type: 'text', subtype: 'csv', q: 0.3 }],
    )
  })
})

describe('negotiate', () => {
  test('no Accept, a blank Accept and */* give the first offer', () => {
    assert.equal(negotiate(undefined, IP), 'text/plain')
    assert.equal(negotiate('', IP), 'text/plain')
    assert.equal(negotiate('  ', JSON_FIRST), 'application/json')
    assert.equal(negotiate('*/*', IP), 'text/plain')
    assert.equal(negotiate('*/*', JSON_FIRST), 'application/json')
  })
  test('a browser gets HTML', () => {
    assert.equal(negotiate(BROWSER, IP), 'text/html')
    assert.equal(negotiate(BROWSER, JSON_FIRST), 'text/html')
    assert.equal(negotiate('text/html,application/xhtml+xml,*/*;q=0.8', JSON_FIRST), 'text/html')
  })
  test('exact types, case-insensitive', () => {
    assert.equal(negotiate('application/json', IP), 'application/json')
    assert.equal(negotiate('text/plain', IP), 'text/plain')
    assert.equal(negotiate('TEXT/HTML', JSON_FIRST), 'text/html')
    assert.equal(negotiate('text/html', ['Text/HTML; charset=utf-8']), 'Text/HTML; charset=utf-8')
  })
  test('q-values decide', () => {
    assert.equal(
      negotiate('text/plain;q=0.2, application/json;q=0.9, text/html;q=0.5', IP),
      'application/json',
    )
    assert.equal(negotiate('application/json;q=0.001, text/html;q=0.002', IP), 'text/html')
    assert.equal(
      negotiate('text/html;q=0.5, application/json;q=0.9', JSON_FIRST),
      'application/json',
    )
    assert.equal(negotiate('text/html;q=0.9, application/json;q=0.5', JSON_FIRST), 'text/html')
    assert.equal(negotiate('text/html;q=0.5, application/json', JSON_FIRST), 'application/json')
  })
  test('the most specific range decides, including q=0 exclusions', () => {
    assert.equal(negotiate('text/plain;q=0, */*', IP), 'application/json')
    assert.equal(negotiate('*/*, text/plain;q=0', IP), 'application/json')
    assert.equal(negotiate('text/*, text/plain;q=0.1', IP), 'text/html')
    assert.equal(negotiate('application/*', IP), 'application/json')
    assert.equal(negotiate('text/html;q=0, */*', JSON_FIRST), 'application/json')
    assert.equal(negotiate('text/*', JSON_FIRST), 'text/html')
  })
  test('ties: more specific range, then order in Accept, then offer order', () => {
    assert.equal(negotiate('text/*, application/json', IP), 'application/json')
    assert.equal(negotiate('text/html, application/json', IP), 'text/html')
    assert.equal(negotiate('application/json, text/html', IP), 'application/json')
    assert.equal(negotiate('text/*', IP), 'text/plain')
    assert.equal(negotiate('application/json, text/html', JSON_FIRST), 'application/json')
  })
  test('nothing acceptable is undefined (406)', () => {
    for (const accept of [
      'image/png',
      'application/xml, text/csv',
      'text/plain;q=0, application/json;q=0, text/html;q=0',
      '*/*;q=0',
      'garbage',
      'text/html;q=abc',
    ]) {
      assert.equal(negotiate(accept, IP), undefined, accept)
    }
    assert.equal(negotiate('text/html', []), undefined)
  })
  test('property: never throws, always one of the offers or undefined', () => {
    const mediaType = fc.constantFrom(
      'text/html',
      'text/plain',
      'application/json',
      'image/png',
      '*/*',
      'text/*',
      'a/b',
    )
    const range = fc.tuple(
      fc.oneof(mediaType, fc.string()),
      fc.option(fc.oneof(fc.constantFrom('0', '1', '0.5', '0.001', '2', 'x'), fc.string()), {
        nil: undefined,
      }),
    )
    const accept = fc.oneof(
      fc.string(),
      fc
        .array(range, { maxLength: 6 })
        .map((rs) => rs.map(([t, q]) => (q === undefined ? t : `${t};q=${q}`)).join(', ')),
    )
    fc.assert(
      fc.property(
        fc.option(accept, { nil: undefined }),
        fc.array(fc.oneof(mediaType, fc.string()), { maxLength: 4 }),
        (a, offers) => {
          const chosen = negotiate(a, offers)
          assert.ok(chosen === undefined || offers.includes(chosen))
        },
      ),
      { numRuns: Math.min(numRuns, 1000) },
    )
  })
})
