import { albError, negotiate as negotiateMediaType } from '@albkit/core'

/** The formats the app renders, in the server's order of preference (ties in Accept go to the first). */
export const FORMATS = ['text', 'json', 'html'] as const
export type Format = (typeof FORMATS)[number]

/** The media type each format is served as. */
export const MEDIA_TYPES: Readonly<Record<Format, string>> = {
  text: 'text/plain',
  json: 'application/json',
  html: 'text/html',
}

const OFFERS = FORMATS.map((f) => MEDIA_TYPES[f])

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
  const chosen = negotiateMediaType(input.accept, OFFERS)
  const found = FORMATS.find((f) => MEDIA_TYPES[f] === chosen)
  if (found !== undefined) return found
  throw albError(
    406,
    `None of the available formats is acceptable. Available: ${FORMATS.map((f) => MEDIA_TYPES[f]).join(', ')} (or choose with ?format=${FORMATS.join('|')}).`,
  )
}
