import { type AlbResult, binary, empty, type HttpResponse, json, text } from '@albkit/core'

/** What a handler's return value is, once classified. */
export type Classified =
  | { kind: 'response'; response: HttpResponse }
  | { kind: 'result'; result: AlbResult }

const httpResponseKeys = new Set(['statusCode', 'headers', 'cookies', 'body', 'statusDescription'])

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/** An already-formed ALB result: `statusCode` plus `isBase64Encoded` plus one header shape. */
export function looksLikeAlbResult(value: unknown): value is AlbResult {
  return (
    isRecord(value) &&
    typeof value.statusCode === 'number' &&
    typeof value.isBase64Encoded === 'boolean' &&
    ('headers' in value || 'multiValueHeaders' in value)
  )
}

/** A core `HttpResponse`: a numeric `statusCode` and no keys outside the HttpResponse shape. */
export function looksLikeHttpResponse(value: unknown): value is HttpResponse {
  if (!isRecord(value) || typeof value.statusCode !== 'number') return false
  // Own enumerable string keys, as Object.keys gives them, without building the array.
  for (const k in value) if (Object.hasOwn(value, k) && !httpResponseKeys.has(k)) return false
  return true
}

/**
 * Maps any handler return value onto a response: string → text/plain, bytes →
 * application/octet-stream, `undefined`/`null` → 204, HttpResponse as is, AlbResult passed on
 * for validation, any other value → JSON.
 *
 * @example
 * ```ts
 * classify('hi') // { kind: 'response', response: text('hi') }
 * ```
 */
export function classify(value: unknown): Classified {
  if (value === undefined || value === null) return { kind: 'response', response: empty(204) }
  if (typeof value === 'string') return { kind: 'response', response: text(value) }
  if (value instanceof Uint8Array) {
    return { kind: 'response', response: binary(value, 'application/octet-stream') }
  }
  if (value instanceof ArrayBuffer) {
    return { kind: 'response', response: binary(new Uint8Array(value), 'application/octet-stream') }
  }
  if (looksLikeAlbResult(value)) return { kind: 'result', result: value }
  if (looksLikeHttpResponse(value)) return { kind: 'response', response: value }
  return { kind: 'response', response: json(value) }
}
