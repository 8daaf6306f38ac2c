import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { renderEtag, renderPng, renderRoute } from './render-route.js'
import type { AssetRequest } from './serve-asset.js'
import { decodePng } from './testing/png-reader.js'

const get: AssetRequest = { method: 'GET', header: () => undefined }
const q = (s: string): Array<[string, string]> => [...new URLSearchParams(s)]

describe('renderRoute', () => {
  test('200 image/png that decodes to the requested size, same bytes as renderPng', () => {
    const r = renderRoute(q('text=ada&size=48&fg=%23336699'), get)
    assert.equal(r.statusCode, 200)
    assert.equal(r.headers?.['Content-Type'], 'image/png')
    const body = Buffer.from(r.body ?? '')
    const png = decodePng(body)
    assert.equal(png.width, 48)
    assert.equal(png.height, 48)
    assert.deepEqual(
      body,
      renderPng({ text: 'ada', size: 48, fg: [0x33, 0x66, 0x99], bg: [240, 240, 240] }),
    )
  })
  test('400 names every problem and the bounds', () => {
    const r = renderRoute(q('size=4096&bg=nope'), get)
    assert.equal(r.statusCode, 400)
    assert.equal(r.headers?.['Cache-Control'], 'no-store')
    const body = JSON.parse(String(r.body))
    assert.equal(body.problems.length, 2)
    assert.deepEqual(body.bounds.size, { min: 16, max: 512, default: 128 })
  })
  test('ETag depends on the parameters; If-None-Match → 304, HEAD → no body', () => {
    const params = {
      text: 'ada',
      size: 128,
      fg: undefined,
      bg: [240, 240, 240] as [number, number, number],
    }
    const etag = renderEtag(params)
    assert.notEqual(etag, renderEtag({ ...params, size: 129 }))
    const r = renderRoute(q('text=ada'), {
      method: 'GET',
      header: (n) => (n === 'if-none-match' ? etag : undefined),
    })
    assert.equal(r.statusCode, 304)
    const head = renderRoute(q('text=ada'), { method: 'HEAD', header: () => undefined })
    assert.equal(head.statusCode, 200)
    assert.equal(head.body, '')
  })
  test('the largest allowed image stays far below the response limit', () => {
    const r = renderRoute(q('text=worst-case&size=512'), get)
    assert.ok(Buffer.from(r.body ?? '').length < 50_000)
  })
})
