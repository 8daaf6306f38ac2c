import assert from 'node:assert/strict'
import net from 'node:net'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { numRuns } from './fuzz-runs.js'
import { isIP, isIPv4, isIPv6 } from './ip-address.js'

const hexGroup = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.stringMatching(/^[0-9a-fA-FgG]{5}$/))
  .map(([n, s]) => s.slice(0, n))
const octet = fc.oneof(
  fc.integer({ min: 0, max: 300 }).map(String),
  fc.stringMatching(/^[0-9]{1,4}$/), // leading zeros, too long
)
const dotted = fc.array(octet, { minLength: 3, maxLength: 5 }).map((p) => p.join('.'))
const zone = fc.stringMatching(/^%[0-9a-zA-Z.:%_ -]{0,6}$/)

/** IPv6-like text: groups, an optional `::` (sometimes two), an optional IPv4 tail and zone id. */
const ipv6Like = fc
  .record({
    groups: fc.array(hexGroup, { minLength: 0, maxLength: 9 }),
    gapAt: fc.option(fc.nat(9)),
    secondGap: fc.option(fc.nat(9), { freq: 8 }),
    v4: fc.option(dotted),
    zone: fc.option(zone),
  })
  .map(({ groups, gapAt, secondGap, v4, zone: z }) => {
    const parts: string[] = [...groups]
    if (v4 !== null) parts.push(v4)
    let s = parts.join(':')
    for (const at of [gapAt, secondGap]) {
      if (at === null) continue
      const colons = [...s.matchAll(/:/g)].map((m) => m.index)
      const pos = colons.length === 0 ? 0 : (colons[at % colons.length] ?? 0)
      s = `${s.slice(0, pos)}:${s.slice(pos)}`
    }
    if (gapAt !== null && s.indexOf('::') === -1) s = `::${s}`
    return s + (z ?? '')
  })

const noise = fc.stringMatching(/^[0-9a-fA-F:.%[\] gx-]{0,24}$/)

const sameAsNet = (s: string): void => {
  assert.equal(isIP(s), net.isIP(s), `isIP(${JSON.stringify(s)})`)
  assert.equal(isIPv4(s), net.isIPv4(s), `isIPv4(${JSON.stringify(s)})`)
  assert.equal(isIPv6(s), net.isIPv6(s), `isIPv6(${JSON.stringify(s)})`)
}

describe('isIP answers exactly as node:net', () => {
  test('known forms', () => {
    for (const [s, v] of [
      ['1.2.3.4', 4],
      ['255.255.255.255', 4],
      ['01.2.3.4', 0],
      ['256.1.1.1', 0],
      ['1.2.3', 0],
      ['::', 6],
      ['::1', 6],
      ['2001:db8::1', 6],
      ['1:2:3:4:5:6:7:8', 6],
      ['1:2:3:4:5:6:7::', 6],
      ['1:2:3:4:5:6:7:8::', 0],
      ['::ffff:1.2.3.4', 6],
      ['1:2:3:4:5:6:1.2.3.4', 6],
      ['1:2:3:4:5:6::1.2.3.4', 0],
      ['fe80::1%eth0', 6],
      ['fe80::1%', 0],
      [':::', 0],
      ['1::2::3', 0],
      ['12345::', 0],
      ['', 0],
    ] as const) {
      assert.equal(isIP(s), v, s)
      sameAsNet(s)
    }
  })

  test('generated IPv4 and IPv6 addresses (fast-check)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV4Extended(), fc.ipV6()), (s) => {
        sameAsNet(s)
      }),
      { numRuns },
    )
  })

  test('near-miss and random strings (fast-check)', () => {
    fc.assert(fc.property(fc.oneof(ipv6Like, dotted, noise, fc.string()), sameAsNet), { numRuns })
  })

  test('the generators reach both answers', () => {
    const answers = new Set(fc.sample(ipv6Like, 2000).map((s) => net.isIP(s)))
    assert.deepEqual([...answers].sort(), [0, 6])
  })
})
