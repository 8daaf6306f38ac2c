import type { CfnTemplate } from '@albkit/local'
import type { Finding } from './finding.js'
import type { SpecLookup } from './spec-db.js'
import { checkProperties } from './type-check.js'

// Resource attributes (CloudFormation User Guide: "Resource attribute reference"); SAM adds Connectors.
const RESOURCE_KEYS = new Set([
  'Type',
  'Properties',
  'DependsOn',
  'Condition',
  'DeletionPolicy',
  'UpdateReplacePolicy',
  'UpdatePolicy',
  'CreationPolicy',
  'Metadata',
  'Connectors',
])

function isCustom(type: string): boolean {
  return type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource'
}

/**
 * Check every resource of a template against the CloudFormation resource database: unknown
 * types, unknown resource attributes, unknown / missing / ill-typed properties.
 *
 * @example
 * checkSpec(parseTemplate(text), 'templates/sam/x.yaml', await loadSpec()) // [] when clean
 */
export function checkSpec(template: CfnTemplate, file: string, spec: SpecLookup): Finding[] {
  const findings: Finding[] = []
  const add = (resource: string, message: string, property?: string) =>
    findings.push({
      check: 'spec',
      file,
      resource,
      message,
      ...(property === undefined ? {} : { property }),
    })
  const resources = template.Resources
  if (resources === undefined || typeof resources !== 'object') {
    findings.push({ check: 'spec', file, message: 'the template has no Resources section' })
    return findings
  }
  for (const [id, resource] of Object.entries(resources)) {
    if (resource === null || typeof resource !== 'object') {
      add(id, 'a resource must be a mapping with Type and Properties')
      continue
    }
    for (const key of Object.keys(resource))
      if (!RESOURCE_KEYS.has(key)) add(id, `unknown resource attribute "${key}"`)
    const type = resource.Type
    if (typeof type !== 'string') {
      add(id, 'Type is missing')
      continue
    }
    if (isCustom(type)) continue
    const properties = spec.resource(type)
    if (properties === undefined) {
      add(id, `unknown resource type ${type}`)
      continue
    }
    const given = resource.Properties ?? {}
    if (typeof given !== 'object' || Array.isArray(given)) {
      add(id, 'Properties must be a mapping')
      continue
    }
    for (const problem of checkProperties(given, properties, spec, ''))
      add(id, `${problem.message} (${type})`, problem.path)
  }
  return findings
}
