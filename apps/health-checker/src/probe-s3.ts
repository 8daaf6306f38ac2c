import type { ProbeOutcome } from './probe-outcome.js'
import type { ProbeSpec } from './probes-config.js'
import { signS3Request } from './sign-s3-request.js'

type S3Probe = Extract<ProbeSpec, { type: 's3' }>
type Env = Record<string, string | undefined>

/**
 * Where a HeadBucket request for `bucket` goes. `AWS_ENDPOINT_URL_S3` (the SDKs' service-specific
 * endpoint variable) overrides AWS; `AWS_S3_FORCE_PATH_STYLE=true` puts the bucket in the path.
 * Bucket names with dots use the path style on AWS too: a virtual-hosted HTTPS name with dots
 * does not match S3's wildcard certificate ("Virtual hosting of buckets", Amazon S3 user guide).
 *
 * @example
 * bucketUrl('logs', { AWS_REGION: 'eu-west-1' }).href // → 'https://logs.s3.eu-west-1.amazonaws.com/'
 */
export function bucketUrl(bucket: string, env: Env): URL {
  const region = env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1'
  const endpoint = new URL(env.AWS_ENDPOINT_URL_S3 ?? `https://s3.${region}.amazonaws.com`)
  if (env.AWS_S3_FORCE_PATH_STYLE === 'true' || bucket.includes('.')) {
    return new URL(`/${bucket}`, endpoint.origin)
  }
  return new URL(`${endpoint.protocol}//${bucket}.${endpoint.host}/`)
}

/**
 * S3 HeadBucket without the SDK client: one SigV4-signed `HEAD` (AWS's standalone signer) with the function's own credentials
 * (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`, `AWS_REGION`). 200 means the
 * bucket exists and the role may use it; HeadBucket answers 403/404 without a body (HeadBucket,
 * Amazon S3 API reference), so the status alone explains a failure.
 *
 * @example
 * await probeS3({ name: 'uploads', type: 's3', bucket: 'my-uploads', critical: true,
 *   timeoutMs: 2000 }, new AbortController().signal) // → { ok: true }
 */
export async function probeS3(
  spec: S3Probe,
  signal: AbortSignal,
  env: Env = process.env,
  fetchImpl: typeof fetch = fetch,
  now: () => Date = () => new Date(),
): Promise<ProbeOutcome> {
  const accessKeyId = env.AWS_ACCESS_KEY_ID
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY
  if (!accessKeyId || !secretAccessKey) {
    return { ok: false, error: 'no AWS credentials in the environment' }
  }
  const url = bucketUrl(spec.bucket, env)
  const headers = await signS3Request(
    { method: 'HEAD', url },
    {
      credentials: { accessKeyId, secretAccessKey, sessionToken: env.AWS_SESSION_TOKEN },
      region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
      date: now(),
    },
  )
  delete headers.host // fetch sets Host from the URL (the same value that was signed)
  const response = await fetchImpl(url, {
    method: 'HEAD',
    headers,
    redirect: 'manual',
    signal: AbortSignal.any([signal, AbortSignal.timeout(spec.timeoutMs)]),
  })
  await response.body?.cancel().catch(() => undefined)
  if (response.status === 200) return { ok: true }
  return { ok: false, error: S3_STATUS[response.status] ?? `S3 answered HTTP ${response.status}` }
}

const S3_STATUS: Record<number, string> = {
  301: 'bucket is in another region (301)',
  400: 'bad request (400): check AWS_REGION',
  403: 'access denied (403)',
  404: 'bucket not found (404)',
}
