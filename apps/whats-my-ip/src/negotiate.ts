import { albError } from '@albkit/core'

/** The formats the app renders, in the server's order of preference (ties in Accept go to the first). */
export const FORMATS = ['text', 'json', 'html'] as const
export type Format = (typeof FORMATS)[number]

/** The media type each format is served as. */
export const MEDIA_TYPES: Readonly<Record<Format, string>> = {
  text: 'text/plain',
  json: 'application/json',
  html: 'text/html',
}

/** One media range of an Accept header. */
export interface MediaRange {
  type: string
  subtype: string
  q: number
}

const TOKEN = /^[a-z0-9!#$%&'*+.^_`|~-]+$/
const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/

/**
 * Parses an Accept header (RFC 9110 §12.5.1) into media ranges. Ranges that are malformed (no `/`,
 * `*` type with a concrete subtype, a q-value outside 0–1 or with more than 3 decimals) are dropped.
 *
 * @example
 * parseAccept('text/html;q=0.9, *\/*;q=0.1') // → [{ type: 'text', subtype: 'html', q: 0.9 }, { type: '*', subtype: '*', q: 0.1 }]
 */
export function parseAccept(header: string): MediaRange[] {
  const ranges: MediaRange[] = []
  for (const part of header.split(',')) {
    const [range = '', ...params] = part.split(';')
    const [type = '', subtype = '', extra] = range.trim().toLowerCase().split('/')
    if (extra !== undefined || !TOKEN.test(type) || !TOKEN.test(subtype)) continue
    if (type === '*' && subtype !== '*') continue
    let q = 1
    let valid = true
    for (const param of params) {
      const [name = '', value = ''] = param.split('=').map((s) => s.trim())
      if (name.toLowerCase() !== 'q') continue
      valid = QVALUE.test(value)
      q = Number(value)
      break
    }
    if (valid) ranges.push({ type, subtype, q })
  }
  return ranges
}

/** How much the client wants `mediaType`: the q of the most specific matching range (0 if none). */
function quality(
  ranges: readonly MediaRange[],
  mediaType: string,
): { q: number; specificity: number; order: number } {
  const [type, subtype] = mediaType.split('/')
  let best = { q: 0, specificity: -1, order: Number.POSITIVE_INFINITY }
  ranges.forEach((range, order) => {
    const specificity =
      range.type === type && range.subtype === subtype
        ? 2
        : range.type === type && range.subtype === '*'
          ? 1
          : range.type === '*'
            ? 0
            : -1
    if (specificity < 0 || specificity < best.specificity) return
    if (specificity > best.specificity || range.q > best.q)
      best = { q: range.q, specificity, order }
  })
  return best
}

/**
 * Chooses the response format. `format` (from `?format=`) overrides Accept; an unknown value is a
 * 400 listing the allowed ones. Without a usable Accept header (absent or blank) the answer is text.
 * Otherwise the highest q wins; ties go to the more specific range, then to the range listed first,
 * then to the server's order (text, json, html). Nothing acceptable is a 406 listing what is available.
 *
 * @example
 * negotiate({ accept: 'text/html,application/xhtml+xml,*\/*;q=0.8' }) // → 'html'
 * negotiate({ format: 'json', accept: 'text/html' })                  // → 'json'
 */
export function negotiate(input: {
  format?: string | undefined
  accept?: string | undefined
}): Format {
  if (input.format !== undefined) {
    const wanted = input.format.trim().toLowerCase()
    const found = FORMATS.find((f) => f === wanted)
    if (found !== undefined) return found
    throw albError(400, `The format parameter must be one of: ${FORMATS.join(', ')}.`)
  }
  const accept = input.accept?.trim() ?? ''
  if (accept === '') return 'text'
  const ranges = parseAccept(accept)
  const candidates = FORMATS.map((format, preference) => ({
    format,
    preference,
    ...quality(ranges, MEDIA_TYPES[format]),
  }))
    .filter((c) => c.q > 0)
    .sort(
      (a, b) =>
        b.q - a.q ||
        b.specificity - a.specificity ||
        a.order - b.order ||
        a.preference - b.preference,
    )
  const chosen = candidates[0]
  if (chosen !== undefined) return chosen.format
  throw albError(
    406,
    `None of the available formats is acceptable. Available: ${FORMATS.map((f) => MEDIA_TYPES[f]).join(', ')} (or choose with ?format=${FORMATS.join('|')}).`,
  )
}
