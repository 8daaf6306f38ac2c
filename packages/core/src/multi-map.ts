/**
 * A read-only view of a multi-valued map (headers, cookies-free query strings).
 * @example
 * req.headers.get('content-type') // last value or undefined
 * req.query.all('tag')            // every value, in order
 */
export interface MultiMapView {
  /** The last value, or `undefined`. */
  get(name: string): string | undefined
  /** The first value, or `undefined`. */
  first(name: string): string | undefined
  /** Every value in order (empty array when absent). */
  all(name: string): string[]
  has(name: string): boolean
  /** `[name, values]` pairs. Header names are lower-case. */
  entries(): IterableIterator<[string, string[]]>
}

/**
 * Case-insensitive view of request headers; names lower-cased.
 * @example
 * const h: HeaderView = req.headers; h.get('Content-Type')
 */
export type HeaderView = MultiMapView
/**
 * View of a query string: keys are case-sensitive.
 * @example
 * const q: QueryView = req.query; q.all('tag') // ['a', 'b'] for ?tag=a&tag=b (multi mode)
 */
export type QueryView = MultiMapView

const EMPTY: readonly string[] = Object.freeze([])

/** A {@link MultiMapView} over a Map; `lower` lower-cases looked-up names. */
export class MapView implements MultiMapView {
  readonly #map: Map<string, string[]>
  readonly #lower: boolean
  constructor(map: Map<string, string[]>, lower: boolean) {
    this.#map = map
    this.#lower = lower
  }
  #values(name: string): readonly string[] {
    return this.#map.get(this.#lower ? name.toLowerCase() : name) ?? EMPTY
  }
  get(name: string): string | undefined {
    const v = this.#values(name)
    return v[v.length - 1]
  }
  first(name: string): string | undefined {
    return this.#values(name)[0]
  }
  all(name: string): string[] {
    return [...this.#values(name)]
  }
  has(name: string): boolean {
    return this.#values(name).length > 0
  }
  entries(): IterableIterator<[string, string[]]> {
    return this.#map.entries()
  }
}

type Source = Record<string, string | string[] | undefined> | undefined

/**
 * Builds a Map from an event's `headers`/`multiValueHeaders` (or query) object.
 * Repeated keys that collapse to one (case, decoding) keep every value, in order.
 */
export function toMultiMap(
  source: Source,
  key: (k: string) => string,
  value: (v: string) => string,
): Map<string, string[]> {
  const map = new Map<string, string[]>()
  if (source == null) return map
  for (const k in source) {
    const raw = source[k]
    if (raw == null) continue
    const name = key(k)
    let list = map.get(name)
    if (list === undefined) {
      list = []
      map.set(name, list)
    }
    if (typeof raw === 'string') list.push(value(raw))
    else for (const v of raw) if (typeof v === 'string') list.push(value(v))
  }
  return map
}
