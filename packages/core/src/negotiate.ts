/** One media range of an `Accept` header, lower-cased. */
export interface MediaRange {
  type: string
  subtype: string
  q: number
}

const TOKEN = /^[a-z0-9!#$%&'*+.^_`|~-]+$/
const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/

/**
 * Parses an `Accept` header (RFC 9110 §12.5.1) into media ranges, in header order. Malformed
 * ranges (no `/`, `*` type with a concrete subtype, a q-value outside 0–1 or with more than
 * three decimals) are dropped.
 * @example
 * parseAccept('text/html;q=0.9, *\/*;q=0.1') // [{ type: 'text', subtype: 'html', q: 0.9 }, { type: '*', subtype: '*', q: 0.1 }]
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
      const eq = param.indexOf('=')
      if (
        param
          .slice(0, eq === -1 ? undefined : eq)
          .trim()
          .toLowerCase() !== 'q'
      )
        continue
      const value = eq === -1 ? '' : param.slice(eq + 1).trim()
      valid = QVALUE.test(value)
      q = Number(value)
      break
    }
    if (valid) ranges.push({ type, subtype, q })
  }
  return ranges
}

interface Match {
  q: number
  specificity: number
  order: number
}

/** The most specific range matching `type/subtype` (exact 2, `type/*` 1, `*\/*` 0), or undefined. */
function bestRange(ranges: readonly MediaRange[], offer: string): Match | undefined {
  const slash = offer.indexOf('/')
  const semi = offer.indexOf(';')
  const type = offer.slice(0, slash).trim().toLowerCase()
  const subtype = offer
    .slice(slash + 1, semi === -1 ? undefined : semi)
    .trim()
    .toLowerCase()
  let best: Match | undefined
  for (let order = 0; order < ranges.length; order++) {
    const r = ranges[order] as MediaRange
    const specificity =
      r.type === '*'
        ? 0
        : r.type !== type
          ? -1
          : r.subtype === '*'
            ? 1
            : r.subtype === subtype
              ? 2
              : -1
    if (specificity < 0) continue
    // The most specific range decides (RFC 9110 §12.5.1), also when its q is lower or 0.
    if (best === undefined || specificity > best.specificity) best = { q: r.q, specificity, order }
  }
  return best
}

/**
 * Content negotiation: which of `offers` (media types, the server's preference order) to send
 * for an `Accept` header (RFC 9110 §12.5.1). Each offer takes the q of its most specific matching
 * range (`type/subtype` over `type/*` over `*\/*`), so `text/plain;q=0, *\/*` excludes text/plain.
 * The highest q wins; ties go to the more specific range, then to the range listed first in
 * Accept, then to the offer listed first. No or a blank Accept accepts anything (the first offer);
 * `undefined` means nothing is acceptable: answer 406. Malformed ranges are ignored. Never throws.
 * @example
 * negotiate('text/html,application/xhtml+xml,*\/*;q=0.8', ['application/json', 'text/html']) // 'text/html'
 * negotiate('*\/*', ['application/json', 'text/html'])       // 'application/json'
 * negotiate('image/png', ['application/json'])               // undefined → 406
 */
export function negotiate(
  accept: string | undefined,
  offers: readonly string[],
): string | undefined {
  if (accept === undefined || accept.trim() === '') return offers[0]
  const ranges = parseAccept(accept)
  let chosen: string | undefined
  let chosenMatch: Match | undefined
  for (const offer of offers) {
    if (offer.indexOf('/') === -1) continue
    const m = bestRange(ranges, offer)
    if (m === undefined || m.q <= 0) continue
    if (
      chosenMatch === undefined ||
      m.q > chosenMatch.q ||
      (m.q === chosenMatch.q &&
        (m.specificity > chosenMatch.specificity ||
          (m.specificity === chosenMatch.specificity && m.order < chosenMatch.order)))
    ) {
      chosen = offer
      chosenMatch = m
    }
  }
  return chosen
}
