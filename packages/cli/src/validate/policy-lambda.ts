import type { CfnTemplate } from '@albkit/local'
import type { Finding } from './finding.js'
import { asList, asRecord, literalText, refTarget, resourcesOf } from './resources.js'

/** The one Lambda runtime albkit deploys (Lambda Developer Guide: "Lambda runtimes"). */
export const RUNTIME = 'nodejs22.x'

/**
 * Invoke permissions granted to an AWS service must name SourceArn and SourceAccount
 * (Lambda Developer Guide, "Resource-based policies": confused-deputy protection).
 *
 * @example
 * invokePermissionFindings(template, 'x.yaml') // [] when every permission is scoped
 */
export function invokePermissionFindings(template: CfnTemplate, file: string): Finding[] {
  const findings: Finding[] = []
  for (const { id, properties } of resourcesOf(template, 'AWS::Lambda::Permission')) {
    const principal = literalText(properties.Principal) ?? ''
    if (!principal.endsWith('.amazonaws.com')) continue
    for (const key of ['SourceArn', 'SourceAccount'])
      if (properties[key] === undefined)
        findings.push({
          check: 'policy',
          file,
          resource: id,
          property: key,
          message: `invoke permission for ${principal} has no ${key}: any ${principal.split('.')[0]} resource${key === 'SourceAccount' ? ' in any account' : ''} could invoke the function`,
        })
  }
  return findings
}

/** True when a target id names a Lambda alias: `!Ref Fn.Alias` (SAM) or a `Ref` to an AWS::Lambda::Alias. */
function isAlias(template: CfnTemplate, id: unknown): boolean {
  const target = refTarget(id)
  if (target !== undefined && asRecord(id)?.Ref !== undefined)
    return target.endsWith('.Alias') || template.Resources?.[target]?.Type === 'AWS::Lambda::Alias'
  // A literal ARN with a non-numeric qualifier: arn:…:function:name:alias
  const text = literalText(id)
  return text !== undefined && /:function:[^:]+:(?!\d+$)[A-Za-z0-9_-]+$/.test(text)
}

/**
 * Target groups must be `lambda` and register an alias, never the unqualified function or a
 * version (ELB User Guide, "Lambda functions as targets").
 *
 * @example
 * targetGroupFindings(template, 'x.yaml')
 */
export function targetGroupFindings(template: CfnTemplate, file: string): Finding[] {
  const findings: Finding[] = []
  for (const { id, properties } of resourcesOf(
    template,
    'AWS::ElasticLoadBalancingV2::TargetGroup',
  )) {
    const add = (property: string, message: string) =>
      findings.push({ check: 'policy', file, resource: id, property, message })
    if (properties.TargetType !== 'lambda')
      add(
        'TargetType',
        `target group must be TargetType lambda, got ${JSON.stringify(properties.TargetType)}`,
      )
    asList(properties.Targets).forEach((t, i) => {
      if (!isAlias(template, asRecord(t)?.Id))
        add(
          `Targets[${i}].Id`,
          `target must be a Lambda alias (e.g. !Ref MyFunction.Alias), got ${JSON.stringify(asRecord(t)?.Id)}`,
        )
    })
  }
  return findings
}

/**
 * Every function runs on nodejs22.x (SAM Globals included).
 *
 * @example
 * runtimeFindings(template, 'x.yaml')
 */
export function runtimeFindings(template: CfnTemplate, file: string): Finding[] {
  const globalRuntime = asRecord(asRecord(template.Globals)?.Function)?.Runtime
  return resourcesOf(template, 'AWS::Serverless::Function', 'AWS::Lambda::Function').flatMap(
    ({ id, properties }) => {
      const runtime = properties.Runtime ?? globalRuntime
      if (runtime === RUNTIME || (runtime === undefined && properties.ImageUri !== undefined))
        return []
      return [
        {
          check: 'policy' as const,
          file,
          resource: id,
          property: 'Runtime',
          message: `runtime must be ${RUNTIME}, got ${JSON.stringify(runtime)}`,
        },
      ]
    },
  )
}
