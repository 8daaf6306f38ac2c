import { MapView, MultiMapLookups, toMultiMap } from './multi-map.js'

type Rec = Record<string, string | string[] | undefined>
const EMPTY: readonly string[] = Object.freeze([])
const lower = (s: string): string => s.toLowerCase()
const identity = (s: string): string => s

function hasUpperCaseKey(rec: Rec): boolean {
  const keys = Object.keys(rec)
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string
    if (k !== k.toLowerCase()) return true
  }
  return false
}

/**
 * Case-insensitive header view over an event's `headers` / `multiValueHeaders`. The ALB sends
 * lower-case names (every AWS example does), so lookups go straight to the event object. Whether
 * the record also holds other spellings (hand-made events; serverless-offline keeps the client's
 * casing) is decided once, before the first answer, so every answer is the same whatever the
 * order of calls: such a record is read through a map that merges every spelling of a name.
 */
export class HeaderRecordView extends MultiMapLookups {
  readonly #rec: Rec
  // undefined: not checked yet; null: every name is lower-case, look up directly.
  #map: MapView | null | undefined

  constructor(rec: Rec | undefined | null) {
    super()
    this.#rec = rec ?? {}
  }
  #merged(): MapView | null {
    if (this.#map === undefined) {
      this.#map = hasUpperCaseKey(this.#rec)
        ? new MapView(toMultiMap(this.#rec, lower, identity), true)
        : null
    }
    return this.#map
  }
  protected valuesOf(name: string): readonly string[] {
    const map = this.#merged()
    if (map !== null) return map.all(name)
    const v = this.#rec[name.toLowerCase()]
    // Type checks also keep inherited members (`constructor`, …) out.
    if (typeof v === 'string') return [v]
    if (Array.isArray(v)) return v
    return EMPTY
  }
  // Overridden for speed: a single string value needs no array.
  override get(name: string): string | undefined {
    const map = this.#merged()
    if (map !== null) return map.get(name)
    const v = this.#rec[name.toLowerCase()]
    if (typeof v === 'string') return v
    if (Array.isArray(v)) return v[v.length - 1] as string | undefined
    return undefined
  }
  entries(): IterableIterator<[string, string[]]> {
    return (this.#merged() ?? new MapView(toMultiMap(this.#rec, lower, identity), true)).entries()
  }
}
