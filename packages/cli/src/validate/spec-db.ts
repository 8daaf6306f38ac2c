import { loadAwsServiceSpec } from '@aws-cdk/aws-service-spec'
import type { PropertyType, ResourceProperties } from '@aws-cdk/service-spec-types'
import { withGaps } from './spec-gaps.js'

/** What the spec check needs from the CloudFormation resource database. */
export interface SpecLookup {
  /** the properties of a resource type, or undefined when the type is unknown */
  resource(type: string): ResourceProperties | undefined
  /** a named property type (a `ref` in a property's type) */
  definition(type: PropertyType & { type: 'ref' }): { name: string; properties: ResourceProperties }
}

let cached: Promise<SpecLookup> | undefined

/**
 * The resource database of @aws-cdk/aws-service-spec (every CloudFormation type, including
 * `AWS::Serverless::*`), loaded once per process (~1.5 s).
 *
 * @example
 * const spec = await loadSpec()
 * spec.resource('AWS::Lambda::Permission')?.Principal?.required // true
 */
export function loadSpec(): Promise<SpecLookup> {
  cached ??= loadAwsServiceSpec().then((db) => {
    const raw = (type: string) =>
      db.lookup('resource', 'cloudFormationType', 'equals', type)[0]?.properties
    return {
      resource(type: string) {
        const properties = raw(type)
        return properties === undefined ? undefined : withGaps(type, properties, raw)
      },
      definition(ref: PropertyType & { type: 'ref' }) {
        const def = db.get('typeDefinition', ref.reference)
        return { name: def.name, properties: def.properties }
      },
    }
  })
  return cached
}
