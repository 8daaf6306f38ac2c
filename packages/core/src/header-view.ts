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
 * lower-case names (every AWS example does), so lookups go straight to the event object; a miss
 * checks once for upper-case names (hand-made events, other emulators) and then uses a map.
 */
export class HeaderRecordView extends MultiMapLookups {
  readonly #rec: Rec
  // undefined: not checked yet; null: every name is lower-case, look up directly.
  #map: MapView | null | undefined

  constructor(rec: Rec | undefined | null) {
    super()
    this.#rec = rec ?? {}
  }
  // Checked on the first miss only: a hit on a lower-case key is already the answer.
  #slow(): MapView | null {
    if (this.#map === undefined) {
      this.#map = hasUpperCaseKey(this.#rec)
        ? new MapView(toMultiMap(this.#rec, lower, identity), true)
        : null
    }
    return this.#map
  }
  protected valuesOf(name: string): readonly string[] {
    if (this.#map) return this.#map.all(name)
    const v = this.#rec[name.toLowerCase()]
    // Type checks also keep inherited members (`constructor`, …) out.
    if (typeof v === 'string') return [v]
    if (Array.isArray(v)) return v
    return this.#slow()?.all(name) ?? EMPTY
  }
  // Overridden for speed: a single string value needs no array.
  override get(name: string): string | undefined {
    if (this.#map) return this.#map.get(name)
    const v = this.#rec[name.toLowerCase()]
    if (typeof v === 'string') return v
    if (Array.isArray(v)) return v[v.length - 1] as string | undefined
    return this.#slow()?.get(name)
  }
  entries(): IterableIterator<[string, string[]]> {
    return (this.#slow() ?? new MapView(toMultiMap(this.#rec, lower, identity), true)).entries()
  }
}
