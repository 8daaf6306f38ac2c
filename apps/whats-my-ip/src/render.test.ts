import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { describe, test } from 'node:test'
import { parseRequest } from '@albkit/core'
import { albEvent } from '@albkit/core/testing'
import fc from 'fast-check'
import { renderHtml as renderPage, STYLE } from './render-html.js'
import { renderJson, safeJson } from './render-json.js'
import { renderText } from './render-text.js'
import type { IpReport } from './report.js'

const report: IpReport = {
  address: '203.0.113.7',
  version: 4,
  forwardedFor: ['6.6.6.6', '203.0.113.7'],
  trustedProxyHops: 0,
  proto: 'https',
  port: 443,
  traceId: '1-5c536348-3d683b8b04734faae651f476',
}

const renderHtml = (r: IpReport, proto: 'http' | 'https' = 'http') =>
  renderPage(r, parseRequest(albEvent({ path: '/ip', proto })))

function header(response: { headers?: Record<string, unknown> }, name: string): unknown {
  const key = Object.keys(response.headers ?? {}).find(
    (k) => k.toLowerCase() === name.toLowerCase(),
  )
  return key === undefined ? undefined : response.headers?.[key]
}

function bodyText(response: { body?: string | Uint8Array }): string {
  return typeof response.body === 'string'
    ? response.body
    : Buffer.from(response.body ?? '').toString('utf8')
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1
}

describe('renderText', () => {
  test('is the address and a newline, as text/plain', () => {
    const response = renderText(report)
    assert.equal(bodyText(response), '203.0.113.7\n')
    assert.match(String(header(response, 'content-type')), /^text\/plain/)
  })
})

describe('renderJson', () => {
  test('is the whole report, readable cross-origin', () => {
    const response = renderJson(report)
    assert.deepEqual(JSON.parse(bodyText(response)), report)
    assert.match(String(header(response, 'content-type')), /^application\/json/)
    assert.equal(header(response, 'access-control-allow-origin'), '*')
  })

  test('writes markup characters as \\u escapes, which parse back to the same value', () => {
    const xss = '"><script>alert(1)</script>&\u2028\u2029'
    const body = bodyText(
      renderJson({ ...report, forwardedFor: [xss, '203.0.113.7'], traceId: xss }),
    )
    assert.doesNotMatch(body, /[<>&\u2028\u2029]/)
    assert.equal(JSON.parse(body).traceId, xss)
  })

  test('property: safeJson round-trips and never contains <, > or &', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const s = safeJson(value)
        assert.doesNotMatch(s, /[<>&]/)
        assert.deepEqual(JSON.parse(s), JSON.parse(JSON.stringify(value)))
      }),
    )
  })
})

describe('renderHtml', () => {
  test('shows the address, the chain with the used entry marked, and the details', () => {
    const page = bodyText(
      renderHtml({ ...report, mappedFrom: '::ffff:203.0.113.7', clientPort: 40000 }),
    )
    assert.match(page, /<h1>203\.0\.113\.7<\/h1>/)
    assert.match(page, /<li>6\.6\.6\.6<\/li><li class="used">203\.0\.113\.7 ← you<\/li>/)
    for (const value of [
      'IPv4',
      '::ffff:203.0.113.7',
      '40000',
      'https',
      '443',
      '1-5c536348-3d683b8b04734faae651f476',
    ]) {
      assert.ok(page.includes(value), value)
    }
  })

  test('is served as text/html with a strict CSP whose hash admits exactly the inline style', () => {
    const response = renderHtml(report)
    assert.match(String(header(response, 'content-type')), /^text\/html/)
    const csp = String(header(response, 'content-security-policy'))
    const hash = createHash('sha256').update(STYLE).digest('base64')
    assert.equal(
      csp,
      `default-src 'none'; style-src 'sha256-${hash}'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    )
    assert.ok(bodyText(response).includes(`<style>${STYLE}</style>`))
  })

  test('one <main> landmark; Strict-Transport-Security over HTTPS only (issue 14 #6)', () => {
    assert.equal(bodyText(renderHtml(report)).match(/<main>/g)?.length, 1)
    assert.equal(header(renderHtml(report, 'http'), 'strict-transport-security'), undefined)
    assert.match(
      String(header(renderHtml(report, 'https'), 'strict-transport-security')),
      /^max-age=\d+/,
    )
  })

  test('loads no external assets and runs no script', () => {
    const page = bodyText(renderHtml(report))
    assert.doesNotMatch(page, /<script|<link|<img|<iframe|src=|https?:\/\//i)
  })

  test('escapes markup in every value', () => {
    const xss = '<script>alert(1)</script>'
    const page = bodyText(
      renderHtml({
        ...report,
        address: xss,
        forwardedFor: [`"><img src=x onerror=alert(1)>`, xss],
        traceId: xss,
      }),
    )
    assert.ok(!page.includes('<script>'))
    assert.ok(!page.includes('<img'))
    assert.ok(page.includes('&lt;script&gt;alert(1)&lt;/script&gt;'))
  })

  test('property: no "<" or ">" from input ever reaches the page unescaped', () => {
    const nasty = fc.oneof(
      fc.string(),
      fc.constantFrom('<', '>', '<b>', '</h1><script>x</script>', '"\'&'),
    )
    const shape = (r: IpReport): IpReport => ({
      ...r,
      address: 'x',
      forwardedFor: r.forwardedFor.map(() => 'x'),
      traceId: r.traceId === null ? null : 'x',
      proto: r.proto === null ? null : 'x',
    })
    fc.assert(
      fc.property(
        nasty,
        fc.array(nasty, { minLength: 1, maxLength: 8 }),
        fc.option(nasty, { nil: null }),
        fc.option(nasty, { nil: null }),
        (address, forwardedFor, traceId, proto) => {
          const input: IpReport = { ...report, address, forwardedFor, traceId, proto }
          const page = bodyText(renderHtml(input))
          const reference = bodyText(renderHtml(shape(input)))
          assert.equal(count(page, '<'), count(reference, '<'))
          assert.equal(count(page, '>'), count(reference, '>'))
        },
      ),
    )
  })
})
