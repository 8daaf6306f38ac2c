/**
 * Replay: hand the function the same event again (the one it received, rebuilt byte for byte)
 * and capture the new exchange, linked to the first. The answer follows the balancer's rules
 * for an invocation outcome (balancer.ts `forward`).
 */
import { AlbError, reasonPhrase } from '@albkit/core'
import type { LocalConfig } from '../config/index.js'
import type { FunctionPool, InvokeOutcome } from '../runtime/function-pool.js'
import { captureBody } from './capture-body.js'
import type { CapturedExchange } from './captured-exchange.js'
import type { ExchangeStore } from './exchange-store.js'
import { eventOf } from './exchange-views.js'

export interface ReplayDeps {
  config: LocalConfig
  /** by function logical id */
  pools: Map<string, FunctionPool>
  store: ExchangeStore
}

const EMPTY = new Uint8Array(0)

/** The balancer's answer to an outcome: status and access-log error reason. */
function ownAnswer(outcome: InvokeOutcome): { status: number; reason?: string } | undefined {
  if (outcome.kind === 'bad-request') return { status: 400, reason: 'LambdaBadRequest' }
  if (outcome.kind === 'error') {
    if (outcome.reason === 'throttled') return { status: 502, reason: 'LambdaThrottling' }
    if (outcome.reason === 'timeout') return { status: 502 }
    return { status: 502, reason: 'LambdaUnhandled' }
  }
  if (!outcome.outcome.ok) {
    const reason = outcome.outcome.errorReason
    return reason === '-' ? { status: 502 } : { status: 502, reason }
  }
  return undefined
}

/**
 * @example
 * const again = await replay(store.get(3), { config, pools, store }) // a new exchange, replayOf 3
 */
export async function replay(
  original: CapturedExchange,
  deps: ReplayDeps,
): Promise<CapturedExchange> {
  const input = original.eventParts
  if (original.rowOnly)
    throw new AlbError(
      409,
      `only the list row of exchange ${original.id} was kept (no console was open): send the request again with the console open to replay it`,
    )
  if (input === undefined)
    throw new AlbError(
      409,
      `exchange ${original.id} reached no function: there is no event to replay`,
    )
  if (original.request.body.bytes.length < original.request.body.size)
    throw new AlbError(
      409,
      `exchange ${original.id}'s body was kept only up to ${original.request.body.bytes.length} of ${original.request.body.size} bytes: it cannot be replayed exactly`,
    )
  const tg = deps.config.targetGroups.find((g) => g.arn === input.targetGroupArn)
  const pool =
    tg?.functionLogicalId === undefined ? undefined : deps.pools.get(tg.functionLogicalId)
  if (pool === undefined)
    throw new AlbError(409, `the target group of exchange ${original.id} has no function any more`)
  const cap = deps.store.limits.bodyBytes
  const started = Date.now()
  const outcome = await pool.invoke({
    mode: input.mode,
    event: JSON.stringify(eventOf(original)),
    captureChars: cap,
  })
  const own = ownAnswer(outcome)
  const wire =
    outcome.kind === 'result' && outcome.outcome.ok ? outcome.outcome.response : undefined
  const status = own?.status ?? wire?.statusCode ?? 502
  // core's result check of the new result, as the balancer sets it on an exchange
  const issues =
    outcome.kind === 'result'
      ? {
          errors: outcome.outcome.ok ? [] : outcome.outcome.errors,
          warnings: outcome.outcome.warnings,
        }
      : undefined
  const replayed: CapturedExchange = {
    ...original,
    id: deps.store.nextId(),
    time: started,
    durationMs: Date.now() - started,
    replayOf: original.id,
    invoke: {
      requestId: outcome.requestId,
      cold: outcome.cold,
      kind: outcome.kind,
      errorKind: outcome.kind === 'error' ? outcome.reason : undefined,
      message: outcome.kind === 'result' ? undefined : outcome.message,
      result: outcome.kind === 'result' ? outcome.result : undefined,
      timings: outcome.timings,
    },
    response: {
      statusCode: status,
      statusMessage: wire?.statusMessage ?? reasonPhrase(status),
      headers: wire?.headers ?? [],
      body: wire === undefined ? { size: 0, bytes: EMPTY } : captureBody(wire.body, cap),
      own: wire === undefined,
    },
    errorReason: own?.reason,
    note: issues?.errors.map((e) => e.message).join('; ') || undefined,
    issues,
    logs: [],
  }
  deps.store.add(replayed)
  return replayed
}
