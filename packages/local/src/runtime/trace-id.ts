/**
 * X-Amzn-Trace-Id as the ALB writes it (ELB user guide, "Request tracing for your Application
 * Load Balancer"): `Root=1-<8 hex epoch seconds>-<24 hex>`; a client `Root=` is kept and the
 * balancer adds `Self=`.
 */
import { randomBytes } from 'node:crypto'

/** A new trace id part: `1-<hex seconds>-<24 hex>`. */
export function newTraceIdPart(nowMs: number = Date.now()): string {
  return `1-${Math.floor(nowMs / 1000)
    .toString(16)
    .padStart(8, '0')}-${randomBytes(12).toString('hex')}`
}

/**
 * The X-Amzn-Trace-Id value forwarded to the target, given what the client sent.
 * @example
 * forwardedTraceId('Root=1-5c536348-3d683b8b04734faae651f476') // 'Root=1-5c536348-…;Self=1-…'
 * forwardedTraceId(undefined)                                  // 'Root=1-…'
 */
export function forwardedTraceId(
  clientValue: string | undefined,
  nowMs: number = Date.now(),
): string {
  const fields = (clientValue ?? '')
    .split(';')
    .map((f) => f.trim())
    .filter((f) => f !== '' && !/^self=/i.test(f))
  if (fields.some((f) => /^root=/i.test(f)))
    return [...fields, `Self=${newTraceIdPart(nowMs)}`].join(';')
  return [`Root=${newTraceIdPart(nowMs)}`, ...fields].join(';')
}
