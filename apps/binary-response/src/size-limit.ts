import { ALB_MAX_RESPONSE_BYTES } from '@albkit/core'

/**
 * Room kept for everything in the result document that is not the body: statusCode,
 * statusDescription, the headers and the JSON punctuation. Ours stay well under 1 KB; 4 KB
 * leaves space for headers a team adds later.
 */
export const RESULT_ENVELOPE_BYTES = 4096

/**
 * Bytes the base64 text of `rawBytes` bytes takes: 4 characters per 3 bytes, padded.
 *
 * @example
 * base64Length(750_000) // 1_000_000
 */
export function base64Length(rawBytes: number): number {
  return 4 * Math.ceil(rawBytes / 3)
}

/**
 * The largest raw body that still fits in one ALB Lambda result once base64-encoded:
 * floor((limit − envelope) / 4) × 3. With the 1,000,000-byte limit: 746,928 bytes.
 *
 * @example
 * maxRawBodyBytes() // 746_928
 */
export function maxRawBodyBytes(limit = ALB_MAX_RESPONSE_BYTES): number {
  return Math.floor((limit - RESULT_ENVELOPE_BYTES) / 4) * 3
}

/**
 * Whether a binary body of `rawBytes` can be returned by the function at all. Bodies that do
 * not fit would make the ALB answer an opaque 502 (LambdaResponseTooLarge, ELB user guide
 * "Lambda functions as targets"), so they are served another way (see README).
 *
 * @example
 * fitsInAlbResponse(800_000) // false: its base64 is 1,066,668 bytes
 */
export function fitsInAlbResponse(rawBytes: number, limit = ALB_MAX_RESPONSE_BYTES): boolean {
  return rawBytes <= maxRawBodyBytes(limit)
}
