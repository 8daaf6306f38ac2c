import { parseActions } from './actions.js'
import { parseConditions } from './conditions.js'
import type { Resolver } from './intrinsics.js'
import { configError, type LocalRule } from './model.js'

/** A rule with the listener it belongs to (used to check priorities per listener). */
export interface PendingRule {
  rule: LocalRule
  listenerArn: string
}

// Priorities 1–50000, unique per listener (ELB user guide, "Listener rules" → rule priority).
export const MIN_PRIORITY = 1
export const MAX_PRIORITY = 50000
// Rules per Application Load Balancer, not counting default rules: 100, the default quota
// (ELB user guide, "Quotas for your Application Load Balancers").
export const MAX_RULES_PER_LOAD_BALANCER = 100

/**
 * Read the listener rules and the listeners' default actions of one template.
 *
 * @example
 * readRules(resolver, '/t/ip.yaml', warnings).rules[0]?.rule.priority // 30
 */
export function readRules(
  resolver: Resolver,
  templatePath: string,
  warnings: string[],
): { rules: PendingRule[]; defaults: PendingRule[] } {
  const { template, file } = resolver.context
  const rules: PendingRule[] = []
  const defaults: PendingRule[] = []
  for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
    const isRule = resource.Type === 'AWS::ElasticLoadBalancingV2::ListenerRule'
    const isListener = resource.Type === 'AWS::ElasticLoadBalancingV2::Listener'
    if (!isRule && !isListener) continue
    if (!resolver.isActive(resource.Condition, `${logicalId}.Condition`)) continue
    const props = resource.Properties ?? {}
    if (isListener) {
      const action = parseActions(
        resolver,
        logicalId,
        'DefaultActions',
        props.DefaultActions,
        warnings,
      )
      const listenerArn = resolver.identity(logicalId, logicalId).ref
      defaults.push({
        rule: {
          priority: 'default',
          conditions: [],
          action,
          logicalId,
          templateFile: templatePath,
        },
        listenerArn,
      })
      continue
    }
    const priorityText = resolver.string(props.Priority, `${logicalId}.Priority`)
    const priority = Number(priorityText)
    if (!Number.isInteger(priority) || priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
      throw configError(
        file,
        `${logicalId}.Priority`,
        `${priorityText} is not allowed; use an integer from ${MIN_PRIORITY} to ${MAX_PRIORITY}`,
      )
    }
    const listenerArn = resolver.string(props.ListenerArn, `${logicalId}.ListenerArn`)
    const conditions = parseConditions(resolver, logicalId, props.Conditions)
    // A rule needs at least one condition; only the default rule has none (ELBv2 API, CreateRule).
    if (conditions.length === 0)
      throw configError(
        file,
        `${logicalId}.Conditions`,
        'a listener rule needs at least one condition',
      )
    const action = parseActions(resolver, logicalId, 'Actions', props.Actions, warnings)
    rules.push({
      rule: { priority, conditions, action, logicalId, templateFile: templatePath },
      listenerArn,
    })
  }
  return { rules, defaults }
}

/**
 * Throw when two rules of one listener share a priority, naming both.
 *
 * @example
 * checkPriorities(pendingRules, (p) => p.rule.templateFile)
 */
export function checkPriorities(rules: PendingRule[], displayFile: (path: string) => string): void {
  const seen = new Map<string, PendingRule>()
  for (const p of rules) {
    const key = `${p.listenerArn}#${p.rule.priority}`
    const other = seen.get(key)
    if (other) {
      throw configError(
        displayFile(p.rule.templateFile),
        `${p.rule.logicalId}.Priority`,
        `${p.rule.priority} is already used by ${other.rule.logicalId} in ${displayFile(other.rule.templateFile)}; priorities must be unique per listener`,
      )
    }
    seen.set(key, p)
  }
}

/**
 * Throw when the templates hold more rules than one load balancer takes, as a deploy would fail.
 *
 * @example
 * checkRuleCount(pendingRules)
 */
export function checkRuleCount(rules: PendingRule[]): void {
  if (rules.length <= MAX_RULES_PER_LOAD_BALANCER) return
  const last = rules[MAX_RULES_PER_LOAD_BALANCER]
  throw configError(
    last?.rule.templateFile ?? 'templates',
    last?.rule.logicalId ?? 'Rules',
    `${rules.length} listener rules; a load balancer takes at most ${MAX_RULES_PER_LOAD_BALANCER} besides its default rules (the default quota; a raised quota is not modelled locally)`,
  )
}
