import type { HttpResponse } from '@albkit/core'
import type { IpReport } from './report.js'

const UNSAFE_IN_JSON = /[<>&\u2028\u2029]/g

/**
 * Rewrites `<`, `>`, `&`, U+2028 and U+2029 in a JSON text as `\uXXXX` escapes. Outside strings a
 * JSON text has none of these characters, so the result parses to the same value, but a
 * client-written `<script>` (X-Forwarded-For, trace id) never appears as markup, even if the
 * document is sniffed or pasted into a page.
 *
 * @example
 * escapeJsonText('{"a":"<b>"}') // → '{"a":"\\u003cb\\u003e"}'
 */
export function escapeJsonText(jsonText: string): string {
  return jsonText.replace(
    UNSAFE_IN_JSON,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

/**
 * `JSON.stringify` through {@link escapeJsonText}.
 *
 * @example
 * safeJson({ a: '<b>' }) // → '{"a":"\\u003cb\\u003e"}'
 */
export function safeJson(value: unknown): string {
  return escapeJsonText(JSON.stringify(value))
}

/**
 * The JSON answer: the whole report, readable from any origin (the data is the caller's own and
 * carries no credentials, so `Access-Control-Allow-Origin: *` is safe).
 *
 * @example
 * JSON.parse(String(renderJson(report).body)).address // → '203.0.113.7'
 */
export function renderJson(report: IpReport): HttpResponse {
  return {
    statusCode: 200,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Access-Control-Allow-Origin': '*',
    },
    body: safeJson(report),
  }
}
