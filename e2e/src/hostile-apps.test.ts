/**
 * Hostile input through the whole stack: XSS payloads in file names, headers and query strings
 * are never reflected unescaped; path traversal never reaches an S3 key (nor the disk outside
 * the bucket); a forged X-Forwarded-For never changes the reported address; CR/LF in a header
 * value a handler returns never reaches the wire.
 */
import assert from 'node:assert/strict'
import { readdir } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { figure } from './support/figures.js'
import { rawRequest } from './support/raw-http.js'
import { type Stack, startStack } from './support/stack.js'

const MARK = 'alert(7331)'
const XSS = [
  `<script>${MARK}</script>`,
  `"><img src=x onerror=${MARK}>`,
  `'><svg onload=${MARK}>`,
  `</title><iframe src=javascript:${MARK}>`,
]
/** Any of these in a body means a payload came back as markup. */
const DANGEROUS = [
  /<script>alert\(7331\)/i,
  /<img src=x onerror/i,
  /<svg onload/i,
  /<iframe src=javascript/i,
]

let stack: Stack
let port: number
let checked = 0
before(async () => {
  stack = await startStack({ faults: true })
  port = Number(new URL(stack.alb.url).port)
})
after(() => stack?.close())

function assertNotReflected(label: string, status: number, body: string): void {
  checked++
  for (const pattern of DANGEROUS) {
    assert.doesNotMatch(
      body,
      pattern,
      `${label} (${status}) reflects markup: ${body.slice(0, 300)}`,
    )
  }
}

const ACCEPTS = ['text/html', 'application/json', '*/*']

describe('XSS payloads are never reflected unescaped', () => {
  test('in file names (multipart and PUT), as JSON and as the browser result page', async () => {
    for (const payload of XSS) {
      for (const accept of ACCEPTS) {
        const form = new FormData()
        form.append(
          'file',
          new Blob([Buffer.from('data')], { type: 'application/octet-stream' }),
          `${payload}.bin`,
        )
        const r = await fetch(`${stack.alb.url}/upload`, {
          method: 'POST',
          body: form,
          headers: { accept },
        })
        assert.ok(r.status === 201 || (r.status >= 400 && r.status < 500), `multipart ${r.status}`)
        assertNotReflected(`multipart filename ${payload} (${accept})`, r.status, await r.text())
        const put = await fetch(`${stack.alb.url}/upload/${encodeURIComponent(payload)}.bin`, {
          method: 'PUT',
          body: 'data',
          headers: { accept, 'content-type': 'application/octet-stream' },
        })
        assertNotReflected(`PUT name ${payload} (${accept})`, put.status, await put.text())
        // a hostile Content-Type of the file part is refused or stored, never echoed as markup
        const typed = new FormData()
        typed.append(
          'file',
          new Blob([Buffer.from('data')], { type: `text/plain; x=${payload}` }),
          'a.txt',
        )
        const t = await fetch(`${stack.alb.url}/upload`, {
          method: 'POST',
          body: typed,
          headers: { accept },
        })
        assertNotReflected(`part type ${payload} (${accept})`, t.status, await t.text())
      }
    }
  })

  test('in query strings and paths, on every app and the listener default', async () => {
    for (const payload of XSS) {
      const q = encodeURIComponent(payload)
      const urls = [
        `/ip?format=${q}`,
        `/ip?${q}=${q}`,
        `/ip/html?x=${q}`,
        `/ip/${q}`,
        `/binary/render.png?text=${q}&fg=${q}&bg=${q}&size=${q}`,
        `/binary/${q}`,
        `/binary/logo.png?${q}`,
        `/upload?${q}`,
        `/upload/${q}/x`,
        `/health?format=${q}`,
        `/${q}`,
        `/nothing?${q}=${q}`,
      ]
      for (const url of urls) {
        for (const accept of ACCEPTS) {
          const r = await fetch(`${stack.alb.url}${url}`, { headers: { accept } })
          assertNotReflected(`GET ${url} (${accept})`, r.status, await r.text())
        }
      }
    }
  })

  test('unencoded in the request line (raw socket)', async () => {
    for (const payload of XSS.map((x) => x.replaceAll(' ', '%20'))) {
      const paths = [
        `/binary/${payload}`,
        `/ip/${payload}`,
        `/ip?format=${payload}`,
        `/upload/${payload}/x`,
        `/binary/render.png?text=${payload}&size=${payload}`,
        `/${payload}`,
      ]
      for (const path of paths) {
        const answer = await rawRequest(port, [
          `GET ${path} HTTP/1.1\r\nHost: e2e\r\nAccept: text/html\r\nConnection: close\r\n\r\n`,
        ])
        assertNotReflected(`raw GET ${path}`, answer.status ?? 0, answer.bytes.toString('latin1'))
      }
    }
  })

  test('in request headers (User-Agent, Accept, X-Forwarded-For, trace id, conditionals)', async () => {
    for (const payload of XSS) {
      const headers: Array<Record<string, string>> = [
        { 'user-agent': payload, accept: 'text/html' },
        { accept: payload },
        { accept: `text/html, ${payload}` },
        { 'x-forwarded-for': payload, accept: 'text/html' },
        { 'x-amzn-trace-id': `Root=${payload}`, accept: 'text/html' },
        { 'x-amzn-trace-id': `Root=${payload}`, accept: 'application/json' },
        { 'if-none-match': payload, range: `bytes=${payload}` },
        { cookie: `a=${payload}`, referer: payload, accept: 'text/html' },
      ]
      for (const path of [
        '/ip',
        '/ip/json',
        '/ip/html',
        '/binary/logo.png',
        '/upload',
        '/health',
      ]) {
        for (const h of headers) {
          const r = await fetch(`${stack.alb.url}${path}`, { headers: h })
          assertNotReflected(`GET ${path} ${JSON.stringify(h)}`, r.status, await r.text())
        }
      }
    }
  })
})

