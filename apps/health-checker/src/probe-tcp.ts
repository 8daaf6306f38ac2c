import { connect } from 'node:net'
import type { ProbeOutcome } from './probe-outcome.js'
import type { ProbeSpec } from './probes-config.js'

type TcpProbe = Extract<ProbeSpec, { type: 'tcp' }>

/**
 * Opens a TCP connection to `spec.host:spec.port` and closes it at once: the dependency is up
 * when it accepts connections. The socket is destroyed on success, error, timeout or abort.
 *
 * @example
 * await probeTcp({ name: 'db', type: 'tcp', host: '127.0.0.1', port: 5432, critical: true,
 *   timeoutMs: 1000 }, new AbortController().signal)
 * // → { ok: true } or a rejection with ECONNREFUSED
 */
export function probeTcp(spec: TcpProbe, signal: AbortSignal): Promise<ProbeOutcome> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const socket = connect({ host: spec.host, port: spec.port })
    const done = (settle: () => void) => {
      clearTimeout(timer)
      signal.removeEventListener('abort', onAbort)
      socket.destroy()
      settle()
    }
    const onAbort = () => done(() => reject(signal.reason))
    const timer = setTimeout(
      () =>
        done(() => resolve({ ok: false, error: `connect timed out after ${spec.timeoutMs} ms` })),
      spec.timeoutMs,
    )
    signal.addEventListener('abort', onAbort, { once: true })
    socket.once('connect', () => done(() => resolve({ ok: true })))
    socket.once('error', (error) => done(() => reject(error)))
  })
}
