import { type AlbRequest, isTextContentType } from '@albkit/core'

function isLatin1(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) return false
  return true
}

/**
 * The raw body of a non-multipart upload as bytes. The ALB base64-encodes every non-text body
 * (ELB user guide, "Lambda functions as targets": only text/*, JSON, JavaScript and XML arrive
 * as-is), so `req.body` is exact there. A non-text body that is *not* base64 only comes from an
 * emulator: serverless-offline hands binary bodies over as latin1 text (one char per byte), and
 * only `latin1` turns that back into the original bytes; a UTF-8 round trip would corrupt every
 * byte ≥ 0x80.
 *
 * @example
 * const bytes = rawBodyBytes(context.alb)
 */
export function rawBodyBytes(req: AlbRequest): Buffer {
  const { body, isBase64Encoded } = req.event
  const contentType = req.headers.get('content-type')
  if (
    !isBase64Encoded &&
    typeof body === 'string' &&
    !isTextContentType(contentType) &&
    isLatin1(body)
  ) {
    return Buffer.from(body, 'latin1')
  }
  return req.body
}
