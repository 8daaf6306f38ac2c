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

/**
 * The lookups of every {@link MultiMapView}, written once: a subclass says how to find a name's
 * values (`valuesOf`, never copied by the caller) and how to list its entries.
 * @example
 * class Fixed extends MultiMapLookups { protected valuesOf() { return ['a'] } entries() { return new Map().entries() } }
 */
export abstract class MultiMapLookups implements MultiMapView {
  /** Every value of `name`, in order; an empty array when absent. Read-only: callers copy. */
  protected abstract valuesOf(name: string): readonly string[]
  abstract entries(): IterableIterator<[string, string[]]>
  get(name: string): string | undefined {
    const v = this.valuesOf(name)
    return v[v.length - 1]
  }
  first(name: string): string | undefined {
    return this.valuesOf(name)[0]
  }
  all(name: string): string[] {
    return [...this.valuesOf(name)]
  }
  has(name: string): boolean {
    return this.valuesOf(name).length > 0
  }
}

/** A {@link MultiMapView} over a Map; `lower` lower-cases looked-up names. */
export class MapView extends MultiMapLookups {
  readonly #map: Map<string, string[]>
  readonly #lower: boolean
  constructor(map: Map<string, string[]>, lower: boolean) {
    super()
    this.#map = map
    this.#lower = lower
  }
  protected valuesOf(name: string): readonly string[] {
    return this.#map.get(this.#lower ? name.toLowerCase() : name) ?? EMPTY
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
