/**
 * What every function gets under `pnpm offline` beneath its template's own variables.
 * serverless-offline copies every `AWS_*` variable of the developer's shell into each function
 * ("we always copy all AWS_xxxx environment variables over from local env", LambdaFunction.js,
 * serverless-offline 14.8): keys, session token, profile, config and credential files. A function
 * run locally gets what Lambda gives it, never the laptop's credentials (issue 14, item 4), so
 * each of those is blanked here and dummy credentials are set instead.
 */
import { LOCAL_S3_CREDENTIALS, LOCAL_S3_REGION } from '@albkit/local'

/**
 * @example
 * sealedEnvironment({ AWS_PROFILE: 'work', PATH: '/bin' })
 * // { AWS_PROFILE: '', AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_REGION: 'us-east-1', AWS_DEFAULT_REGION: 'us-east-1' }
 */
export function sealedEnvironment(host: NodeJS.ProcessEnv): Record<string, string> {
  const blanked: Record<string, string> = {}
  // AWS_LAMBDA_* are Lambda's own (serverless-offline sets them per function): left alone
  for (const key of Object.keys(host))
    if (key.startsWith('AWS_') && !key.startsWith('AWS_LAMBDA_')) blanked[key] = ''
  return {
    ...blanked,
    AWS_ACCESS_KEY_ID: LOCAL_S3_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_S3_CREDENTIALS.secretAccessKey,
    AWS_REGION: LOCAL_S3_REGION,
    AWS_DEFAULT_REGION: LOCAL_S3_REGION,
  }
}
