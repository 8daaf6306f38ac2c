/** An inclusive range of HTTP status codes. */
export type StatusRange = readonly [min: number, max: number]

/**
 * Parses an expected-status setting: a number, `"200"`, `"200-299"`, `"200,204"` or a mix
 * (`"200-299,304"`) — the same syntax as an ALB matcher. `undefined` when malformed.
 *
 * @example
 * parseStatusRanges('200-299,304') // → [[200, 299], [304, 304]]
 */
export function parseStatusRanges(value: unknown): StatusRange[] | undefined {
  const text = typeof value === 'number' ? String(value) : value
  if (typeof text !== 'string' || text.trim() === '') return undefined
  const ranges: StatusRange[] = []
  for (const part of text.split(',')) {
    const match = part.trim().match(/^(\d{3})(?:-(\d{3}))?$/)
    if (!match?.[1]) return undefined
    const min = Number(match[1])
    const max = Number(match[2] ?? match[1])
    if (min < 100 || max > 599 || min > max) return undefined
    ranges.push([min, max])
  }
  return ranges
}

/**
 * Whether `status` falls into one of `ranges`.
 *
 * @example
 * statusMatches(204, [[200, 299]]) // → true
 */
export function statusMatches(status: number, ranges: readonly StatusRange[]): boolean {
  return ranges.some(([min, max]) => status >= min && status <= max)
}

/**
 * Back to text, for messages: `[[200, 299], [304, 304]]` → `"200-299,304"`.
 *
 * @example
 * formatStatusRanges([[200, 399]]) // → '200-399'
 */
export function formatStatusRanges(ranges: readonly StatusRange[]): string {
  return ranges.map(([min, max]) => (min === max ? `${min}` : `${min}-${max}`)).join(',')
}
