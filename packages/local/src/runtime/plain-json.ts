/**
 * Whether a value survives `JSON.parse(JSON.stringify(value))` unchanged: only plain objects
 * (no `toJSON`), arrays without holes, strings, finite numbers, booleans and null. For such a
 * value, checks made on the value itself give the answers they would give on its JSON document,
 * so an instance can skip serialising and re-parsing a result (≈ 1.7 ms for a 500 KB body).
 */

const MAX_DEPTH = 32

/**
 * @example
 * isPlainJson({ statusCode: 200, headers: { a: 'b' } }) // true
 * isPlainJson({ headers: { a: undefined } })            // false: JSON would drop the key
 */
export function isPlainJson(value: unknown, depth = 0): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true
    case 'number':
      // -0 becomes 0 in JSON; every check treats them alike, but keep the rule exact
      return Number.isFinite(value) && !Object.is(value, -0)
    case 'object': {
      if (value === null) return true
      if (depth >= MAX_DEPTH) return false
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false
      const proto = Object.getPrototypeOf(value)
      if (Array.isArray(value)) {
        if (proto !== Array.prototype) return false
        for (let i = 0; i < value.length; i++) {
          if (!(i in value) || !isPlainJson(value[i], depth + 1)) return false
        }
        return true
      }
      if (proto !== Object.prototype && proto !== null) return false
      for (const key of Object.keys(value)) {
        // an own "__proto__" key is a property in JSON.parse's output but not in a literal
        if (key === '__proto__') return false
        if (!isPlainJson((value as Record<string, unknown>)[key], depth + 1)) return false
      }
      return true
    }
    default:
      return false
  }
}
