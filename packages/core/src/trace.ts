/**
 * The parsed `X-Amzn-Trace-Id` header. The ALB adds `Root=` when the client sent none and keeps
 * a client-sent `Root=` (adding `Self=`), so `root` may be chosen by the client: use it for
 * correlation, never for security (ELB user guide, "Request tracing for your Application Load Balancer").
 * @example
 * const t: TraceHeader = parseTraceHeader('Self=1-67891234-abc;Root=1-67891233-def') // t.root === '1-67891233-def'
 */
export interface TraceHeader {
  root?: string
  self?: string
  parent?: string
  sampled?: string
  /** The header exactly as received. */
  raw?: string
}

/**
 * Parses `X-Amzn-Trace-Id` (`Self=1-…;Root=1-…;Sampled=1`, fields in any order).
 * @example
 * parseTraceHeader('Root=1-5c536348-3d683b8b04734faae651f476').root // '1-5c536348-3d683b8b04734faae651f476'
 */
export function parseTraceHeader(raw: string | undefined): TraceHeader {
  if (raw === undefined) return {}
  // The usual header is a lone `Root=…` (what the ALB adds): no split needed.
  if (raw.startsWith('Root=') && !raw.includes(';')) return { raw, root: raw.slice(5).trim() }
  const trace: TraceHeader = { raw }
  for (const part of raw.split(';')) {
    const eq = part.indexOf('=')
    if (eq === -1) continue
    const key = part.slice(0, eq).trim().toLowerCase()
    const value = part.slice(eq + 1).trim()
    if (key === 'root') trace.root = value
    else if (key === 'self') trace.self = value
    else if (key === 'parent') trace.parent = value
    else if (key === 'sampled') trace.sampled = value
  }
  return trace
}

// The AWS X-Ray trace id format: "1-" + 8 hex digits (epoch seconds) + "-" + 24 hex digits
// (AWS X-Ray developer guide, "Tracing header"; ELB user guide, "Request tracing").
const AWS_TRACE_ID = /^1-[0-9a-fA-F]{8}-[0-9a-fA-F]{24}$/

/**
 * Whether a value has the AWS trace id format (`1-5c536348-3d683b8b04734faae651f476`). A client
 * may send any `Root=` and the ALB keeps it, so only ids of this shape are echoed.
 * @example
 * isAwsTraceId('1-5c536348-3d683b8b04734faae651f476') // true
 * isAwsTraceId('<script>') // false
 */
export function isAwsTraceId(value: string | undefined): value is string {
  return value !== undefined && AWS_TRACE_ID.test(value)
}
