import { type AlbRequest, albError, negotiate } from '@albkit/core'

/**
 * Options of {@link pickFormat}.
 * @example
 * pickFormat(req, FORMATS, { format: pathSegment, fallback: 'json' })
 */
export interface PickFormatOptions<F extends string> {
  /** A format chosen by other means (e.g. a path segment); `?format=` still wins over it. */
  format?: string | undefined
  /** What to answer when nothing in Accept is acceptable. Default: a 406 listing the formats. */
  fallback?: NoInfer<F>
}

/** Longest `?format=` value looked at: longer ones are a 400 without being echoed. */
const MAX_FORMAT_LENGTH = 40

/**
 * Content negotiation for an app's representations: `?format=<name>` (or `options.format`)
 * names one (trimmed, case-insensitive; anything else is a 400 listing the names); otherwise
 * every `Accept` header goes through core's `negotiate` (q-values, specificity, then the order
 * of `formats`), and nothing acceptable is a 406 listing the media types — or `fallback`.
 *
 * @example
 * const FORMATS = { json: 'application/json', html: 'text/html' } as const
 * pickFormat(context.alb, FORMATS)                       // curl's *\/* → 'json'; a browser → 'html'
 * pickFormat(context.alb, FORMATS, { fallback: 'json' }) // Accept: image/png → 'json', not 406
 */
export function pickFormat<F extends string>(
  req: AlbRequest,
  formats: Readonly<Record<F, string>>,
  options: PickFormatOptions<F> = {},
): F {
  const names = Object.keys(formats) as F[]
  const named = req.query.get('format') ?? options.format
  if (named !== undefined) {
    const wanted = named.length > MAX_FORMAT_LENGTH ? '' : named.trim().toLowerCase()
    const found = names.find((f) => f === wanted)
    if (found !== undefined) return found
    throw albError(400, `The format parameter must be one of: ${names.join(', ')}.`)
  }
  const accept = req.headers.has('accept') ? req.headers.all('accept').join(', ') : undefined
  const chosen = negotiate(
    accept,
    names.map((f) => formats[f]),
  )
  const found = names.find((f) => formats[f] === chosen)
  if (found !== undefined) return found
  if (options.fallback !== undefined) return options.fallback
  throw albError(
    406,
    `None of the available formats is acceptable. Available: ${names.map((f) => formats[f]).join(', ')} (or choose with ?format=${names.join('|')}).`,
  )
}
