import { escapeJsonMarkup, type HttpResponse } from '@albkit/core'
import type { IpReport } from './report.js'

/**
 * `JSON.stringify` with `<`, `>`, `&`, U+2028 and U+2029 written as `\uXXXX` (core's
 * `escapeJsonMarkup`): the same value, but a client-written `<script>` (X-Forwarded-For, trace id)
 * never appears as markup, even if the document is sniffed or pasted into a page.
 *
 * @example
 * safeJson({ a: '<b>' }) // → '{"a":"\\u003cb\\u003e"}'
 */
export function safeJson(value: unknown): string {
  return escapeJsonMarkup(JSON.stringify(value))
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
