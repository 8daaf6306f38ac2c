/**
 * Pure-JS IPv4/IPv6 syntax checks that answer exactly as `node:net`'s `isIPv4`/`isIPv6`
 * (checked by a property test against `node:net`), so client-address parsing does not load
 * `node:net` at cold start. Internal to core.
 *
 * Accepted, as node:net accepts them: dotted-quad IPv4 with decimal parts 0–255 and no leading
 * zeros; IPv6 with 8 groups of 1–4 hex digits, or fewer with one `::` (which stands for at least
 * one group), the last 32 bits optionally as dotted IPv4 (`::ffff:1.2.3.4`), and an optional zone
 * id `%…` of letters, digits, `-`, `.` and `:`.
 */

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57 // 0-9
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70) // a-f A-F
}

function isZoneChar(c: number): boolean {
  // letters, digits, '-', '.', ':'
  return (
    isDigit(c) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 45 || c === 46 || c === 58
  )
}

/** One IPv4 part: 1–3 digits, no leading zero, at most 255. */
function isOctet(s: string): boolean {
  const n = s.length
  if (n === 0 || n > 3) return false
  for (let i = 0; i < n; i++) if (!isDigit(s.charCodeAt(i))) return false
  if (n > 1 && s.charCodeAt(0) === 48) return false
  return Number(s) <= 255
}

/** `1.2.3.4`, as `net.isIPv4`. */
export function isIPv4(s: string): boolean {
  const parts = s.split('.')
  return parts.length === 4 && parts.every(isOctet)
}

function isGroup(s: string): boolean {
  const n = s.length
  if (n === 0 || n > 4) return false
  for (let i = 0; i < n; i++) if (!isHex(s.charCodeAt(i))) return false
  return true
}

/** Counts the 16-bit groups of a `:`-separated run; the last may be dotted IPv4 (2 groups). -1 if invalid. */
function countGroups(run: string, lastMayBeIPv4: boolean): number {
  if (run === '') return 0
  const groups = run.split(':')
  const last = groups.length - 1
  let count = 0
  for (let i = 0; i <= last; i++) {
    const g = groups[i] ?? ''
    if (isGroup(g)) count += 1
    else if (i === last && lastMayBeIPv4 && isIPv4(g)) count += 2
    else return -1
  }
  return count
}

/** `2001:db8::1`, `::ffff:1.2.3.4`, `fe80::1%eth0`, as `net.isIPv6`. */
export function isIPv6(s: string): boolean {
  let addr = s
  const pct = s.indexOf('%')
  if (pct !== -1) {
    if (pct === s.length - 1) return false
    for (let i = pct + 1; i < s.length; i++) if (!isZoneChar(s.charCodeAt(i))) return false
    addr = s.slice(0, pct)
  }
  const gap = addr.indexOf('::')
  if (gap === -1) return countGroups(addr, true) === 8
  if (addr.indexOf('::', gap + 1) !== -1) return false
  const head = countGroups(addr.slice(0, gap), false)
  const tail = countGroups(addr.slice(gap + 2), true)
  return head >= 0 && tail >= 0 && head + tail <= 7
}

/** 4, 6 or 0, as `net.isIP`. */
export function isIP(s: string): 0 | 4 | 6 {
  if (isIPv4(s)) return 4
  return isIPv6(s) ? 6 : 0
}
