import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { Prober } from './probe-outcome.js'
import type { ProbeSpec } from './probes-config.js'
import { runProbes } from './run-probes.js'

const spec = (name: string, extra: Partial<ProbeSpec> = {}): ProbeSpec =>
  ({ name, type: 'dns', hostname: 'x', critical: true, timeoutMs: 1000, ...extra }) as ProbeSpec

/** A clock that advances 7 ms each time it is read: three starts (7, 14, 21), three ends (28, 35, 42). */
const ticking = () => {
  let t = 0
  return () => (t += 7)
}

describe('runProbes', () => {
  test('ok, failed and thrown outcomes; latency from the injected clock', async () => {
    const prober: Prober = async (s) => {
      if (s.name === 'ok') return { ok: true }
      if (s.name === 'bad') return { ok: false, error: 'HTTP 500, expected 200-399' }
      throw Object.assign(new Error('connect ECONNREFUSED 10.1.2.3:5432'), { code: 'ECONNREFUSED' })
    }
    const results = await runProbes([spec('ok'), spec('bad'), spec('boom', { critical: false })], {
      deadlineMs: 5000,
      prober,
      now: ticking(),
    })
    assert.deepEqual(results, [
      { name: 'ok', type: 'dns', critical: true, ok: true, latencyMs: 21 },
      {
        name: 'bad',
        type: 'dns',
        critical: true,
        ok: false,
        latencyMs: 21,
        error: 'HTTP 500, expected 200-399',
      },
      {
        name: 'boom',
        type: 'dns',
        critical: false,
        ok: false,
        latencyMs: 21,
        error: 'connection refused (ECONNREFUSED)',
      },
    ])
  })

  test('a probe that never settles is cut off at its timeout and told to stop', async () => {
    const signals: AbortSignal[] = []
    const prober: Prober = (_s, signal) => {
      signals.push(signal)
      return new Promise(() => {}) // ignores the signal, never answers
    }
    const results = await runProbes([spec('stuck', { timeoutMs: 50 })], {
      deadlineMs: 5000,
      prober,
    })
    assert.equal(results[0]?.ok, false)
    assert.equal(results[0]?.error, 'timed out after 50 ms')
    assert.equal(signals[0]?.aborted, true)
  })

  test('the overall deadline holds even if a probe timeout is longer', async () => {
    const prober: Prober = () => new Promise(() => {})
    const results = await runProbes([spec('a', { timeoutMs: 60_000 }), spec('b')], {
      deadlineMs: 60,
      prober,
    })
    assert.deepEqual(
      results.map((r) => [r.name, r.ok, r.error]),
      [
        ['a', false, 'deadline of 60 ms exceeded'],
        ['b', false, 'deadline of 60 ms exceeded'],
      ],
    )
  })

  test('a prober that throws synchronously is reported, not thrown', async () => {
    const prober: Prober = () => {
      throw new TypeError('bad')
    }
    const [result] = await runProbes([spec('sync')], { deadlineMs: 1000, prober })
    assert.equal(result?.ok, false)
    assert.equal(result?.error, 'TypeError')
  })

  test('no probes: empty result', async () => {
    assert.deepEqual(
      await runProbes([], { deadlineMs: 10, prober: async () => ({ ok: true }) }),
      [],
    )
  })

  test('probes run in parallel (all have started before any finishes)', async () => {
    let started = 0
    let startedWhenFirstFinished = -1
    const prober: Prober = async () => {
      started++
      await new Promise((r) => setImmediate(r))
      if (startedWhenFirstFinished < 0) startedWhenFirstFinished = started
      return { ok: true }
    }
    await runProbes([spec('a'), spec('b'), spec('c')], { deadlineMs: 1000, prober })
    assert.equal(startedWhenFirstFinished, 3)
  })
})
