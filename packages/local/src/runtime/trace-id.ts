/**
 * X-Amzn-Trace-Id as the ALB writes it (ELB user guide, "Request tracing for your Application
 * Load Balancer"): `Root=1-<8 hex epoch seconds>-<24 hex>`; a client `Root=` is kept and the
 * balancer adds `Self=`.
 */
import { randomFillSync } from 'node:crypto'

// random bytes drawn in blocks: one system call per 341 ids instead of one each
const pool = Buffer.alloc(12 * 341)
let offset = pool.length

function random24Hex(): string {
  if (offset === pool.length) {
    randomFillSync(pool)
    offset = 0
  }
  offset += 12
  return pool.toString('hex', offset - 12, offset)
}

/** A new trace id part: `1-<hex seconds>-<24 hex>`. */
export function newTraceIdPart(nowMs: number = Date.now()): string {
  return `1-${Math.floor(nowMs / 1000)
    .toString(16)
    .padStart(8, '0')}-${random24Hex()}`
}

/**
 * The X-Amzn-Trace-Id value forwarded to the target, given what the client sent.
 * @example
 * forwardedTraceId('Root=1-5c536348-3d683b8b04734faae651f476') // 'Self=1-…;Root=1-5c536348-…'
 * forwardedTraceId(undefined)                                  // 'Root=1-…'
 */
export function forwardedTraceId(
  clientValue: string | undefined,
  nowMs: number = Date.now(),
): string {
  if (clientValue === undefined) return `Root=${newTraceIdPart(nowMs)}`
  const fields = clientValue
    .split(';')
    .map((f) => f.trim())
    .filter((f) => f !== '' && !/^self=/i.test(f))
  // AWS's example puts the new Self first: Self=…;Root=…;CalledFrom=app
  if (fields.some((f) => /^root=/i.test(f)))
    return [`Self=${newTraceIdPart(nowMs)}`, ...fields].join(';')
  return [`Root=${newTraceIdPart(nowMs)}`, ...fields].join(';')
}
