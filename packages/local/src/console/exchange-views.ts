/**
 * The JSON the console API answers for captured exchanges: a list row, the full detail, the
 * event (rebuilt from what the function was handed, with the same buildEvent). Pure.
 */
import type { LocalConfig } from '../config/index.js'
import { buildEvent } from '../runtime/build-event.js'
import { type RouteRow, routeTable } from '../runtime/route-table.js'
import { type BodyPreview, previewBody } from './capture-body.js'
import type { CapturedExchange } from './captured-exchange.js'
import { type Explanation, explain, isBalancerError } from './explanations.js'

/** Why a row-only exchange has no detail. */
export const ROW_ONLY =
  'Only the list row of this request was kept: it went well and no console was open. Requests are kept in full while a console is open, and errors always.'

/** Bytes of a body, characters of an event or result body shown before "show all". */
export const PREVIEW_CHARS = 4096

export interface ExchangeSummary {
  id: number
  time: number
  method: string
  target: string
  status: number
  durationMs: number
  targetGroup?: string
  functionName?: string
  cold: boolean
  marker?: 'error' | 'warning'
  replayOf?: number
}

function targetGroupName(config: LocalConfig, arn: string | undefined): string | undefined {
  if (arn === undefined) return undefined
  return config.targetGroups.find((tg) => tg.arn === arn)?.name ?? arn
}

/** Whether the exchange gets the error or warning marker. */
function markerOf(c: CapturedExchange): ExchangeSummary['marker'] {
  if (isBalancerError(c) || (c.issues?.errors.length ?? 0) > 0) return 'error'
  if ((c.issues?.warnings.length ?? 0) > 0) return 'warning'
  return undefined
}

/**
 * @example
 * summaryOf(config, captured) // { id: 3, method: 'GET', target: '/ip', status: 200, cold: true, … }
 */
export function summaryOf(config: LocalConfig, c: CapturedExchange): ExchangeSummary {
  return {
    id: c.id,
    time: c.time,
    method: c.request.method,
    target: c.request.target,
    status: c.response.statusCode,
    durationMs: c.durationMs,
    targetGroup: targetGroupName(config, c.targetGroupArn),
    functionName: c.functionName,
    cold: c.cold ?? c.invoke?.cold === true,
    marker: markerOf(c),
    replayOf: c.replayOf,
  }
}

/** Rebuild the event the function received; undefined when none was built. */
export function eventOf(c: CapturedExchange): unknown {
  if (c.eventParts === undefined || c.invoke?.kind === 'bad-request') return undefined
  return buildEvent({ ...c.eventParts, body: c.request.body.bytes })
}

/** A JSON value pretty-printed with its `body` string cut for display. */
export interface ShownJson {
  json: string
  /** the `body` was cut for display: the full text is at `href` */
  bodyCut: boolean
  href: string
}

function shown(value: unknown, href: string): ShownJson {
  let bodyCut = false
  const text = JSON.stringify(
    value,
    (key, v) => {
      if (key === 'body' && typeof v === 'string' && v.length > PREVIEW_CHARS) {
        bodyCut = true
        return `${v.slice(0, PREVIEW_CHARS)}… (${v.length - PREVIEW_CHARS} more characters)`
      }
      return v
    },
    2,
  )
  return { json: text ?? String(value), bodyCut, href }
}

function pairs(flat: readonly string[]): Array<[string, string]> {
  const out: Array<[string, string]> = []
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i] as string, flat[i + 1] as string])
  return out
}

export interface ExchangeDetail extends ExchangeSummary {
  request: {
    method: string
    target: string
    httpVersion: string
    peer: string
    headers: Array<[string, string]>
    body: BodyPreview
  }
  rule?: RouteRow
  event?: ShownJson & { bodyCapturedBytes: number; bodySize: number }
  eventError?: string
  result?: ShownJson & { truncated: boolean }
  resultMissing?: string
  response: {
    statusLine: string
    headers: ReadonlyArray<readonly [string, string]>
    body: BodyPreview
    own: boolean
  }
  timings: { queuedMs?: number; initMs?: number; invokeMs?: number; totalMs: number }
  requestId?: string
  logs: CapturedExchange['logs']
  explanations: Explanation[]
  note?: string
  rowOnly?: true
}

function resultOf(c: CapturedExchange, cap: number, base: string) {
  const text = c.invoke?.result
  if (c.rowOnly) return { resultMissing: ROW_ONLY }
  if (text === undefined) {
    const resultMissing =
      c.invoke === undefined
        ? 'no function was invoked'
        : c.invoke.kind !== 'result'
          ? 'the function returned no result'
          : 'not captured: results of successful requests are kept while a console is open'
    return { resultMissing }
  }
  const truncated = text.length >= cap
  let value: unknown = text
  if (!truncated) {
    try {
      value = JSON.parse(text)
    } catch {
      // shown as the text it is
    }
  }
  const result =
    typeof value === 'string' ? { json: value, bodyCut: false, href: '' } : shown(value, '')
  return { result: { ...result, href: `${base}/result`, truncated } }
}

/**
 * Everything the console shows of one exchange.
 * @example
 * detailOf(config, captured, 65536).event?.json // '{\n  "requestContext": …'
 */
export function detailOf(config: LocalConfig, c: CapturedExchange, cap: number): ExchangeDetail {
  const base = `/api/exchanges/${c.id}`
  const routes = routeTable(config)
  const ruleIndex = c.rule === undefined ? -1 : config.rules.indexOf(c.rule)
  let event: ExchangeDetail['event']
  let eventError: string | undefined
  try {
    const value = eventOf(c)
    if (value !== undefined)
      event = {
        ...shown(value, `${base}/event`),
        bodyCapturedBytes: c.request.body.bytes.length,
        bodySize: c.request.body.size,
      }
  } catch (err) {
    eventError = err instanceof Error ? err.message : String(err)
  }
  const t = c.invoke?.timings
  return {
    ...summaryOf(config, c),
    request: {
      method: c.request.method,
      target: c.request.target,
      httpVersion: c.request.httpVersion,
      peer: `${c.request.peerIp}:${c.request.peerPort}`,
      headers: pairs(c.request.rawHeaders),
      body: previewBody(c.request.body, PREVIEW_CHARS),
    },
    rule: ruleIndex === -1 ? undefined : routes[ruleIndex],
    event,
    eventError:
      eventError ??
      (c.invoke?.kind === 'bad-request' ? c.invoke.message : c.rowOnly ? ROW_ONLY : undefined),
    rowOnly: c.rowOnly,
    ...resultOf(c, cap, base),
    response: {
      statusLine: `HTTP/1.1 ${c.response.statusCode} ${c.response.statusMessage}`.trimEnd(),
      headers: c.response.headers,
      body: previewBody(c.response.body, PREVIEW_CHARS),
      own: c.response.own,
    },
    timings: {
      queuedMs: t?.queuedMs,
      initMs: t?.initMs,
      invokeMs: t?.invokeMs,
      totalMs: c.durationMs,
    },
    requestId: c.invoke?.requestId,
    logs: c.logs,
    explanations: explain(c),
    note: c.note,
  }
}
