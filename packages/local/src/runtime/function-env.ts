/**
 * The environment of a function instance: Lambda's reserved variables (Lambda developer guide,
 * "Defined runtime environment variables"), then the local S3 variables, the template's
 * `Environment.Variables`, and the caller's overrides. The host's own environment is not
 * passed through (only PATH, HOME, TMPDIR and TZ), so a laptop's credentials never leak in.
 */
import type { LocalFunction } from '../config/index.js'

/**
 * @example
 * functionEnv(fn, { region: 'us-east-1', s3: localS3Environment(endpoint), overrides: {} }).AWS_LAMBDA_FUNCTION_NAME
 */
export function functionEnv(
  fn: LocalFunction,
  options: { region: string; s3: Record<string, string>; overrides: Record<string, string> },
): Record<string, string> {
  const host: Record<string, string> = {}
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'TZ']) {
    const value = process.env[key]
    if (value !== undefined) host[key] = value
  }
  return {
    ...host,
    AWS_REGION: options.region,
    AWS_DEFAULT_REGION: options.region,
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
    AWS_LAMBDA_FUNCTION_NAME: fn.functionName,
    AWS_LAMBDA_FUNCTION_VERSION: fn.aliasName ?? '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memoryMb),
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${fn.functionName}`,
    LAMBDA_TASK_ROOT: fn.codeDir,
    ...options.s3,
    ...fn.environment,
    ...options.overrides,
  }
}
