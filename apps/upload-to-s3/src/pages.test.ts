import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { describe, test } from 'node:test'
import { type HttpResponse, parseRequest } from '@albkit/core'
import { albEvent } from '@albkit/core/testing'
import * as pages from './pages.js'

const req = parseRequest(albEvent({ path: '/upload' }))
const text = (r: HttpResponse) => String(r.body)
const uploadFormPage = (o: pages.FormPageOptions) => text(pages.uploadFormPage(req, o))
const resultPage = (r: Parameters<typeof pages.resultPage>[1]) => text(pages.resultPage(req, r))
const errorPage = (status: number, message: string) => text(pages.errorPage(req, status, message))

const evil = '<script>alert("x")</script>&\''

describe('pages', () => {
  test('the form posts multipart, several files, to /upload', () => {
    const page = uploadFormPage({
      maxUploadBytes: 700000,
      maxFiles: 10,
      allowedTypes: ['image/png', 'text/plain'],
    })
    assert.match(page, /<form method="post" action="\/upload" enctype="multipart\/form-data">/)
    assert.match(
      page,
      /<input type="file" name="file" multiple required accept="image\/png,text\/plain">/,
    )
    assert.ok(!/<script|src=|href="http/i.test(page), 'no scripts, no external assets')
  })

  test("the CSP allows exactly the page's inline stylesheet", () => {
    const response = pages.uploadFormPage(req, {
      maxUploadBytes: 1,
      maxFiles: 1,
      allowedTypes: ['a/b'],
    })
    const style = /<style>([\s\S]*?)<\/style>/.exec(text(response))?.[1] ?? ''
    const hash = createHash('sha256').update(style).digest('base64')
    const csp = response.headers?.['Content-Security-Policy']
    // albkit's page frame (middy's htmlPage) states img-src 'none' and orders base-uri first.
    assert.equal(
      csp,
      `default-src 'none'; style-src 'sha256-${hash}'; img-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`,
    )
  })

  test('everything user-supplied is escaped', () => {
    const form = uploadFormPage({ maxUploadBytes: 1, maxFiles: 1, allowedTypes: [evil] })
    const result = resultPage({
      statusCode: 503,
      error: evil,
      files: [
        {
          name: evil,
          key: evil,
          size: 1,
          contentType: evil,
          sha256: evil,
          status: 'stored',
          etag: evil,
        },
        {
          name: evil,
          key: evil,
          size: 1,
          contentType: evil,
          sha256: evil,
          status: 'failed',
          error: evil,
        },
      ],
    })
    const error = errorPage(400, evil)
    for (const page of [form, result, error]) {
      assert.ok(!page.includes('<script>'), page)
      assert.ok(page.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;'))
    }
  })

  test('every page has one <main>; Strict-Transport-Security over HTTPS only (issue 14 #6)', () => {
    const over = (proto: 'http' | 'https') => parseRequest(albEvent({ path: '/upload', proto }))
    for (const render of [
      (r: typeof req) =>
        pages.uploadFormPage(r, { maxUploadBytes: 1, maxFiles: 1, allowedTypes: [] }),
      (r: typeof req) => pages.resultPage(r, { statusCode: 201, files: [] }),
      (r: typeof req) => pages.errorPage(r, 400, 'bad'),
    ]) {
      assert.equal(text(render(over('http'))).match(/<main>/g)?.length, 1)
      assert.equal(render(over('http')).headers?.['Strict-Transport-Security'], undefined)
      assert.match(
        String(render(over('https')).headers?.['Strict-Transport-Security']),
        /^max-age=\d+$/,
      )
    }
  })

  test('the result page lists each file with its status', () => {
    const page = resultPage({
      statusCode: 201,
      files: [
        {
          name: 'a.txt',
          key: 'uploads/k/a.txt',
          size: 3,
          contentType: 'text/plain',
          sha256: 'ab',
          status: 'stored',
          etag: '"e"',
        },
      ],
    })
    assert.match(page, /<h1>Stored<\/h1>/)
    assert.match(
      page,
      /<td>a\.txt<\/td><td>3<\/td><td class="stored">stored<\/td><td>uploads\/k\/a\.txt<\/td>/,
    )
  })
})
