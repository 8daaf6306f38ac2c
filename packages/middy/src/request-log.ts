import { isoNow } from './clock.js'
import { traceRootOf } from './request-view.js'
import type { AlbMiddleware, LogFn } from './types.js'

type MiddyRequest = Parameters<NonNullable<AlbMiddleware['after']>>[0]

/** Where the logger keeps the start time on middy's request object (no WeakMap lookup). */
const STARTED = Symbol('albkit.started')
type Timed = MiddyRequest & { [STARTED]?: number }

/** Records when the request started (the logger's `before`). */
export function markStart(request: MiddyRequest, now: () => number): void {
  ;(request as Timed)[STARTED] = now()
}

function levelOf(status: number): RequestLogFields['level'] {
  if (status >= 500) return 'error'
  return status >= 400 ? 'warn' : 'info'
}

/** The status of a result, or `fallback` when the response carries none. */
export function statusOf(response: unknown, fallback: number): number {
  if (typeof response === 'object' && response !== null && 'statusCode' in response) {
    const { statusCode } = response
    if (typeof statusCode === 'number') return statusCode
  }
  return fallback
}

// Strings JSON.stringify copies unchanged between quotes: U+0020 and up except `"`, `\` and
// surrogates (a lone surrogate is escaped; pairs take the slow path, with the same output).
const PLAIN_JSON_STRING = /^[ !#-[\]-\ud7ff\ue000-\uffff]*$/

/** `,"name":<JSON>` — or nothing for a value JSON.stringify omits (undefined, functions). */
function field(name: string, value: unknown): string {
  if (typeof value === 'string' && PLAIN_JSON_STRING.test(value)) return `,"${name}":"${value}"`
  const json: string | undefined = JSON.stringify(value)
  return json === undefined ? '' : `,"${name}":${json}`
}

/**
 * `JSON.stringify(ms)` for a duration in whole microseconds (`ms` = integer / 1000, what the
 * logger produces), without the general double-to-shortest-string conversion: below 10^12 µs such
 * a value has at most 15 significant digits, so its shortest round-trip form is the plain
 * decimal. Anything else takes JSON.stringify.
 */
function millis(ms: number): string {
  const micros = Math.round(ms * 1000)
  if (!(micros >= 0 && micros < 1e12 && micros / 1000 === ms)) return JSON.stringify(ms)
  const whole = Math.floor(micros / 1000)
  const frac = micros - whole * 1000
  if (frac === 0) return `${whole}`
  const digits = frac < 10 ? `00${frac}` : frac < 100 ? `0${frac}` : `${frac}`
  return `${whole}.${frac % 100 === 0 ? digits.slice(0, 1) : frac % 10 === 0 ? digits.slice(0, 2) : digits}`
}

/** The fields of a request log line, in their order in the line. */
export interface RequestLogFields {
  timestamp: string
  level: 'info' | 'warn' | 'error'
  traceId: unknown
  method: unknown
  path: unknown
  status: number
  durationMs: number
  requestId: unknown
}

/**
 * The request's log line: exactly the text `JSON.stringify(fields)` gives (undefined fields
 * omitted), built without the intermediate object. `timestamp` must be an ISO date string.
 *
 * @example
 * requestLogLine({ timestamp: isoNow(), level: 'info', traceId: undefined, method: 'GET',
 *   path: '/', status: 200, durationMs: 0.4, requestId: 'r-1' })
 */
export function requestLogLine(f: RequestLogFields): string {
  return `{"timestamp":"${f.timestamp}","level":"${f.level}"${field('traceId', f.traceId)}${field('method', f.method)}${field('path', f.path)},"status":${JSON.stringify(f.status)},"durationMs":${millis(f.durationMs)}${field('requestId', f.requestId)}}`
}

/**
 * Writes the request's log line: the same text `JSON.stringify` gives for { timestamp, level,
 * traceId, method, path, status, durationMs, requestId } (undefined fields omitted), see
 * {@link requestLogLine}. Never throws (a failing sink must not turn a
 * 200 into a 500).
 *
 * @example
 * emitRequestLog(request, 200, console.log, () => performance.now())
 */
export function emitRequestLog(
  request: MiddyRequest,
  status: number,
  log: LogFn,
  now: () => number,
): void {
  try {
    const start = (request as Timed)[STARTED] ?? now()
    const event: Partial<Record<'httpMethod' | 'path', unknown>> = request.event ?? {}
    log(
      requestLogLine({
        timestamp: isoNow(),
        level: levelOf(status),
        traceId: traceRootOf(request),
        method: event.httpMethod,
        path: event.path,
        status,
        durationMs: Math.round((now() - start) * 1000) / 1000,
        requestId: request.context?.awsRequestId,
      }),
    )
  } catch {
    // nothing sensible left to do
  }
}
