/**
 * The listener: node:http with the ALB's own checks in front of routing (ELB user guide,
 * "Troubleshoot your Application Load Balancers" and "Quotas"): 413 for a body over 1 MB,
 * 400 for WebSocket upgrades and oversized request lines/headers, 405 for TRACE, 463 for more
 * than 30 X-Forwarded-For addresses. Parse errors get a 400 and a closed connection, never a crash.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { ALB_MAX_REQUEST_BODY_BYTES } from '@albkit/core'
import { formatAccessLog } from './access-log.js'
import type { Balancer } from './balancer.js'
import { rawErrorResponse } from './error-page.js'
import { Exchange, normalizeIp } from './exchange.js'
import {
  IDLE_TIMEOUT_SECONDS,
  MAX_FORWARDED_FOR_ADDRESSES,
  MAX_REQUEST_HEADERS_BYTES,
  MAX_REQUEST_LINE_OR_HEADER_BYTES,
} from './front-limits.js'
import type { LogSink } from './log-sink.js'

const EMPTY = Buffer.alloc(0)

export interface FrontOptions {
  balancer: Balancer
  sink: LogSink
  elbName: string
}

/** Why a request is refused before routing, if it is. */
export function precheck(req: IncomingMessage): { status: number; reason?: string } | undefined {
  const lineBytes = (req.method?.length ?? 0) + (req.url?.length ?? 0) + 10
  if (lineBytes > MAX_REQUEST_LINE_OR_HEADER_BYTES) return { status: 400 }
  let total = 0
  let xff = 0
  const raw = req.rawHeaders
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string
    const value = raw[i + 1] as string
    const size = name.length + value.length + 4
    if (size > MAX_REQUEST_LINE_OR_HEADER_BYTES) return { status: 400 }
    total += size
    if (name.length === 15 && name.toLowerCase() === 'x-forwarded-for')
      xff += value.split(',').length
  }
  if (total > MAX_REQUEST_HEADERS_BYTES) return { status: 400 }
  if (req.method === 'TRACE') return { status: 405 }
  const upgrade = req.headers.upgrade
  if (upgrade !== undefined && upgrade.toLowerCase() === 'websocket') {
    return { status: 400, reason: 'LambdaWebsocketNotSupported' }
  }
  if (xff > MAX_FORWARDED_FOR_ADDRESSES) return { status: 463 }
  const length = req.headers['content-length']
  if (length !== undefined && Number(length) > ALB_MAX_REQUEST_BODY_BYTES) {
    return { status: 413, reason: 'LambdaRequestTooLarge' }
  }
  return undefined
}

function readBody(req: IncomingMessage, ex: Exchange, done: (body: Buffer) => void): void {
  const chunks: Buffer[] = []
  let size = 0
  let refused = false
  req.on('data', (chunk: Buffer) => {
    if (refused) return
    size += chunk.length
    if (size > ALB_MAX_REQUEST_BODY_BYTES) {
      // stop buffering at once; answer and close the connection
      refused = true
      chunks.length = 0
      req.pause()
      ex.albError(413, 'LambdaRequestTooLarge', true)
      return
    }
    chunks.push(chunk)
  })
  req.on('end', () => {
    if (refused) return
    ex.record.receivedBytes += size
    done(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size))
  })
  req.on('error', () => req.socket.destroy())
}

/**
 * Create (not start) the listener.
 * @example
 * const server = createFront({ balancer, sink, elbName: 'app/albkit-local/0' })
 * server.listen(3000, '127.0.0.1')
 */
export function createFront(options: FrontOptions): Server {
  const { balancer, sink, elbName } = options
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const ex = new Exchange(req, res, sink, elbName)
    const refused = precheck(req)
    if (refused !== undefined) {
      ex.albError(refused.status, refused.reason, true)
      return
    }
    const route = (body: Buffer) => {
      balancer.route(ex, body).catch((err: unknown) => {
        ex.console.note = err instanceof Error ? err.message : String(err)
        ex.albError(500)
      })
    }
    const headers = req.headers
    // no body announced: route at once (node discards anything unread after the response)
    if (headers['content-length'] === undefined && headers['transfer-encoding'] === undefined)
      route(EMPTY)
    else readBody(req, ex, route)
  }
  const server = createServer(
    {
      // generous: our own checks above decide at the ALB's limits, node's parser is the backstop
      maxHeaderSize: 2 * MAX_REQUEST_HEADERS_BYTES,
      requestTimeout: 2 * IDLE_TIMEOUT_SECONDS * 1000,
      headersTimeout: IDLE_TIMEOUT_SECONDS * 1000,
      keepAliveTimeout: IDLE_TIMEOUT_SECONDS * 1000,
      noDelay: true,
    },
    onRequest,
  )
  server.maxHeadersCount = 0 // node keeps only 2000 headers by default: precheck must see them all
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code !== 'ECONNRESET' && err.code !== 'EPIPE' && socket.writable) {
      sink.info(`client error → 400 (${err.code ?? err.message})`)
      socket.end(rawErrorResponse(400))
    }
    socket.destroy()
  })
  // WebSockets are not supported for Lambda targets (ELB user guide, "Lambda functions as targets")
  server.on('upgrade', (req: IncomingMessage, socket: Duplex) => {
    sink.info(`${req.method} ${req.url} → 400 upgrade refused (LambdaWebsocketNotSupported)`)
    const now = Date.now()
    sink.accessLine(
      formatAccessLog({
        received: now,
        finished: now,
        elbName,
        clientIp: normalizeIp(req.socket.remoteAddress ?? '-'),
        clientPort: req.socket.remotePort ?? 0,
        requestProcessingMs: -1,
        targetProcessingMs: -1,
        responseProcessingMs: -1,
        elbStatusCode: 400,
        targetStatusCode: undefined,
        receivedBytes: 0,
        sentBytes: 0,
        method: req.method ?? '-',
        url: `http://${req.headers.host ?? '-'}${req.url ?? ''}`,
        httpVersion: `HTTP/${req.httpVersion}`,
        userAgent: req.headers['user-agent'],
        targetGroupArn: undefined,
        traceId: undefined,
        domain: undefined,
        matchedRulePriority: undefined,
        actions: [],
        redirectUrl: undefined,
        errorReason: 'LambdaWebsocketNotSupported',
      }),
    )
    socket.end(rawErrorResponse(400))
  })
  return server
}
