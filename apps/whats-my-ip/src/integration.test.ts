/**
 * Through the local load balancer (@albkit/local), read from the same SAM templates that deploy:
 * real HTTP on 127.0.0.1, the bundle in dist/ (run `pnpm build` first), the target group in
 * multi-value mode as in templates/sam/whats-my-ip.yaml.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { send } from '@albkit/core/testing'
import { type LocalAlb, type StartOptions, start } from '@albkit/local'

const repo = fileURLToPath(new URL('../../../', import.meta.url))
const templates = [
  join(repo, 'templates/sam/alb.yaml'),
  join(repo, 'templates/sam/whats-my-ip.yaml'),
]
const logDir = mkdtempSync(join(tmpdir(), 'whats-my-ip-logs-'))

/**
 * One HTTP exchange with full control over the request line and headers (no fetch defaults): the
 * path goes out as written, so raw payloads in the query reach the app unencoded.
 */
async function request(
  alb: LocalAlb,
  path: string,
  init: { method?: string; headers?: Record<string, string | string[]> } = {},
) {
  const reply = await send(alb.url, { ...init, path })
  return { ...reply, body: reply.body.toString('utf8') }
}

async function withAlb(
  options: Partial<StartOptions>,
  fn: (alb: LocalAlb) => Promise<void>,
): Promise<void> {
  const alb = await start({
    templates,
    port: 0,
    adminPort: 0,
    s3: false,
    quiet: true,
    logDir,
    ...options,
  })
  try {
    await fn(alb)
  } finally {
    await alb.close()
  }
}

