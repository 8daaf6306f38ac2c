import assert from 'node:assert/strict'
import { test } from 'node:test'
import { buildReport, type ReportInput } from './report.js'

const request: ReportInput = {
  forwardedFor: ['6.6.6.6', '203.0.113.7'],
  forwardedProto: 'https',
  forwardedPort: 443,
  trace: { root: '1-5c536348-3d683b8b04734faae651f476' },
}

test('an IPv4 client', () => {
  assert.deepEqual(buildReport({ ip: '203.0.113.7', version: 4, fromRight: 0 }, request), {
    address: '203.0.113.7',
    version: 4,
    forwardedFor: ['6.6.6.6', '203.0.113.7'],
    trustedProxyHops: 0,
    proto: 'https',
    port: 443,
    traceId: '1-5c536348-3d683b8b04734faae651f476',
  })
})

test('an IPv4-mapped IPv6 client is reported as IPv4 with mappedFrom', () => {
  const report = buildReport({ ip: '::ffff:203.0.113.7', version: 6, fromRight: 0 }, request)
  assert.equal(report.address, '203.0.113.7')
  assert.equal(report.version, 4)
  assert.equal(report.mappedFrom, '::ffff:203.0.113.7')
})

test('an IPv6 client with a port (xff_client_port.enabled)', () => {
  const report = buildReport({ ip: '2001:db8::1', version: 6, port: 51234, fromRight: 0 }, request)
  assert.equal(report.address, '2001:db8::1')
  assert.equal(report.version, 6)
  assert.equal(report.clientPort, 51234)
  assert.equal('mappedFrom' in report, false)
})

test('missing forwarding headers become null, never undefined (JSON keeps the keys)', () => {
  const report = buildReport(
    { ip: '203.0.113.7', version: 4, fromRight: 0 },
    {
      forwardedFor: ['203.0.113.7'],
      forwardedProto: undefined,
      forwardedPort: undefined,
      trace: {},
    },
  )
  assert.deepEqual(JSON.parse(JSON.stringify(report)), {
    address: '203.0.113.7',
    version: 4,
    forwardedFor: ['203.0.113.7'],
    trustedProxyHops: 0,
    proto: null,
    port: null,
    traceId: null,
  })
})

test('the report holds a copy of the chain', () => {
  const chain = ['203.0.113.7']
  const report = buildReport(
    { ip: '203.0.113.7', version: 4, fromRight: 0 },
    { ...request, forwardedFor: chain },
  )
  chain.push('x')
  assert.deepEqual(report.forwardedFor, ['203.0.113.7'])
})
