import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { ipv4FromMapped } from './ipv4-mapped.js'

test('every spelling of an IPv4-mapped IPv6 address yields the IPv4 address', () => {
  assert.equal(ipv4FromMapped('::ffff:203.0.113.7'), '203.0.113.7')
  assert.equal(ipv4FromMapped('::FFFF:203.0.113.7'), '203.0.113.7')
  assert.equal(ipv4FromMapped('::ffff:7f00:1'), '127.0.0.1')
  assert.equal(ipv4FromMapped('0:0:0:0:0:ffff:10.1.2.3'), '10.1.2.3')
  assert.equal(ipv4FromMapped('::ffff:0.0.0.0'), '0.0.0.0')
})

test('other addresses and garbage are not mapped', () => {
  for (const ip of [
    '2001:db8::1',
    '::1',
    '::',
    '203.0.113.7',
    '::ffff:1:2:3',
    '64:ff9b::1.2.3.4',
    'x',
    '',
    ']',
    '::ffff:1.2.3.256',
  ]) {
    assert.equal(ipv4FromMapped(ip), undefined, ip)
  }
})

test('property: mapping any IPv4 address and unmapping it round-trips', () => {
  fc.assert(fc.property(fc.ipV4(), (v4) => assert.equal(ipv4FromMapped(`::ffff:${v4}`), v4)))
})
