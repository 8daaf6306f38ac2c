import { ALB_MAX_RESPONSE_BYTES, ALB_MAX_RESPONSE_HEADER_BYTES } from './limits.js'
import { isValidStatusCode } from './status.js'
import type { AlbHeaderMode, AlbResult } from './types.js'

const DESCRIPTION = /^(\d{3}) \S/
const BAD_CHARS = /[\r\n\0]/
const BASE64_TAIL = /^[A-Za-z0-9+/]*$/

/**
 * Same answer as `/^[A-Za-z0-9+/]*={0,2}$/.test(s)`, ~10× faster on large bodies (that regex took
 * 3–8 ms on a 500 KB body). Whole quads go through Node's native decoder, which skips any
 * character outside the alphabet: a head of 4n characters decodes to exactly 3n bytes only if
 * none was skipped. The decoder also takes base64url's `-` and `_`, so those are refused first;
 * the partial quad at the end is checked by a regex.
 */
export function isBase64Text(s: string): boolean {
  let end = s.length
  if (end > 0 && s.charCodeAt(end - 1) === 61) {
    end--
    if (end > 0 && s.charCodeAt(end - 1) === 61) end--
  }
  const full = end - (end % 4)
  if (!BASE64_TAIL.test(s.slice(full, end))) return false
  if (full === 0) return true
  const head = full === s.length ? s : s.slice(0, full)
  if (head.includes('=') || head.includes('-') || head.includes('_')) return false
  return Buffer.from(head, 'base64').length === (full / 4) * 3
}

function show(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'an array'
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v)
  if (typeof v === 'object') return 'an object'
  return `${typeof v} ${String(v)}`
}

function checkHeaders(value: unknown, field: string, multi: boolean, problems: string[]): number {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`${field} must be an object, got ${show(value)}`)
    return 0
  }
  let bytes = 0
  for (const [name, v] of Object.entries(value)) {
    if (BAD_CHARS.test(name))
      problems.push(`${field} has a header name with CR, LF or NUL: ${show(name)}`)
    const list: unknown[] = multi && Array.isArray(v) ? v : [v]
    if (multi && !Array.isArray(v)) {
      problems.push(`${field}[${JSON.stringify(name)}] must be an array of strings, got ${show(v)}`)
      continue
    }
    for (const item of list) {
      if (typeof item !== 'string') {
        problems.push(
          `${field}[${JSON.stringify(name)}] ${multi ? 'values' : 'value'} must be strings, got ${show(item)}`,
        )
        continue
      }
      if (BAD_CHARS.test(item))
        problems.push(`${field}[${JSON.stringify(name)}] contains CR, LF or NUL`)
      bytes += Buffer.byteLength(name) + Buffer.byteLength(item) + 4
    }
  }
  return bytes
}

/**
 * Lists every way a Lambda result breaks the ALB contract — each one a reason the real ALB
 * answers 502 (LambdaInvalidResponse / LambdaResponseTooLarge). `[]` means valid.
 * @albkit/local uses this to decide its 502s.
 * @example
 * validateResult({ statusCode: 200, body: 'x' }, 'single')
 * // ['statusDescription is missing', 'isBase64Encoded is missing', …]
 */
export function validateResult(result: unknown, mode: AlbHeaderMode): string[] {
  if (result === null || typeof result !== 'object' || Array.isArray(result)) {
    return [`result must be an object, got ${show(result)}`]
  }
  const problems: string[] = []
  const r = result as Record<string, unknown>
  const code = r.statusCode
  if (!isValidStatusCode(code))
    problems.push(`statusCode must be an integer from 100 to 599, got ${show(code)}`)
  const desc = r.statusDescription
  if (desc === undefined) problems.push('statusDescription is missing')
  else if (typeof desc !== 'string')
    problems.push(`statusDescription must be a string "<code> <reason>", got ${show(desc)}`)
  else {
    const m = DESCRIPTION.exec(desc)
    if (m === null)
      problems.push(`statusDescription must look like "<code> <reason>", got ${show(desc)}`)
    else if (Number(m[1]) !== code)
      problems.push(`statusDescription ${show(desc)} does not match statusCode ${String(code)}`)
    if (BAD_CHARS.test(desc)) problems.push('statusDescription contains CR, LF or NUL')
  }
  const b64 = r.isBase64Encoded
  if (b64 === undefined) problems.push('isBase64Encoded is missing')
  else if (typeof b64 !== 'boolean')
    problems.push(`isBase64Encoded must be a boolean, got ${show(b64)}`)

  const field = mode === 'multi' ? 'multiValueHeaders' : 'headers'
  const other = mode === 'multi' ? 'headers' : 'multiValueHeaders'
  let headerBytes = 0
  if (r[field] !== undefined && r[other] !== undefined)
    problems.push(
      'both headers and multiValueHeaders are present; send only the one matching the mode',
    )
  if (r[other] !== undefined)
    problems.push(
      `${other} is present but the target group is in ${mode}-value mode (the ALB ignores it); use ${field}`,
    )
  if (r[field] !== undefined)
    headerBytes = checkHeaders(r[field], field, mode === 'multi', problems)
  if (headerBytes > ALB_MAX_RESPONSE_HEADER_BYTES)
    problems.push(
      `response headers are ${headerBytes} bytes, over the ALB limit of ${ALB_MAX_RESPONSE_HEADER_BYTES}`,
    )

  const body = r.body
  if (body !== undefined && typeof body !== 'string')
    problems.push(`body must be a string when present, got ${show(body)}`)
  let base64Body = false
  if (b64 === true && typeof body === 'string') {
    base64Body = body.length % 4 === 0 && isBase64Text(body)
    if (!base64Body) problems.push('isBase64Encoded is true but body is not valid base64')
  }
  let size: number | undefined
  try {
    const plain = Object.getPrototypeOf(result) === Object.prototype
    size =
      base64Body && plain
        ? // base64 needs no JSON escaping: the body adds exactly its length (saves a second
          // serialisation of a body that can be ~1 MB)
          Buffer.byteLength(JSON.stringify({ ...r, body: '' })) + (body as string).length
        : Buffer.byteLength(JSON.stringify(result))
  } catch (e) {
    problems.push(
      `result cannot be serialised to JSON: ${e instanceof Error ? e.message : String(e)}`,
    )
  }
  if (size !== undefined && size > ALB_MAX_RESPONSE_BYTES) {
    problems.push(
      `result is ${size} bytes serialised, over the ALB limit of ${ALB_MAX_RESPONSE_BYTES} bytes`,
    )
  }
  return problems
}

/**
 * The size of a result as the ALB measures it: its JSON document in UTF-8 bytes.
 * @example
 * resultByteLength(result) > ALB_MAX_RESPONSE_BYTES // would be a 502
 */
export function resultByteLength(result: AlbResult): number {
  return Buffer.byteLength(JSON.stringify(result))
}
