import type { AlbResult } from '@albkit/core'
import type { AlbMiddleware } from '@albkit/middy'
import { escapeJsonText } from './render-json.js'

function isTextResult(value: unknown): value is AlbResult {
  return (
    typeof value === 'object' &&
    value !== null &&
    'body' in value &&
    typeof value.body === 'string' &&
    'isBase64Encoded' in value &&
    value.isBase64Encoded === false
  )
}

function contentType(result: AlbResult): string {
  for (const [name, value] of Object.entries(
    'multiValueHeaders' in result ? result.multiValueHeaders : result.headers,
  )) {
    if (name.toLowerCase() === 'content-type')
      return String(Array.isArray(value) ? value[0] : value)
  }
  return ''
}

/**
 * Escapes `<`, `>` and `&` in the JSON error bodies that albErrors writes: they carry the trace
 * id's `Root`, which a client may choose (the ALB keeps a client-sent Root: ELB user guide,
 * "Request tracing for your Application Load Balancer"), so a forged
 * `X-Amzn-Trace-Id: Root=<script>…` would otherwise come back verbatim. Use it *before*
 * albDefaults: middy runs `onError` in reverse order, so this one sees the finished error result.
 *
 * @example
 * middy().use(escapeErrorJson()).use(albDefaults()).handler(logic)
 */
export function escapeErrorJson(): AlbMiddleware {
  const escapeErrorJsonOnError: NonNullable<AlbMiddleware['onError']> = (request) => {
    const result: unknown = request.response
    if (isTextResult(result) && /^application\/json\b/i.test(contentType(result))) {
      request.response = { ...result, body: escapeJsonText(result.body) }
    }
  }
  return { onError: escapeErrorJsonOnError }
}
