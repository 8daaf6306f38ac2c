import assert from 'node:assert/strict'
import { test } from 'node:test'
import { AlbError } from './errors.js'
import { binary, empty, errorResponse, escapeHtml, html, json, redirect, text } from './response.js'

test('text/json/html set their content type and status', () => {
  assert.deepEqual(text('hi'), {
    statusCode: 200,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    body: 'hi',
  })
  assert.deepEqual(json({ a: 1 }, { statusCode: 201 }), {
    statusCode: 201,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: '{"a":1}',
  })
  assert.equal(html('<p>').headers?.['Content-Type'], 'text/html; charset=utf-8')
  assert.equal(json(undefined).body, 'null')
})

test('init headers win, including a lower-case content-type; cookies copied', () => {
  const r = text('x', { headers: { 'content-type': 'text/csv', 'X-A': '1' }, cookies: ['a=1'] })
  assert.deepEqual(r.headers, { 'content-type': 'text/csv', 'X-A': '1' })
  assert.deepEqual(r.cookies, ['a=1'])
})

test('json() of an unserialisable value is an AlbError 500', () => {
  assert.throws(
    () => json({ n: 1n }),
    (e: unknown) => e instanceof AlbError && e.statusCode === 500 && e.expose === false,
  )
})

test('binary, redirect, empty', () => {
  const bytes = Uint8Array.from([1, 2, 3])
  assert.deepEqual(binary(bytes, 'application/pdf'), {
    statusCode: 200,
    headers: { 'Content-Type': 'application/pdf' },
    body: bytes,
  })
  assert.deepEqual(redirect('/login'), {
    statusCode: 302,
    headers: { Location: '/login' },
    body: '',
  })
  assert.equal(redirect('/x', 308).statusCode, 308)
  assert.deepEqual(empty(), { statusCode: 204, body: '' })
  assert.equal(empty(202).statusCode, 202)
})

test('errorResponse exposes only exposable AlbError messages, never raw errors', () => {
  const exposed = errorResponse(new AlbError(404, 'No such upload', { headers: { 'X-A': '1' } }), {
    traceId: '1-5c536348-3d683b8b04734faae651f476',
  })
  assert.equal(exposed.statusCode, 404)
  assert.deepEqual(JSON.parse(String(exposed.body)), {
    error: 'No such upload',
    statusCode: 404,
    traceId: '1-5c536348-3d683b8b04734faae651f476',
  })
  assert.equal(exposed.headers?.['X-A'], '1')
  const hidden = errorResponse(new AlbError(500, 'db password wrong'))
  assert.deepEqual(JSON.parse(String(hidden.body)), {
    error: 'Internal Server Error',
    statusCode: 500,
  })
  const raw = errorResponse(new Error('secret stack'))
  assert.equal(raw.statusCode, 500)
  assert.ok(!String(raw.body).includes('secret'))
  assert.equal(errorResponse('a string').statusCode, 500)
})

test('escapeHtml', () => {
  assert.equal(
    escapeHtml(`<a href="x" title='y'>&</a>`),
    '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
  )
  assert.equal(escapeHtml('plain'), 'plain')
})
