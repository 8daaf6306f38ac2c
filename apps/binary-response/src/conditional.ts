/**
 * Conditional requests (RFC 9110 §13): If-None-Match with weak comparison, If-Range with
 * strong comparison. ETags here are always strong and quoted, e.g. `"9f86d081884c7d65"`.
 */

/** Split an entity-tag list (`W/"a", "b"`, or `*`) into tags; commas inside quotes are kept. */
export function parseEtagList(header: string): string[] | '*' {
  if (header.trim() === '*') return '*'
  const tags: string[] = []
  const re = /\s*(W\/)?("[^"]*")\s*(?:,|$)/gy
  let match: RegExpExecArray | null = re.exec(header)
  while (match !== null && match[0] !== '') {
    tags.push(`${match[1] ?? ''}${match[2]}`)
    match = re.exec(header)
  }
  return tags
}

/** The opaque part of a tag, without `W/` (weak comparison ignores the weakness flag). */
function opaque(tag: string): string {
  return tag.startsWith('W/') ? tag.slice(2) : tag
}

/**
 * Whether `If-None-Match` matches the current ETag — then a GET/HEAD is answered 304.
 * `*` matches any existing representation; weak and strong tags compare by their opaque part.
 *
 * @example
 * ifNoneMatchHits('W/"abc", "def"', '"abc"') // true
 * ifNoneMatchHits(undefined, '"abc"')        // false
 */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false
  const tags = parseEtagList(header)
  if (tags === '*') return true
  return tags.some((tag) => opaque(tag) === opaque(etag))
}

/**
 * Whether a Range may be honoured under `If-Range` (RFC 9110 §13.1.5): absent → yes; an ETag
 * → only on a strong match; a date → no (these assets carry no Last-Modified to compare).
 *
 * @example
 * ifRangeAllows('"abc"', '"abc"')   // true
 * ifRangeAllows('W/"abc"', '"abc"') // false (weak tags never match strongly)
 */
export function ifRangeAllows(header: string | undefined, etag: string): boolean {
  if (header === undefined) return true
  const value = header.trim()
  return value.startsWith('"') && value === etag
}
