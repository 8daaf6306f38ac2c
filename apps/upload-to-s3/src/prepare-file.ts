import { albError } from '@albkit/core'
import type { UploadConfig } from './config.js'
import { requireAllowedType } from './content-type.js'
import { assertContentMatchesType } from './magic-bytes.js'
import { objectKey, sanitizeFileName } from './object-key.js'
import type { FileToStore } from './store-files.js'

/** A file as it arrived: the client's name and type, the exact bytes. */
export interface IncomingFile {
  name: string
  contentType: string | undefined
  bytes: Buffer
}

/**
 * Validates one incoming file and gives it its key: 400 when empty, 415 when its type is
 * outside the allowlist or its first bytes contradict a claimed PNG/JPEG/GIF/WebP/PDF/ZIP.
 * Every message names the (sanitised) file.
 *
 * @example
 * const file = prepareFile({ name: 'cat.png', contentType: 'image/png', bytes }, config, new Date())
 */
export function prepareFile(
  incoming: IncomingFile,
  config: UploadConfig,
  now: Date,
  id?: string,
): FileToStore {
  const name = sanitizeFileName(incoming.name)
  if (incoming.bytes.length === 0) throw albError(400, `${name}: the file is empty`)
  const contentType = requireAllowedType(incoming.contentType, config.allowedTypes, name)
  assertContentMatchesType(incoming.bytes, contentType, name)
  const key = objectKey({
    prefix: config.prefix,
    fileName: name,
    now,
    ...(id === undefined ? {} : { id }),
  })
  return { name, key, contentType, bytes: incoming.bytes }
}

/**
 * 413 unless the files together fit the configured per-request limit.
 *
 * @example
 * assertTotalSize(files, config)
 */
export function assertTotalSize(
  files: ReadonlyArray<{ bytes: Buffer }>,
  config: UploadConfig,
): void {
  const total = files.reduce((sum, f) => sum + f.bytes.length, 0)
  if (total > config.maxUploadBytes) {
    throw albError(
      413,
      `the upload is ${total} bytes; the limit is ${config.maxUploadBytes} bytes per request (use POST /upload/presign for bigger files)`,
    )
  }
}
