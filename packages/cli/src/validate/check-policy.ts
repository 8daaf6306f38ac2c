import type { CfnTemplate } from '@albkit/local'
import type { Finding } from './finding.js'
import { invokePermissionFindings, runtimeFindings, targetGroupFindings } from './policy-lambda.js'
import { bucketFindings, s3WriteFindings, writtenBucketFindings } from './policy-s3.js'

/**
 * The albkit deployment policy: scoped invoke permissions, no wildcard S3 writes, lambda target
 * groups that register an alias, nodejs22.x, private encrypted TLS-only buckets, and buckets functions write to retained with
 * incomplete multipart uploads aborted.
 *
 * @example
 * checkPolicy(parseTemplate(text), 'templates/sam/x.yaml') // [] when the template follows the policy
 */
export function checkPolicy(template: CfnTemplate, file: string): Finding[] {
  return [
    ...invokePermissionFindings(template, file),
    ...s3WriteFindings(template, file),
    ...targetGroupFindings(template, file),
    ...runtimeFindings(template, file),
    ...bucketFindings(template, file),
    ...writtenBucketFindings(template, file),
  ]
}
