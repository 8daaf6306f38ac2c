import type { CfnTemplate } from '@albkit/local'
import { asList, asRecord, resourcesOf } from './resources.js'

/** An IAM statement found in a template, with the resource that carries it. */
export interface FoundStatement {
  owner: string
  property: string
  statement: Record<string, unknown>
}

function statementsOf(document: unknown): Record<string, unknown>[] {
  return asList(asRecord(document)?.Statement).flatMap((s) => {
    const r = asRecord(s)
    return r === undefined ? [] : [r]
  })
}

// SAM policy templates that grant S3 writes on the bucket named by BucketName
// (AWS SAM Developer Guide: "AWS SAM policy template list").
const SAM_S3_WRITE_TEMPLATES = ['S3WritePolicy', 'S3CrudPolicy', 'S3FullAccessPolicy']

function samPolicies(owner: string, policies: unknown): FoundStatement[] {
  return asList(policies).flatMap((entry, i) => {
    const property = `Policies[${i}]`
    const record = asRecord(entry)
    if (record === undefined) return []
    if ('Statement' in record)
      return statementsOf(record).map((statement) => ({ owner, property, statement }))
    // A SAM policy template: { S3CrudPolicy: { BucketName: … } } becomes the S3 write it grants.
    return SAM_S3_WRITE_TEMPLATES.flatMap((name) => {
      const args = asRecord(record[name])
      if (args === undefined) return []
      const bucket = args.BucketName
      const resource =
        typeof bucket === 'string'
          ? `arn:aws:s3:::${bucket}/*`
          : { 'Fn::Sub': `arn:aws:s3:::\${BucketName}/*` }
      return [
        {
          owner,
          property: `${property}.${name}`,
          statement: { Effect: 'Allow', Action: 's3:PutObject', Resource: resource },
        },
      ]
    })
  })
}

/**
 * Every IAM statement in a template: inline role policies, IAM policies, and the Policies of SAM
 * functions (statements and S3 policy templates).
 *
 * @example
 * iamStatements(template).filter((s) => s.statement.Effect === 'Allow')
 */
export function iamStatements(template: CfnTemplate): FoundStatement[] {
  const found: FoundStatement[] = []
  for (const { id, properties } of resourcesOf(
    template,
    'AWS::IAM::Role',
    'AWS::IAM::User',
    'AWS::IAM::Group',
  ))
    asList(properties.Policies).forEach((p, i) => {
      for (const statement of statementsOf(asRecord(p)?.PolicyDocument))
        found.push({ owner: id, property: `Policies[${i}].PolicyDocument`, statement })
    })
  for (const { id, properties } of resourcesOf(
    template,
    'AWS::IAM::Policy',
    'AWS::IAM::ManagedPolicy',
    'AWS::IAM::RolePolicy',
  ))
    for (const statement of statementsOf(properties.PolicyDocument))
      found.push({ owner: id, property: 'PolicyDocument', statement })
  for (const { id, properties } of resourcesOf(template, 'AWS::Serverless::Function'))
    found.push(...samPolicies(id, properties.Policies))
  return found
}
