import { isIPv4, isIPv6 } from './ip-address.js'

/**
 * A parsed `X-Forwarded-For` entry.
 * @example
 * const a: ClientAddress | undefined = parseClientAddress('10.0.0.1:80') // { ip: '10.0.0.1', port: 80, version: 4 }
 */
export interface ClientAddress {
  /** The address without brackets or port; IPv4-mapped IPv6 (`::ffff:1.2.3.4`) kept as given. */
  ip: string
  port?: number
  version: 4 | 6
}

function parsePort(s: string): number | undefined {
  if (!/^\d{1,5}$/.test(s)) return undefined
  const n = Number(s)
  return n <= 65535 ? n : undefined
}

/**
 * Parses one `X-Forwarded-For` entry: `1.2.3.4`, `1.2.3.4:5678`, `2001:db8::1`,
 * `[2001:db8::1]:443`, `::ffff:1.2.3.4`. Returns `undefined` for anything that is not an address.
 * @example
 * parseClientAddress('[2001:db8::1]:443') // { ip: '2001:db8::1', port: 443, version: 6 }
 * parseClientAddress('unknown')           // undefined
 */
export function parseClientAddress(entry: string): ClientAddress | undefined {
  const s = entry.trim()
  if (s.length === 0 || s.length > 100) return undefined
  if (s[0] === '[') {
    const close = s.indexOf(']')
    if (close === -1) return undefined
    const ip = s.slice(1, close)
    if (!isIPv6(ip)) return undefined
    const rest = s.slice(close + 1)
    if (rest === '') return { ip, version: 6 }
    if (rest[0] !== ':') return undefined
    const port = parsePort(rest.slice(1))
    return port === undefined ? undefined : { ip, port, version: 6 }
  }
  const colon = s.indexOf(':')
  if (colon === -1) return isIPv4(s) ? { ip: s, version: 4 } : undefined
  if (s.indexOf(':', colon + 1) === -1) {
    // exactly one colon: IPv4 with a port
    const ip = s.slice(0, colon)
    const port = parsePort(s.slice(colon + 1))
    return isIPv4(ip) && port !== undefined ? { ip, port, version: 4 } : undefined
  }
  return isIPv6(s) ? { ip: s, version: 6 } : undefined
}
