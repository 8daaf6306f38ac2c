import { COMPRESS_MIN_BYTES, compressBody, pickEncoding } from './compress.js'
import { isTextContentType } from './encoding.js'

const VARY_COVERS_ENCODING = /(^|,)\s*(accept-encoding|\*)\s*(,|$)/i

function toBuffer(raw: string | Uint8Array): Buffer {
  return typeof raw === 'string'
    ? Buffer.from(raw, 'utf8')
    : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength)
}

/** Appends `-gzip` / `-br` inside the quotes of an ETag (`W/` kept): each coding is its own representation. */
function codedEtag(etag: string, enc: 'br' | 'gzip'): string {
  return etag.endsWith('"') && etag.length >= 2 ? `${etag.slice(0, -1)}-${enc}"` : etag
}

function addVaryAcceptEncoding(headers: Map<string, string[]>): void {
  const vary = headers.get('Vary')
  if (vary === undefined) headers.set('Vary', ['Accept-Encoding'])
  else if (!vary.some((v) => VARY_COVERS_ENCODING.test(v)))
    headers.set('Vary', [...vary, 'Accept-Encoding'])
}

/**
 * Encodes a response body for the ALB, which decodes a base64 body when `isBase64Encoded` is
 * true (ELB user guide, "Lambda functions as targets"): text content types without
 * `Content-Encoding` stay text, everything else (and every `Uint8Array`) becomes base64.
 * With `compress`, a compressible (text) response always gets `Vary: Accept-Encoding` — caches
 * must key on it even when this answer went out uncompressed — and bodies over
 * {@link COMPRESS_MIN_BYTES} are compressed when the client accepts br/gzip and it is smaller:
 * `Content-Encoding` is set and an `ETag` gets `-br`/`-gzip` inside its quotes (a compressed
 * variant is a different representation, RFC 9110 §8.8.3). Never for 204/206/304, nor when the
 * response already has `Content-Encoding` or `Content-Range` (a range counts identity bytes).
 * `headers` (canonical names → values) is updated in place.
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
  const textual = contentEncoding === undefined && isTextContentType(contentType)
  const compressible =
    options.compress === true &&
    textual &&
    code !== 204 &&
    code !== 206 &&
    code !== 304 &&
    !headers.has('Content-Range')
  if (compressible) addVaryAcceptEncoding(headers)
  if (raw == null || raw.length === 0) return { body: '', isBase64Encoded: false }
  if (compressible) {
    // A UTF-16 unit is at most 3 UTF-8 bytes: shorter strings cannot exceed the threshold.
    const enc =
      raw.length > COMPRESS_MIN_BYTES / 3 ? pickEncoding(options.acceptEncoding) : undefined
    const bytes = enc === undefined ? undefined : toBuffer(raw)
    if (enc !== undefined && bytes !== undefined && bytes.length > COMPRESS_MIN_BYTES) {
      const packed = compressBody(bytes, enc)
      if (packed.length < bytes.length) {
        headers.set('Content-Encoding', [enc])
        const etag = headers.get('ETag')
        if (etag !== undefined)
          headers.set(
            'ETag',
            etag.map((e) => codedEtag(e, enc)),
          )
        return { body: packed.toString('base64'), isBase64Encoded: true }
      }
    }
  }
  if (typeof raw === 'string' && textual) return { body: raw, isBase64Encoded: false }
  return { body: toBuffer(raw).toString('base64'), isBase64Encoded: true }
}
