import { promises as dns } from 'node:dns'
import type { ProbeOutcome } from './probe-outcome.js'
import type { ProbeSpec } from './probes-config.js'

type DnsProbe = Extract<ProbeSpec, { type: 'dns' }>
type Lookup = (hostname: string) => Promise<unknown>

/**
 * Resolves `spec.hostname` the way the function's own clients would (`dns.lookup`, which reads
 * /etc/hosts and the resolver). A lookup cannot be cancelled, so it races a timer and the abort
 * signal: the probe answers in time even when the resolver does not.
 *
 * @example
 * await probeDns({ name: 'api-dns', type: 'dns', hostname: 'localhost', critical: false,
 *   timeoutMs: 1000 }, new AbortController().signal)
 * // → { ok: true }
 */
export async function probeDns(
  spec: DnsProbe,
  signal: AbortSignal,
  lookup: Lookup = (hostname) => dns.lookup(hostname),
): Promise<ProbeOutcome> {
  let timer: NodeJS.Timeout | undefined
  let onAbort: (() => void) | undefined
  const stop = new Promise<ProbeOutcome>((resolve, reject) => {
    timer = setTimeout(
      () => resolve({ ok: false, error: `lookup timed out after ${spec.timeoutMs} ms` }),
      spec.timeoutMs,
    )
    onAbort = () => reject(signal.reason)
    if (signal.aborted) onAbort()
    else signal.addEventListener('abort', onAbort, { once: true })
  })
  const resolved = lookup(spec.hostname).then((): ProbeOutcome => ({ ok: true }))
  resolved.catch(() => undefined) // a late rejection after the race is lost must not be unhandled
  try {
    return await Promise.race([resolved, stop])
  } finally {
    clearTimeout(timer)
    if (onAbort) signal.removeEventListener('abort', onAbort)
  }
}
