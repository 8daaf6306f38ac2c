import { basename, extname } from 'node:path'

/** A CloudFormation resource as written in a template. */
export interface CfnResource {
  Type: string
  Properties?: Record<string, unknown>
  Condition?: string
  DependsOn?: string | string[]
  Metadata?: Record<string, unknown>
  DeletionPolicy?: string
  UpdateReplacePolicy?: string
}

/** The parts of a CloudFormation / SAM template @albkit/local reads. */
export interface CfnTemplate {
  Transform?: string | string[]
  Parameters?: Record<string, { Type?: string; Default?: unknown }>
  Mappings?: Record<string, Record<string, Record<string, unknown>>>
  Conditions?: Record<string, unknown>
  Globals?: Record<string, Record<string, unknown>>
  Resources?: Record<string, CfnResource>
  Outputs?: Record<string, { Value?: unknown; Export?: { Name?: unknown }; Condition?: string }>
}

/** Narrow unknown to a plain object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Check the shape of a parsed template; throws a plain message for the caller to wrap. */
export function asTemplate(doc: unknown): CfnTemplate {
  if (!isRecord(doc)) throw new Error('not a template: the document is not a mapping')
  if (doc.Resources !== undefined && !isRecord(doc.Resources)) {
    throw new Error('Resources must be a mapping of logical ids to resources')
  }
  for (const [id, res] of Object.entries(doc.Resources ?? {})) {
    if (!isRecord(res) || typeof res.Type !== 'string') {
      throw new Error(`${id}.Type: every resource needs a string Type`)
    }
  }
  return doc as CfnTemplate
}

/** Stack name of a template: its file name without the extension (`alb.yaml` → `alb`). */
export function defaultStackName(file: string): string {
  return basename(file, extname(file))
}

/** An intrinsic function object (`{ Ref }`, `{ "Fn::Sub" }`…) is a scalar for merging. */
function isIntrinsic(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value)
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0]?.startsWith('Fn::') === true)
}

// SAM "Globals": maps merge, lists concatenate, scalars of the resource win.
// (AWS SAM developer guide, "Globals section of the AWS SAM template" → overridable properties)
function mergeGlobal(global: unknown, local: unknown): unknown {
  if (local === undefined) return global
  if (Array.isArray(global) && Array.isArray(local)) return [...global, ...local]
  if (isRecord(global) && isRecord(local) && !isIntrinsic(global) && !isIntrinsic(local)) {
    const out: Record<string, unknown> = { ...global }
    for (const [k, v] of Object.entries(local)) out[k] = mergeGlobal(global[k], v)
    return out
  }
  return local
}

/** Properties of a resource with the template's SAM `Globals` for its type merged in. */
export function mergedProperties(
  template: CfnTemplate,
  resource: CfnResource,
): Record<string, unknown> {
  const props = resource.Properties ?? {}
  const section = resource.Type === 'AWS::Serverless::Function' ? 'Function' : undefined
  const globals = section ? template.Globals?.[section] : undefined
  if (!globals) return props
  return mergeGlobal(globals, props) as Record<string, unknown>
}
