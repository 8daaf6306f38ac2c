/**
 * What a `Range` header asks of a representation of `size` bytes (RFC 9110 §14):
 * - `none`: no header, another unit, or a syntax error → the header is ignored, answer 200;
 * - `single`: one satisfiable range, `start`–`end` inclusive → 206 with Content-Range;
 * - `multiple`: several ranges, at least one satisfiable → we answer 200 with the whole body
 *   (allowed: a server MAY ignore Range; multipart/byteranges is not worth its weight here);
 * - `unsatisfiable`: no requested range overlaps the body → 416 with `Content-Range: bytes *\/size`.
 */
export type RangeDecision =
  | { kind: 'none' }
  | { kind: 'single'; start: number; end: number }
  | { kind: 'multiple' }
  | { kind: 'unsatisfiable' }

const SPEC = /^(\d{0,15})-(\d{0,15})$/

/** One range-spec against `size`: a range, `unsatisfiable`, or `invalid` (syntax). */
function parseSpec(
  spec: string,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | 'invalid' {
  const m = SPEC.exec(spec.trim())
  if (!m) return 'invalid'
  const [, first = '', last = ''] = m
  if (first === '' && last === '') return 'invalid'
  if (first === '') {
    // suffix range "-n": the last n bytes
    const n = Number(last)
    if (n === 0 || size === 0) return 'unsatisfiable'
    return { start: Math.max(0, size - n), end: size - 1 }
  }
  const start = Number(first)
  if (last !== '' && Number(last) < start) return 'invalid'
  if (start >= size) return 'unsatisfiable'
  const end = last === '' ? size - 1 : Number(last)
  return { start, end: Math.min(end, size - 1) }
}

/**
 * Decide how to answer a `Range` header for a body of `size` bytes.
 *
 * @example
 * parseRange('bytes=0-99', 1000)   // { kind: 'single', start: 0, end: 99 }
 * parseRange('bytes=-100', 1000)   // { kind: 'single', start: 900, end: 999 }
 * parseRange('bytes=2000-', 1000)  // { kind: 'unsatisfiable' }
 */
export function parseRange(header: string | undefined, size: number): RangeDecision {
  if (header === undefined) return { kind: 'none' }
  const eq = header.indexOf('=')
  if (eq === -1 || header.slice(0, eq).trim().toLowerCase() !== 'bytes') return { kind: 'none' }
  const specs = header
    .slice(eq + 1)
    .split(',')
    .filter((s) => s.trim() !== '')
  if (specs.length === 0 || specs.length > 100) return { kind: 'none' }
  const parsed = specs.map((s) => parseSpec(s, size))
  if (parsed.includes('invalid')) return { kind: 'none' }
  const satisfiable = parsed.filter((p) => p !== 'unsatisfiable')
  const [only] = satisfiable
  if (only === undefined || only === 'invalid') return { kind: 'unsatisfiable' }
  if (parsed.length > 1) return { kind: 'multiple' }
  return { kind: 'single', start: only.start, end: only.end }
}
