import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { describe, test } from 'node:test'
import { gunzipSync } from 'node:zlib'
import { largeAssetBytes } from '../scripts/asset-writers.js'
import { createAssetRegistry } from './assets.js'
import { contentTypeFor } from './content-types.js'
import { ASSET_DATA } from './generated/asset-data.js'
import { fitsInAlbResponse } from './size-limit.js'

const assetsDir = new URL('../assets/', import.meta.url)
const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex')

describe('generated asset data', () => {
  test('is in sync with assets/ (run `pnpm assets` after changing a file)', async () => {
    // large.bin is not committed (a fresh clone has no copy): its bytes come from the generator
    const files = new Set([...(await readdir(assetsDir)), 'large.bin'])
    assert.deepEqual(ASSET_DATA.map((a) => a.name).sort(), [...files].sort())
    for (const record of ASSET_DATA) {
      const bytes =
        record.name === 'large.bin'
          ? largeAssetBytes()
          : await readFile(new URL(record.name, assetsDir))
      assert.equal(record.size, bytes.length, record.name)
      assert.equal(record.sha256, sha(bytes), record.name)
      assert.equal(record.contentType, contentTypeFor(record.name))
      if (record.base64 !== null)
        assert.equal(sha(Buffer.from(record.base64, 'base64')), record.sha256)
    }
  })
  test('covers several binary kinds, and exactly the oversized ones are left out of the bundle', () => {
    const types = new Set(ASSET_DATA.map((a) => a.contentType))
    for (const t of ['image/png', 'application/pdf', 'application/zip', 'application/octet-stream'])
      assert.ok(types.has(t), t)
    for (const record of ASSET_DATA)
      assert.equal(record.base64 === null, !fitsInAlbResponse(record.size), record.name)
    assert.ok(
      ASSET_DATA.some((a) => a.base64 === null),
      'one asset demonstrates the 1 MB limit',
    )
  })
})

describe('createAssetRegistry', () => {
  test('decodes lazily, once, and ETags are the quoted SHA-256 prefix', () => {
    const registry = createAssetRegistry(ASSET_DATA)
    assert.equal(registry.decodedCount(), 0)
    const logo = registry.get('logo.png')
    assert.ok(logo)
    assert.equal(logo.etag, `"${logo.sha256.slice(0, 16)}"`)
    assert.equal(logo.etagFor('gzip'), `"${logo.sha256.slice(0, 16)}-gzip"`)
    assert.equal(sha(logo.bytes()), logo.sha256)
    logo.bytes()
    assert.equal(registry.decodedCount(), 1)
  })
  test('compressed variants decode back to the bytes; PNG is not compressible, SVG is', () => {
    const registry = createAssetRegistry(ASSET_DATA)
    const svg = registry.get('diagram.svg')
    assert.ok(svg?.compressible)
    assert.equal(registry.get('logo.png')?.compressible, false)
    assert.deepEqual(gunzipSync(svg.encoded('gzip')), svg.bytes())
  })
  test('names are exact: no paths, no traversal, no case folding', () => {
    const registry = createAssetRegistry(ASSET_DATA)
    for (const name of [
      '../assets/logo.png',
      'LOGO.PNG',
      'logo.png/',
      '',
      '.',
      'x/logo.png',
      '%2e%2e',
    ]) {
      assert.equal(registry.get(name), undefined, name)
    }
  })
  test('a non-embedded asset refuses bytes()', () => {
    const large = createAssetRegistry(ASSET_DATA).get('large.bin')
    assert.equal(large?.embedded, false)
    assert.throws(() => large?.bytes(), /not embedded/)
  })
})
