/**
 * Why a request went where it went: every rule evaluated before the one that matched, each
 * condition with whether it held (ELB user guide, "Listener rules": lowest priority first, all
 * conditions of a rule must hold, the default rule last). Pure.
 */
import {
  conditionHolds,
  hostWithoutPort,
  type LocalConfig,
  type LocalRule,
  type MatchInput,
} from '../config/index.js'
import { appendValue, rawQueryPairs, splitTarget } from '../runtime/build-event.js'
import { describeCondition } from '../runtime/route-table.js'
import type { CapturedExchange } from './captured-exchange.js'

export interface RuleVerdict {
  priority: number | 'default'
  template: string
  matched: boolean
  conditions: Array<{ condition: string; holds: boolean }>
}

/** What the rules saw of a captured request. */
export function matchInputOf(request: CapturedExchange['request']): MatchInput {
  const headers: Record<string, string[]> = {}
  const raw = request.rawHeaders
  for (let i = 0; i + 1 < raw.length; i += 2)
    appendValue(headers, (raw[i] as string).toLowerCase(), raw[i + 1] as string)
  const { path, rawQuery } = splitTarget(request.target)
  return {
    method: request.method,
    path,
    host: hostWithoutPort(headers.host?.[0] ?? ''),
    headers,
    rawQuery: rawQueryPairs(rawQuery),
    sourceIp: request.peerIp,
  }
}

function verdict(rule: LocalRule, input: MatchInput, matched: boolean): RuleVerdict {
  return {
    priority: rule.priority,
    template: rule.templateFile,
    matched,
    conditions: rule.conditions.map((c) => ({
      condition: describeCondition(c),
      holds: conditionHolds(c, input),
    })),
  }
}

/**
 * The rules up to and including the one that matched, in evaluation order.
 * @example
 * ruleTrace(config, captured)[0] // { priority: 10, matched: false, conditions: [{ condition: 'path-pattern /upload', holds: false }] }
 */
export function ruleTrace(config: LocalConfig, exchange: CapturedExchange): RuleVerdict[] {
  const matched = exchange.rule
  if (matched === undefined) return []
  const input = matchInputOf(exchange.request)
  const out: RuleVerdict[] = []
  for (const rule of config.rules) {
    if (rule === matched) {
      out.push(verdict(rule, input, true))
      break
    }
    if (rule.priority !== 'default') out.push(verdict(rule, input, false))
  }
  return out
}
