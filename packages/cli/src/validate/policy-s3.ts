import type { CfnTemplate } from '@albkit/local'
import type { Finding } from './finding.js'
import { iamStatements } from './iam-statements.js'
import { asList, asRecord, literalText, refTarget, resourcesOf } from './resources.js'

// Actions that change objects or buckets; `*`, `s3:*` and `s3:Put*` style wildcards included.
const S3_WRITE = /^(\*|s3:\*|s3:(put|delete|abort|restore|replicate|create|update)[a-z*]*)$/i

function isS3Write(action: unknown): boolean {
  return typeof action === 'string' && S3_WRITE.test(action)
}

/** `*`, `arn:aws:s3:::*`, `arn:${AWS::Partition}:s3:::*` and the like: any bucket. */
function isWildcardResource(resource: unknown): boolean {
  const text = literalText(resource)
  if (text === undefined) return false
  if (text === '*') return true
  const bucket = /^arn:(?:\$\{AWS::Partition\}|[^:]+):s3:::([^/]*)/.exec(text)?.[1]
  return bucket?.includes('*') === true
}

/**
 * No Allow statement grants an S3 write on every bucket (`Resource: '*'` or `arn:…:s3:::*`).
 *
 * @example
 * s3WriteFindings(template, 'x.yaml')
 */
export function s3WriteFindings(template: CfnTemplate, file: string): Finding[] {
  return iamStatements(template).flatMap(({ owner, property, statement }) => {
    if (statement.Effect !== 'Allow') return []
    const writes = asList(statement.Action).filter(isS3Write)
    const wild = asList(statement.Resource).filter(isWildcardResource)
    if (writes.length === 0 || wild.length === 0) return []
    return [
      {
        check: 'policy' as const,
        file,
        resource: owner,
        property,
        message: `S3 write (${writes.join(', ')}) on a wildcard resource (${wild.map((w) => literalText(w)).join(', ')}): name the bucket`,
      },
    ]
  })
}

function blocksPublicAccess(config: unknown): boolean {
  const c = asRecord(config)
  return [
    'BlockPublicAcls',
    'BlockPublicPolicy',
    'IgnorePublicAcls',
    'RestrictPublicBuckets',
  ].every((k) => c?.[k] === true || c?.[k] === 'true')
}

function isTlsOnlyDeny(statement: unknown): boolean {
  const s = asRecord(statement)
  const secure = asRecord(asRecord(s?.Condition)?.Bool)?.['aws:SecureTransport']
  return s?.Effect === 'Deny' && (secure === false || secure === 'false')
}

/**
 * Every bucket blocks public access (all four settings), is encrypted, and has a bucket policy
 * that denies requests without TLS (S3 User Guide: "Security best practices for Amazon S3").
 *
 * @example
 * bucketFindings(template, 'x.yaml')
 */
export function bucketFindings(template: CfnTemplate, file: string): Finding[] {
  const policies = resourcesOf(template, 'AWS::S3::BucketPolicy')
  return resourcesOf(template, 'AWS::S3::Bucket').flatMap(({ id, properties }) => {
    const found: Finding[] = []
    const add = (property: string, message: string) =>
      found.push({ check: 'policy', file, resource: id, property, message })
    if (!blocksPublicAccess(properties.PublicAccessBlockConfiguration))
      add(
        'PublicAccessBlockConfiguration',
        'bucket must block public access (all four settings true)',
      )
    if (
      asList(asRecord(properties.BucketEncryption)?.ServerSideEncryptionConfiguration).length === 0
    )
      add(
        'BucketEncryption',
        'bucket must be encrypted (BucketEncryption.ServerSideEncryptionConfiguration)',
      )
    const tlsOnly = policies.some(
      (p) =>
        refTarget(p.properties.Bucket) === id &&
        asList(asRecord(p.properties.PolicyDocument)?.Statement).some(isTlsOnlyDeny),
    )
    if (!tlsOnly)
      add(
        'BucketPolicy',
        'bucket must be TLS-only: add an AWS::S3::BucketPolicy that denies aws:SecureTransport false',
      )
    return found
  })
}

// `${Bucket}` or `${Bucket.Arn}` inside an ARN: the logical id of the bucket it names.
const BUCKET_REF = /\$\{([A-Za-z0-9]{1,255})(?:\.Arn)?\}/g

function bucketsNamedBy(resource: unknown, buckets: Set<string>): string[] {
  const ref = refTarget(resource)
  if (ref !== undefined) return buckets.has(ref) ? [ref] : []
  const text = literalText(resource) ?? ''
  return [...text.matchAll(BUCKET_REF)].flatMap((m) =>
    m[1] !== undefined && buckets.has(m[1]) ? [m[1]] : [],
  )
}

function abortsIncompleteUploads(lifecycle: unknown): boolean {
  return asList(asRecord(lifecycle)?.Rules).some((rule) => {
    const r = asRecord(rule)
    return r?.Status === 'Enabled' && asRecord(r.AbortIncompleteMultipartUpload) !== undefined
  })
}

/**
 * A bucket a function may write objects to holds users' data: it outlives the stack
 * (`DeletionPolicy` and `UpdateReplacePolicy` `Retain`) and a lifecycle rule aborts incomplete
 * multipart uploads, which presigned uploads can leave behind (S3 User Guide, "Configuring a
 * bucket lifecycle configuration to delete incomplete multipart uploads").
 *
 * @example
 * writtenBucketFindings(template, 'x.yaml')
 */
export function writtenBucketFindings(template: CfnTemplate, file: string): Finding[] {
  const buckets = new Map(resourcesOf(template, 'AWS::S3::Bucket').map((b) => [b.id, b]))
  const written = new Set<string>()
  for (const { statement } of iamStatements(template)) {
    if (statement.Effect !== 'Allow' || !asList(statement.Action).some(isS3Write)) continue
    for (const r of asList(statement.Resource))
      for (const id of bucketsNamedBy(r, new Set(buckets.keys()))) written.add(id)
  }
  return [...written].flatMap((id) => {
    const bucket = buckets.get(id)
    if (bucket === undefined) return []
    const found: Finding[] = []
    const add = (property: string, message: string) =>
      found.push({ check: 'policy', file, resource: id, property, message })
    for (const attr of ['DeletionPolicy', 'UpdateReplacePolicy'] as const)
      if (bucket.resource[attr] !== 'Retain')
        add(attr, `functions write users' objects here: ${attr} must be Retain`)
    if (!abortsIncompleteUploads(bucket.properties.LifecycleConfiguration))
      add(
        'LifecycleConfiguration',
        "functions write users' objects here: add a lifecycle rule with AbortIncompleteMultipartUpload",
      )
    return found
  })
}
