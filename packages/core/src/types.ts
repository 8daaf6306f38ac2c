/**
 * The ALB ⇄ Lambda event and result shapes, as the balancer really sends and accepts them.
 * Source: AWS Lambda developer guide, "Process Application Load Balancer requests with Lambda",
 * and ELB user guide, "Lambda functions as targets".
 */

/**
 * Whether the target group has `lambda.multi_value_headers.enabled`.
 * @example
 * const mode: AlbHeaderMode = eventMode(event) // 'single' | 'multi'
 */
export type AlbHeaderMode = 'single' | 'multi'

/**
 * `requestContext` of an ALB event.
 * @example
 * const ctx: AlbRequestContext = { elb: { targetGroupArn: 'arn:aws:elasticloadbalancing:…' } }
 */
export interface AlbRequestContext {
  elb: { targetGroupArn: string }
}

// Values are never undefined in practice; the `| undefined` keeps @types/aws-lambda's ALBEvent
// assignable to these types (and is what `noUncheckedIndexedAccess` gives on reads anyway).
type StringMap = Record<string, string | undefined>
type StringArrayMap = Record<string, string[] | undefined>

/**
 * An event from a target group in single-value mode (the default). Header names arrive
 * lower-case; a repeated header or query key: the last value wins; query values are NOT decoded.
 * @example
 * const e: AlbEventSingle = { requestContext: { elb: { targetGroupArn: arn } }, httpMethod: 'GET',
 *   path: '/', queryStringParameters: {}, headers: {}, body: '', isBase64Encoded: false }
 */
export interface AlbEventSingle {
  requestContext: AlbRequestContext
  httpMethod: string
  path: string
  queryStringParameters?: StringMap
  headers?: StringMap
  body: string | null
  isBase64Encoded: boolean
}

/**
 * An event from a target group with `lambda.multi_value_headers.enabled = true`: arrays instead
 * of strings, and no `headers` / `queryStringParameters`.
 * @example
 * const e: AlbEventMulti = { requestContext: { elb: { targetGroupArn: arn } }, httpMethod: 'GET',
 *   path: '/', multiValueQueryStringParameters: { a: ['1', '2'] }, multiValueHeaders: {},
 *   body: '', isBase64Encoded: false }
 */
export interface AlbEventMulti {
  requestContext: AlbRequestContext
  httpMethod: string
  path: string
  multiValueQueryStringParameters?: StringArrayMap
  multiValueHeaders?: StringArrayMap
  body: string | null
  isBase64Encoded: boolean
}

/**
 * Any ALB event, in either header mode. Use {@link eventMode} to tell them apart.
 * @example
 * export const handler = async (event: AlbEvent) => toAlbResult(text('hi'), { mode: eventMode(event) })
 */
export type AlbEvent = AlbEventSingle | AlbEventMulti

/**
 * A result for a single-value target group. Every field is required and every header value is a
 * string: anything else risks a `LambdaInvalidResponse` 502.
 * @example
 * const r: AlbResultSingle = { statusCode: 200, statusDescription: '200 OK', isBase64Encoded: false,
 *   headers: { 'Content-Type': 'text/plain' }, body: 'ok' }
 */
export interface AlbResultSingle {
  statusCode: number
  statusDescription: string
  isBase64Encoded: boolean
  headers: Record<string, string>
  body: string
}

/**
 * A result for a multi-value target group: `multiValueHeaders` only (the ALB ignores `headers`).
 * @example
 * const r: AlbResultMulti = { statusCode: 200, statusDescription: '200 OK', isBase64Encoded: false,
 *   multiValueHeaders: { 'Set-Cookie': ['a=1', 'b=2'] }, body: '' }
 */
export interface AlbResultMulti {
  statusCode: number
  statusDescription: string
  isBase64Encoded: boolean
  multiValueHeaders: Record<string, string[]>
  body: string
}

/**
 * A result in either mode; build one with {@link toAlbResult}.
 * @example
 * const result: AlbResult = toAlbResult(json({ ok: true }), { mode: 'single' })
 */
export type AlbResult = AlbResultSingle | AlbResultMulti

/**
 * The header mode of an event: `'multi'` iff it carries `multiValueHeaders`.
 * @example
 * eventMode({ ...event, multiValueHeaders: {} }) // 'multi'
 */
export function eventMode(event: AlbEvent): AlbHeaderMode {
  return 'multiValueHeaders' in event && event.multiValueHeaders != null ? 'multi' : 'single'
}
