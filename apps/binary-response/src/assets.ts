import type { AssetRecord } from './asset-record.js'
import { type ContentCoding, compressAsset } from './compress-asset.js'
import { isCompressible } from './content-types.js'

/** One servable asset. Bytes are decoded from the bundle on first use, then kept. */
export interface Asset {
  readonly name: string
  readonly contentType: string
  readonly size: number
  readonly sha256: string
  /** Strong ETag of the identity bytes: the quoted first 16 hex digits of the SHA-256. */
  readonly etag: string
  /** Whether gzip/br apply (text, SVG, JSON …). */
  readonly compressible: boolean
  /** False when the asset is too large for a Lambda result and lives only in the bucket. */
  readonly embedded: boolean
  /** The raw bytes; throws for an asset that is not embedded. */
  bytes(): Buffer
  /** The ETag of the identity bytes (no coding) or of a content-coded variant. */
  etagFor(coding: ContentCoding | undefined): string
  /** The bytes in a content coding, compressed once and cached. */
  encoded(coding: ContentCoding): Buffer
}

/** Looks assets up by file name and counts how many were decoded (health checks read none). */
export interface AssetRegistry {
  get(name: string): Asset | undefined
  list(): Asset[]
  /** How many assets have had their bytes decoded so far. */
  decodedCount(): number
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/

/**
 * Build the registry over the embedded records. Names are matched exactly (no paths, no
 * decoding), so `../` or nested paths can never reach anything.
 *
 * @example
 * const registry = createAssetRegistry(ASSET_DATA)
 * registry.get('logo.png')?.bytes()
 */
export function createAssetRegistry(records: readonly AssetRecord[]): AssetRegistry {
  let decoded = 0
  const assets = new Map<string, Asset>()
  for (const record of records) {
    if (!NAME.test(record.name)) throw new Error(`asset name not allowed: ${record.name}`)
    let bytes: Buffer | undefined
    const variants = new Map<ContentCoding, Buffer>()
    const tag = record.sha256.slice(0, 16)
    const etag = `"${tag}"`
    const asset: Asset = {
      name: record.name,
      contentType: record.contentType,
      size: record.size,
      sha256: record.sha256,
      etag,
      compressible: isCompressible(record.contentType),
      embedded: record.base64 !== null,
      bytes() {
        if (bytes) return bytes
        if (record.base64 === null) throw new Error(`${record.name} is not embedded in the bundle`)
        bytes = Buffer.from(record.base64, 'base64')
        decoded++
        return bytes
      },
      etagFor: (coding) => (coding === undefined ? etag : `"${tag}-${coding}"`),
      encoded(coding) {
        let variant = variants.get(coding)
        if (!variant) {
          variant = compressAsset(asset.bytes(), coding)
          variants.set(coding, variant)
        }
        return variant
      },
    }
    assets.set(record.name, asset)
  }
  return {
    get: (name) => (NAME.test(name) ? assets.get(name) : undefined),
    list: () => [...assets.values()],
    decodedCount: () => decoded,
  }
}
