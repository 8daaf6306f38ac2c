import { isIPv4, isIPv6 } from 'node:net'

interface Address {
  version: 4 | 6
  value: bigint
}

function parseV4(ip: string): bigint {
  return ip.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n)
}

function parseV6(ip: string): bigint {
  let text = ip
  let tail: bigint[] = []
  const lastColon = text.lastIndexOf(':')
  if (text.slice(lastColon + 1).includes('.')) {
    // An embedded IPv4 tail (::ffff:192.0.2.1) is the last two 16-bit groups.
    const v4 = parseV4(text.slice(lastColon + 1))
    tail = [v4 >> 16n, v4 & 0xffffn]
    text = `${text.slice(0, lastColon + 1)}x`
  }
  const [head = '', rest] = text.split('::')
  const toGroups = (s: string) =>
    s === ''
      ? []
      : s
          .split(':')
          .filter((g) => g !== 'x')
          .map((g) => BigInt(`0x${g}`))
  const left = toGroups(head)
  const right = rest === undefined ? [] : toGroups(rest)
  const fill = 8 - left.length - right.length - tail.length
  const groups =
    rest === undefined ? [...left, ...tail] : [...left, ...Array(fill).fill(0n), ...right, ...tail]
  return groups.reduce((acc, g) => (acc << 16n) | g, 0n)
}

/** Parse an IP address; strips `[]` and a `%zone`. IPv4-mapped IPv6 peers become IPv4. */
export function parseAddress(input: string): Address | undefined {
  const bare = input.replace(/^\[|\]$/g, '')
  const zone = bare.indexOf('%')
  const ip = zone === -1 ? bare : bare.slice(0, zone)
  if (isIPv4(ip)) return { version: 4, value: parseV4(ip) }
  if (!isIPv6(ip)) return undefined
  const value = parseV6(ip)
  // ::ffff:a.b.c.d — a v4 client seen through a dual-stack socket.
  if (value >> 32n === 0xffffn) return { version: 4, value: value & 0xffffffffn }
  return { version: 6, value }
}

/**
 * Compile a CIDR block into a test for peer addresses.
 *
 * @example
 * cidrMatcher('10.0.0.0/8')('::ffff:10.1.2.3') // true
 */
export function cidrMatcher(cidr: string): (ip: string) => boolean {
  const slash = cidr.lastIndexOf('/')
  const base = parseAddress(cidr.slice(0, slash))
  const prefix = BigInt(cidr.slice(slash + 1))
  if (!base || slash < 0) return () => false
  const bits = base.version === 4 ? 32n : 128n
  const mask = prefix === 0n ? 0n : ((1n << prefix) - 1n) << (bits - prefix)
  const network = base.value & mask
  return (ip) => {
    const addr = parseAddress(ip)
    return addr !== undefined && addr.version === base.version && (addr.value & mask) === network
  }
}
