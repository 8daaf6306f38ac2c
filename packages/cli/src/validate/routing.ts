import { type CfnTemplate, LAMBDA_HEALTH_CHECK_DEFAULTS } from '@albkit/local'
import { asList, asRecord, refTarget, resourcesOf } from './resources.js'

/** Health-check settings of a target group, with the lambda defaults filled in. */
export interface HealthSettings {
  enabled: boolean
  path?: string
  interval?: number
  timeout?: number
  healthy?: number
  unhealthy?: number
  matcher?: string
}

/** One listener rule as deployed: what it matches and how its target group behaves. */
export interface RouteSpec {
  priority: number
  /** `field[ name]=value|value` per condition, sorted: comparable across template styles */
  conditions: string[]
  multiValue: boolean
  health: HealthSettings
}

// Condition configs and the key that holds their values (ELB API: "RuleCondition").
const CONFIG_KEYS: Record<string, string> = {
  'path-pattern': 'PathPatternConfig',
  'host-header': 'HostHeaderConfig',
  'http-request-method': 'HttpRequestMethodConfig',
  'source-ip': 'SourceIpConfig',
  'http-header': 'HttpHeaderConfig',
  'query-string': 'QueryStringConfig',
}

function conditionKey(condition: unknown): string {
  const c = asRecord(condition) ?? {}
  const field = String(c.Field)
  const config = asRecord(c[CONFIG_KEYS[field] ?? '']) ?? {}
  // The legacy form puts the values straight on the condition (osls emits it for path-pattern).
  const raw = asList(config.Values ?? c.Values)
  const values = raw.map((v) => {
    const kv = asRecord(v)
    return kv === undefined
      ? String(v)
      : `${kv.Key === undefined ? '' : `${String(kv.Key)}=`}${String(kv.Value)}`
  })
  const name = field === 'http-header' ? ` ${String(config.HttpHeaderName).toLowerCase()}` : ''
  return `${field}${name}=${values.sort().join('|')}`
}

function num(x: unknown): number | undefined {
  return x === undefined ? undefined : Number(x)
}

// A lambda target group's health-check defaults are @albkit/local's (one table for both).
function health(p: Record<string, unknown>): HealthSettings {
  const enabled = p.HealthCheckEnabled === true || p.HealthCheckEnabled === 'true'
  if (!enabled) return { enabled }
  const d = LAMBDA_HEALTH_CHECK_DEFAULTS
  return {
    enabled,
    path: String(p.HealthCheckPath ?? d.path),
    interval: num(p.HealthCheckIntervalSeconds) ?? d.intervalSeconds,
    timeout: num(p.HealthCheckTimeoutSeconds) ?? d.timeoutSeconds,
    healthy: num(p.HealthyThresholdCount) ?? d.healthyThreshold,
    unhealthy: num(p.UnhealthyThresholdCount) ?? d.unhealthyThreshold,
    matcher: String(asRecord(p.Matcher)?.HttpCode ?? d.matcher),
  }
}

function multiValue(p: Record<string, unknown>): boolean {
  const attr = asList(p.TargetGroupAttributes)
    .map(asRecord)
    .find((a) => a?.Key === 'lambda.multi_value_headers.enabled')
  return String(attr?.Value) === 'true'
}

/**
 * The listener rules of a template (SAM or the CloudFormation osls generates), each with the
 * settings of the target group it forwards to, sorted by priority.
 *
 * @example
 * routesOf(parseTemplate(text)) // [{ priority: 30, conditions: ['path-pattern=/ip|/ip/*'], multiValue: true, health: { enabled: false } }]
 */
export function routesOf(template: CfnTemplate): RouteSpec[] {
  return resourcesOf(template, 'AWS::ElasticLoadBalancingV2::ListenerRule')
    .map(({ properties }) => {
      const forward = asList(properties.Actions)
        .map(asRecord)
        .find((a) => a?.Type === 'forward')
      const tgId =
        refTarget(forward?.TargetGroupArn) ??
        refTarget(
          asRecord(asList(asRecord(forward?.ForwardConfig)?.TargetGroups)[0])?.TargetGroupArn,
        )
      const tg = tgId === undefined ? {} : (template.Resources?.[tgId]?.Properties ?? {})
      return {
        priority: Number(properties.Priority),
        conditions: asList(properties.Conditions).map(conditionKey).sort(),
        multiValue: multiValue(tg),
        health: health(tg),
      }
    })
    .sort((a, b) => a.priority - b.priority)
}
