import { albError } from '@albkit/core'
import { parseStatusRanges, type StatusRange } from './status-ranges.js'

/** The four kinds of downstream dependency a probe can check. */
export type ProbeType = 'http' | 's3' | 'tcp' | 'dns'

interface ProbeCommon {
  /** Shown in the report; unique; letters, digits, `.`, `_`, `-` (1–64). */
  name: string
  /** A failing critical probe makes the check unhealthy (503); an optional one only "degraded". */
  critical: boolean
  /** Per-probe timeout, always below the overall deadline. */
  timeoutMs: number
}

/** One validated probe from `HEALTH_PROBES`. */
export type ProbeSpec =
  | (ProbeCommon & { type: 'http'; url: string; expectStatus: StatusRange[] })
  | (ProbeCommon & { type: 's3'; bucket: string })
  | (ProbeCommon & { type: 'tcp'; host: string; port: number })
  | (ProbeCommon & { type: 'dns'; hostname: string })

/** Everything the health check reads from its environment. */
export interface HealthConfig {
  probes: ProbeSpec[]
  /** How long a finished run is reused (`HEALTH_CACHE_MS`, default 5000). */
  cacheMs: number
  /** Hard upper bound for one run of all probes (`HEALTH_DEADLINE_MS`, default 8000). */
  deadlineMs: number
}

/** Defaults. The deadline (8 s) stays below the template's health-check timeout (10 s). */
export const DEFAULT_TIMEOUT_MS = 2000
export const DEFAULT_CACHE_MS = 5000
export const DEFAULT_DEADLINE_MS = 8000
export const MAX_PROBES = 20

const NAME = /^[A-Za-z0-9._-]{1,64}$/
// S3 bucket naming rules ("Bucket naming rules", Amazon S3 user guide): 3–63, lower-case, digits, '.', '-'.
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/
const HOST = /^[A-Za-z0-9.-]{1,253}$|^\[?[0-9A-Fa-f:.]+\]?$/
// A DNS name is at most 253 characters (RFC 1035 §2.3.4; an IPv6 literal is far shorter): the
// length is checked before the pattern, whose IPv6 branch alone would take any run of hex digits.
const isHost = (value: string): boolean => value.length <= 253 && HOST.test(value)

type Raw = Record<string, unknown>

/**
 * Reads and validates `HEALTH_PROBES` (JSON array), `HEALTH_CACHE_MS` and `HEALTH_DEADLINE_MS`.
 * Every problem throws an `AlbError` (500, not exposed) whose message names the probe and field.
 *
 * @example
 * parseHealthConfig({ HEALTH_PROBES: '[{"name":"api","type":"http","url":"https://x.test/ping"}]' })
 * // → { probes: [{ name: 'api', type: 'http', critical: true, timeoutMs: 2000, ... }], cacheMs: 5000, deadlineMs: 8000 }
 */
export function parseHealthConfig(env: Record<string, string | undefined>): HealthConfig {
  const deadlineMs = intVar(env, 'HEALTH_DEADLINE_MS', DEFAULT_DEADLINE_MS, 100, 120_000)
  const cacheMs = intVar(env, 'HEALTH_CACHE_MS', DEFAULT_CACHE_MS, 0, 300_000)
  const text = env.HEALTH_PROBES?.trim() ?? ''
  if (text === '') return { probes: [], cacheMs, deadlineMs }
  let list: unknown
  try {
    list = JSON.parse(text)
  } catch (cause) {
    throw configError('HEALTH_PROBES is not valid JSON', cause)
  }
  if (!Array.isArray(list)) throw configError('HEALTH_PROBES must be a JSON array of probes')
  if (list.length > MAX_PROBES)
    throw configError(`HEALTH_PROBES has more than ${MAX_PROBES} probes`)
  const seen = new Set<string>()
  const probes = list.map((item: unknown, index) => {
    const probe = parseProbe(item, index, deadlineMs)
    if (seen.has(probe.name))
      throw configError(`probe "${probe.name}": field "name" is a duplicate`)
    seen.add(probe.name)
    return probe
  })
  return { probes, cacheMs, deadlineMs }
}

