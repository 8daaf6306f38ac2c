/**
 * The environment of a function instance — what Lambda gives a function, nothing of the
 * developer's (issue 14, finding 4): Lambda's reserved variables (Lambda developer guide,
 * "Defined runtime environment variables"), dummy credentials, a private empty HOME, then the
 * local S3 variables, the template's `Environment.Variables` and the caller's overrides. Of the
 * host only PATH and TMPDIR pass; never HOME, AWS_PROFILE, AWS_* keys, AWS_CONFIG_FILE or
 * AWS_SHARED_CREDENTIALS_FILE, so the SDK inside a function never finds the laptop's keys.
 */
import type { LocalFunction } from '../config/index.js'
import { LOCAL_S3_CREDENTIALS } from '../local-s3-client-config.js'

/** What every function gets besides its own settings. */
export interface FunctionEnvOptions {
  region: string
  /** the local S3 variables ({} without S3) */
  s3: Record<string, string>
  /** a private empty directory: the functions' HOME (never the developer's) */
  home: string
  overrides: Record<string, string>
}

/**
 * @example
 * functionEnv(fn, { region: 'us-east-1', s3: localS3Environment(endpoint), home: '/tmp/albkit-home-x', overrides: {} }).HOME // '/tmp/albkit-home-x'
 */
export function functionEnv(
  fn: LocalFunction,
  options: FunctionEnvOptions,
): Record<string, string> {
  const host: Record<string, string> = {}
  for (const key of ['PATH', 'TMPDIR']) {
    const value = process.env[key]
    if (value !== undefined) host[key] = value
  }
  return {
    ...host,
    HOME: options.home,
    // Lambda sets TZ=:UTC ("Defined runtime environment variables")
    TZ: ':UTC',
    AWS_REGION: options.region,
    AWS_DEFAULT_REGION: options.region,
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
    AWS_LAMBDA_FUNCTION_NAME: fn.functionName,
    AWS_LAMBDA_FUNCTION_VERSION: fn.aliasName ?? '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memoryMb),
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${fn.functionName}`,
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    LAMBDA_TASK_ROOT: fn.codeDir,
    // Lambda gives the execution role's keys; locally keys that sign nothing real, so the SDK's
    // credential chain stops at the environment and never reads files or instance metadata
    AWS_ACCESS_KEY_ID: LOCAL_S3_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_S3_CREDENTIALS.secretAccessKey,
    ...options.s3,
    ...fn.environment,
    ...options.overrides,
  }
}
