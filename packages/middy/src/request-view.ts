import { type AlbEvent, type AlbHeaderMode, type AlbRequest, parseRequest } from '@albkit/core'
import type { Request } from '@middy/core'
import type { AlbContext } from './types.js'

type AnyRequest = Pick<Request<AlbEvent, unknown, Error, AlbContext>, 'event' | 'context'>

/**
 * The request view for this invocation: the one `albRequest` built, or (when a middleware runs
 * before it, such as the health check) a fresh one stored on the context for the rest. A view
 * built for another event (a context object reused across invocations) is rebuilt.
 */
export function requestView(request: AnyRequest): AlbRequest {
  const context = request.context as Partial<AlbContext> | undefined
  const cached = context?.alb
  if (cached !== undefined && cached.event === request.event) return cached
  const view = parseRequest(request.event)
  if (context) context.alb = view
  return view
}

/**
 * The header mode of the event, without trusting it to be well-formed (errors may come from a
 * malformed event): 'multi' iff `multiValueHeaders` is present.
 */
export function modeOf(request: AnyRequest): AlbHeaderMode {
  const alb = (request.context as Partial<AlbContext> | undefined)?.alb
  if (alb !== undefined && alb.event === request.event) return alb.mode
  const event: unknown = request.event
  return typeof event === 'object' && event !== null && 'multiValueHeaders' in event
    ? 'multi'
    : 'single'
}

/** The `Root=` of X-Amzn-Trace-Id, or undefined; never throws on a malformed event. */
export function traceRootOf(request: AnyRequest): string | undefined {
  try {
    return requestView(request).trace.root
  } catch {
    return undefined
  }
}

/** A JSON log line writer that never throws (a failing logger must not turn a 200 into a 500). */
export function writeLog(log: (line: string) => void, record: Record<string, unknown>): void {
  try {
    log(JSON.stringify(record))
  } catch {
    // nothing sensible left to do
  }
}

/** Default sink: stdout, which Lambda ships to CloudWatch Logs line by line. */
export function defaultLog(line: string): void {
  process.stdout.write(`${line}\n`)
}
