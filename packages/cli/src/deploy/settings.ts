import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Deploy settings: from the environment first, then albkit.config.json at the workspace root. */
export interface DeploySettings {
  profile?: string
  region: string
  sharedStackName: string
  stage: string
  /** the listener for osls deploys; default: read from the shared stack's export at deploy time */
  listenerArn?: string
  /** the bucket `aws cloudformation package` uploads code to (the SAM CLI makes its own) */
  artifactBucket?: string
  /** the shared stack's parameters (templates/sam/alb.yaml) */
  vpcId?: string
  subnetIds?: string
  certificateArn?: string
}

/**
 * Resolve the deploy settings. Environment: AWS_PROFILE, AWS_REGION (or AWS_DEFAULT_REGION),
 * ALBKIT_SHARED_STACK, ALBKIT_STAGE, ALBKIT_LISTENER_ARN, ALBKIT_ARTIFACT_BUCKET, ALBKIT_VPC_ID,
 * ALBKIT_SUBNET_IDS (comma-separated), ALBKIT_CERTIFICATE_ARN. File: albkit.config.json with
 * `{ "profile", "region", "sharedStackName", "stage", "listenerArn", "artifactBucket", "vpcId",
 * "subnetIds", "certificateArn" }`. Defaults: us-east-1, albkit-alb, dev.
 *
 * @example
 * readSettings('/repo', process.env) // { region: 'us-east-1', sharedStackName: 'albkit-alb', stage: 'dev' }
 */
export function readSettings(root: string, env: NodeJS.ProcessEnv): DeploySettings {
  const file = join(root, 'albkit.config.json')
  let config: Record<string, unknown> = {}
  if (existsSync(file)) {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'))
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new Error('albkit.config.json must be a JSON object')
    config = parsed as Record<string, unknown>
  }
  const pick = (envName: string | undefined, key: string): string | undefined => {
    const fromEnv = envName === undefined ? undefined : env[envName]
    if (fromEnv !== undefined && fromEnv !== '') return fromEnv
    const value = config[key]
    if (value === undefined) return undefined
    if (typeof value !== 'string' || value === '')
      throw new Error(`albkit.config.json: "${key}" must be a non-empty string`)
    return value
  }
  const profile = pick('AWS_PROFILE', 'profile')
  const optional = (envName: string, key: string) => {
    const value = pick(envName, key)
    return value === undefined ? {} : { [key]: value }
  }
  const listenerArn = pick('ALBKIT_LISTENER_ARN', 'listenerArn')
  return {
    ...optional('ALBKIT_ARTIFACT_BUCKET', 'artifactBucket'),
    ...optional('ALBKIT_VPC_ID', 'vpcId'),
    ...optional('ALBKIT_SUBNET_IDS', 'subnetIds'),
    ...optional('ALBKIT_CERTIFICATE_ARN', 'certificateArn'),
    ...(profile === undefined ? {} : { profile }),
    region: pick('AWS_REGION', 'region') ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
    sharedStackName: pick('ALBKIT_SHARED_STACK', 'sharedStackName') ?? 'albkit-alb',
    stage: pick('ALBKIT_STAGE', 'stage') ?? 'dev',
    ...(listenerArn === undefined ? {} : { listenerArn }),
  }
}