describe('whats-my-ip through the local load balancer', () => {
  let alb: LocalAlb

  before(async () => {
    alb = await start({ templates, port: 0, adminPort: 0, s3: false, quiet: true, logDir })
  })
  after(async () => {
    await alb?.close()
    rmSync(logDir, { recursive: true, force: true })
  })

  test('a forged X-Forwarded-For is never reported: the TCP peer is', async () => {
    const reply = await request(alb, '/ip', { headers: { 'X-Forwarded-For': '6.6.6.6' } })
    assert.equal(reply.status, 200)
    assert.equal(reply.body, '127.0.0.1\n')
    assert.doesNotMatch(reply.body, /6\.6\.6\.6/)
  })

  test('JSON: address, version, the chain the balancer built, proto, port, trace id', async () => {
    const reply = await request(alb, '/ip?format=json', {
      headers: { 'X-Forwarded-For': '6.6.6.6, 7.7.7.7' },
    })
    assert.equal(reply.status, 200)
    assert.match(String(reply.headers['content-type']), /^application\/json/)
    const report = JSON.parse(reply.body)
    assert.equal(report.address, '127.0.0.1')
    assert.equal(report.version, 4)
    assert.deepEqual(report.forwardedFor, ['6.6.6.6', '7.7.7.7', '127.0.0.1'])
    assert.equal(report.proto, 'http')
    assert.equal(report.port, Number(new URL(alb.url).port))
    assert.match(report.traceId, /^1-[0-9a-f]{8}-[0-9a-f]{24}$/)
  })

  test('many forged headers and entries still report the peer', async () => {
    const reply = await request(alb, '/ip', {
      headers: {
        'X-Forwarded-For': ['6.6.6.6', '10.0.0.1, 192.168.1.1', '::1'],
        'X-Real-IP': '6.6.6.6',
        Forwarded: 'for=6.6.6.6',
      },
    })
    assert.equal(reply.body, '127.0.0.1\n')
  })

  test('every answer: Cache-Control no-store, Vary: Accept', async () => {
    for (const path of ['/ip', '/ip?format=json', '/ip?format=html', '/ip/json']) {
      const reply = await request(alb, path)
      assert.equal(reply.status, 200, path)
      assert.equal(reply.headers['cache-control'], 'no-store', path)
      assert.equal(reply.headers.vary, 'Accept', path)
    }
  })

  test('HTML: escaped, self-contained, strict CSP', async () => {
    const reply = await request(alb, '/ip', {
      headers: { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    })
    assert.equal(reply.status, 200)
    assert.match(String(reply.headers['content-type']), /^text\/html/)
    assert.match(reply.body, /<h1>127\.0\.0\.1<\/h1>/)
    const csp = String(reply.headers['content-security-policy'])
    assert.match(
      csp,
      /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'$/,
    )
    assert.doesNotMatch(reply.body, /<script|src=|https?:\/\//)
  })

  test('negotiation: Accept with q-values, wildcards, exclusions, ?format= and the path', async () => {
    const cases: Array<[string, Record<string, string>, RegExp]> = [
      ['/ip', {}, /^text\/plain/],
      ['/ip', { Accept: '*/*' }, /^text\/plain/],
      ['/ip', { Accept: 'application/json' }, /^application\/json/],
      ['/ip', { Accept: 'application/json;q=0.5, text/html;q=0.9' }, /^text\/html/],
      ['/ip', { Accept: 'text/plain;q=0, */*' }, /^application\/json/],
      ['/ip', { Accept: 'text/*' }, /^text\/plain/],
      ['/ip?format=json', { Accept: 'image/png' }, /^application\/json/],
      ['/ip?format=HTML', {}, /^text\/html/],
      ['/ip/html', {}, /^text\/html/],
      ['/ip/', { Accept: 'application/*' }, /^application\/json/],
    ]
    for (const [path, headers, type] of cases) {
      const reply = await request(alb, path, { headers })
      assert.equal(reply.status, 200, `${path} ${JSON.stringify(headers)}`)
      assert.match(
        String(reply.headers['content-type']),
        type,
        `${path} ${JSON.stringify(headers)}`,
      )
    }
  })

  test('406 when nothing acceptable is asked for, listing what is available', async () => {
    for (const accept of ['image/png', 'text/plain;q=0, application/json;q=0, text/html;q=0']) {
      const reply = await request(alb, '/ip', { headers: { Accept: accept } })
      assert.equal(reply.status, 406, accept)
      assert.match(reply.body, /text\/plain, application\/json, text\/html/)
    }
  })

  test('400 for an unknown ?format=, listing the allowed values', async () => {
    const reply = await request(alb, '/ip?format=xml')
    assert.equal(reply.status, 400)
    assert.match(reply.body, /text, json, html/)
  })

  test('XSS payloads in headers and query never come back unescaped', async () => {
    const xss = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
    // A request line cannot carry spaces: the query gets the payload raw without them, and encoded.
    const raw = xss.replaceAll(' ', '/')
    for (const format of ['html', 'json', 'text', 'xml', '<script>alert(3)</script>']) {
      const reply = await request(
        alb,
        `/ip?format=${format}&q=${raw}&e=${encodeURIComponent(xss)}`,
        {
          headers: {
            'X-Forwarded-For': xss,
            'X-Amzn-Trace-Id': `Root=${xss}`,
            'User-Agent': xss,
            Accept: xss,
          },
        },
      )
      assert.doesNotMatch(reply.body, /<script|<img/i, format)
    }
    const page = await request(alb, '/ip?format=html', { headers: { 'X-Forwarded-For': xss } })
    assert.equal(page.status, 200)
    assert.ok(page.body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'))
    assert.match(page.body, /<li class="used">127\.0\.0\.1 ← you<\/li>/)
  })

  test('HEAD: the headers of GET, no body', async () => {
    const reply = await request(alb, '/ip', {
      method: 'HEAD',
      headers: { Accept: 'application/json' },
    })
    assert.equal(reply.status, 200)
    assert.match(String(reply.headers['content-type']), /^application\/json/)
    assert.equal(reply.headers['access-control-allow-origin'], '*')
    assert.equal(reply.body, '')
  })

  test('CORS: JSON is readable from any origin; the preflight is answered', async () => {
    const json = await request(alb, '/ip', {
      headers: { Accept: 'application/json', Origin: 'https://elsewhere.example' },
    })
    assert.equal(json.headers['access-control-allow-origin'], '*')
    const preflight = await request(alb, '/ip', {
      method: 'OPTIONS',
      headers: { Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'GET' },
    })
    assert.equal(preflight.status, 204)
    assert.equal(preflight.headers['access-control-allow-origin'], '*')
    assert.equal(preflight.headers['access-control-allow-methods'], 'GET, HEAD, OPTIONS')
  })

  test('other methods: 405 with Allow', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const reply = await request(alb, '/ip', { method })
      assert.equal(reply.status, 405, method)
      assert.equal(reply.headers.allow, 'GET, HEAD, OPTIONS')
    }
  })

  test('unknown paths under /ip/ are a 404 from the function', async () => {
    const reply = await request(alb, '/ip/nope')
    assert.equal(reply.status, 404)
    assert.match(reply.body, /this app answers \/ip/)
  })

  test('a health check (ELB-HealthChecker/2.0) is answered with 200 at once', async () => {
    const reply = await request(alb, '/ip', { headers: { 'User-Agent': 'ELB-HealthChecker/2.0' } })
    assert.equal(reply.status, 200)
  })
})

describe('whats-my-ip behind other load balancer settings', () => {
  test('xff_header_processing.mode "remove": a clear error naming the setting', async () => {
    await withAlb({ xffMode: 'remove' }, async (alb) => {
      const reply = await request(alb, '/ip', { headers: { 'X-Forwarded-For': '6.6.6.6' } })
      assert.equal(reply.status, 500)
      assert.match(reply.body, /routing\.http\.xff_header_processing\.mode/)
      assert.doesNotMatch(reply.body, /6\.6\.6\.6/)
    })
  })

  test('TRUSTED_PROXY_HOPS=1 (behind CloudFront): the entry the trusted proxy appended', async () => {
    await withAlb({ env: { TRUSTED_PROXY_HOPS: '1' } }, async (alb) => {
      const reply = await request(alb, '/ip', {
        headers: { 'X-Forwarded-For': '6.6.6.6, 198.51.100.9' },
      })
      assert.equal(reply.status, 200)
      assert.equal(reply.body, '198.51.100.9\n')
      const short = await request(alb, '/ip')
      assert.equal(short.status, 500)
      assert.match(short.body, /TRUSTED_PROXY_HOPS=1 needs at least 2/)
    })
  })

  test('an invalid TRUSTED_PROXY_HOPS: a 500 that does not leak the setting', async () => {
    await withAlb({ env: { TRUSTED_PROXY_HOPS: '99' } }, async (alb) => {
      const reply = await request(alb, '/ip')
      assert.equal(reply.status, 500)
      assert.doesNotMatch(reply.body, /TRUSTED_PROXY_HOPS/)
    })
  })
})
