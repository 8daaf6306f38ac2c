import { COMPRESS_MIN_BYTES, compressBody, pickEncoding } from './compress.js'
import { isTextContentType } from './encoding.js'

const VARY_COVERS_ENCODING = /(^|,)\s*(accept-encoding|\*)\s*(,|$)/i

function toBuffer(raw: string | Uint8Array): Buffer {
  return typeof raw === 'string'
    ? Buffer.from(raw, 'utf8')
    : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength)
}

/**
 * Encodes a response body for the ALB, which decodes a base64 body when `isBase64Encoded` is
 * true (ELB user guide, "Lambda functions as targets"): text content types without
 * `Content-Encoding` stay text, everything else (and every `Uint8Array`) becomes base64.
 * With `compress`, large text bodies are compressed and `Content-Encoding` / `Vary` are set in
 * `headers` (canonical names → values), which this function updates.
 * @example
 * encodeResultBody('hi', 200, 'text/plain', undefined, new Map(), {}) // { body: 'hi', isBase64Encoded: false }
 */
export function encodeResultBody(
  raw: string | Uint8Array | undefined | null,
  code: number,
  contentType: string | undefined,
  contentEncoding: string | undefined,
  headers: Map<string, string[]>,
  options: { compress?: boolean; acceptEncoding?: string },
): { body: string; isBase64Encoded: boolean } {
  if (raw == null || raw.length === 0) return { body: '', isBase64Encoded: false }
  const textual = contentEncoding === undefined && isTextContentType(contentType)
  if (options.compress === true && textual && code !== 204 && code !== 304) {
    // A UTF-16 unit is at most 3 UTF-8 bytes: shorter strings cannot exceed the threshold.
    const enc =
      raw.length > COMPRESS_MIN_BYTES / 3 ? pickEncoding(options.acceptEncoding) : undefined
    const bytes = enc === undefined ? undefined : toBuffer(raw)
    if (enc !== undefined && bytes !== undefined && bytes.length > COMPRESS_MIN_BYTES) {
      const packed = compressBody(bytes, enc)
      if (packed.length < bytes.length) {
        headers.set('Content-Encoding', [enc])
        const vary = headers.get('Vary') ?? []
        if (!vary.some((v) => VARY_COVERS_ENCODING.test(v)))
          headers.set('Vary', [...vary, 'Accept-Encoding'])
        return { body: packed.toString('base64'), isBase64Encoded: true }
      }
    }
  }
  if (typeof raw === 'string' && textual) return { body: raw, isBase64Encoded: false }
  return { body: toBuffer(raw).toString('base64'), isBase64Encoded: true }
}
