import { albError } from '@albkit/core'

/**
 * The bare MIME type of a Content-Type value: lower-case, parameters dropped.
 *
 * @example
 * mediaType('Text/Plain; charset=utf-8') // 'text/plain'
 */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
}

/**
 * True when `type` (already bare) is in the allowlist; `image/*` entries allow a whole family.
 *
 * @example
 * isAllowedType('image/png', ['image/*']) // true
 */
export function isAllowedType(type: string, allowed: readonly string[]): boolean {
  return allowed.some(
    (entry) => entry === type || (entry.endsWith('/*') && type.startsWith(entry.slice(0, -1))),
  )
}

/**
 * Returns the bare type when allowed; otherwise throws a 415 naming the type and the allowlist.
 *
 * @example
 * requireAllowedType('image/png; x=1', ['image/png'], 'photo.png') // 'image/png'
 */
export function requireAllowedType(
  contentType: string | undefined,
  allowed: readonly string[],
  what: string,
): string {
  const type = mediaType(contentType)
  if (type === '') {
    throw albError(415, `${what}: no content type given; allowed: ${allowed.join(', ')}`)
  }
  if (!isAllowedType(type, allowed)) {
    throw albError(
      415,
      `${what}: content type ${type} is not allowed; allowed: ${allowed.join(', ')}`,
    )
  }
  return type
}
