import { ALB_MAX_RESPONSE_BYTES, albError, type HttpResponse, json, redirect } from '@albkit/core'
import type { Asset } from './assets.js'
import { base64Length, maxRawBodyBytes } from './size-limit.js'

/** Makes a short-lived GET URL for an object; loaded lazily (the AWS SDK lives in its own chunk). */
export type Presign = (bucket: string, key: string, expiresInSeconds: number) => Promise<string>

/** Where oversized assets live, from the function's environment. */
export interface OversizedOptions {
  /** ASSETS_BUCKET: empty or undefined → no bucket, answer 501. */
  bucket: string | undefined
  /** Key prefix in the bucket, e.g. `binary/`. */
  keyPrefix: string
  /** Presigned URL lifetime; short, the client follows the redirect at once. */
  expiresInSeconds: number
  presign: () => Promise<Presign>
}

/**
 * Answer a GET for an asset whose base64 body cannot fit in a Lambda result (the ALB would
 * turn it into an opaque 502 LambdaResponseTooLarge — ELB user guide, "Lambda functions as
 * targets"). With an assets bucket: 307 to a presigned S3 URL (Range and conditional headers
 * travel with the redirected request). Without one: 501 with the arithmetic, never a 502.
 *
 * @example
 * await oversizedResponse(registry.get('large.bin'), { bucket: 'my-assets', keyPrefix: 'binary/', expiresInSeconds: 300, presign })
 */
export async function oversizedResponse(
  asset: Asset,
  options: OversizedOptions,
): Promise<HttpResponse> {
  const bucket = options.bucket?.trim()
  if (!bucket) {
    return json(
      {
        error: `${asset.name} is too large to return from a Lambda function behind an ALB, and no assets bucket is configured`,
        asset: asset.name,
        bytes: asset.size,
        base64Bytes: base64Length(asset.size),
        limitBytes: ALB_MAX_RESPONSE_BYTES,
        maxRawBytes: maxRawBodyBytes(),
        fix: 'set ASSETS_BUCKET and upload the asset under the key prefix (see the README)',
      },
      { statusCode: 501, headers: { 'Cache-Control': 'no-store' } },
    )
  }
  let url: string
  try {
    const presign = await options.presign()
    url = await presign(bucket, `${options.keyPrefix}${asset.name}`, options.expiresInSeconds)
  } catch (cause) {
    throw albError(500, 'Could not create a download URL', {
      cause: { package: 'binary-response', asset: asset.name, cause },
    })
  }
  const response = redirect(url, 307)
  // The URL expires: never cache the redirect itself.
  response.headers = { ...response.headers, 'Cache-Control': 'no-store' }
  return response
}
