import { hasLineBreak, headerLineBytes, isHeaderName } from './headers.js'
import { ALB_MAX_RESPONSE_BYTES, ALB_MAX_RESPONSE_HEADER_BYTES } from './limits.js'
import { type ResultCheck, resultIssue } from './result-issues.js'
import { isValidStatusCode } from './status.js'
import type { AlbHeaderMode, AlbResult } from './types.js'

// "<code> <reason>" (ELB user guide, "Lambda functions as targets"); bounded: \d{3} then one \S
const DESCRIPTION = /^(\d{3}) \S/
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
  // charCodeAt(-1) is NaN: no bounds check needed for an empty string
  if (s.charCodeAt(end - 1) === 61) {
    end--
    if (s.charCodeAt(end - 1) === 61) end--
  }
  const full = end - (end % 4)
  if (!BASE64_TAIL.test(s.slice(full, end))) return false
  const head = s.slice(0, full)
  if (head.includes('=') || head.includes('-') || head.includes('_')) return false
  return Buffer.from(head, 'base64').length === (full / 4) * 3
}

function show(v: unknown): string {
  if (v === null) return '`null`'
  if (Array.isArray(v)) return 'an array'
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v)
  if (typeof v === 'object') return 'an object'
  return `${typeof v} ${String(v)}`
}

/**
 * Whether `desc` is a `statusDescription` the ALB takes for `code`: "<code> <reason>" — the code,
 * one space, a reason that starts with a visible character — without CR, LF or NUL.
 * @example
 * isStatusDescriptionFor('404 Not Found', 404) // true
 * isStatusDescriptionFor('404  x', 404)        // false
 */
export function isStatusDescriptionFor(desc: string, code: number): boolean {
  const m = DESCRIPTION.exec(desc)
  return m !== null && Number(m[1]) === code && !hasLineBreak(desc)
}

function checkDescription(desc: unknown, code: unknown, out: ResultCheck): void {
  const f = 'statusDescription'
  // missing: the ALB writes the standard reason phrase (awsdocs elb user guide issue #33)
  if (desc === undefined)
    out.warnings.push(
      resultIssue('status-description-missing', f, '`statusDescription` is missing'),
    )
  else if (desc === null)
    out.errors.push(resultIssue('status-description-null', f, '`statusDescription` is `null`'))
  else if (typeof desc !== 'string')
    out.errors.push(
      resultIssue('status-description-not-string', f, `\`statusDescription\` is ${show(desc)}`),
    )
  else {
    const m = DESCRIPTION.exec(desc)
    if (m === null)
      out.errors.push(
        resultIssue('status-description-malformed', f, `\`statusDescription\` is ${show(desc)}`),
      )
    else if (isValidStatusCode(code) && Number(m[1]) !== code)
      out.errors.push(
        resultIssue(
          'status-description-mismatch',
          f,
          `\`statusDescription\` ${show(desc)} does not match \`statusCode\` ${show(code)}`,
        ),
      )
    if (hasLineBreak(desc))
      out.errors.push(
        resultIssue('status-description-control-chars', f, '`statusDescription` has CR, LF or NUL'),
      )
  }
}

function checkHeaders(value: unknown, field: string, multi: boolean, out: ResultCheck): number {
  if (value === null) {
    out.errors.push(resultIssue('headers-null', field, `\`${field}\` is \`null\``))
    return 0
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    out.errors.push(resultIssue('headers-not-object', field, `\`${field}\` is ${show(value)}`))
    return 0
  }
  let bytes = 0
  for (const [name, v] of Object.entries(value)) {
    const at = `${field}.${name}`
    if (!isHeaderName(name))
      out.errors.push(resultIssue('header-name-invalid', at, `header name ${show(name)}`))
    if (multi && !Array.isArray(v)) {
      out.errors.push(resultIssue('multi-value-header-not-array', at, `\`${at}\` is ${show(v)}`))
      continue
    }
    const list: unknown[] = multi ? (v as unknown[]) : [v]
    for (const item of list) {
      if (typeof item !== 'string') {
        out.errors.push(
          resultIssue('header-value-not-string', at, `a value of \`${at}\` is ${show(item)}`),
        )
        continue
      }
      if (hasLineBreak(item))
        out.errors.push(
          resultIssue('header-value-control-chars', at, `\`${at}\` has CR, LF or NUL`),
        )
      bytes += headerLineBytes(name, item)
    }
  }
  return bytes
}

