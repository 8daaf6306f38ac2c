/**
 * One line per request in the ALB access-log format (ELB user guide, "Access logs for your
 * Application Load Balancer" → Syntax). For Lambda targets `target:port` is `-`. Pure.
 */

export interface AccessLogEntry {
  /** when the load balancer got the request (ms) */
  received: number
  /** when it finished sending the response (ms) */
  finished: number
  elbName: string
  clientIp: string
  clientPort: number
  /** -1 when the request was never dispatched */
  requestProcessingMs: number
  targetProcessingMs: number
  responseProcessingMs: number
  elbStatusCode: number
  targetStatusCode: number | undefined
  receivedBytes: number
  sentBytes: number
  method: string
  url: string
  httpVersion: string
  userAgent: string | undefined
  targetGroupArn: string | undefined
  traceId: string | undefined
  domain: string | undefined
  matchedRulePriority: number | 'default' | undefined
  actions: string[]
  redirectUrl: string | undefined
  errorReason: string | undefined
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: escaping control characters is the point
const CONTROL = /[\x00-\x1f\x7f]/g
// biome-ignore lint/suspicious/noControlCharactersInRegex: the same set plus quote and backslash
const NEEDS_ESCAPE = /[\\"\x00-\x1f\x7f]/

function quote(value: string | undefined): string {
  if (value === undefined || value === '') return '"-"'
  if (!NEEDS_ESCAPE.test(value)) return `"${value}"`
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`).replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}"`
}

function seconds(ms: number): string {
  return ms < 0 ? '-1' : (ms / 1000).toFixed(3)
}

let cachedSecond = -1
let cachedPrefix = ''

/** `2026-11-21T12:00:00.123000Z`; the part up to the second is cached (many lines per second). */
function isoMicro(ms: number): string {
  const second = Math.floor(ms / 1000)
  if (second !== cachedSecond) {
    cachedSecond = second
    cachedPrefix = new Date(second * 1000).toISOString().slice(0, 19)
  }
  return `${cachedPrefix}.${String(ms % 1000).padStart(3, '0')}000Z`
}

/**
 * @example
 * formatAccessLog(entry) // 'http 2026-11-21T12:00:00.123000Z app/albkit-local/0 127.0.0.1:53422 - 0.000 0.004 0.000 200 200 …'
 */
export function formatAccessLog(e: AccessLogEntry): string {
  const priority =
    e.matchedRulePriority === 'default'
      ? '0'
      : e.matchedRulePriority === undefined
        ? '-'
        : String(e.matchedRulePriority)
  return [
    'http',
    isoMicro(e.finished),
    e.elbName,
    `${e.clientIp}:${e.clientPort}`,
    '-',
    seconds(e.requestProcessingMs),
    seconds(e.targetProcessingMs),
    seconds(e.responseProcessingMs),
    String(e.elbStatusCode),
    e.targetStatusCode === undefined ? '-' : String(e.targetStatusCode),
    String(e.receivedBytes),
    String(e.sentBytes),
    quote(`${e.method} ${e.url} ${e.httpVersion}`),
    quote(e.userAgent),
    '-',
    '-',
    e.targetGroupArn ?? '-',
    quote(e.traceId),
    quote(e.domain),
    '"-"',
    priority,
    isoMicro(e.received),
    quote(e.actions.length === 0 ? undefined : e.actions.join(',')),
    quote(e.redirectUrl),
    quote(e.errorReason),
    '"-"',
    '"-"',
    '"-"',
    '"-"',
    '-',
  ].join(' ')
}
