import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { DEFAULT_CACHE_MS, DEFAULT_DEADLINE_MS, parseHealthConfig } from './probes-config.js'

const probes = (list: unknown, extra: Record<string, string> = {}) =>
  parseHealthConfig({ HEALTH_PROBES: JSON.stringify(list), ...extra })

const rejects = (list: unknown, pattern: RegExp, extra: Record<string, string> = {}) =>
  assert.throws(
    () => probes(list, extra),
    (error: Error & { statusCode?: number; expose?: boolean }) => {
      assert.match(error.message, pattern)
      assert.equal(error.statusCode, 500)
      assert.equal(error.expose, false)
      return true
    },
  )

describe('parseHealthConfig', () => {
  test('no HEALTH_PROBES: no probes, defaults', () => {
    assert.deepEqual(parseHealthConfig({}), {
      probes: [],
      cacheMs: DEFAULT_CACHE_MS,
      deadlineMs: DEFAULT_DEADLINE_MS,
    })
  })

  test('every probe type with defaults (critical, 2000 ms, 200-399)', () => {
    const config = probes([
      { name: 'api', type: 'http', url: 'https://api.example.com/ping' },
      { name: 'uploads', type: 's3', bucket: 'my-uploads' },
      { name: 'db', type: 'tcp', host: 'db.internal', port: 5432 },
      { name: 'resolver', type: 'dns', hostname: 'example.com' },
    ])
    assert.deepEqual(config.probes, [
      {
        name: 'api',
        type: 'http',
        url: 'https://api.example.com/ping',
        critical: true,
        timeoutMs: 2000,
        expectStatus: [[200, 399]],
      },
      { name: 'uploads', type: 's3', bucket: 'my-uploads', critical: true, timeoutMs: 2000 },
      { name: 'db', type: 'tcp', host: 'db.internal', port: 5432, critical: true, timeoutMs: 2000 },
      { name: 'resolver', type: 'dns', hostname: 'example.com', critical: true, timeoutMs: 2000 },
    ])
  })

  test('`target` is accepted for every type; tcp target is host:port (IPv6 in brackets)', () => {
    const config = probes([
      { name: 'a', type: 'http', target: 'http://127.0.0.1:1/x', expectStatus: 204 },
      { name: 'b', type: 's3', target: 'bucket-b', critical: false },
      { name: 'c', type: 'tcp', target: '[::1]:6379', timeoutMs: 500 },
      { name: 'd', type: 'dns', target: 'localhost' },
    ])
    assert.deepEqual(
      config.probes.map((p) => ({ ...p })),
      [
        {
          name: 'a',
          type: 'http',
          url: 'http://127.0.0.1:1/x',
          critical: true,
          timeoutMs: 2000,
          expectStatus: [[204, 204]],
        },
        { name: 'b', type: 's3', bucket: 'bucket-b', critical: false, timeoutMs: 2000 },
        { name: 'c', type: 'tcp', host: '::1', port: 6379, critical: true, timeoutMs: 500 },
        { name: 'd', type: 'dns', hostname: 'localhost', critical: true, timeoutMs: 2000 },
      ],
    )
  })

  test('cache and deadline from the environment', () => {
    const config = parseHealthConfig({ HEALTH_CACHE_MS: '0', HEALTH_DEADLINE_MS: '3000' })
    assert.equal(config.cacheMs, 0)
    assert.equal(config.deadlineMs, 3000)
  })

  test('default probe timeout stays below a small deadline', () => {
    const config = probes([{ name: 'x', type: 'dns', hostname: 'localhost' }], {
      HEALTH_DEADLINE_MS: '1000',
    })
    assert.equal(config.probes[0]?.timeoutMs, 950)
  })

  test('invalid JSON and non-arrays', () => {
    assert.throws(
      () => parseHealthConfig({ HEALTH_PROBES: '[{' }),
      /HEALTH_PROBES is not valid JSON/,
    )
    assert.throws(() => parseHealthConfig({ HEALTH_PROBES: '{}' }), /must be a JSON array/)
    rejects(['x'], /probe #0: must be an object/)
  })

  test('errors name the probe and the field', () => {
    rejects([{ type: 'dns', hostname: 'a' }], /probe #0: field "name"/)
    rejects([{ name: 'has space', type: 'dns', hostname: 'a' }], /probe #0: field "name"/)
    rejects([{ name: 'x', type: 'ftp' }], /probe "x": field "type"/)
    rejects([{ name: 'x', type: 'http', url: 'ftp://a' }], /probe "x": field "url"/)
    rejects([{ name: 'x', type: 'http', url: 'http://u:p@a/' }], /probe "x": field "url"/)
    rejects([{ name: 'x', type: 'http', url: 'http://a/', expectStatus: '2xx' }], /"expectStatus"/)
    rejects([{ name: 'x', type: 's3', bucket: 'Bad_Bucket' }], /probe "x": field "bucket"/)
    rejects([{ name: 'x', type: 'tcp', host: 'a', port: 70000 }], /probe "x": field "port"/)
    rejects([{ name: 'x', type: 'tcp', target: 'no-port' }], /probe "x": field "host"/)
    rejects([{ name: 'x', type: 'dns', hostname: 'a b' }], /probe "x": field "hostname"/)
    // 254 hex letters once passed as an "IPv6 literal"; no host name is longer than 253.
    rejects([{ name: 'x', type: 'dns', hostname: 'a'.repeat(254) }], /field "hostname"/)
    rejects([{ name: 'x', type: 'tcp', host: 'b'.repeat(254), port: 1 }], /field "host"/)
    rejects([{ name: 'x', type: 'dns', hostname: 'a', critical: 'yes' }], /field "critical"/)
    rejects([{ name: 'x', type: 'dns', hostname: 'a', timeoutMs: 0 }], /field "timeoutMs"/)
  })

  test('a probe timeout must stay below the deadline', () => {
    rejects(
      [{ name: 'x', type: 'dns', hostname: 'a', timeoutMs: 8000 }],
      /below HEALTH_DEADLINE_MS/,
    )
  })

  test('duplicate names and too many probes', () => {
    const p = { name: 'x', type: 'dns', hostname: 'a' }
    rejects([p, p], /probe "x": field "name" is a duplicate/)
    const many = Array.from({ length: 21 }, (_, i) => ({ ...p, name: `p${i}` }))
    rejects(many, /more than 20 probes/)
  })

  test('bad numbers in HEALTH_CACHE_MS / HEALTH_DEADLINE_MS', () => {
    assert.throws(() => parseHealthConfig({ HEALTH_CACHE_MS: '-1' }), /HEALTH_CACHE_MS must be/)
    assert.throws(() => parseHealthConfig({ HEALTH_DEADLINE_MS: '8s' }), /HEALTH_DEADLINE_MS/)
  })
})
