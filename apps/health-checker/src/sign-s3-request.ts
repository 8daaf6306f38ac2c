import { Sha256 } from '@smithy/core/checksum'
import { SignatureV4 } from '@smithy/signature-v4'

/** Credentials as Lambda hands them to a function (environment variables of the execution role). */
export interface SigV4Credentials {
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string | undefined
}

/** A body-less S3 request to sign: method, URL and any headers to sign besides host/x-amz-*. */
export interface S3RequestToSign {
  method: string
  url: URL
  headers?: Record<string, string>
}

export interface SignS3Options {
  credentials: SigV4Credentials
  region: string
  date: Date
}

/**
 * Signs a body-less S3 request with AWS Signature Version 4 (header form) and returns the
 * headers to send: the caller's headers plus `host`, `x-amz-date`, `x-amz-content-sha256`, the
 * session token when there is one, and `authorization`. The signing is AWS's own standalone
 * signer (`@smithy/signature-v4`, the one inside the SDK) with the SDK's SHA-256 (node:crypto),
 * configured as the S3 client configures it: paths are not double-encoded ("Signature
 * Calculations for the Authorization Header", Amazon S3 API reference) and the payload hash is
 * sent in `x-amz-content-sha256`, which S3 requires.
 *
 * @example
 * const url = new URL('https://b.s3.us-east-1.amazonaws.com/')
 * const headers = await signS3Request({ method: 'HEAD', url },
 *   { credentials, region: 'us-east-1', date: new Date() })
 * await fetch(url, { method: 'HEAD', headers })
 */
export async function signS3Request(
  request: S3RequestToSign,
  options: SignS3Options,
): Promise<Record<string, string>> {
  const { accessKeyId, secretAccessKey, sessionToken } = options.credentials
  const signer = new SignatureV4({
    credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) },
    region: options.region,
    service: 's3',
    sha256: Sha256,
    uriEscapePath: false,
    applyChecksum: true,
  })
  const { url } = request
  const signed = await signer.sign(
    {
      method: request.method.toUpperCase(),
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: { ...request.headers, host: url.host },
    },
    { signingDate: options.date },
  )
  return signed.headers
}
