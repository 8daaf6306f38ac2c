import { createHash, createHmac } from 'node:crypto'

/** Credentials as Lambda hands them to a function (environment variables of the execution role). */
export interface SigV4Credentials {
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string
}

/** What to sign: the request line, the headers to sign besides host/x-amz-*, the payload hash. */
export interface SigV4Request {
  method: string
  url: URL
  headers?: Record<string, string>
  /** Hex SHA-256 of the body; `EMPTY_SHA256` for none. */
  payloadHash: string
}

export interface SigV4Options {
  credentials: SigV4Credentials
  region: string
  service: string
  date: Date
}

/** SHA-256 of the empty string: the payload hash of every body-less request. */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

/**
 * Signs a request with AWS Signature Version 4 (header form) and returns the headers to send:
 * the caller's headers plus `host`, `x-amz-date`, `x-amz-content-sha256`, the session token when
 * there is one, and `authorization`. Written from the steps on AWS's page "Create a signed AWS
 * API request" (canonical request → string to sign → derived key → signature); S3 paths are
 * not double-encoded ("Signature Calculations for the Authorization Header", Amazon S3 API).
 *
 * @example
 * const headers = signV4({ method: 'HEAD', url: new URL('https://b.s3.us-east-1.amazonaws.com/'),
 *   payloadHash: EMPTY_SHA256 }, { credentials, region: 'us-east-1', service: 's3', date: new Date() })
 * await fetch('https://b.s3.us-east-1.amazonaws.com/', { method: 'HEAD', headers })
 */
export function signV4(request: SigV4Request, options: SigV4Options): Record<string, string> {
  const amzDate = options.date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
  const day = amzDate.slice(0, 8)
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    headers[name.toLowerCase()] = value.trim().replace(/\s+/g, ' ')
  }
  headers.host = request.url.host
  headers['x-amz-date'] = amzDate
  headers['x-amz-content-sha256'] = request.payloadHash
  if (options.credentials.sessionToken) {
    headers['x-amz-security-token'] = options.credentials.sessionToken
  }
  const names = Object.keys(headers).sort()
  const signedHeaders = names.join(';')
  const canonicalRequest = [
    request.method.toUpperCase(),
    canonicalPath(request.url.pathname),
    canonicalQuery(request.url.searchParams),
    names.map((name) => `${name}:${headers[name]}\n`).join(''),
    signedHeaders,
    request.payloadHash,
  ].join('\n')
  const scope = `${day}/${options.region}/${options.service}/aws4_request`
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n')
  let key: Buffer = hmac(`AWS4${options.credentials.secretAccessKey}`, day)
  for (const part of [options.region, options.service, 'aws4_request']) key = hmac(key, part)
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex')
  headers.authorization =
    `AWS4-HMAC-SHA256 Credential=${options.credentials.accessKeyId}/${scope},` +
    `SignedHeaders=${signedHeaders},Signature=${signature}`
  return headers
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest()
}

function sha256Hex(data: string): string {
  return createHash('sha256').update(data).digest('hex')
}

/** RFC 3986 encoding: everything but unreserved characters, as SigV4 requires. */
function encode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
}

function canonicalPath(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => encode(safeDecode(segment)))
    .join('/')
}

function canonicalQuery(params: URLSearchParams): string {
  return [...params]
    .map(([key, value]) => [encode(key), encode(value)] as const)
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('&')
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
