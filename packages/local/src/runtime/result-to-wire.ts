/**
 * What the ALB does with a Lambda result (ELB user guide, "Lambda functions as targets"): core's
 * one result check decides (errors → 502, tolerated shapes answered as the real ALB answers them,
 * with warnings); base64 bodies decoded, hop-by-hop headers dropped, Content-Length computed by
 * the balancer. Pure: the JSON document in, the bytes to send (or the reason for a 502) out.
 */
import {
  ALB_MAX_RESPONSE_BYTES,
  type AlbHeaderMode,
  HOP_BY_HOP_HEADERS,
  type ResultIssue,
  reasonPhrase,
  resultIssue,
  validateResult,
} from '@albkit/core'
import { isPlainJson } from './plain-json.js'

export interface WireResponse {
  statusCode: number
  statusMessage: string
  headers: Array<[string, string]>
  /** a Buffer, or a Uint8Array after crossing from a worker */
  body: Uint8Array
}

/** The access-log `error_reason` of a 502 for an invalid result. */
export type WireErrorReason = 'LambdaResponseTooLarge' | 'LambdaInvalidResponse' | '-'

export type WireOutcome =
  | { ok: true; response: WireResponse; warnings: ResultIssue[] }
  | { ok: false; errorReason: WireErrorReason; errors: ResultIssue[]; warnings: ResultIssue[] }

/** A result that passed the check: every field present is of the right type. */
interface CheckedResult {
  statusCode: number
  statusDescription?: string
  isBase64Encoded?: boolean
  headers?: Record<string, string>
  multiValueHeaders?: Record<string, string[]>
  body?: string
}

function tooLarge(size: number): WireOutcome {
  const what = `the result is ${size} bytes as JSON, over ${ALB_MAX_RESPONSE_BYTES}`
  const errors = [resultIssue('document-too-large', '', what)]
  return { ok: false, errorReason: 'LambdaResponseTooLarge', errors, warnings: [] }
}

/**
 * Turn the function's JSON result into the response the client gets, or say why it is a 502.
 * @example
 * resultToWire('{"statusCode":200,"statusDescription":"200 OK","isBase64Encoded":false,"headers":{},"body":"hi"}', 'single')
 * // { ok: true, response: { statusCode: 200, statusMessage: 'OK', headers: [], body: <Buffer 68 69> }, warnings: [] }
 */
export function resultToWire(json: string, mode: AlbHeaderMode): WireOutcome {
  // measured before parsing: a document over the limit is never parsed
  const size = Buffer.byteLength(json)
  if (size > ALB_MAX_RESPONSE_BYTES) return tooLarge(size)
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch {
    const errors = [resultIssue('result-not-serialisable', '', 'the result is not JSON')]
    return { ok: false, errorReason: 'LambdaInvalidResponse', errors, warnings: [] }
  }
  return checkedToWire(parsed, mode)
}

/**
 * The same answer as `resultToWire(JSON.stringify(result), mode)`, without serialising and
 * re-parsing a result that is plain JSON already (the common case); other values take that path.
 * @example
 * resultValueToWire({ statusCode: 200 }, 'single').warnings.map((w) => w.code)
 * // ['status-description-missing', 'headers-missing', 'is-base64-encoded-missing']
 */
export function resultValueToWire(result: unknown, mode: AlbHeaderMode): WireOutcome {
  // the Lambda runtime serialises the result as JSON; `undefined` becomes `null`
  if (!isPlainJson(result)) return resultToWire(JSON.stringify(result) ?? 'null', mode)
  return checkedToWire(result, mode)
}

function checkedToWire(result: unknown, mode: AlbHeaderMode): WireOutcome {
  const { errors, warnings } = validateResult(result, mode)
  // an oversized document is refused for its size alone, as resultToWire does before parsing
  const tooBig = errors.find((e) => e.code === 'document-too-large')
  if (tooBig !== undefined)
    return { ok: false, errorReason: 'LambdaResponseTooLarge', errors: [tooBig], warnings: [] }
  if (errors.length > 0) return { ok: false, errorReason: errorReason(errors), errors, warnings }
  return { ok: true, response: toWire(result as CheckedResult, mode), warnings }
}

function errorReason(errors: ResultIssue[]): WireErrorReason {
  // 32 KB of headers: the ALB's 502 has no documented error reason
  if (errors.every((e) => e.code === 'headers-too-large')) return '-'
  return 'LambdaInvalidResponse'
}

function toWire(result: CheckedResult, mode: AlbHeaderMode): WireResponse {
  const headers: Array<[string, string]> = []
  // only the field of the target group's mode is read; the other is ignored (checked above)
  if (mode === 'multi') {
    for (const [name, values] of Object.entries(result.multiValueHeaders ?? {}))
      if (!HOP_BY_HOP_HEADERS.has(name.toLowerCase()))
        for (const value of values) headers.push([name, value])
  } else {
    for (const [name, value] of Object.entries(result.headers ?? {}))
      if (!HOP_BY_HOP_HEADERS.has(name.toLowerCase())) headers.push([name, value])
  }
  const text = result.body ?? ''
  const body =
    result.isBase64Encoded === true ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8')
  return {
    statusCode: result.statusCode,
    statusMessage: statusMessage(result.statusCode, result.statusDescription),
    headers,
    body,
  }
}

/**
 * The reason phrase the client sees is the function's own: `statusDescription` is
 * "<code> <reason>" (checked), and the ALB writes <reason> into the status line (Lambda
 * developer guide, "Process Application Load Balancer requests with Lambda"). Without one the
 * ALB uses the standard phrase (awsdocs elb-application-load-balancers-user-guide issue #33).
 */
function statusMessage(statusCode: number, statusDescription: string | undefined): string {
  if (statusDescription === undefined) return reasonPhrase(statusCode)
  const reason = statusDescription.slice(statusDescription.indexOf(' ') + 1)
  // a status line carries only visible latin1 (RFC 9112 §4); anything else gets the standard phrase
  return STATUS_LINE_TEXT.test(reason) ? reason : reasonPhrase(statusCode)
}

const STATUS_LINE_TEXT = /^[\t\x20-\x7e\x80-\xff]+$/
