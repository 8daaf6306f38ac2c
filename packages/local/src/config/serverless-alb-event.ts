import { configError } from './model.js'
import { type CfnResource, isRecord } from './template.js'

/** A scalar or a list as a list (osls accepts both in alb events). */
export const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v])

/**
 * The lambda target group osls makes for a function's alb events (`multiValueHeaders`, `healthCheck`).
 *
 * @example
 * albTargetGroup('FLambdaFunction', 'f', 'dev', { multiValueHeaders: true }).Properties?.Name // 'f-dev'
 */
export function albTargetGroup(
  fnId: string,
  fname: string,
  stage: string,
  alb: Record<string, unknown>,
): CfnResource {
  const props: Record<string, unknown> = {
    TargetType: 'lambda',
    Name: String(alb.targetGroupName ?? `${fname}-${stage}`).slice(0, 32),
    Targets: [{ Id: { 'Fn::GetAtt': [fnId, 'Arn'] } }],
    TargetGroupAttributes: [
      { Key: 'lambda.multi_value_headers.enabled', Value: String(alb.multiValueHeaders === true) },
    ],
  }
  const hc = alb.healthCheck
  if (hc === true || isRecord(hc)) {
    props.HealthCheckEnabled = true
    if (isRecord(hc)) {
      const set = (key: string, v: unknown) => {
        if (v !== undefined) props[key] = v
      }
      set('HealthCheckPath', hc.path)
      set('HealthCheckIntervalSeconds', hc.intervalSeconds)
      set('HealthCheckTimeoutSeconds', hc.timeoutSeconds)
      set('HealthyThresholdCount', hc.healthyThresholdCount)
      set('UnhealthyThresholdCount', hc.unhealthyThresholdCount)
      if (isRecord(hc.matcher) && hc.matcher.httpCode !== undefined)
        props.Matcher = { HttpCode: String(hc.matcher.httpCode) }
    }
  }
  return { Type: 'AWS::ElasticLoadBalancingV2::TargetGroup', Properties: props }
}

const strs = (v: unknown) => asList(v).map(String)

/**
 * An alb event's `conditions` as CloudFormation listener-rule conditions.
 *
 * @example
 * albConditions('serverless.yml', 'functions.f', { path: '/x' }) // [{ Field: 'path-pattern', … }]
 */
export function albConditions(file: string, at: string, c: unknown): unknown[] {
  if (!isRecord(c))
    throw configError(
      file,
      `${at}.conditions`,
      'is required (path, host, method, header, query or ip)',
    )
  const out: unknown[] = []
  if (c.path !== undefined)
    out.push({ Field: 'path-pattern', PathPatternConfig: { Values: strs(c.path) } })
  if (c.host !== undefined)
    out.push({ Field: 'host-header', HostHeaderConfig: { Values: strs(c.host) } })
  if (c.method !== undefined)
    out.push({ Field: 'http-request-method', HttpRequestMethodConfig: { Values: strs(c.method) } })
  if (c.header !== undefined) {
    const h = c.header
    if (!isRecord(h) || typeof h.name !== 'string')
      throw configError(file, `${at}.conditions.header`, 'needs name and values')
    out.push({
      Field: 'http-header',
      HttpHeaderConfig: { HttpHeaderName: h.name, Values: strs(h.values) },
    })
  }
  if (c.query !== undefined) {
    if (!isRecord(c.query))
      throw configError(file, `${at}.conditions.query`, 'must be a mapping of key: value')
    const values = Object.entries(c.query).map(([Key, v]) => ({ Key, Value: String(v) }))
    out.push({ Field: 'query-string', QueryStringConfig: { Values: values } })
  }
  if (c.ip !== undefined) out.push({ Field: 'source-ip', SourceIpConfig: { Values: strs(c.ip) } })
  const known = new Set(['path', 'host', 'method', 'header', 'query', 'ip'])
  for (const key of Object.keys(c)) {
    if (!known.has(key))
      throw configError(
        file,
        `${at}.conditions.${key}`,
        'is not allowed; use path, host, method, header, query or ip',
      )
  }
  return out
}
