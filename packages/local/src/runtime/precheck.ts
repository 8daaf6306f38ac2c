/**
 * The checks the listener makes before routing (ELB user guide, "Troubleshoot your Application
 * Load Balancers" and "Quotas"): HTTP version, transfer coding, request line and header sizes,
 * TRACE, WebSocket upgrades, X-Forwarded-For count, announced body size.
 */
import type { IncomingMessage } from 'node:http'
import { ALB_MAX_REQUEST_BODY_BYTES } from '@albkit/core'
import {
  MAX_FORWARDED_FOR_ADDRESSES,
  MAX_REQUEST_HEADERS_BYTES,
  MAX_REQUEST_LINE_OR_HEADER_BYTES,
} from './front-limits.js'

/** A refusal: the status to answer (the connection is closed after it) and the log reason. */
export interface Refusal {
  status: number
  reason?: string
}

/**
 * The HTTP version check. node's parser reports a request line without a version as HTTP/0.9
 * (and cannot tell it from a literal `HTTP/0.9`, which no real client sends): that is a
 * malformed HTTP/1.x request → 400. Any other major version (`HTTP/2.0` sent as text) → 505
 * (RFC 9110 §15.6.6). Other minor versions of 1 never get here: node refuses them as
 * HPE_INVALID_VERSION and the listener's clientError handler answers 505.
 */
export function versionRefusal(major: number, minor: number): Refusal | undefined {
  if (major === 1 && (minor === 0 || minor === 1)) return undefined
  return { status: major === 0 ? 400 : 505 }
}

/**
 * The transfer-coding check. RFC 9112 §6.1: a server that receives a transfer coding it does
 * not understand SHOULD answer 501, and a request whose final coding is not `chunked` has no
 * determinable length (400 and close, §6.3). node's parser accepts `gzip, chunked` (and a bare
 * `gzip`) and would pass the still-encoded body on; we pick 400 for everything but a plain
 * `chunked`: the load balancer decodes no transfer coding except chunked framing, and one status
 * for every unusable framing keeps smuggling-style ambiguities out of the function (the ALB
 * itself answers malformed framing with 400). Transfer-Encoding in an HTTP/1.0 request is
 * faulty by §6.1 as well → 400.
 */
export function transferEncodingRefusal(
  value: string | undefined,
  minorVersion: number,
): Refusal | undefined {
  if (value === undefined) return undefined
  if (minorVersion === 0 || value.trim().toLowerCase() !== 'chunked') return { status: 400 }
  return undefined
}

/**
 * Why a request is refused before routing, if it is.
 * @example
 * const refused = precheck(req) // { status: 405 } for TRACE
 */
export function precheck(req: IncomingMessage): Refusal | undefined {
  const version = versionRefusal(req.httpVersionMajor, req.httpVersionMinor)
  if (version !== undefined) return version
  const te = transferEncodingRefusal(req.headers['transfer-encoding'], req.httpVersionMinor)
  if (te !== undefined) return te
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

/** A request line that names a version (`GET / HTTP/1.2`), for node's HPE_INVALID_VERSION. */
const VERSIONED_LINE = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+ [^ \r\n]+ HTTP\/\d+\.\d+\r?\n/

/**
 * The status for a request node's parser refused (clientError): 408 when the client was too
 * slow (ELB user guide, "Troubleshoot": HTTP 408, the client did not send data before the idle
 * timeout), 505 for a well-formed request line with an unsupported version, else 400.
 * @example
 * clientErrorStatus('HPE_INVALID_VERSION', Buffer.from('GET / HTTP/3.0\r\n')) // 505
 */
export function clientErrorStatus(code: string | undefined, rawPacket: unknown): number {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408
  if (code === 'HPE_INVALID_VERSION' && Buffer.isBuffer(rawPacket)) {
    const start = rawPacket.subarray(0, 256).toString('latin1')
    if (VERSIONED_LINE.test(start)) return 505
  }
  return 400
}
