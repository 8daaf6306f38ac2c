/**
 * Turn a finished Exchange into what the console keeps. Runs once per request after the answer
 * is sent (the sink's `exchanges` hook). While a console is open, and for every error whenever,
 * everything is kept (references; copies only of bodies over the cap). Otherwise only the list
 * row: keeping every request's buffers alive for N requests more than doubled the listener's
 * GC time (measured: 19 µs per request, half of it garbage collection).
 */
import type { IncomingMessage } from 'node:http'
import { reasonPhrase } from '@albkit/core'
import type { AccessLogEntry } from '../runtime/access-log.js'
import type { Exchange } from '../runtime/exchange.js'
import { captureBody } from './capture-body.js'
import type { CapturedExchange, CapturedInvoke, CapturedLogLine } from './captured-exchange.js'
import type { ExchangeStore } from './exchange-store.js'

const EMPTY = new Uint8Array(0)
const EMPTY_BODY = Object.freeze({ size: 0, bytes: EMPTY })
const NONE: never[] = []
Object.freeze(NONE)

/** Whether the balancer answered with an error of its own, or the result has issues. */
function worthKeeping(ex: Exchange): boolean {
  const r = ex.record
  if (r.errorReason !== undefined || r.elbStatusCode >= 500) return true
  if (ex.issues.errors.length + ex.issues.warnings.length > 0) return true
  return (
    r.elbStatusCode >= 400 &&
    ex.console.response !== undefined &&
    !r.actions.includes('fixed-response')
  )
}

/** The list row only: what a request that went well costs to remember while nobody watches. */
function rowOnly(ex: Exchange, store: ExchangeStore): CapturedExchange {
  const { req, record, console: note } = ex
  return {
    id: store.nextId(),
    time: record.received,
    durationMs: record.finished - record.received,
    rowOnly: true,
    cold: note.cold === true,
    request: {
      method: record.method,
      target: req.url ?? '',
      httpVersion: req.httpVersion,
      rawHeaders: NONE,
      peerIp: record.clientIp,
      peerPort: record.clientPort,
      body: EMPTY_BODY,
    },
    actions: record.actions,
    targetGroupArn: record.targetGroupArn,
    functionName: note.functionName,
    response: {
      statusCode: record.elbStatusCode,
      statusMessage: '',
      headers: NONE,
      body: EMPTY_BODY,
      own: note.response !== undefined,
    },
    // never written: a row-only exchange has no request id for log lines to find it by
    logs: NONE as CapturedLogLine[],
  }
}

function pairs(flat: readonly string[]): Array<[string, string]> {
  const out: Array<[string, string]> = []
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i] as string, flat[i + 1] as string])
  return out
}

function capturedInvoke(ex: Exchange, cap: number): CapturedInvoke | undefined {
  const outcome = ex.console.invoke
  if (outcome === undefined) return undefined
  const base = { requestId: outcome.requestId, cold: outcome.cold, timings: outcome.timings }
  if (outcome.kind === 'error')
    return { ...base, kind: 'error', errorKind: outcome.reason, message: outcome.message }
  if (outcome.kind === 'bad-request')
    return { ...base, kind: 'bad-request', message: outcome.message }
  const result = outcome.result === undefined ? undefined : outcome.result.slice(0, cap)
  return { ...base, kind: 'result', result }
}

/**
 * @example
 * sink.exchanges = (ex) => store.add(captureExchange(ex, store))
 */
export function captureExchange(ex: Exchange, store: ExchangeStore): CapturedExchange {
  if (!store.watching && !worthKeeping(ex)) return rowOnly(ex, store)
  const cap = store.limits.bodyBytes
  const { req, record, console: note } = ex
  let eventParts: CapturedExchange['eventParts']
  if (note.parts !== undefined) {
    const { body: _body, ...rest } = note.parts
    eventParts = rest
  }
  const own = note.response
  const outcome = note.invoke
  const wire =
    own === undefined && outcome?.kind === 'result' && outcome.outcome.ok
      ? outcome.outcome.response
      : undefined
  const response: CapturedExchange['response'] =
    own !== undefined
      ? {
          statusCode: own.statusCode,
          statusMessage: ex.res.statusMessage,
          headers: pairs(own.headers),
          body: captureBody(Buffer.from(own.body), cap),
          own: true,
        }
      : wire !== undefined
        ? {
            statusCode: wire.statusCode,
            statusMessage: wire.statusMessage,
            headers: wire.headers,
            body: captureBody(wire.body, cap),
            own: false,
          }
        : {
            statusCode: record.elbStatusCode,
            statusMessage: '',
            headers: [],
            body: { size: 0, bytes: EMPTY },
            own: true,
          }
  return {
    id: store.nextId(),
    time: record.received,
    durationMs: record.finished - record.received,
    request: {
      method: req.method ?? '-',
      target: req.url ?? '',
      httpVersion: req.httpVersion,
      rawHeaders: req.rawHeaders,
      peerIp: record.clientIp,
      peerPort: record.clientPort,
      body: captureBody(note.body ?? EMPTY, cap),
    },
    rule: note.rule,
    actions: record.actions,
    targetGroupArn: record.targetGroupArn,
    functionName: note.functionName,
    eventParts,
    invoke: capturedInvoke(ex, cap),
    response,
    errorReason: record.errorReason,
    note: note.note,
    // core's result check as the balancer set it (errors of a 502, tolerated shapes' warnings)
    issues: ex.issues,
    logs: [],
  }
}

/**
 * A request the listener refused before it became an Exchange (a WebSocket upgrade: 400
 * LambdaWebsocketNotSupported), kept in full like every error.
 * @example
 * sink.refused = (req, entry) => store.add(captureRefused(req, entry, store))
 */
export function captureRefused(
  req: IncomingMessage,
  entry: AccessLogEntry,
  store: ExchangeStore,
): CapturedExchange {
  return {
    id: store.nextId(),
    time: entry.received,
    durationMs: entry.finished - entry.received,
    request: {
      method: entry.method,
      target: req.url ?? '',
      httpVersion: req.httpVersion,
      rawHeaders: req.rawHeaders,
      peerIp: entry.clientIp,
      peerPort: entry.clientPort,
      body: EMPTY_BODY,
    },
    actions: entry.actions,
    response: {
      statusCode: entry.elbStatusCode,
      statusMessage: reasonPhrase(entry.elbStatusCode),
      headers: NONE,
      body: EMPTY_BODY,
      own: true,
    },
    errorReason: entry.errorReason,
    logs: NONE as CapturedLogLine[],
  }
}
