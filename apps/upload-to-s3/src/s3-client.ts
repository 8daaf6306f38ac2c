import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import type { PresignPost } from './presign.js'
import type { ObjectStore } from './store-files.js'

type Env = Readonly<Record<string, string | undefined>>
type ChecksumMode = 'WHEN_SUPPORTED' | 'WHEN_REQUIRED'

function checksumMode(value: string | undefined): ChecksumMode | undefined {
  const upper = value?.trim().toUpperCase()
  return upper === 'WHEN_SUPPORTED' || upper === 'WHEN_REQUIRED' ? upper : undefined
}

/**
 * The S3 client as docs/architecture.md prescribes: region, endpoint and credentials from the
 * standard AWS variables (the SDK reads AWS_REGION and AWS_ENDPOINT_URL_S3 itself), path-style
 * addressing when AWS_S3_FORCE_PATH_STYLE is `true`, and the checksum modes from
 * AWS_REQUEST_CHECKSUM_CALCULATION / AWS_RESPONSE_CHECKSUM_VALIDATION. The SDK reads those two
 * itself too; we pass them explicitly so the choice is visible here. On AWS leave them unset
 * (WHEN_SUPPORTED). Against s3rver they must be WHEN_REQUIRED: otherwise the SDK frames the
 * body as aws-chunked and s3rver stores the framing inside the object. Either way we send our
 * own ChecksumSHA256 on every put, so S3 verifies the bytes.
 *
 * @example
 * const client = createS3Client(process.env)
 */
export function createS3Client(env: Env): S3Client {
  const requestChecksumCalculation = checksumMode(env.AWS_REQUEST_CHECKSUM_CALCULATION)
  const responseChecksumValidation = checksumMode(env.AWS_RESPONSE_CHECKSUM_VALIDATION)
  return new S3Client({
    forcePathStyle: env.AWS_S3_FORCE_PATH_STYLE === 'true',
    // The SDK default retries 3 times with backoff; keep the request inside the function's timeout.
    maxAttempts: 2,
    ...(requestChecksumCalculation === undefined ? {} : { requestChecksumCalculation }),
    ...(responseChecksumValidation === undefined ? {} : { responseChecksumValidation }),
  })
}

/**
 * The {@link ObjectStore} over a real S3 client: one PutObject per file.
 *
 * @example
 * const store = s3ObjectStore(createS3Client(process.env))
 */
export function s3ObjectStore(client: S3Client): ObjectStore {
  return {
    async putObject(input) {
      const output = await client.send(new PutObjectCommand(input))
      return { ETag: output.ETag }
    },
  }
}

/**
 * The {@link PresignPost} over a real S3 client. The presigned-post module is imported on the
 * first presign request only, so the upload routes never pay for loading it.
 *
 * @example
 * const presign = s3PresignPost(createS3Client(process.env))
 */
export function s3PresignPost(client: S3Client): PresignPost {
  return async ({ bucket, key, contentType, maxBytes, expiresSeconds }) => {
    const { createPresignedPost } = await import('@aws-sdk/s3-presigned-post')
    const { url, fields } = await createPresignedPost(client, {
      Bucket: bucket,
      Key: key,
      Fields: { 'Content-Type': contentType },
      Conditions: [
        ['eq', '$Content-Type', contentType],
        ['content-length-range', 1, maxBytes],
      ],
      Expires: expiresSeconds,
    })
    return { url, fields }
  }
}
