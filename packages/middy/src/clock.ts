let cachedMs = Number.NaN
let cachedIso = ''

/**
 * `new Date().toISOString()`, reusing the string within the same millisecond (log lines of one
 * request mostly share it; formatting a date costs more than the rest of a line).
 *
 * @example
 * isoNow() // '2026-11-21T13:31:11.123Z'
 */
export function isoNow(): string {
  const ms = Date.now()
  if (ms !== cachedMs) {
    cachedMs = ms
    cachedIso = new Date(ms).toISOString()
  }
  return cachedIso
}
