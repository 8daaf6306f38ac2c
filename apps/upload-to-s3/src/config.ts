/**
 * The app's settings, read once from the environment with defaults and strict validation.
 * A bad value is a deploy mistake: it fails the function's start with a message naming the
 * variable and the value, instead of surfacing later as a confusing upload error.
 */

/** What the upload routes need to know. */
export interface UploadConfig {
  /** Target bucket: from the deployment, never from the client. */
  readonly bucket: string
  /** Key prefix without leading or trailing slash, e.g. `uploads`. */
  readonly prefix: string
  /** Largest total of file bytes one request through the balancer may carry. */
  readonly maxUploadBytes: number
  /** Largest object a presigned POST allows (S3 enforces it, not this function). */
  readonly maxPresignBytes: number
  /** Most files in one multipart request. */
  readonly maxFiles: number
  /** Lifetime of a presigned POST, seconds. */
  readonly presignExpiresSeconds: number
  /** Lower-case MIME types; an entry `image/*` allows every `image/` subtype. */
  readonly allowedTypes: readonly string[]
}

/**
 * The ALB refuses request bodies over 1 MB with its own 413 (we read "1 MB" as 1,000,000 bytes;
 * ELB user guide, "Lambda functions as targets" → limits). The limit counts the body as sent,
 * multipart framing included: a boundary line and part headers per file, often a few hundred
 * bytes, more with long names or extra form fields. 700,000 bytes of files leaves ~30% headroom
 * for that framing, so any upload the app accepts also fits through the balancer, and a file
 * that is too big gets this app's clear JSON 413 rather than the balancer's bare one in most
 * cases. Bigger files take the presigned-POST route straight to S3.
 */
export const DEFAULT_MAX_UPLOAD_BYTES = 700_000

/** 100 MiB: a presigned POST can go up to S3's 5 GiB single-request limit if you raise it. */
export const DEFAULT_MAX_PRESIGN_BYTES = 100 * 1024 * 1024

/** S3 POST Object accepts at most 5 GiB in one request (S3 API reference, "PostObject"). */
const S3_MAX_POST_BYTES = 5 * 1024 * 1024 * 1024

/** Types a team typically accepts; override with `ALLOWED_TYPES` (comma-separated). */
export const DEFAULT_ALLOWED_TYPES: readonly string[] = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'application/zip',
  'text/plain',
  'text/csv',
  'application/json',
  'application/octet-stream',
]

/** Thrown at start-up when the environment is not usable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError'
}

type Env = Readonly<Record<string, string | undefined>>

/**
 * Reads the settings from `env` (normally `process.env`).
 *
 * @example
 * const config = loadConfig({ BUCKET_NAME: 'my-uploads', MAX_UPLOAD_BYTES: '500000' })
 * config.prefix // 'uploads'
 */
export function loadConfig(env: Env): UploadConfig {
  const problems: string[] = []
  const bucket = (env.BUCKET_NAME ?? '').trim()
  if (bucket === '') problems.push('BUCKET_NAME is required (the bucket uploads are stored in)')
  const prefix = parsePrefix(env.UPLOAD_PREFIX, problems)
  const maxUploadBytes = parseInteger(
    env,
    'MAX_UPLOAD_BYTES',
    DEFAULT_MAX_UPLOAD_BYTES,
    1,
    1_000_000,
    problems,
  )
  const maxPresignBytes = parseInteger(
    env,
    'MAX_PRESIGN_BYTES',
    DEFAULT_MAX_PRESIGN_BYTES,
    1,
    S3_MAX_POST_BYTES,
    problems,
  )
  const maxFiles = parseInteger(env, 'MAX_FILES', 10, 1, 100, problems)
  const presignExpiresSeconds = parseInteger(env, 'PRESIGN_EXPIRES_SECONDS', 300, 1, 3600, problems)
  const allowedTypes = parseTypes(env.ALLOWED_TYPES, problems)
  if (problems.length > 0) {
    throw new ConfigError(`upload-to-s3: invalid environment: ${problems.join('; ')}`)
  }
  return {
    bucket,
    prefix,
    maxUploadBytes,
    maxPresignBytes,
    maxFiles,
    presignExpiresSeconds,
    allowedTypes,
  }
}

function parseInteger(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const raw = env[name]?.trim()
  if (raw === undefined || raw === '') return fallback
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    problems.push(`${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`)
    return fallback
  }
  return value
}

const PREFIX_SEGMENT = /^[A-Za-z0-9!_.*'()-]+$/

function parsePrefix(raw: string | undefined, problems: string[]): string {
  const prefix = (raw ?? 'uploads').trim().replace(/^\/+|\/+$/g, '')
  const segments = prefix.split('/')
  const bad = segments.some((s) => !PREFIX_SEGMENT.test(s) || s === '.' || s === '..')
  if (prefix === '' || bad || prefix.length > 200) {
    problems.push(
      `UPLOAD_PREFIX must be 1-200 characters of letters, digits and !_.*'()- in /-separated segments (no . or ..), got ${JSON.stringify(raw)}`,
    )
    return 'uploads'
  }
  return prefix
}

const MIME_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/(\*|[a-z0-9][a-z0-9!#$&^_.+-]*)$/

function parseTypes(raw: string | undefined, problems: string[]): readonly string[] {
  if (raw === undefined || raw.trim() === '') return DEFAULT_ALLOWED_TYPES
  const types = raw
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t !== '')
  const invalid = types.filter((t) => !MIME_TYPE.test(t))
  if (types.length === 0 || invalid.length > 0) {
    problems.push(
      `ALLOWED_TYPES must be a comma-separated list of MIME types such as image/png or image/*, got ${JSON.stringify(raw)}`,
    )
    return DEFAULT_ALLOWED_TYPES
  }
  return types
}
