import type { S3Client } from '@aws-sdk/client-s3'
import type { PresignPost } from './presign.js'
import type { ObjectStore } from './store-files.js'

type Env = Readonly<Record<string, string | undefined>>
type ChecksumMode = 'WHEN_SUPPORTED' | 'WHEN_REQUIRED'

function checksumMode(value: string | undefined): ChecksumMode | undefined {
  const upper = value?.trim().toUpperCase()
  return upper === 'WHEN_SUPPORTED' || upper === 'WHEN_REQUIRED' ? upper : undefined
}

/**
 * The S3 client settings docs/architecture.md prescribes: region and endpoint from AWS_REGION
 * and AWS_ENDPOINT_URL_S3 (the SDK would read them from process.env too; taking them from `env`
 * lets tests point one client elsewhere), credentials from the SDK's default chain,
 * path-style addressing when AWS_S3_FORCE_PATH_STYLE is `true`, and the checksum modes from
 * AWS_REQUEST_CHECKSUM_CALCULATION / AWS_RESPONSE_CHECKSUM_VALIDATION. The SDK reads those two
 * itself too; we pass them explicitly so the choice is visible here. On AWS leave them unset
 * (WHEN_SUPPORTED). Against s3rver they must be WHEN_REQUIRED: otherwise the SDK frames the
 * body as aws-chunked and s3rver stores the framing inside the object. Either way we send our
 * own ChecksumSHA256 on every put, so S3 verifies the bytes.
 *
 * @example
 * new S3Client(s3ClientConfig(process.env))
 */
export function s3ClientConfig(env: Env) {
  const requestChecksumCalculation = checksumMode(env.AWS_REQUEST_CHECKSUM_CALCULATION)
  const responseChecksumValidation = checksumMode(env.AWS_RESPONSE_CHECKSUM_VALIDATION)
  const endpoint = env.AWS_ENDPOINT_URL_S3?.trim()
  return {
    ...(env.AWS_REGION ? { region: env.AWS_REGION } : {}),
    ...(endpoint ? { endpoint } : {}),
    forcePathStyle: env.AWS_S3_FORCE_PATH_STYLE === 'true',
    // The default is 3 attempts with backoff; 2 keeps a failing request well inside the timeout.
    maxAttempts: 2,
    ...(requestChecksumCalculation === undefined ? {} : { requestChecksumCalculation }),
    ...(responseChecksumValidation === undefined ? {} : { responseChecksumValidation }),
  }
}

/**
 * The real S3 behind the app's two interfaces. The SDK is loaded on the first S3 call, not at
 * start: health checks and the form page never pay for it, and the function's init stays small
 * (the SDK is most of the bundle's load time). One client is shared by every later request.
 *
 * @example
 * const { store, presignPost } = s3Backend(process.env)
 */
export function s3Backend(env: Env): { store: ObjectStore; presignPost: PresignPost } {
  let sdk: Promise<{ client: S3Client; sdk: typeof import('./s3-sdk.js') }> | undefined
  const load = () => {
    sdk ??= import('./s3-sdk.js').then((module) => ({
      client: new module.S3Client(s3ClientConfig(env)),
      sdk: module,
    }))
    return sdk
  }
  return {
    store: {
      async putObject(input) {
        const { client, sdk } = await load()
        const output = await client.send(new sdk.PutObjectCommand(input))
        return { ETag: output.ETag }
      },
    },
    async presignPost({ bucket, key, contentType, maxBytes, expiresSeconds }) {
      const { client, sdk } = await load()
      // The policy pins the key (added by createPresignedPost), the exact Content-Type and the
      // size range; S3 refuses a POST that breaks any condition (S3 API reference, "Creating a
      // POST policy").
      return sdk.createPresignedPost(client, {
        Bucket: bucket,
        Key: key,
        Fields: { 'Content-Type': contentType },
        Conditions: [
          ['eq', '$Content-Type', contentType],
          ['content-length-range', 1, maxBytes],
        ],
        Expires: expiresSeconds,
      })
    },
  }
}
