/**
 * The only module that touches the AWS SDK. It is imported lazily, and the build splits it into
 * its own files (dist/chunks/), so the SDK costs nothing at cold start or on any request but the
 * oversized-asset path.
 */
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'

let client: S3Client | undefined

function s3(): S3Client {
  client ??= new S3Client({
    // AWS_ENDPOINT_URL_S3 (set by @albkit/local) is read by the SDK itself.
    forcePathStyle: process.env.AWS_S3_FORCE_PATH_STYLE === 'true',
    requestChecksumCalculation:
      process.env.AWS_REQUEST_CHECKSUM_CALCULATION === 'WHEN_REQUIRED'
        ? 'WHEN_REQUIRED'
        : 'WHEN_SUPPORTED',
    responseChecksumValidation:
      process.env.AWS_RESPONSE_CHECKSUM_VALIDATION === 'WHEN_REQUIRED'
        ? 'WHEN_REQUIRED'
        : 'WHEN_SUPPORTED',
  })
  return client
}

/**
 * A presigned GET URL for `s3://bucket/key`, valid for `expiresInSeconds`.
 *
 * @example
 * const url = await presignGet('my-assets', 'binary/large.bin', 300)
 */
export async function presignGet(
  bucket: string,
  key: string,
  expiresInSeconds: number,
): Promise<string> {
  return getSignedUrl(s3(), new GetObjectCommand({ Bucket: bucket, Key: key }), {
    expiresIn: expiresInSeconds,
  })
}
