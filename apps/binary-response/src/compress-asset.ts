/** Content codings this app produces (those core's `pickEncoding` picks; br wins ties). */
export type ContentCoding = 'br' | 'gzip'

/**
 * Compress an asset once at the highest settings (the result is cached per asset, so the
 * cost is paid once per cold start, not per request).
 *
 * @example
 * compressAsset(Buffer.from('<svg …>'), 'br')
 */
export function compressAsset(bytes: Buffer, coding: ContentCoding): Buffer {
  // Loaded on first use, not at import, to keep it out of cold start (bench/, issue #9).
  const { brotliCompressSync, constants, gzipSync } = process.getBuiltinModule('node:zlib')
  if (coding === 'gzip') return gzipSync(bytes, { level: 9 })
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  })
}
