import { ALB_MAX_REQUEST_BODY_BYTES, albError } from '@albkit/core'
import { type MultipartBody, type MultipartLimits, parseMultipart } from './parse-multipart.js'
import { requestView } from './request-view.js'
import type { AlbContext, AlbMiddleware } from './types.js'

/** The context after {@link albMultipart}. */
export interface AlbMultipartContext extends AlbContext {
  multipart: MultipartBody
}

const defaults: MultipartLimits = {
  maxFiles: 10,
  maxFileBytes: ALB_MAX_REQUEST_BODY_BYTES,
  maxFields: 100,
  maxFieldBytes: 64 * 1024,
  maxTotalBytes: ALB_MAX_REQUEST_BODY_BYTES,
}

/**
 * Parses a multipart/form-data request (busboy) into `context.multipart = { files, fields }`:
 * 415 for another content type, 400 for a malformed body or missing boundary, 413 naming the
 * limit (`maxFiles`, `maxFileBytes`, `maxFields`, `maxFieldBytes`, `maxTotalBytes`) exceeded.
 *
 * @example
 * ```ts
 * middy<AlbEvent, AlbHandlerReturn, Error, AlbMultipartContext>()
 *   .use([albStack(), albMultipart({ maxFiles: 1, maxFileBytes: 512 * 1024 })])
 *   .handler((_e, context) => ({ names: context.multipart.files.map((f) => f.filename) }))
 * ```
 */
export function albMultipart(
  opts: Partial<MultipartLimits> = {},
): AlbMiddleware<AlbMultipartContext> {
  const limits = { ...defaults, ...opts }
  const albMultipartBefore: NonNullable<AlbMiddleware<AlbMultipartContext>['before']> = async (
    request,
  ) => {
    const alb = requestView(request)
    const contentType = alb.headers.get('content-type') ?? ''
    if (!/^multipart\/form-data\s*(;|$)/i.test(contentType)) {
      throw albError(415, `Expected multipart/form-data, got ${contentType || 'no content type'}`)
    }
    request.context.multipart = await parseMultipart(alb.body, contentType, limits)
  }
  return { before: albMultipartBefore }
}
