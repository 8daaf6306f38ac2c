/**
 * What the ALB does with a Lambda result (ELB user guide, "Lambda functions as targets"):
 * over 1 MB → 502 LambdaResponseTooLarge, anything malformed → 502 LambdaInvalidResponse,
 * base64 bodies decoded, hop-by-hop headers dropped, Content-Length computed by the balancer.
 * Pure: the JSON document in, the bytes to send (or the reason for a 502) out.
 */
import {
  ALB_MAX_RESPONSE_BYTES,
  type AlbHeaderMode,
  HOP_BY_HOP_HEADERS,
  resultByteLength,
  validateResult,
} from '@albkit/core'
import { reasonPhrase } from './error-page.js'
import { MAX_RESPONSE_HEADERS_BYTES } from './front-limits.js'
import { isPlainJson } from './plain-json.js'

export interface WireResponse {
  statusCode: number
  statusMessage: string
  headers: Array<[string, string]>
  /** a Buffer, or a Uint8Array after crossing from a worker */
  body: Uint8Array
}

export type WireOutcome =
  | { ok: true; response: WireResponse }
  | {
      ok: false
      errorReason: 'LambdaResponseTooLarge' | 'LambdaInvalidResponse' | '-'
      problems: string[]
    }

interface ParsedResult {
  statusCode: number
  statusDescription: string
  isBase64Encoded?: boolean
  headers?: Record<string, string>
  multiValueHeaders?: Record<string, string[]>
  body?: string
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/
// CR, LF and NUL must never reach the wire (response splitting)
const UNSAFE_VALUE = /[\r\n\0]/

function headerPairs(result: ParsedResult, mode: AlbHeaderMode): Array<[string, string]> {
  const pairs: Array<[string, string]> = []
  if (mode === 'multi') {
    for (const [name, values] of Object.entries(result.multiValueHeaders ?? {})) {
      for (const value of values) pairs.push([name, value])
    }
  } else {
    for (const [name, value] of Object.entries(result.headers ?? {})) pairs.push([name, value])
  }
  return pairs
}

/**
 * Turn the function's JSON result into the response the client gets, or say why it is a 502.
 * @example
 * resultToWire('{"statusCode":200,"statusDescription":"200 OK","isBase64Encoded":false,"headers":{},"body":"hi"}', 'single')
 * // { ok: true, response: { statusCode: 200, statusMessage: 'OK', headers: [], body: <Buffer 68 69> } }
 */
export function resultToWire(json: string, mode: AlbHeaderMode): WireOutcome {
  const size = Buffer.byteLength(json)
  if (size > ALB_MAX_RESPONSE_BYTES) {
    return {
      ok: false,
      errorReason: 'LambdaResponseTooLarge',
      problems: [`the result is ${size} bytes (limit ${ALB_MAX_RESPONSE_BYTES})`],
    }
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch {
    return { ok: false, errorReason: 'LambdaInvalidResponse', problems: ['the result is not JSON'] }
  }
  const problems = validateResult(parsed, mode)
  if (problems.length > 0) return { ok: false, errorReason: 'LambdaInvalidResponse', problems }
  return toWire(parsed as ParsedResult, mode)
}

/**
 * The same answer as `resultToWire(JSON.stringify(result), mode)`, without serialising and
 * re-parsing a result that is plain JSON already (the common case); other values take that path.
 * @example
 * resultValueToWire({ statusCode: 200, statusDescription: '200 OK', isBase64Encoded: false, body: 'hi' }, 'single')
 */
export function resultValueToWire(result: unknown, mode: AlbHeaderMode): WireOutcome {
  // the Lambda runtime serialises the result as JSON; `undefined` becomes `null`
  if (!isPlainJson(result)) return resultToWire(JSON.stringify(result) ?? 'null', mode)
  const problems = validateResult(result, mode)
  if (problems.length > 0) {
    // validateResult reports the size too; the access log names it apart (checked first above)
    const size = resultByteLength(result as Parameters<typeof resultByteLength>[0])
    if (size > ALB_MAX_RESPONSE_BYTES) {
      return {
        ok: false,
        errorReason: 'LambdaResponseTooLarge',
        problems: [`the result is ${size} bytes (limit ${ALB_MAX_RESPONSE_BYTES})`],
      }
    }
    return { ok: false, errorReason: 'LambdaInvalidResponse', problems }
  }
  return toWire(result as ParsedResult, mode)
}

function toWire(result: ParsedResult, mode: AlbHeaderMode): WireOutcome {
  const headers: Array<[string, string]> = []
  let headerBytes = 0
  for (const [name, value] of headerPairs(result, mode)) {
    if (typeof value !== 'string' || !TOKEN.test(name) || UNSAFE_VALUE.test(value)) {
      return {
        ok: false,
        errorReason: 'LambdaInvalidResponse',
        problems: [`header ${JSON.stringify(name)} has an invalid name or value`],
      }
    }
    headerBytes += name.length + value.length + 4
    if (HOP_BY_HOP_HEADERS.has(name.toLowerCase())) continue
    headers.push([name, value])
  }
  if (headerBytes > MAX_RESPONSE_HEADERS_BYTES) {
    return {
      ok: false,
      errorReason: '-',
      problems: [
        `the response headers are ${headerBytes} bytes (limit ${MAX_RESPONSE_HEADERS_BYTES})`,
      ],
    }
  }
  const text = result.body ?? ''
  const body =
    result.isBase64Encoded === true ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8')
  return {
    ok: true,
    response: {
      statusCode: result.statusCode,
      statusMessage: reasonFromDescription(result.statusCode, result.statusDescription),
      headers,
      body,
    },
  }
}

/**
 * The reason phrase the client sees is the function's own: `statusDescription` is
 * "<code> <reason>" (validated above), and the ALB writes <reason> into the status line
 * (Lambda developer guide, "Process Application Load Balancer requests with Lambda").
 */
function reasonFromDescription(statusCode: number, statusDescription: string): string {
  const reason = statusDescription.slice(statusDescription.indexOf(' ') + 1)
  // a status line carries only visible latin1 (RFC 9112 §4); anything else gets the standard phrase
  return STATUS_LINE_TEXT.test(reason) ? reason : reasonPhrase(statusCode)
}

const STATUS_LINE_TEXT = /^[\t\x20-\x7e\x80-\xff]+$/
