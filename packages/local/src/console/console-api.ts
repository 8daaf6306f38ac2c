/**
 * The console's HTTP side on the admin port: the page and its assets, the JSON API
 * (`/api/exchanges`, `/api/exchanges/:id` and its parts, `/api/targets`, `/api/routes`), the
 * event stream (`/api/events`, server-sent events) and replay (the only write: POST, same
 * origin, JSON). Thin: the data comes from the store, the views and the target history.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { isAlbError } from '@albkit/core'
import type { LocalConfig } from '../config/index.js'
import type { FunctionPool } from '../runtime/function-pool.js'
import type { TargetReport } from '../runtime/health-checker.js'
import { routeTable } from '../runtime/route-table.js'
import type { CapturedExchange } from './captured-exchange.js'
import { CONSOLE_CSP, consoleAsset } from './console-assets.js'
import type { ExchangeStore } from './exchange-store.js'
import { detailOf, eventOf, summaryOf } from './exchange-views.js'
import { replay } from './replay.js'
import { hostAllowed, writeRefusal } from './request-guard.js'
import { ruleTrace } from './rule-trace.js'
import type { TargetHistory } from './target-history.js'

export interface ConsoleDeps {
  config: LocalConfig
  pools: Map<string, FunctionPool>
  store: ExchangeStore
  history: TargetHistory
  targets: () => TargetReport[]
}

/** Headers on every answer of the admin server. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONSOLE_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
}

/** Sends a JSON answer. */
export function sendJson(res: ServerResponse, status: number, body: unknown, head = false): void {
  const text = JSON.stringify(body, null, 2)
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  })
  res.end(head ? undefined : text)
}

function sendBytes(
  res: ServerResponse,
  type: string,
  body: Uint8Array | string,
  download?: string,
  head = false,
): void {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Content-Length': typeof body === 'string' ? Buffer.byteLength(body) : body.length,
    ...(download === undefined
      ? {}
      : { 'Content-Disposition': `attachment; filename="${download}"` }),
  })
  res.end(head ? undefined : body)
}

const EXCHANGE_PATH =
  /^\/api\/exchanges\/(\d{1,12})(?:\/(rules|event|result|request-body|response-body|replay))?$/

/** How often the event stream sends what arrived (one write per batch, not per request). */
export const EVENT_BATCH_MS = 100
/** A subscriber that stops reading is dropped once this much waits unsent. */
const MAX_UNSENT_BYTES = 1024 * 1024

/** The event stream: one `exchange` event per new exchange (its list row), a comment every 15 s. */
function openEventStream(req: IncomingMessage, res: ServerResponse, deps: ConsoleDeps): void {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/event-stream; charset=utf-8',
    Connection: 'keep-alive',
  })
  res.write('retry: 2000\n\n')
  let queued: CapturedExchange[] = []
  let flush: NodeJS.Timeout | undefined
  const send = () => {
    flush = undefined
    const batch = queued
    queued = []
    if (res.writableLength > MAX_UNSENT_BYTES) {
      res.destroy()
      return
    }
    res.write(
      batch
        .map((e) => `event: exchange\ndata: ${JSON.stringify(summaryOf(deps.config, e))}\n\n`)
        .join(''),
    )
  }
  const stop = deps.store.subscribe((exchange) => {
    queued.push(exchange)
    flush ??= setTimeout(send, EVENT_BATCH_MS)
  })
  const beat = setInterval(() => res.write(': keep-alive\n\n'), 15_000)
  beat.unref()
  const end = () => {
    clearInterval(beat)
    clearTimeout(flush)
    stop()
  }
  req.socket.once('close', end)
  res.once('close', end)
}

function targetsView(deps: ConsoleDeps) {
  return deps.targets().map((t) => ({ ...t, ...deps.history.of(t.targetGroupArn) }))
}

async function exchangePart(
  req: IncomingMessage,
  res: ServerResponse,
  deps: ConsoleDeps,
  exchange: CapturedExchange,
  part: string | undefined,
  head: boolean,
): Promise<void> {
  const { config, store } = deps
  const cap = store.limits.bodyBytes
  const name = `exchange-${exchange.id}`
  if (part === 'replay') {
    if (req.method !== 'POST') return sendJson(res, 405, { message: 'replay is POST only' })
    const refused = writeRefusal(req.headers)
    if (refused !== undefined) return sendJson(res, 403, { message: refused })
    const again = await replay(exchange, deps)
    return sendJson(res, 201, detailOf(config, again, cap))
  }
  if (part === undefined) return sendJson(res, 200, detailOf(config, exchange, cap), head)
  if (part === 'rules') return sendJson(res, 200, ruleTrace(config, exchange), head)
  if (part === 'event') {
    const event = eventOf(exchange)
    if (event === undefined)
      return sendJson(res, 404, { message: 'no event was built for this request' })
    return sendBytes(
      res,
      'application/json; charset=utf-8',
      JSON.stringify(event, null, 2),
      `${name}-event.json`,
      head,
    )
  }
  if (part === 'result') {
    const result = exchange.invoke?.result
    if (result === undefined) return sendJson(res, 404, { message: 'no result was captured' })
    return sendBytes(res, 'application/json; charset=utf-8', result, `${name}-result.json`, head)
  }
  const body = part === 'request-body' ? exchange.request.body : exchange.response.body
  return sendBytes(res, 'application/octet-stream', body.bytes, `${name}-${part}.bin`, head)
}

/**
 * Answer a console request; false when the path is not the console's.
 * @example
 * if (!(await handleConsole(req, res, path, deps))) sendJson(res, 404, { message: 'not found' })
 */
export async function handleConsole(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  deps: ConsoleDeps,
): Promise<boolean> {
  if (!hostAllowed(req.headers.host)) {
    sendJson(res, 403, {
      message: 'the console answers only to Host 127.0.0.1, localhost or [::1]',
    })
    return true
  }
  const head = req.method === 'HEAD'
  const read = req.method === 'GET' || head
  const match = EXCHANGE_PATH.exec(path)
  if (!read && !(match?.[2] === 'replay')) {
    sendJson(res, 405, {
      message: 'the console is read-only except POST /api/exchanges/:id/replay',
    })
    return true
  }
  try {
    if (match !== null) {
      const exchange = deps.store.get(Number(match[1]))
      if (exchange === undefined) {
        sendJson(res, 404, {
          message: `no exchange ${match[1]} (the console keeps the last ${deps.store.limits.size})`,
        })
        return true
      }
      await exchangePart(req, res, deps, exchange, match[2], head)
      return true
    }
    if (path === '/api/exchanges')
      sendJson(
        res,
        200,
        deps.store.list().map((e) => summaryOf(deps.config, e)),
        head,
      )
    else if (path === '/api/targets') sendJson(res, 200, targetsView(deps), head)
    else if (path === '/api/routes') sendJson(res, 200, routeTable(deps.config), head)
    else if (path === '/api/events') openEventStream(req, res, deps)
    else {
      const asset = consoleAsset(path)
      if (asset === undefined) return false
      sendBytes(res, asset.type, asset.body, undefined, head)
    }
  } catch (err) {
    const status = isAlbError(err) ? err.statusCode : 500
    sendJson(res, status, { message: err instanceof Error ? err.message : String(err) })
  }
  return true
}
