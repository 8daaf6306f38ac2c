/**
 * What the local console keeps of one exchange: the client's request, the rule, the invocation
 * and the answer, with bodies cut at a per-exchange cap. Plain data; the store owns the bounds.
 */
import type { AlbEventParts, ResultCheck } from '@albkit/core'
import type { LocalRule } from '../config/index.js'
import type { InvokeTimings } from '../runtime/function-pool.js'

/** A body: its full size and the first bytes, up to the cap. */
export interface CapturedBody {
  size: number
  bytes: Uint8Array
}

/** The invocation, when the request reached a function. */
export interface CapturedInvoke {
  requestId: string
  cold: boolean
  /** 'result' (the function answered), 'bad-request' (the event could not be built) or 'error' */
  kind: 'result' | 'bad-request' | 'error'
  /** unhandled, timeout, crashed, init, throttled (kind 'error') */
  errorKind?: string
  message?: string
  /** the result the function returned, as JSON text (cut at the cap) */
  result?: string
  timings?: InvokeTimings
}

export interface CapturedExchange {
  /** increasing from 1 */
  id: number
  /** epoch ms the request arrived */
  time: number
  durationMs: number
  /** the exchange this one replays */
  replayOf?: number
  /** only the list row was kept (no console open, no error): see capture-exchange.ts */
  rowOnly?: true
  /** a cold start (kept apart from `invoke` for row-only exchanges) */
  cold?: boolean
  request: {
    method: string
    target: string
    httpVersion: string
    /** node's rawHeaders: name, value, … */
    rawHeaders: readonly string[]
    peerIp: string
    peerPort: number
    body: CapturedBody
  }
  rule?: LocalRule
  actions: string[]
  targetGroupArn?: string
  functionName?: string
  /** the request as handed to the function: the event is rebuilt from it on demand */
  eventParts?: Omit<AlbEventParts, 'body'>
  invoke?: CapturedInvoke
  response: {
    statusCode: number
    statusMessage: string
    headers: ReadonlyArray<readonly [string, string]>
    body: CapturedBody
    /** answered by the load balancer itself (error page, fixed response, redirect) */
    own: boolean
  }
  errorReason?: string
  note?: string
  /** core's result check, as the runtime set it on the exchange (errors made it a 502) */
  issues?: ResultCheck
  /** the function's own output lines for this request id */
  logs: CapturedLogLine[]
}

export interface CapturedLogLine {
  stream: 'stdout' | 'stderr'
  text: string
}
