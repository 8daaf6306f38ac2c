import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { type AlbResultSingle, validateResult } from '@albkit/core'
import { albEvent } from '@albkit/core/testing'
import { lambdaContext } from '@albkit/middy/testing'
import { createAssetRegistry } from './assets.js'
import { ASSET_DATA } from './generated/asset-data.js'
import { createHandler } from './handler.js'

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8'

async function get(
  query = '',
  headers: Record<string, string> = {},
  proto: 'http' | 'https' = 'http',
) {
  const handler = createHandler(
    {
      registry: createAssetRegistry(ASSET_DATA),
      oversized: {
        bucket: undefined,
        keyPrefix: 'binary/',
        expiresInSeconds: 300,
        presign: async () => async () => 'unused',
      },
    },
    { log: () => {} },
  )
  const r = (await handler(
    albEvent({ path: '/binary/', query, headers, proto }),
    lambdaContext(),
  )) as AlbResultSingle
  assert.deepEqual(validateResult(r, 'single'), { errors: [], warnings: [] })
  return r
}

describe('GET /binary/: JSON for programs, a gallery for browsers (issue 17 #6)', () => {
  test('no Accept, */*, Accept: application/json and ?format=json → the JSON listing', async () => {
    for (const [query, headers] of [
      ['', {}],
      ['', { accept: '*/*' }],
      ['', { accept: 'application/json' }],
      ['format=json', { accept: BROWSER }],
    ] as const) {
      const r = await get(query, headers)
      assert.equal(r.statusCode, 200)
      assert.match(
        r.headers['Content-Type'] ?? '',
        /^application\/json/,
        `${query} ${JSON.stringify(headers)}`,
      )
      assert.equal(JSON.parse(r.body).assets.length, ASSET_DATA.length)
      assert.equal(r.headers.Vary, 'Accept')
    }
  })

  test('a browser (or ?format=html) gets an HTML gallery: every asset with type, size, SHA-256 and links', async () => {
    for (const [query, headers] of [
      ['', { accept: BROWSER }],
      ['format=html', {}],
    ] as const) {
      const r = await get(query, headers)
      assert.equal(r.statusCode, 200)
      assert.match(r.headers['Content-Type'] ?? '', /^text\/html/)
      const page = r.body
      assert.equal(page.match(/<main>/g)?.length, 1)
      for (const asset of ASSET_DATA) {
        assert.ok(page.includes(`<h2>${asset.name}</h2>`), asset.name)
        assert.ok(page.includes(`<dd>${asset.contentType}</dd>`), asset.contentType)
        assert.ok(page.includes(`${asset.size.toLocaleString('en-US')} bytes`), asset.name)
        assert.ok(page.includes(`<code>${asset.sha256}</code>`), asset.name)
        if (asset.base64 !== null) {
          assert.ok(
            page.includes(`<a href="/binary/${asset.name}" download="${asset.name}">`),
            asset.name,
          )
        }
      }
    }
  })

  test('previews for the embedded images only; the oversized asset says why it is unavailable', async () => {
    const page = (await get('format=html')).body
    const previews = [...page.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1])
    assert.deepEqual(previews, [
      ...ASSET_DATA.filter((a) => a.contentType.startsWith('image/') && a.base64 !== null).map(
        (a) => `/binary/${a.name}`,
      ),
      '/binary/render.png?text=albkit&amp;size=128',
    ])
    assert.ok(previews.includes('/binary/logo.png') && previews.includes('/binary/diagram.svg'))
    assert.match(
      page,
      /<h2>large\.bin<\/h2>[\s\S]*?not available \(too large for a Lambda result, and no ASSETS_BUCKET\)[\s\S]*?Download not available/,
    )
    assert.doesNotMatch(page, /href="\/binary\/large\.bin"/)
    for (const alt of page.matchAll(/<img [^>]*>/g)) assert.match(alt[0], /alt="[^"]+"/)
  })

  test("the page loads only its own images: CSP img-src 'self', no script; HSTS over HTTPS only", async () => {
    const r = await get('format=html')
    const csp = r.headers['Content-Security-Policy'] ?? ''
    assert.match(
      csp,
      /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'$/,
    )
    assert.doesNotMatch(r.body, /<script|https?:\/\//)
    assert.equal(r.headers['Strict-Transport-Security'], undefined)
    const https = await get('format=html', {}, 'https')
    assert.match(https.headers['Strict-Transport-Security'] ?? '', /^max-age=\d+$/)
  })

  test('an unknown ?format= is a 400 naming the formats', async () => {
    const bad = await get('format=xml')
    assert.equal(bad.statusCode, 400)
    assert.match(JSON.parse(bad.body).error, /json, html/)
  })
})
