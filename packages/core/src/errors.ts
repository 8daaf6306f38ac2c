/**
 * Options of {@link AlbError}.
 * @example
 * new AlbError(401, 'Login required', { headers: { 'WWW-Authenticate': 'Bearer' } })
 */
export interface AlbErrorOptions {
  cause?: unknown
  /** Whether the message may be shown to the client. Default: `statusCode < 500`. */
  expose?: boolean
  /** Extra response headers (e.g. `Allow`, `WWW-Authenticate`). */
  headers?: Record<string, string>
}

/**
 * The one error type of albkit: an HTTP status, a message, and whether the message is safe to
 * show to the client (`expose`, default `statusCode < 500`).
 * @example
 * throw new AlbError(415, 'Expected application/json, got text/plain')
 */
export class AlbError extends Error {
  readonly statusCode: number
  readonly expose: boolean
  readonly headers?: Record<string, string>
  override readonly cause?: unknown

  constructor(statusCode: number, message: string, options: AlbErrorOptions = {}) {
    super(message)
    this.name = 'AlbError'
    this.statusCode =
      Number.isInteger(statusCode) && statusCode >= 400 && statusCode <= 599 ? statusCode : 500
    this.expose = options.expose ?? this.statusCode < 500
    if (options.headers !== undefined) this.headers = options.headers
    if (options.cause !== undefined) this.cause = options.cause
  }
}

/**
 * Shorthand for `new AlbError(...)`.
 * @example
 * throw albError(400, 'Query parameter "n" must be an integer')
 */
export function albError(statusCode: number, message: string, options?: AlbErrorOptions): AlbError {
  return new AlbError(statusCode, message, options)
}

/**
 * Type guard for {@link AlbError} (also across duplicated module copies).
 * @example
 * if (isAlbError(err)) console.log(err.statusCode)
 */
export function isAlbError(value: unknown): value is AlbError {
  return (
    value instanceof AlbError ||
    (value instanceof Error &&
      value.name === 'AlbError' &&
      typeof (value as AlbError).statusCode === 'number')
  )
}