function checkHeaderFields(r: Record<string, unknown>, mode: AlbHeaderMode, out: ResultCheck) {
  const field = mode === 'multi' ? 'multiValueHeaders' : 'headers'
  const other = mode === 'multi' ? 'headers' : 'multiValueHeaders'
  const mine = r[field]
  // The ALB reads the field of its mode and ignores the other, whatever it holds — `null`
  // included, which aws-lambda-go's response type writes for an unset map
  // (aws-lambda-go-api-proxy issue #79).
  if (r[other] !== undefined) {
    if (mine !== undefined)
      out.warnings.push(
        resultIssue('both-header-fields', other, `both \`${field}\` and \`${other}\` are present`),
      )
    else
      out.warnings.push(
        resultIssue(
          'headers-wrong-mode',
          other,
          `\`${other}\` is sent to a ${mode}-value target group, which reads \`${field}\``,
        ),
      )
  } else if (mine === undefined)
    out.warnings.push(resultIssue('headers-missing', field, `\`${field}\` is missing`))
  if (mine === undefined) return
  const bytes = checkHeaders(mine, field, mode === 'multi', out)
  if (bytes > ALB_MAX_RESPONSE_HEADER_BYTES)
    out.errors.push(
      resultIssue(
        'headers-too-large',
        field,
        `the response headers take ${bytes} bytes, over ${ALB_MAX_RESPONSE_HEADER_BYTES}`,
      ),
    )
}

function checkBody(r: Record<string, unknown>, out: ResultCheck): boolean {
  const body = r.body
  const b64 = r.isBase64Encoded
  // a missing body is an empty one; `null` is a 502 (aws-lambda-go issue #408)
  if (body === null) out.errors.push(resultIssue('body-null', 'body', '`body` is `null`'))
  else if (body !== undefined && typeof body !== 'string')
    out.errors.push(resultIssue('body-not-string', 'body', `\`body\` is ${show(body)}`))
  if (b64 === undefined)
    out.warnings.push(
      resultIssue('is-base64-encoded-missing', 'isBase64Encoded', '`isBase64Encoded` is missing'),
    )
  else if (typeof b64 !== 'boolean')
    out.errors.push(
      resultIssue(
        'is-base64-encoded-not-boolean',
        'isBase64Encoded',
        `\`isBase64Encoded\` is ${show(b64)}`,
      ),
    )
  if (b64 !== true || typeof body !== 'string') return false
  const base64 = body.length % 4 === 0 && isBase64Text(body)
  if (!base64)
    out.errors.push(
      resultIssue('body-not-base64', 'body', '`isBase64Encoded` is true but `body` is not base64'),
    )
  return base64
}

function checkSize(result: object, base64Body: boolean, out: ResultCheck): void {
  const r = result as Record<string, unknown>
  let size: number
  try {
    size =
      base64Body && Object.getPrototypeOf(result) === Object.prototype
        ? // base64 needs no JSON escaping: the body adds exactly its length (saves a second
          // serialisation of a body that can be ~1 MB)
          Buffer.byteLength(JSON.stringify({ ...r, body: '' })) + (r.body as string).length
        : Buffer.byteLength(JSON.stringify(result))
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e)
    out.errors.push(resultIssue('result-not-serialisable', '', `the result is not JSON (${why})`))
    return
  }
  if (size > ALB_MAX_RESPONSE_BYTES)
    out.errors.push(
      resultIssue(
        'document-too-large',
        '',
        `the result is ${size} bytes as JSON, over ${ALB_MAX_RESPONSE_BYTES}`,
      ),
    )
}

/**
 * The one check of a Lambda result against the ALB contract, as the real ALB applies it.
 * `errors`: the ALB answers 502 (LambdaInvalidResponse / LambdaResponseTooLarge). `warnings`:
 * shapes the real ALB answers normally though its page says "must" (a missing
 * `statusDescription`, `isBase64Encoded` or headers; a header field of the other mode).
 * @albkit/local answers from this; albkit's own builders never produce an issue of either kind.
 * @example
 * validateResult({ statusCode: 200 }, 'single').warnings.map((w) => w.code)
 * // ['status-description-missing', 'headers-missing', 'is-base64-encoded-missing']
 * validateResult({ statusCode: 200, body: null }, 'single').errors[0]?.code // 'body-null'
 */
export function validateResult(result: unknown, mode: AlbHeaderMode): ResultCheck {
  const out: ResultCheck = { errors: [], warnings: [] }
  if (result === null || typeof result !== 'object' || Array.isArray(result)) {
    out.errors.push(resultIssue('result-not-object', '', `the result is ${show(result)}`))
    return out
  }
  const r = result as Record<string, unknown>
  const code = r.statusCode
  if (!isValidStatusCode(code))
    out.errors.push(
      resultIssue('status-code-not-integer', 'statusCode', `\`statusCode\` is ${show(code)}`),
    )
  checkDescription(r.statusDescription, code, out)
  checkHeaderFields(r, mode, out)
  const base64Body = checkBody(r, out)
  checkSize(result, base64Body, out)
  return out
}

/**
 * The size of a result as the ALB measures it: its JSON document in UTF-8 bytes.
 * @example
 * resultByteLength(result) > ALB_MAX_RESPONSE_BYTES // would be a 502
 */
export function resultByteLength(result: AlbResult): number {
  return Buffer.byteLength(JSON.stringify(result))
}
