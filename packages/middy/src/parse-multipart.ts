import { albError } from '@albkit/core'
import busboy from 'busboy'

/** One uploaded file, bytes exactly as sent. */
export interface MultipartFile {
  field: string
  filename: string
  contentType: string
  bytes: Buffer
}

/** A parsed multipart/form-data body. */
export interface MultipartBody {
  files: MultipartFile[]
  fields: Record<string, string[]>
}

/** Bounds for {@link parseMultipart}; every one is enforced with a 413 that names it. */
export interface MultipartLimits {
  maxFiles: number
  maxFileBytes: number
  maxFields: number
  maxFieldBytes: number
  maxTotalBytes: number
}

const tooLarge = (limit: keyof MultipartLimits, value: number, detail: string) =>
  albError(413, `Multipart ${detail} exceeds ${limit} (${value})`, {
    cause: { package: '@albkit/middy', limit, value },
  })

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

const badRequest = (why: string, cause?: unknown) =>
  albError(400, `Malformed multipart body: ${why}`, { cause: { package: '@albkit/middy', cause } })

/**
 * Parses multipart/form-data bytes with busboy. Binary-safe (bytes in, Buffers out, no string
 * round trip) and bounded: a limit is never met by silently cutting a file or field short.
 *
 * @example
 * ```ts
 * const { files, fields } = await parseMultipart(body, 'multipart/form-data; boundary=x', limits)
 * ```
 */
export function parseMultipart(
  body: Buffer,
  contentType: string,
  limits: MultipartLimits,
): Promise<MultipartBody> {
  if (body.byteLength > limits.maxTotalBytes) {
    return Promise.reject(
      tooLarge('maxTotalBytes', limits.maxTotalBytes, `body of ${body.byteLength} bytes`),
    )
  }
  let parser: busboy.Busboy
  try {
    parser = busboy({
      headers: { 'content-type': contentType },
      // Browsers and curl send UTF-8 file names as raw bytes (RFC 7578 §4.2); busboy's default
      // latin1 would turn `ü` into `Ã¼`.
      defParamCharset: 'utf8',
      limits: {
        files: limits.maxFiles,
        // busboy flags a file as cut when it *reaches* fileSize; +1 lets a file of exactly the limit through.
        fileSize: limits.maxFileBytes + 1,
        fields: limits.maxFields,
        fieldSize: limits.maxFieldBytes,
      },
    })
  } catch (error) {
    return Promise.reject(badRequest(error instanceof Error ? error.message : String(error), error))
  }
  return new Promise((resolve, reject) => {
    const result: MultipartBody = { files: [], fields: Object.create(null) }
    let failure: Error | undefined
    const fail = (error: Error) => {
      failure ??= error
    }
    parser.on('file', (field, stream, info) => {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('error', (error: unknown) => fail(badRequest(messageOf(error), error)))
      // busboy stops at fileSize and flags the stream: reject instead of keeping a cut file.
      stream.on('limit', () =>
        fail(tooLarge('maxFileBytes', limits.maxFileBytes, `file "${info.filename}"`)),
      )
      stream.on('end', () => {
        if (stream.truncated) {
          fail(tooLarge('maxFileBytes', limits.maxFileBytes, `file "${info.filename}"`))
          return
        }
        result.files.push({
          field,
          filename: info.filename ?? '',
          contentType: info.mimeType,
          bytes: Buffer.concat(chunks),
        })
      })
    })
    parser.on('field', (name, value, info) => {
      if (info.nameTruncated) fail(badRequest(`field name "${name}…" is too long`))
      else if (info.valueTruncated) {
        fail(tooLarge('maxFieldBytes', limits.maxFieldBytes, `field "${name}"`))
      } else {
        const values = result.fields[name] ?? []
        values.push(value)
        result.fields[name] = values
      }
    })
    parser.on('filesLimit', () => fail(tooLarge('maxFiles', limits.maxFiles, 'file count')))
    parser.on('fieldsLimit', () => fail(tooLarge('maxFields', limits.maxFields, 'field count')))
    parser.on('error', (error: unknown) => {
      reject(failure ?? badRequest(error instanceof Error ? error.message : String(error), error))
    })
    parser.on('close', () => (failure ? reject(failure) : resolve(result)))
    parser.end(body)
  })
}
