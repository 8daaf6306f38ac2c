/**
 * Routing and actions: match the listener rules, then forward (to a function instance),
 * answer with a fixed response, or redirect — as the ALB does for a Lambda target group.
 */

import type { AlbEventParts } from '@albkit/core'
import {
  hostWithoutPort,
  type LocalConfig,
  type LocalRule,
  type LocalTargetGroup,
  matchRule,
} from '../config/index.js'
import {
  appendValue,
  BadRequestEncoding,
  eventHeaders,
  lowerCaseHeaderPairs,
  rawQueryPairs,
  splitTarget,
  type XffMode,
} from './build-event.js'
import type { Exchange } from './exchange.js'
import type { FunctionPool } from './function-pool.js'
import { pickTargetGroup } from './pick-target-group.js'
import { redirectLocation } from './redirect-location.js'
import { shuffleHeaders } from './shuffle-headers.js'
import { forwardedTraceId } from './trace-id.js'

export interface BalancerOptions {
  config: LocalConfig
  /** by function logical id */
  pools: Map<string, FunctionPool>
  random: () => number
  listenerPort: () => number
  /** used when a target group has no `xffHeaderProcessingMode` */
  xffMode: XffMode
  /** reorder response headers and their values, as the real ALB may (`--shuffle-headers`) */
  shuffleHeaders?: boolean
  /** the local console: capture results up to this many characters (undefined: failures only) */
  captureChars?: () => number | undefined
}

/** A target group may carry the `routing.http.xff_header_processing.mode` attribute. */
type TargetGroupWithXff = LocalTargetGroup & { xffHeaderProcessingMode?: XffMode }

export class Balancer {
  private readonly groups: Map<string, TargetGroupWithXff>
  /** whether any rule has an http-header condition (else the header map is not built) */
  private readonly matchesHeaders: boolean

  constructor(private readonly options: BalancerOptions) {
    this.groups = new Map(options.config.targetGroups.map((tg) => [tg.arn, tg]))
    this.matchesHeaders = options.config.rules.some((r) =>
      r.conditions.some((c) => c.field === 'http-header'),
    )
  }

  /** Handle a request whose body has been read. */
  async route(ex: Exchange, body: Buffer): Promise<void> {
    const req = ex.req
    // split and lower-cased once here; the instance gets these parts, not the raw request
    const { path, rawQuery } = splitTarget(req.url ?? '/')
    const pairs = lowerCaseHeaderPairs(req.rawHeaders)
    const headers: Record<string, string[]> = {}
    if (this.matchesHeaders) for (const [name, value] of pairs) appendValue(headers, name, value)
    const host = hostWithoutPort(req.headers.host ?? '')
    const rule = matchRule(this.options.config.rules, {
      method: req.method ?? 'GET',
      path,
      host,
      headers,
      rawQuery: rawQueryPairs(rawQuery),
      sourceIp: ex.record.clientIp,
    })
    ex.record.matchedRulePriority = rule.priority
    ex.console.rule = rule
    ex.console.body = body
    ex.record.domain = host
    ex.record.requestProcessingMs = Date.now() - ex.record.received
    const action = rule.action
    if (action.type === 'fixed-response') {
      ex.record.actions.push('fixed-response')
      const headers: Array<[string, string]> = action.contentType
        ? [['Content-Type', action.contentType]]
        : []
      ex.albResponse(action.statusCode, headers, action.messageBody ?? '')
      return
    }
    if (action.type === 'redirect') {
      ex.record.actions.push('redirect')
      const location = redirectLocation(action, {
        protocol: 'http',
        host,
        port: this.options.listenerPort(),
        path,
        rawQuery,
      })
      ex.record.redirectUrl = location
      ex.albResponse(
        action.statusCode,
        [
          ['Location', location],
          ['Content-Type', 'text/html'],
        ],
        '',
      )
      return
    }
    ex.record.actions.push('forward')
    await this.forward(ex, rule, body, { path, rawQuery, pairs })
  }

  private async forward(
    ex: Exchange,
    rule: LocalRule,
    body: Buffer,
    request: { path: string; rawQuery: string | undefined; pairs: Array<[string, string]> },
  ): Promise<void> {
    if (rule.action.type !== 'forward') return
    const arn = pickTargetGroup(rule.action.targetGroups, this.options.random)
    const tg = arn === undefined ? undefined : this.groups.get(arn)
    ex.record.targetGroupArn = arn
    const pool =
      tg?.functionLogicalId === undefined ? undefined : this.options.pools.get(tg.functionLogicalId)
    if (tg === undefined || pool === undefined) {
      ex.console.note = 'no registered target'
      ex.albError(503)
      return
    }
    ex.console.functionName = pool.fn.functionName
    const req = ex.req
    const traceId = forwardedTraceId(
      req.headers['x-amzn-trace-id'] as string | undefined,
      ex.record.received,
    )
    ex.record.traceId = traceId.includes(';')
      ? traceId.split(';').find((f) => /^root=/i.test(f))
      : traceId
    let headers: Array<[string, string]>
    try {
      headers = eventHeaders(request.pairs)
    } catch (err) {
      if (!(err instanceof BadRequestEncoding)) throw err
      // a header that is not valid UTF-8 (access-log reason LambdaBadRequest)
      ex.console.note = err.message
      ex.albError(400, 'LambdaBadRequest')
      return
    }
    const parts: AlbEventParts = {
      method: req.method ?? 'GET',
      path: request.path,
      rawQuery: request.rawQuery,
      headers,
      // an exact-size copy: a view into a larger buffer would be cloned whole to the instance
      body: body.length === 0 ? body : new Uint8Array(body),
      sourceIp: ex.record.clientIp,
      port: this.options.listenerPort(),
      proto: 'http',
      targetGroupArn: tg.arn,
      mode: tg.multiValueHeaders ? 'multi' : 'single',
      xffMode: tg.xffHeaderProcessingMode ?? this.options.xffMode,
      traceId,
    }
    ex.console.parts = parts
    const started = Date.now()
    const outcome = await pool.invoke({ parts, captureChars: this.options.captureChars?.() })
    ex.record.targetProcessingMs = Date.now() - started
    ex.console.cold = outcome.cold
    ex.console.invoke = outcome
    const responseStart = Date.now()
    if (outcome.kind === 'bad-request') {
      // headers or a text body that are not valid UTF-8 (access-log reason LambdaBadRequest)
      ex.console.note = outcome.message
      ex.albError(400, 'LambdaBadRequest')
      return
    }
    if (outcome.kind === 'error') {
      ex.console.note = outcome.message
      if (outcome.reason === 'throttled') ex.albError(502, 'LambdaThrottling')
      // no dedicated error reason is documented for a timeout
      else if (outcome.reason === 'timeout') ex.albError(502)
      else ex.albError(502, 'LambdaUnhandled')
      return
    }
    const wire = outcome.outcome
    ex.issues = { errors: wire.ok ? [] : wire.errors, warnings: wire.warnings }
    if (!wire.ok) {
      ex.record.targetStatusCode = undefined
      ex.console.note = wire.errors.map((e) => e.message).join('; ')
      ex.albError(502, wire.errorReason === '-' ? undefined : wire.errorReason)
      return
    }
    if (this.options.shuffleHeaders === true)
      wire.response.headers = shuffleHeaders(wire.response.headers, this.options.random)
    ex.targetResponse(wire.response)
    ex.record.responseProcessingMs = Date.now() - responseStart
  }
}
