import { asTemplate, type CfnTemplate } from './template.js'
import { parseCfnTemplate } from './yaml-cfn.js'

export type { CfnResource, CfnTemplate } from './template.js'

/**
 * Read a CloudFormation / SAM template (YAML with short tags, or JSON) as plain data, short tags
 * in their long form, and check its outline (a mapping; every resource has a string `Type`).
 * The one template reader of the workspace: `albkit validate` and `albkit new-app` use it too.
 *
 * @example
 * parseTemplate('Resources: { A: { Type: AWS::S3::Bucket, Properties: { X: !Ref B } } }')
 * // { Resources: { A: { Type: 'AWS::S3::Bucket', Properties: { X: { Ref: 'B' } } } } }
 */
export function parseTemplate(text: string): CfnTemplate {
  return asTemplate(parseCfnTemplate(text))
}
