/** How an S3 failure should reach the client. */
export interface S3FailureKind {
  /** True when retrying later may succeed: network trouble, S3 5xx, throttling, bad digest. */
  readonly retryable: boolean
  /** 503 (retry later), 502 (S3 refused: a setup problem) or 500 (not an S3 answer at all). */
  readonly statusCode: 500 | 502 | 503
  /** A short, safe description (never the raw error text). */
  readonly reason: string
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
])
const THROTTLING_NAMES = new Set([
  'SlowDown',
  'Throttling',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
])
const TRANSIENT_NAMES = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'NetworkingError',
  'InternalError',
  'ServiceUnavailable',
])
// A checksum the service computed differently from ours: the bytes were damaged on the way.
// (S3 API reference, "PutObject" errors: BadDigest, InvalidDigest; checksum mismatch on flexible checksums.)
const DIGEST_NAMES = new Set([
  'BadDigest',
  'InvalidDigest',
  'XAmzContentChecksumMismatch',
  'XAmzContentSHA256Mismatch',
])

function field(error: unknown, name: string): unknown {
  return typeof error === 'object' && error !== null
    ? (error as Record<string, unknown>)[name]
    : undefined
}

/**
 * Sorts an error thrown by an S3 call: retryable (→ 503 with Retry-After), a refusal S3 sent
 * (→ 502: AccessDenied, NoSuchBucket… a setup problem), or anything else (→ 500).
 *
 * @example
 * classifyS3Error(Object.assign(new Error('x'), { code: 'ECONNREFUSED' })) // { retryable: true, … }
 */
export function classifyS3Error(error: unknown): S3FailureKind {
  const name = String(field(error, 'name') ?? field(error, 'Code') ?? '')
  const code = String(field(error, 'code') ?? field(field(error, 'cause'), 'code') ?? '')
  const metadata = field(error, '$metadata')
  const status = Number(field(metadata, 'httpStatusCode') ?? Number.NaN)
  if (NETWORK_CODES.has(code) || NETWORK_CODES.has(name) || TRANSIENT_NAMES.has(name)) {
    return { retryable: true, statusCode: 503, reason: 'storage is unreachable or timed out' }
  }
  if (THROTTLING_NAMES.has(name) || status === 429 || status === 503) {
    return { retryable: true, statusCode: 503, reason: 'storage is throttling requests' }
  }
  if (DIGEST_NAMES.has(name)) {
    return {
      retryable: true,
      statusCode: 503,
      reason: 'storage rejected the bytes as corrupted in transit (checksum mismatch)',
    }
  }
  if (status >= 500)
    return { retryable: true, statusCode: 503, reason: `storage failed with status ${status}` }
  if (field(error, '$retryable') !== undefined)
    return { retryable: true, statusCode: 503, reason: 'storage reported a transient error' }
  if (status >= 400)
    return {
      retryable: false,
      statusCode: 502,
      reason: `storage refused the object (${name || `status ${status}`})`,
    }
  return { retryable: false, statusCode: 500, reason: 'storing the object failed' }
}
