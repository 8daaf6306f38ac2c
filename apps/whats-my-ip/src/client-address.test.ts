import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { AlbError, parseRequest } from '@albkit/core'
import { albEvent } from '@albkit/core/testing'
import fc from 'fast-check'
import {
  clientAddress as addressOf,
  MAX_TRUSTED_PROXY_HOPS,
  trustedProxyHops,
} from './client-address.js'

/** The app's view of a request whose X-Forwarded-For is exactly `entries` (parsed with `hops`, as the stack does). */
function clientAddress(entries: readonly string[], hops: number) {
  const event = albEvent(
    entries.length === 0
      ? { xffMode: 'remove' }
      : { xffMode: 'preserve', headers: { 'x-forwarded-for': entries.join(', ') } },
  )
  return addressOf(parseRequest(event, { trustedProxyHops: hops }), hops)
}

function thrown(fn: () => unknown): AlbError {
  try {
    fn()
  } catch (error) {
    assert.ok(error instanceof AlbError, 'expected an AlbError')
    return error
  }
  assert.fail('expected a throw')
}

describe('trustedProxyHops', () => {
  test('unset or blank means 0', () => {
    assert.equal(trustedProxyHops(undefined), 0)
    assert.equal(trustedProxyHops(''), 0)
    assert.equal(trustedProxyHops('  '), 0)
  })

  test('accepts whole numbers 0 to 30', () => {
    assert.equal(trustedProxyHops('0'), 0)
    assert.equal(trustedProxyHops('1'), 1)
    assert.equal(trustedProxyHops(' 2 '), 2)
    assert.equal(trustedProxyHops(String(MAX_TRUSTED_PROXY_HOPS)), 30)
  })

  for (const bad of ['-1', '31', '1.5', 'one', '1e1', '0x1', '999', '+1']) {
    test(`rejects ${JSON.stringify(bad)} with a 500 that is logged, not shown`, () => {
      const result = trustedProxyHops(bad)
      assert.ok(result instanceof AlbError)
      assert.equal(result.statusCode, 500)
      assert.equal(result.expose, false)
      assert.match(result.message, /TRUSTED_PROXY_HOPS must be a whole number from 0 to 30/)
      assert.ok(result.message.includes(JSON.stringify(bad)))
    })
  }
})

describe('clientAddress', () => {
  test('the right-most entry is the client when no proxy is trusted', () => {
    assert.deepEqual(clientAddress(['6.6.6.6', '203.0.113.7'], 0), {
      ip: '203.0.113.7',
      version: 4,
      fromRight: 0,
    })
  })

  test('behind one trusted proxy (CloudFront) the second from the right is the client', () => {
    const chain = ['6.6.6.6', '198.51.100.9', '130.176.0.1']
    assert.deepEqual(clientAddress(chain, 1), { ip: '198.51.100.9', version: 4, fromRight: 1 })
  })

  test('IPv6, bracketed IPv6 with port, IPv4 with port, IPv4-mapped IPv6', () => {
    assert.deepEqual(clientAddress(['2001:db8::1'], 0), {
      ip: '2001:db8::1',
      version: 6,
      fromRight: 0,
    })
    assert.deepEqual(clientAddress(['[2001:db8::1]:51234'], 0), {
      ip: '2001:db8::1',
      version: 6,
      port: 51234,
      fromRight: 0,
    })
    assert.deepEqual(clientAddress(['203.0.113.7:40000'], 0), {
      ip: '203.0.113.7',
      version: 4,
      port: 40000,
      fromRight: 0,
    })
    assert.deepEqual(clientAddress(['::ffff:203.0.113.7'], 0), {
      ip: '::ffff:203.0.113.7',
      version: 6,
      fromRight: 0,
    })
  })

  test('no X-Forwarded-For names the xff_header_processing.mode "remove" misconfiguration', () => {
    const error = thrown(() => clientAddress([], 0))
    assert.equal(error.statusCode, 500)
    assert.equal(error.expose, true)
    assert.match(error.message, /routing\.http\.xff_header_processing\.mode/)
    assert.match(error.message, /remove/)
  })

  test('a chain shorter than the trusted hops says so instead of guessing', () => {
    const error = thrown(() => clientAddress(['203.0.113.7'], 1))
    assert.equal(error.statusCode, 500)
    assert.match(error.message, /1 entry but TRUSTED_PROXY_HOPS=1 needs at least 2/)
  })

  test('an unparsable entry is an error that does not echo the entry', () => {
    const error = thrown(() => clientAddress(['<script>', 'garbage<b>'], 0))
    assert.equal(error.statusCode, 500)
    assert.ok(!error.message.includes('<'))
  })

  test('property: with hops=0 the address is never one of the client-written entries', () => {
    const address = fc.oneof(fc.ipV4(), fc.ipV6())
    fc.assert(
      fc.property(
        fc.array(fc.oneof(address, fc.string()), { maxLength: 29 }),
        fc.ipV4(),
        (forged, peer) => {
          const result = clientAddress([...forged, peer], 0)
          assert.equal(result.ip, peer)
          assert.equal(result.fromRight, 0)
        },
      ),
    )
  })

  test('property: with hops=n the n-th entry from the right is used, never anything left of it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string(), { maxLength: 10 }),
        fc.ipV4(),
        fc.array(fc.ipV4(), { maxLength: 5 }),
        (forged, client, proxies) => {
          const result = clientAddress([...forged, client, ...proxies], proxies.length)
          assert.equal(result.ip, client)
        },
      ),
    )
  })
})
