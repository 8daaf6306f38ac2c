/**
 * The body-encoding rule of the ALB (AWS Lambda developer guide, "Process Application Load
 * Balancer requests with Lambda"; ELB user guide, "Lambda functions as targets"): with a
 * `Content-Encoding` the body is base64; otherwise text/*, application/json,
 * application/javascript and application/xml are sent as-is and every other type is base64.
 */

/**
 * The media type without parameters, lower-cased and trimmed.
 * @example
 * mediaType('Text/HTML; charset=x') // 'text/html'
 */
export function mediaType(contentType: string | undefined): string {
  if (contentType === undefined) return ''
  const semi = contentType.indexOf(';')
  return (semi === -1 ? contentType : contentType.slice(0, semi)).trim().toLowerCase()
}

/**
 * Whether a content type is text for the ALB: text/*, application/json, application/javascript,
 * application/xml and any `+json` / `+xml` suffix type. Case-insensitive; parameters ignored.
 * @example
 * isTextContentType('Application/JSON; charset=utf-8') // true
 * isTextContentType('application/pdf') // false
 */
export function isTextContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false
  let known = textCache.get(contentType)
  if (known === undefined) {
    known = computeIsText(contentType)
    if (textCache.size < 500) textCache.set(contentType, known)
  }
  return known
}

const textCache = new Map<string, boolean>()

function computeIsText(contentType: string): boolean {
  const type = mediaType(contentType)
  if (type.startsWith('text/')) return true
  switch (type) {
    case 'application/json':
    case 'application/javascript':
    case 'application/xml':
      return true
  }
  return type.endsWith('+json') || type.endsWith('+xml')
}

/**
 * Whether the ALB sends a request body with these headers base64-encoded
 * (`isBase64Encoded: true`). A missing content type counts as binary (undocumented; the safe pick).
 * @example
 * albEncodesRequestBody('application/json', undefined) // false
 * albEncodesRequestBody('application/json', 'gzip')    // true
 * albEncodesRequestBody('multipart/form-data; boundary=x', undefined) // true
 */
export function albEncodesRequestBody(
  contentType: string | undefined,
  contentEncoding: string | undefined,
): boolean {
  if (contentEncoding !== undefined && contentEncoding.trim() !== '') return true
  return !isTextContentType(contentType)
}

/**
 * Whether a content type is JSON: application/json or any `+json` suffix.
 * @example
 * isJsonContentType('application/problem+json') // true
 */
export function isJsonContentType(contentType: string | undefined): boolean {
  const type = mediaType(contentType)
  return type === 'application/json' || type.endsWith('+json')
}
