import type { ProbeSpec } from './probes-config.js'

/** What one probe found: ok, or a short, safe description of the failure (never a raw error). */
export type ProbeOutcome = { ok: true } | { ok: false; error: string }

/** Checks one dependency; must stop its I/O when `signal` aborts. May throw: the runner describes it. */
export type Prober = (spec: ProbeSpec, signal: AbortSignal) => Promise<ProbeOutcome>

const CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'name not found',
  EAI_AGAIN: 'name lookup failed temporarily',
  ETIMEDOUT: 'timed out',
  EPIPE: 'connection closed',
  UND_ERR_SOCKET: 'connection closed',
  UND_ERR_CONNECT_TIMEOUT: 'connect timed out',
  CERT_HAS_EXPIRED: 'TLS certificate expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS certificate self-signed',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate does not match the host',
}

/**
 * Turns whatever a probe threw into a short description safe to show in a public report:
 * a known system error code with its meaning, or the error's class — never its message, which
 * may carry URLs, addresses or credentials.
 *
 * @example
 * describeError(Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:5432'), { code: 'ECONNREFUSED' }))
 * // → 'connection refused (ECONNREFUSED)'
 */
export function describeError(error: unknown): string {
  const code = errorCode(error)
  if (code) return CODES[code] ? `${CODES[code]} (${code})` : code
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'timed out'
    return /^[A-Za-z]{1,40}$/.test(error.name) ? error.name : 'failed'
  }
  return 'failed'
}

/** The first `code` along the `cause` chain (fetch wraps socket errors in `TypeError('fetch failed')`). */
function errorCode(error: unknown): string | undefined {
  let current: unknown = error
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code)) return code
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}
