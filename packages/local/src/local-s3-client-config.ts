/**
 * How a client reaches the embedded S3 (s3rver): one set of settings, used both for the
 * environment every function gets and for S3Client configs in tests and tools.
 * Plain data only, so @albkit/local needs no AWS SDK at runtime.
 */

/** s3rver accepts only these credentials. */
export const LOCAL_S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const
/** The region the local stack reports (the loadConfig default). */
export const LOCAL_S3_REGION = 'us-east-1'
// with the SDK's default checksums s3rver stores the aws-chunked framing inside the object
export const LOCAL_S3_CHECKSUMS = 'WHEN_REQUIRED'

/** The settings an `S3Client` needs for the local S3; assignable to the SDK's `S3ClientConfig`. */
export interface LocalS3ClientConfig {
  endpoint: string
  region: string
  forcePathStyle: true
  credentials: { accessKeyId: string; secretAccessKey: string }
  requestChecksumCalculation: typeof LOCAL_S3_CHECKSUMS
  responseChecksumValidation: typeof LOCAL_S3_CHECKSUMS
}

/**
 * The S3Client settings for a local S3 at `endpoint`.
 * @example
 * const s3 = new S3Client({ ...localS3ClientConfig(alb.s3Endpoint), maxAttempts: 1 })
 */
export function localS3ClientConfig(endpoint: string): LocalS3ClientConfig {
  return {
    endpoint,
    region: LOCAL_S3_REGION,
    forcePathStyle: true,
    credentials: { ...LOCAL_S3_CREDENTIALS },
    requestChecksumCalculation: LOCAL_S3_CHECKSUMS,
    responseChecksumValidation: LOCAL_S3_CHECKSUMS,
  }
}

/**
 * The same settings as the environment variables the AWS SDK reads (every function gets them).
 * @example
 * localS3Environment('http://127.0.0.1:4569').AWS_S3_FORCE_PATH_STYLE // 'true'
 */
export function localS3Environment(endpoint: string): Record<string, string> {
  const config = localS3ClientConfig(endpoint)
  return {
    AWS_ENDPOINT_URL_S3: config.endpoint,
    AWS_ACCESS_KEY_ID: config.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: config.credentials.secretAccessKey,
    AWS_REGION: config.region,
    AWS_S3_FORCE_PATH_STYLE: String(config.forcePathStyle),
    AWS_REQUEST_CHECKSUM_CALCULATION: config.requestChecksumCalculation,
    AWS_RESPONSE_CHECKSUM_VALIDATION: config.responseChecksumValidation,
  }
}
