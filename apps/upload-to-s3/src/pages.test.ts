import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { describe, test } from 'node:test'
import { errorPage, PAGE_HEADERS, resultPage, uploadFormPage } from './pages.js'

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
    const page = uploadFormPage({ maxUploadBytes: 1, maxFiles: 1, allowedTypes: ['a/b'] })
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1] ?? ''
    const hash = createHash('sha256').update(style).digest('base64')
    const csp = PAGE_HEADERS['Content-Security-Policy'] ?? ''
    assert.equal(
      csp,
      `default-src 'none'; style-src 'sha256-${hash}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
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