function parseProbe(item: unknown, index: number, deadlineMs: number): ProbeSpec {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    throw configError(`probe #${index}: must be an object`)
  }
  const raw = item as Raw
  const rawName = raw.name
  const label = typeof rawName === 'string' && NAME.test(rawName) ? `"${rawName}"` : `#${index}`
  const fail = (field: string, why: string) =>
    configError(`probe ${label}: field "${field}" ${why}`)
  if (typeof rawName !== 'string' || !NAME.test(rawName)) {
    throw fail('name', 'must be 1-64 letters, digits, ".", "_" or "-"')
  }
  const critical = raw.critical ?? true
  if (typeof critical !== 'boolean') throw fail('critical', 'must be true or false')
  const timeoutMs = raw.timeoutMs ?? Math.min(DEFAULT_TIMEOUT_MS, deadlineMs - 50)
  if (
    !Number.isInteger(timeoutMs) ||
    (timeoutMs as number) < 1 ||
    (timeoutMs as number) >= deadlineMs
  ) {
    throw fail(
      'timeoutMs',
      `must be an integer from 1 to ${deadlineMs - 1} (below HEALTH_DEADLINE_MS)`,
    )
  }
  const common = { name: rawName, critical, timeoutMs: timeoutMs as number }
  const target = typeof raw.target === 'string' ? raw.target : undefined
  switch (raw.type) {
    case 'http': {
      const url = raw.url ?? target
      if (typeof url !== 'string' || !isHttpUrl(url))
        throw fail('url', 'must be an http(s) URL without user:password')
      const expect = raw.expectStatus ?? '200-399'
      const expectStatus = parseStatusRanges(expect)
      if (!expectStatus) throw fail('expectStatus', 'must be a status, "200-299" or "200,204"')
      return { ...common, type: 'http', url, expectStatus }
    }
    case 's3': {
      const bucket = raw.bucket ?? target
      if (typeof bucket !== 'string' || !BUCKET.test(bucket) || bucket.includes('..')) {
        throw fail('bucket', 'must be a valid S3 bucket name')
      }
      return { ...common, type: 's3', bucket }
    }
    case 'tcp': {
      const [host, port] = hostAndPort(raw, target)
      if (!host || !isHost(host)) throw fail('host', 'must be a host name or IP address')
      if (!Number.isInteger(port) || port < 1 || port > 65535) {
        throw fail('port', 'must be an integer from 1 to 65535')
      }
      return { ...common, type: 'tcp', host: host.replace(/^\[|\]$/g, ''), port }
    }
    case 'dns': {
      const hostname = raw.hostname ?? target
      if (typeof hostname !== 'string' || !isHost(hostname)) {
        throw fail('hostname', 'must be a host name')
      }
      return { ...common, type: 'dns', hostname }
    }
    default:
      throw fail('type', 'must be one of "http", "s3", "tcp", "dns"')
  }
}

/** `{host, port}` or `target: "host:port"` (`[::1]:5432` for IPv6). */
function hostAndPort(raw: Raw, target: string | undefined): [string | undefined, number] {
  if (raw.host !== undefined || raw.port !== undefined) {
    return [typeof raw.host === 'string' ? raw.host : undefined, Number(raw.port ?? Number.NaN)]
  }
  const match = target?.match(/^(.+):(\d{1,5})$/)
  return match?.[1] && match[2] ? [match[1], Number(match[2])] : [undefined, Number.NaN]
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === ''
  } catch {
    return false
  }
}

function intVar(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = env[name]?.trim()
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!/^\d+$/.test(value) || n < min || n > max) {
    throw configError(`${name} must be an integer from ${min} to ${max}`)
  }
  return n
}

function configError(message: string, cause?: unknown) {
  return albError(500, `health-checker configuration: ${message}`, { cause, expose: false })
}
