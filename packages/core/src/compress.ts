import { builtin } from './builtin.js'

/**
 * Bodies at or below this many bytes are not worth compressing.
 * @example
 * toAlbResult(text(big), { mode, compress: true, acceptEncoding }) // compressed only if > COMPRESS_MIN_BYTES
 */
export const COMPRESS_MIN_BYTES = 1024

/**
 * Picks `br` or `gzip` from an `Accept-Encoding` value (q=0 excludes; `*` allows both).
 * @example
 * pickEncoding('gzip, deflate, br;q=0') // 'gzip'
 */
export function pickEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | undefined {
  if (acceptEncoding === undefined) return undefined
  let br: number | undefined
  let gzip: number | undefined
  let star: number | undefined
  for (const part of acceptEncoding.split(',')) {
    const [rawName = '', ...params] = part.split(';')
    const name = rawName.trim().toLowerCase()
    let q = 1
    for (const p of params) {
      const [k = '', v = ''] = p.split('=')
      if (k.trim().toLowerCase() === 'q') q = Number(v.trim())
    }
    if (!(q > 0)) q = 0
    if (name === 'br') br = q
    else if (name === 'gzip' || name === 'x-gzip') gzip = q
    else if (name === '*') star = q
  }
  const brQ = br ?? star ?? 0
  const gzQ = gzip ?? star ?? 0
  if (brQ > 0 && brQ >= gzQ) return 'br'
  if (gzQ > 0) return 'gzip'
  return undefined
}

/**
 * Compresses bytes with the chosen encoding (brotli at quality 5: fast, close to gzip -9 in size).
 * @example
 * compressBody(Buffer.from('x'.repeat(5000)), 'gzip')
 */
export function compressBody(bytes: Buffer, encoding: 'br' | 'gzip'): Buffer {
  // node:zlib is loaded on the first compressed response, not at import (see builtin.ts).
  const { brotliCompressSync, constants, gzipSync } = builtin('node:zlib')
  if (encoding === 'gzip') return gzipSync(bytes)
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 5,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  })
}
