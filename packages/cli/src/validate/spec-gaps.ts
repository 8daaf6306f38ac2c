import type { ResourceProperties } from '@aws-cdk/service-spec-types'

/**
 * Properties SAM documents that the spec database's (older) SAM schema lacks. Each maps to the
 * property of the CloudFormation resource SAM passes it through to, so its type is still checked.
 * Source: AWS SAM Developer Guide, "AWS::Serverless::Function" (LoggingConfig, RecursiveLoop,
 * RuntimeManagementConfig, SnapStart: "passed directly to the AWS::Lambda::Function resource").
 */
const PASSTHROUGH: Record<string, { to: string; properties: string[] }> = {
  'AWS::Serverless::Function': {
    to: 'AWS::Lambda::Function',
    properties: ['LoggingConfig', 'RecursiveLoop', 'RuntimeManagementConfig', 'SnapStart'],
  },
}

/** SAM-only properties newer than the database (same SAM page): name → primitive type. */
const SAM_ONLY: Record<string, ResourceProperties> = {
  'AWS::Serverless::Function': {
    VersionDeletionPolicy: { type: { type: 'string', allowedValues: ['Delete', 'Retain'] } },
    AutoPublishAliasAllProperties: { type: { type: 'boolean' } },
  },
}

/**
 * The properties of `type` with the documented gaps filled in.
 *
 * @example
 * withGaps('AWS::Serverless::Function', sam, (t) => db.resource(t)).LoggingConfig !== undefined // true
 */
export function withGaps(
  type: string,
  properties: ResourceProperties,
  lookup: (type: string) => ResourceProperties | undefined,
): ResourceProperties {
  const pass = PASSTHROUGH[type]
  const extra: ResourceProperties = { ...SAM_ONLY[type] }
  if (pass !== undefined) {
    const target = lookup(pass.to) ?? {}
    for (const name of pass.properties) {
      const property = target[name]
      if (property !== undefined) extra[name] = { ...property, required: false }
    }
  }
  return { ...extra, ...properties }
}
