/**
 * ALB wildcard patterns without regular expressions: `*` is any run of characters (including
 * `/`), `?` exactly one (ELB user guide, "Listener rules" → condition types). A pattern compiled
 * to a backtracking RegExp (`.*`) costs O(n^k) for k stars — the path pattern `/r/*` + `/*` + `/*.js`
 * against a 3.6 KB path held the listener ~4.5 s (issue 14, finding 3). Here the pattern is split at its stars
 * and each piece is found leftmost (exact for `*` globs) by bit-parallel matching, which costs
 * O(input × ⌈pattern / 32⌉): linear in the input, as patterns are at most 128 characters.
 */

/** How a listener-rule pattern is read. */
export interface WildcardOptions {
  /** host-header, http-header and query-string ignore (ASCII) case; path-pattern does not */
  caseInsensitive: boolean
  /** query-string: `\*` and `\?` are a literal `*` or `?` */
  backslashEscapes: boolean
}

/** A compiled pattern. */
export interface Wildcard {
  /** whether the whole of `input` matches */
  test(input: string): boolean
}

/** A run of the pattern between stars: its characters, and where a `?` stands for any one. */
interface Piece {
  chars: string
  any: boolean[]
}

const A = 65
const Z = 90

/** ASCII lower case of one UTF-16 code unit. */
function fold(code: number): number {
  return code >= A && code <= Z ? code + 32 : code
}

/**
 * The leftmost place of a piece in `input[from, end)`, or -1, by Shift-And (bit-parallel string
 * matching: `?` is a position every character may fill): O((end − from) × ⌈piece / 32⌉), never
 * worse, whatever the input.
 */
function pieceFinder(
  piece: Piece,
  ci: boolean,
): (input: string, from: number, end: number) => number {
  const length = piece.chars.length
  if (length === 0) return (_input, from, end) => (from <= end ? from : -1)
  const words = Math.ceil(length / 32)
  // bit i of a mask: the piece's position i accepts this character
  const anyMask = new Uint32Array(words)
  piece.any.forEach((any, i) => {
    if (any) anyMask[i >>> 5] = (anyMask[i >>> 5] ?? 0) | (1 << (i & 31))
  })
  const masks = new Map<number, Uint32Array>()
  for (let i = 0; i < length; i++) {
    if (piece.any[i]) continue
    const code = piece.chars.charCodeAt(i)
    const key = ci ? fold(code) : code
    let mask = masks.get(key)
    if (mask === undefined) {
      mask = Uint32Array.from(anyMask)
      masks.set(key, mask)
    }
    mask[i >>> 5] = (mask[i >>> 5] ?? 0) | (1 << (i & 31))
  }
  // direct lookup for ASCII, the common case (a Map lookup per character costs ~5× more)
  const ascii = Array.from({ length: 128 }, (_, code) => masks.get(code) ?? anyMask)
  const lastWord = (length - 1) >>> 5
  const lastBit = 1 << ((length - 1) & 31)
  const state = new Uint32Array(words)
  return (input, from, end) => {
    state.fill(0)
    for (let j = from; j < end; j++) {
      const code = ci ? fold(input.charCodeAt(j)) : input.charCodeAt(j)
      const mask = code < 128 ? (ascii[code] as Uint32Array) : (masks.get(code) ?? anyMask)
      // state = ((state << 1) | 1) & mask, across the words
      let carry = 1
      for (let w = 0; w < words; w++) {
        const word = state[w] ?? 0
        state[w] = (((word << 1) | carry) & (mask[w] ?? 0)) >>> 0
        carry = word >>> 31
      }
      if (((state[lastWord] ?? 0) & lastBit) !== 0) return j - length + 1
    }
    return -1
  }
}

/** Split a pattern at its (unescaped) stars. */
function pieces(pattern: string, options: WildcardOptions): Piece[] {
  const out: Piece[] = [{ chars: '', any: [] }]
  let current = out[0] as Piece
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern.charAt(i)
    const next = pattern.charAt(i + 1)
    if (options.backslashEscapes && ch === '\\' && (next === '*' || next === '?')) {
      current.chars += next
      current.any.push(false)
      i++
    } else if (ch === '*') {
      current = { chars: '', any: [] }
      out.push(current)
    } else {
      current.chars += ch
      current.any.push(ch === '?')
    }
  }
  return out
}

/**
 * Compile an ALB wildcard pattern; `test` runs in O(input × ⌈pattern / 32⌉) time, never worse.
 *
 * @example
 * compileWildcard('/ip/*', { caseInsensitive: false, backslashEscapes: false }).test('/ip/a/b') // true
 */
export function compileWildcard(pattern: string, options: WildcardOptions): Wildcard {
  const parts = pieces(pattern, options)
  const ci = options.caseInsensitive
  const finders = parts.map((piece) => pieceFinder(piece, ci))
  const at = (piece: Piece, input: string, start: number): boolean => {
    for (let j = 0; j < piece.chars.length; j++) {
      if (piece.any[j]) continue
      const want = piece.chars.charCodeAt(j)
      const got = input.charCodeAt(start + j)
      if (want !== got && (!ci || fold(want) !== fold(got))) return false
    }
    return true
  }
  const first = parts[0] as Piece
  const last = parts[parts.length - 1] as Piece
  const fixed = parts.reduce((n, p) => n + p.chars.length, 0)
  return {
    test(input: string): boolean {
      if (parts.length === 1) return input.length === first.chars.length && at(first, input, 0)
      if (input.length < fixed || !at(first, input, 0)) return false
      const end = input.length - last.chars.length
      if (!at(last, input, end)) return false
      // every middle piece at its leftmost place after the one before: exact for `*` globs
      let pos = first.chars.length
      for (let k = 1; k < parts.length - 1; k++) {
        const found = finders[k]?.(input, pos, end) ?? -1
        if (found === -1) return false
        pos = found + (parts[k] as Piece).chars.length
      }
      return true
    },
  }
}
