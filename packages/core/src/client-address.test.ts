import assert from 'node:assert/strict'
import { test } from 'node:test'
import { parseClientAddress } from './client-address.js'

test('IPv4 with and without port', () => {
  assert.deepEqual(parseClientAddress('72.12.164.125'), { ip: '72.12.164.125', version: 4 })
  assert.deepEqual(parseClientAddress(' 10.0.0.1:5678 '), {
    ip: '10.0.0.1',
    port: 5678,
    version: 4,
  })
})

test('IPv6, bracketed with port, IPv4-mapped', () => {
  assert.deepEqual(parseClientAddress('2001:db8::1'), { ip: '2001:db8::1', version: 6 })
  assert.deepEqual(parseClientAddress('[2001:db8::1]:443'), {
    ip: '2001:db8::1',
    port: 443,
    version: 6,
  })
  assert.deepEqual(parseClientAddress('[::1]'), { ip: '::1', version: 6 })
  assert.deepEqual(parseClientAddress('::ffff:192.0.2.1'), { ip: '::ffff:192.0.2.1', version: 6 })
})

test('garbage is undefined', () => {
  for (const bad of [
    '',
    'unknown',
    '1.2.3',
    '256.1.1.1',
    '1.2.3.4:99999',
    '1.2.3.4:x',
    '[::1',
    '[nothost]:1',
    '[::1]x',
    'a:b:c',
    'x'.repeat(200),
  ]) {
    assert.equal(parseClientAddress(bad), undefined, bad)
  }
})