/** Every file under `dir`, relative to it. */
async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)))
}

describe('path traversal never reaches an S3 key', () => {
  const KEY = /^uploads\/\d{4}-\d{2}-\d{2}\/[0-9a-f-]{36}\/[^/\\]+$/
  const NAMES = [
    '../../escape.bin',
    '..\\..\\escape.bin',
    '/etc/passwd',
    'C:\\Windows\\escape.ini',
    '....//....//escape.bin',
    '%2e%2e%2fescape.bin',
    '..',
    '.',
    'a/../../../escape.bin',
    '\u2025/escape.bin',
    '..\u0000escape.bin',
  ]
  test('multipart file names and PUT paths: stored under the server-chosen key, or refused', async () => {
    const bucket = stack.bucket('UploadBucket')
    const keys: string[] = []
    const answers: number[] = []
    for (const name of NAMES) {
      const form = new FormData()
      form.append('file', new Blob([Buffer.from('x')], { type: 'application/octet-stream' }), name)
      const viaForm = await fetch(`${stack.alb.url}/upload`, { method: 'POST', body: form })
      const viaPut = await fetch(`${stack.alb.url}/upload/${encodeURIComponent(name)}`, {
        method: 'PUT',
        body: 'x',
        headers: { 'content-type': 'application/octet-stream' },
      })
      const rawPut = await rawRequest(port, [
        `PUT /upload/${name.replaceAll('\\', '%5C').replaceAll('\u0000', '%00').replaceAll('\u2025', '%E2%80%A5')} HTTP/1.1\r\nHost: e2e\r\nContent-Type: application/octet-stream\r\nContent-Length: 1\r\nConnection: close\r\n\r\nx`,
      ])
      for (const r of [viaForm, viaPut]) {
        answers.push(r.status)
        const text = await r.text()
        if (r.status === 201) {
          for (const f of (JSON.parse(text) as { files: Array<{ key: string }> }).files)
            keys.push(f.key)
        } else assert.ok(r.status >= 400 && r.status < 500, `${name}: ${r.status} ${text}`)
      }
      answers.push(rawPut.status ?? 0)
      assert.ok(
        rawPut.status === 201 ||
          (rawPut.status !== undefined && rawPut.status >= 400 && rawPut.status < 500) ||
          rawPut.closed,
        `raw PUT ${name}: ${rawPut.status}`,
      )
    }
    for (const key of keys) {
      assert.match(key, KEY)
      const name = key.split('/').at(-1) ?? ''
      assert.ok(name !== '.' && name !== '..', `${key}: a dot segment`)
    }
    const stored = await stack.s3.keys(bucket)
    for (const key of stored) {
      assert.ok(key.startsWith('uploads/'), `${key} outside the prefix`)
      assert.ok(!key.split('/').some((s) => s === '..' || s === '.'), `${key} has a dot segment`)
    }
    // on disk: nothing named escape/passwd outside the bucket's uploads/ folder
    const onDisk = (await files(stack.dir)).filter((f) => /escape|passwd/.test(f))
    for (const f of onDisk)
      assert.ok(f.startsWith(join('s3', bucket, 'uploads')), `${f} outside the bucket`)
    figure('traversal', {
      names: NAMES.length,
      requests: answers.length,
      stored: keys.length,
      refused: answers.filter((s) => s >= 400).length,
      keysOutsidePrefix: 0,
    })
  })

  test('asset paths: never a file outside the bundle', async () => {
    for (const path of [
      '/binary/..%2F..%2Fpackage.json',
      '/binary/%2e%2e/%2e%2e/package.json',
      '/binary/....//package.json',
      '/binary/..%5Cindex.mjs',
    ]) {
      const r = await fetch(`${stack.alb.url}${path}`)
      assert.equal(r.status, 404, path)
      assert.doesNotMatch(await r.text(), /"dependencies"|@albkit\/app|export const handler/)
    }
    const raw = await rawRequest(port, [
      'GET /binary/../../package.json HTTP/1.1\r\nHost: e2e\r\nConnection: close\r\n\r\n',
    ])
    assert.ok(raw.status === 404 || raw.status === 400, `raw ../: ${raw.status}`)
  })
})

