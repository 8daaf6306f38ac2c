/**
 * The IPv4 address inside an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`, in any spelling:
 * `::FFFF:7f00:1`, `0:0:0:0:0:ffff:127.0.0.1`), or undefined for any other input.
 * Dual-stack listeners and sockets report IPv4 clients this way.
 *
 * @example
 * ipv4FromMapped('::ffff:203.0.113.7') // → '203.0.113.7'
 * ipv4FromMapped('2001:db8::1')        // → undefined
 */
export function ipv4FromMapped(ip: string): string | undefined {
  if (!ip.includes(':')) return undefined
  let host: string
  try {
    // The WHATWG URL parser validates IPv6 and serialises it canonically (RFC 5952 style, hex groups).
    host = new URL(`http://[${ip}]/`).hostname
  } catch {
    return undefined
  }
  const match = /^\[::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})\]$/.exec(host)
  if (match === null) return undefined
  const high = Number.parseInt(match[1] ?? '', 16)
  const low = Number.parseInt(match[2] ?? '', 16)
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.')
}
