import { albError } from '@albkit/core'
import type { UploadConfig } from './config.js'
import { requireAllowedType } from './content-type.js'
import { objectKey, sanitizeFileName } from './object-key.js'

/** What a client asks for: a slot for one file it is about to send straight to S3. */
export interface PresignRequest {
  name: string
  contentType: string
  size: number
}

/** What the signer needs; the policy it signs pins all of it. */
export interface PresignPostInput {
  bucket: string
  key: string
  contentType: string
  maxBytes: number
  expiresSeconds: number
}

/** Signs an S3 POST policy (the real one wraps `@aws-sdk/s3-presigned-post`). */
export type PresignPost = (
  input: PresignPostInput,
) => Promise<{ url: string; fields: Record<string, string> }>

/** The answer the client gets: POST `fields` plus the file (last) as multipart to `url`. */
export interface PresignAnswer {
  method: 'POST'
  url: string
  fields: Record<string, string>
  key: string
  contentType: string
  maxBytes: number
  expiresAt: string
}

/**
 * Checks a parsed JSON body: `name` (string), `contentType` (in the allowlist) and `size`
 * (whole bytes, 1…MAX_PRESIGN_BYTES). 400 for a malformed request, 415 for a type outside the
 * allowlist, 413 for a size over the limit.
 *
 * @example
 * parsePresignRequest({ name: 'big.zip', contentType: 'application/zip', size: 5e6 }, config)
 */
export function parsePresignRequest(body: unknown, config: UploadConfig): PresignRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw albError(
      400,
      'expected a JSON object: { "name": string, "contentType": string, "size": number }',
    )
  }
  const { name, contentType, size } = body as Record<string, unknown>
  if (typeof name !== 'string' || name.trim() === '' || name.length > 1024) {
    throw albError(400, '"name" must be a non-empty string of at most 1024 characters')
  }
  if (typeof contentType !== 'string') {
    throw albError(400, '"contentType" must be a string such as "application/pdf"')
  }
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 1) {
    throw albError(400, '"size" must be the file size in bytes: a whole number of at least 1')
  }
  const type = requireAllowedType(contentType, config.allowedTypes, sanitizeFileName(name))
  if (size > config.maxPresignBytes) {
    throw albError(
      413,
      `"size" ${size} is over the limit of ${config.maxPresignBytes} bytes for a presigned upload`,
    )
  }
  return { name, contentType: type, size }
}

/**
 * Builds a presigned POST for one file: server-chosen key, exact Content-Type, and
 * `content-length-range` 1…declared size, all signed into the policy so S3 itself refuses
 * anything else (S3 API reference, "Browser-based uploads using POST" → policy conditions).
 *
 * @example
 * const answer = await presignUpload(request, config, presignPost, new Date())
 */
export async function presignUpload(
  request: PresignRequest,
  config: UploadConfig,
  presignPost: PresignPost,
  now: Date = new Date(),
): Promise<PresignAnswer> {
  const key = objectKey({ prefix: config.prefix, fileName: request.name, now })
  const { url, fields } = await presignPost({
    bucket: config.bucket,
    key,
    contentType: request.contentType,
    maxBytes: request.size,
    expiresSeconds: config.presignExpiresSeconds,
  })
  const expiresAt = new Date(now.getTime() + config.presignExpiresSeconds * 1000).toISOString()
  return {
    method: 'POST',
    url,
    fields,
    key,
    contentType: request.contentType,
    maxBytes: request.size,
    expiresAt,
  }
}