describe('a forged X-Forwarded-For never changes the reported address', () => {
  test('text and JSON report the peer the balancer saw', async () => {
    const forged = [
      '6.6.6.6',
      '6.6.6.6, 7.7.7.7',
      '127.0.0.2',
      '::1',
      'unknown',
      '6.6.6.6:443',
      '[2001:db8::1]',
    ]
    for (const xff of forged) {
      const text = await fetch(`${stack.alb.url}/ip`, {
        headers: { 'x-forwarded-for': xff, 'x-real-ip': '6.6.6.6', forwarded: 'for=6.6.6.6' },
      })
      assert.equal(text.status, 200)
      assert.equal((await text.text()).trim(), '127.0.0.1', `XFF ${xff}`)
      const json = await fetch(`${stack.alb.url}/ip/json`, { headers: { 'x-forwarded-for': xff } })
      const report = (await json.json()) as { address: string; forwardedFor: string[] }
      assert.equal(report.address, '127.0.0.1')
      assert.equal(report.forwardedFor.at(-1), '127.0.0.1', 'the balancer appends the peer')
    }
    figure('forged-xff', { tried: forged.length, reported: '127.0.0.1' })
  })
})

describe('CR/LF in a header value never reaches the wire', () => {
  test('returned by a handler: 502, no injected header', async () => {
    for (const mode of ['crlf', 'lf']) {
      const answer = await rawRequest(port, [
        `GET /fault/${mode} HTTP/1.1\r\nHost: e2e\r\nConnection: close\r\n\r\n`,
      ])
      const head = answer.bytes.toString('latin1').split('\r\n\r\n')[0] ?? ''
      assert.equal(answer.status, 502, mode)
      assert.doesNotMatch(head, /X-Injected/i)
    }
  })

  test('smuggled in through paths and query strings the apps echo', async () => {
    const targets = [
      '/upload/a%0d%0aX-Injected:%20yes',
      '/upload?x=%0d%0aX-Injected:%20yes',
      '/binary/render.png?text=%0d%0aX-Injected:%20yes',
      '/binary/a%0d%0aX-Injected:%20yes',
      '/ip?format=%0d%0aX-Injected:%20yes',
      '/health?x=%0d%0aX-Injected:%20yes',
      '/nothing%0d%0aX-Injected:%20yes',
    ]
    for (const target of targets) {
      const answer = await rawRequest(port, [
        `GET ${target} HTTP/1.1\r\nHost: e2e\r\nConnection: close\r\n\r\n`,
      ])
      const head = answer.bytes.toString('latin1').split('\r\n\r\n')[0] ?? ''
      assert.ok(answer.status !== undefined, target)
      assert.doesNotMatch(head, /\r\nX-Injected/i, target)
    }
    figure('xss-crlf', { reflectionChecks: checked, crlfTargets: targets.length + 2, injected: 0 })
  })
})
