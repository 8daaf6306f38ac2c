import assert from 'node:assert/strict'
import { test } from 'node:test'
import { parseRequest } from '@albkit/core'
import { HSTS, htmlPage } from './html-page.js'
import { markup } from './markup.js'
import { albEvent } from './testing/lambda.js'

const STYLE = 'body{margin:2rem}'
// Known answer: SHA-256 of "body{margin:2rem}", base64 (printf %s 'body{margin:2rem}' | openssl dgst -sha256 -binary | base64).
const STYLE_HASH = "'sha256-qRgMYBs45Z2t3DU5iOi7eLMVsTITnA//iy0PROiTmxY='"

test('htmlPage: a whole document with one <main>, escaped title, the style as written', () => {
  const page = htmlPage({ style: STYLE })
  const r = page(parseRequest(albEvent()), { title: 'a <b> & c', main: markup`<h1>${'<x>'}</h1>` })
  const body = String(r.body)
  assert.match(body, /^<!doctype html>\n<html lang="en"><head><meta charset="utf-8">/)
  assert.match(body, /<title>a &lt;b&gt; &amp; c<\/title>/)
  assert.ok(body.includes(`<style>${STYLE}</style>`))
  assert.equal(body.match(/<main>/g)?.length, 1)
  assert.ok(body.includes('<main>\n<h1>&lt;x&gt;</h1>\n</main>'))
  assert.equal(r.statusCode, 200)
  assert.match(String(r.headers?.['Content-Type']), /^text\/html/)
})

test('htmlPage: strict CSP admitting the style by its hash; options add img-src and form-action', () => {
  const plain = htmlPage({ style: STYLE })(parseRequest(albEvent()), { title: 't', main: markup`` })
  assert.equal(
    plain.headers?.['Content-Security-Policy'],
    `default-src 'none'; style-src ${STYLE_HASH}; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
  )
  const form = htmlPage({ style: STYLE, formAction: "'self'", imgSrc: "'self'" })(
    parseRequest(albEvent()),
    { title: 't', main: markup``, statusCode: 404, headers: { 'Cache-Control': 'max-age=5' } },
  )
  assert.equal(
    form.headers?.['Content-Security-Policy'],
    `default-src 'none'; style-src ${STYLE_HASH}; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`,
  )
  assert.equal(form.statusCode, 404)
  assert.equal(form.headers?.['Cache-Control'], 'max-age=5')
  assert.equal(form.headers?.['X-Content-Type-Options'], 'nosniff')
})

test('htmlPage: Strict-Transport-Security over HTTPS only (issue 14 #6)', () => {
  const page = htmlPage({ style: STYLE })
  const https = page(parseRequest(albEvent({ proto: 'https' })), { title: 't', main: markup`` })
  assert.equal(https.headers?.['Strict-Transport-Security'], HSTS)
  assert.equal(HSTS, 'max-age=63072000')
  const http = page(parseRequest(albEvent({ proto: 'http' })), { title: 't', main: markup`` })
  assert.equal(http.headers?.['Strict-Transport-Security'], undefined)
  const none = page(parseRequest(albEvent({ xffMode: 'remove' })), { title: 't', main: markup`` })
  assert.equal(none.headers?.['Strict-Transport-Security'], undefined)
})

test('htmlPage: a style that would close its element is refused at definition', () => {
  assert.throws(() => htmlPage({ style: 'a{}</STYLE><script>' }), TypeError)
})
