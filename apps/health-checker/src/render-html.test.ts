import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { test } from 'node:test'
import { parseRequest } from '@albkit/core'
import { albEvent } from '@albkit/core/testing'
import { renderHtml } from './render-html.js'

test('renderHtml escapes every value and allows only its own style by hash', () => {
  const page = renderHtml(
    {
      status: 'unhealthy',
      checkedAt: '2026-01-01T00:00:00.000Z',
      cached: true,
      probes: [
        {
          name: 'x',
          type: 'http',
          critical: true,
          ok: false,
          latencyMs: 12,
          error: '<script>alert(1)</script>',
        },
      ],
    },
    parseRequest(albEvent({ path: '/health' })),
  )
  assert.equal(page.statusCode, 503)
  const body = String(page.body)
  assert.doesNotMatch(body, /<script>/)
  assert.match(body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/)
  assert.match(body, /\(cached\)/)
  const style = /<style>([^<]*)<\/style>/.exec(body)?.[1] ?? ''
  const hash = createHash('sha256').update(style).digest('base64')
  const csp = String(page.headers?.['Content-Security-Policy'])
  assert.ok(csp.includes(`style-src 'sha256-${hash}'`), csp)
  assert.match(csp, /default-src 'none'/)
  assert.match(csp, /frame-ancestors 'none'/)
})

test('renderHtml: one <main>; Strict-Transport-Security over HTTPS only (issue 14 #6)', () => {
  const report = { status: 'healthy', checkedAt: 'now', cached: false, probes: [] } as const
  const over = (proto: 'http' | 'https') =>
    renderHtml({ ...report, probes: [] }, parseRequest(albEvent({ path: '/health', proto })))
  assert.equal(String(over('http').body).match(/<main>/g)?.length, 1)
  assert.match(String(over('https').headers?.['Strict-Transport-Security']), /^max-age=\d+$/)
  assert.equal(over('http').headers?.['Strict-Transport-Security'], undefined)
})
