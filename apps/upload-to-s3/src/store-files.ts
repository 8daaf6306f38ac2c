import { createHash } from 'node:crypto'
import { classifyS3Error, type S3FailureKind } from './s3-errors.js'

/** The one S3 call this app makes, in the SDK's own field names. */
export interface PutObjectInput {
  Bucket: string
  Key: string
  Body: Buffer
  ContentType: string
  /** Base64 of the SHA-256 of `Body`: S3 recomputes it and rejects the object on mismatch. */
  ChecksumSHA256: string
  ContentLength: number
}

/** Anything that can store an object: the real S3 adapter, or a fake in tests. */
export interface ObjectStore {
  putObject(input: PutObjectInput): Promise<{ ETag?: string | undefined }>
}

/** A file ready to store: name already sanitised, type already checked. */
export interface FileToStore {
  name: string
  key: string
  contentType: string
  bytes: Buffer
}

interface FileFacts {
  name: string
  key: string
  size: number
  contentType: string
  /** Lower-case hex, as `sha256sum` prints it. */
  sha256: string
}
/** What happened to one file. `stored` only after S3 acknowledged it. */
export type FileResult =
  | (FileFacts & { status: 'stored'; etag: string | undefined })
  | (FileFacts & { status: 'failed'; error: string })
  | (FileFacts & { status: 'not-attempted'; error: string })

/** Seconds a client is asked to wait after a 503. */
export const RETRY_AFTER_SECONDS = 5

/** The outcome of a whole request: 201 only when every file is stored. */
export interface StoreOutcome {
  statusCode: 201 | 500 | 502 | 503
  files: FileResult[]
  /** Set with 503: seconds the client should wait before retrying. */
  retryAfterSeconds?: number
  /** Set on failure: one sentence for the client. */
  error?: string
}

export interface StoreOptions {
  store: ObjectStore
  bucket: string
  /** Files stored at the same time (default 2: small, keeps memory and S3 connections modest). */
  concurrency?: number
  /** Called with each S3 error, for the logs (the client only sees a safe summary). */
  onError?: (error: unknown, file: FileToStore) => void
}

/**
 * Stores every file with its SHA-256 as the S3 object checksum. After the first failure no new
 * file is started (those are reported `not-attempted`). Never reports a file as stored unless
 * S3 acknowledged it.
 *
 * @example
 * const outcome = await storeFiles([{ name: 'a.txt', key: 'uploads/…/a.txt', contentType: 'text/plain', bytes }], { store, bucket: 'b' })
 * outcome.statusCode // 201
 */
export async function storeFiles(
  files: FileToStore[],
  options: StoreOptions,
): Promise<StoreOutcome> {
  const results: FileResult[] = new Array(files.length)
  let failed = false
  let firstFailure: S3FailureKind | undefined
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const index = next++
      const file = files[index] as FileToStore
      const digest = createHash('sha256').update(file.bytes).digest()
      const facts: FileFacts = {
        name: file.name,
        key: file.key,
        size: file.bytes.length,
        contentType: file.contentType,
        sha256: digest.toString('hex'),
      }
      if (failed) {
        results[index] = {
          ...facts,
          status: 'not-attempted',
          error: 'not stored: an earlier file failed',
        }
        continue
      }
      try {
        const { ETag } = await options.store.putObject({
          Bucket: options.bucket,
          Key: file.key,
          Body: file.bytes,
          ContentType: file.contentType,
          ChecksumSHA256: digest.toString('base64'),
          ContentLength: file.bytes.length,
        })
        results[index] = { ...facts, status: 'stored', etag: ETag }
      } catch (error) {
        options.onError?.(error, file)
        const kind = classifyS3Error(error)
        failed = true
        firstFailure ??= kind
        results[index] = { ...facts, status: 'failed', error: kind.reason }
      }
    }
  }
  const workers = Math.max(1, Math.min(options.concurrency ?? 2, files.length))
  await Promise.all(Array.from({ length: workers }, worker))
  if (firstFailure === undefined) return { statusCode: 201, files: results }
  const stored = results.filter((r) => r.status === 'stored').length
  const summary = `${stored} of ${files.length} file(s) stored`
  if (firstFailure.statusCode === 503) {
    return {
      statusCode: 503,
      files: results,
      retryAfterSeconds: RETRY_AFTER_SECONDS,
      error: `${firstFailure.reason}; ${summary}, retry the others later`,
    }
  }
  return {
    statusCode: firstFailure.statusCode,
    files: results,
    error: `${firstFailure.reason}; ${summary}`,
  }
}
