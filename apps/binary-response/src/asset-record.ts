/** One asset as embedded in the bundle by scripts/generate-assets.ts. */
export interface AssetRecord {
  /** File name under assets/ and under /binary/ */
  name: string
  contentType: string
  /** Raw size in bytes */
  size: number
  /** Hex SHA-256 of the raw bytes */
  sha256: string
  /** The bytes, base64; null when the asset is too large for a Lambda result (bucket only) */
  base64: string | null
}
