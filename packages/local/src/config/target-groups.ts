import { healthCheckSettings } from './health-check.js'
import type { Resolver } from './intrinsics.js'
import { configError, type LocalTargetGroup } from './model.js'
import { isRecord } from './template.js'

/** A target group read from a template, with its target not yet matched to a function. */
export interface PendingTargetGroup {
  targetGroup: LocalTargetGroup
  /** resolved `Targets[].Id` (function name, function ARN or alias ARN) */
  targetId?: string
}

const MULTI_VALUE = 'lambda.multi_value_headers.enabled'
// Attributes a lambda target group supports (ELB user guide, "Edit target group attributes").
const KNOWN_ATTRIBUTES = new Set([MULTI_VALUE])

/**
 * Read the `lambda` target groups of a template. Other target types are warned about and skipped.
 *
 * @example
 * readTargetGroups(resolver, '/t/app.yaml', warnings)[0]?.targetGroup.multiValueHeaders
 */
export function readTargetGroups(
  resolver: Resolver,
  templatePath: string,
  warnings: string[],
): PendingTargetGroup[] {
  const { template, file } = resolver.context
  const out: PendingTargetGroup[] = []
  for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
    if (resource.Type !== 'AWS::ElasticLoadBalancingV2::TargetGroup') continue
    if (!resolver.isActive(resource.Condition, `${logicalId}.Condition`)) continue
    const props = resource.Properties ?? {}
    // TargetType defaults to instance (CloudFormation, AWS::ElasticLoadBalancingV2::TargetGroup).
    const type = resolver.optionalString(props.TargetType, `${logicalId}.TargetType`) ?? 'instance'
    if (type !== 'lambda') {
      warnings.push(
        `${file}: ${logicalId}.TargetType: '${type}' target groups are not emulated (only lambda); ignored`,
      )
      continue
    }
    const id = resolver.identity(logicalId, `${logicalId}.Name`)
    const targets = resolver.resolve(props.Targets ?? [], `${logicalId}.Targets`)
    if (!Array.isArray(targets)) throw configError(file, `${logicalId}.Targets`, 'must be a list')
    // One function per lambda target group (ELB user guide, "Lambda functions as targets").
    if (targets.length > 1) {
      throw configError(
        file,
        `${logicalId}.Targets`,
        `has ${targets.length} targets; a lambda target group takes one`,
      )
    }
    const first = targets[0]
    if (first !== undefined && (!isRecord(first) || typeof first.Id !== 'string')) {
      throw configError(
        file,
        `${logicalId}.Targets[0].Id`,
        'must be a function name or ARN, e.g. !Ref MyFunction.Alias',
      )
    }
    const pending: PendingTargetGroup = {
      targetGroup: {
        logicalId,
        name: String(id.attrs.TargetGroupName),
        arn: id.ref,
        templateFile: templatePath,
        multiValueHeaders: readAttributes(
          resolver,
          logicalId,
          props.TargetGroupAttributes,
          warnings,
        ),
        healthCheck: healthCheckSettings(resolver, logicalId, {
          enabled: props.HealthCheckEnabled,
          path: props.HealthCheckPath,
          interval: props.HealthCheckIntervalSeconds,
          timeout: props.HealthCheckTimeoutSeconds,
          healthy: props.HealthyThresholdCount,
          unhealthy: props.UnhealthyThresholdCount,
          matcher: props.Matcher,
        }),
      },
    }
    if (first !== undefined && typeof first.Id === 'string') pending.targetId = first.Id
    out.push(pending)
  }
  return out
}

function readAttributes(
  resolver: Resolver,
  logicalId: string,
  attrs: unknown,
  warnings: string[],
): boolean {
  const where = `${logicalId}.TargetGroupAttributes`
  const list = resolver.resolve(attrs ?? [], where)
  if (!Array.isArray(list))
    throw configError(resolver.context.file, where, 'must be a list of {Key, Value}')
  let multi = false
  for (const [i, item] of list.entries()) {
    if (!isRecord(item) || typeof item.Key !== 'string') {
      throw configError(resolver.context.file, `${where}[${i}]`, 'must be {Key, Value}')
    }
    const value = resolver.string(item.Value, `${where}[${i}].Value`)
    if (!KNOWN_ATTRIBUTES.has(item.Key)) {
      warnings.push(
        `${resolver.context.file}: ${where}: '${item.Key}' is not emulated locally; ignored`,
      )
    } else if (value !== 'true' && value !== 'false') {
      throw configError(
        resolver.context.file,
        `${where}[${i}].Value`,
        `'${value}' is not allowed; use true or false`,
      )
    } else {
      multi = value === 'true'
    }
  }
  return multi
}
