import { type HttpResponse, json } from '@albkit/core'
import type { IpReport } from './report.js'

/**
 * The JSON answer: the whole report, readable from any origin (the data is the caller's own and
 * carries no credentials, so `Access-Control-Allow-Origin: *` is safe).
 *
 * @example
 * JSON.parse(String(renderJson(report).body)).address // → '203.0.113.7'
 */
export function renderJson(report: IpReport): HttpResponse {
  return json(report, { headers: { 'Access-Control-Allow-Origin': '*' } })
}
