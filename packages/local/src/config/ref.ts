import { NO_VALUE } from './describe-value.js'
import type { Resolver } from './intrinsics.js'
import { localId } from './resource-ids.js'

/** The partition of every local ARN. */
export const PARTITION = 'aws'

/**
 * `Ref` of a pseudo parameter, parameter, resource or SAM-generated alias/version.
 *
 * @example
 * resolveRef(resolver, 'AWS::Region', 'Tg.Name') // 'us-east-1'
 */
export function resolveRef(r: Resolver, name: string, where: string): unknown {
  const pseudo = pseudoParameter(r, name)
  if (pseudo !== undefined) return pseudo
  const param = r.context.template.Parameters?.[name]
  if (param) return parameter(r, name, param, where)
  const dot = name.indexOf('.')
  if (dot > 0) {
    // SAM: `!Ref MyFunction.Alias` → the alias ARN, `.Version` → the version ARN
    // (AWS SAM developer guide, "Referencing AWS SAM generated resources").
    const id = r.identity(name.slice(0, dot), where)
    const v = id.attrs[name.slice(dot)]
    return (
      v ??
      r.fail(
        where,
        `Ref '${name}': only <Function>.Alias (with AutoPublishAlias) and .Version exist`,
      )
    )
  }
  return samGenerated(r, name, where) ?? r.identity(name, where).ref
}

// Pseudo parameters (CloudFormation user guide, "Pseudo parameters reference").
function pseudoParameter(r: Resolver, name: string): unknown {
  const { region, accountId, stackName } = r.context
  switch (name) {
    case 'AWS::Region':
      return region
    case 'AWS::AccountId':
      return accountId
    case 'AWS::StackName':
      return stackName
    case 'AWS::Partition':
      return PARTITION
    case 'AWS::URLSuffix':
      return 'amazonaws.com'
    case 'AWS::NoValue':
      return NO_VALUE
    case 'AWS::NotificationARNs':
      return []
    case 'AWS::StackId':
      return `arn:${PARTITION}:cloudformation:${region}:${accountId}:stack/${stackName}/${localId(stackName, '', 32)}`
    default:
      return undefined
  }
}

function samGenerated(r: Resolver, name: string, where: string): string | undefined {
  const resources = r.context.template.Resources ?? {}
  if (resources[name]) return undefined
  const m = splitAliasName(name)
  if (m !== undefined && resources[m.fn]?.Type === 'AWS::Serverless::Function') {
    const alias = r.identity(m.fn, where).attrs['.Alias']
    if (typeof alias === 'string' && alias.endsWith(`:${m.alias}`)) return alias
  }
  return undefined
}

/**
 * SAM names the alias it publishes `<Function>Alias<alias>`: split such a name at its last
 * `Alias` followed by letters and digits only, in one pass (the RegExp `^(.+)Alias([A-Za-z0-9]+)$`
 * it replaces backtracked quadratically on long names).
 *
 * @example
 * splitAliasName('UploadFnAliaslive') // { fn: 'UploadFn', alias: 'live' }
 */
export function splitAliasName(name: string): { fn: string; alias: string } | undefined {
  let alnumFrom = name.length
  while (alnumFrom > 0 && /[A-Za-z0-9]/.test(name.charAt(alnumFrom - 1))) alnumFrom--
  const at = name.lastIndexOf('Alias', name.length - 6)
  if (at < 1 || at + 5 < alnumFrom) return undefined
  return { fn: name.slice(0, at), alias: name.slice(at + 5) }
}

function parameter(
  r: Resolver,
  name: string,
  param: { Type?: string; Default?: unknown },
  where: string,
): unknown {
  const raw = r.context.parameterOverrides[name] ?? param.Default
  if (raw === undefined) {
    return r.fail(where, `parameter '${name}' has no Default and no value in parameterOverrides`)
  }
  const type = param.Type ?? 'String'
  if (type === 'CommaDelimitedList' || type.startsWith('List<')) {
    return Array.isArray(raw)
      ? raw.map(String)
      : String(raw)
          .split(',')
          .map((s) => s.trim())
  }
  return String(raw)
}
