import { ALB_MAX_REQUEST_BODY_BYTES, albError } from '@albkit/core'
import { requestView } from './request-view.js'
import type { AlbMiddleware } from './types.js'

/** Options for {@link albBodyLimit}. */
export interface AlbBodyLimitOptions {
  /** Largest accepted decoded body in bytes. Default: the ALB's own limit, 1,000,000. */
  maxBytes?: number
}

const defaults: Required<AlbBodyLimitOptions> = { maxBytes: ALB_MAX_REQUEST_BODY_BYTES }

/**
 * Rejects a request whose decoded body is larger than `maxBytes` with 413 and a message naming
 * both the limit and the size.
 *
 * @example
 * ```ts
 * handler.use(albBodyLimit({ maxBytes: 64 * 1024 }))
 * ```
 */
export function albBodyLimit(opts: AlbBodyLimitOptions = {}): AlbMiddleware {
  const options = { ...defaults, ...opts }
  const albBodyLimitBefore: NonNullable<AlbMiddleware['before']> = (request) => {
    const size = requestView(request).body.byteLength
    if (size > options.maxBytes) {
      throw albError(413, `Request body is ${size} bytes; the limit is ${options.maxBytes} bytes`, {
        cause: { package: '@albkit/middy', size, maxBytes: options.maxBytes },
      })
    }
  }
  return { before: albBodyLimitBefore }
}
