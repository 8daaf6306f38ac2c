import type { Resolver } from './intrinsics.js'
import type { LocalBucket } from './model.js'

/**
 * Read the `AWS::S3::Bucket`s of a template; without `BucketName` the name is the deterministic
 * `<stack>-<logicalid>` (lower-cased, S3-valid).
 *
 * @example
 * readBuckets(resolver, '/t/upload-to-s3.yaml')[0]?.bucketName // 'upload-to-s3-uploadbucket'
 */
export function readBuckets(resolver: Resolver, templatePath: string): LocalBucket[] {
  const out: LocalBucket[] = []
  for (const [logicalId, resource] of Object.entries(resolver.context.template.Resources ?? {})) {
    if (resource.Type !== 'AWS::S3::Bucket') continue
    if (!resolver.isActive(resource.Condition, `${logicalId}.Condition`)) continue
    out.push({
      logicalId,
      bucketName: resolver.identity(logicalId, `${logicalId}.BucketName`).ref,
      templateFile: templatePath,
    })
  }
  return out
}
