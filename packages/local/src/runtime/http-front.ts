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
import { Exchange, requestLogEntry } from './exchange.js'
import { MAX_REQUEST_HEADERS_BYTES } from './front-limits.js'
import { checkingInterval, type FrontTimeouts, frontTimeouts } from './front-timeouts.js'
import type { LogSink } from './log-sink.js'
import { clientErrorStatus, precheck } from './precheck.js'

const EMPTY = Buffer.alloc(0)
/** sockets whose request was refused before routing (answered with Connection: close) */
const refusedSockets = new WeakSet<object>()

export interface FrontOptions {
  balancer: Balancer
  sink: LogSink
  elbName: string
  /** connection timeouts (front-timeouts.ts); defaults 10 s headers, 30 s request, 60 s idle */
  timeouts?: Partial<FrontTimeouts>
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
  const timeouts = frontTimeouts(options.timeouts)
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const ex = new Exchange(req, res, sink, elbName)
    const refused = precheck(req)
    if (refused !== undefined) {
      refusedSockets.add(req.socket)
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
      requestTimeout: timeouts.requestTimeout,
      headersTimeout: timeouts.headersTimeout,
      keepAliveTimeout: timeouts.keepAliveTimeout,
      connectionsCheckingInterval: checkingInterval(timeouts),
      noDelay: true,
    },
    onRequest,
  )
  server.maxHeadersCount = 0 // node keeps only 2000 headers by default: precheck must see them all
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    // a request already refused with Connection: close (e.g. TE gzip, whose body node then
    // fails to parse): that answer is on its way, and the socket closes after it
    if (refusedSockets.has(socket)) return
    if (err.code !== 'ECONNRESET' && err.code !== 'EPIPE' && socket.writable) {
      const status = clientErrorStatus(err.code, (err as { rawPacket?: unknown }).rawPacket)
      sink.info(`client error → ${status} (${err.code ?? err.message})`)
      socket.end(rawErrorResponse(status))
      socket.once('finish', () => socket.destroy())
      return
    }
    socket.destroy()
  })
  // WebSockets are not supported for Lambda targets (ELB user guide, "Lambda functions as targets")
  server.on('upgrade', (req: IncomingMessage, socket: Duplex) => {
    sink.info(`${req.method} ${req.url} → 400 upgrade refused (LambdaWebsocketNotSupported)`)
    const now = Date.now()
    const entry = {
      ...requestLogEntry(req, elbName, now),
      finished: now,
      elbStatusCode: 400,
      errorReason: 'LambdaWebsocketNotSupported',
    }
    sink.accessLine(formatAccessLog(entry))
    sink.refused?.(req, entry)
    socket.end(rawErrorResponse(400))
  })
  return server
}
