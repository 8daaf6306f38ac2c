import { type HttpResponse, json } from '@albkit/core'
import { type HealthReport, httpStatusFor } from './report.js'

/**
 * The full report as JSON, with the status code the load balancer would see.
 *
 * @example
 * renderJson(report) // → { statusCode: 200, headers: { 'Cache-Control': 'no-store' }, body: '{"status":"healthy",...}' }
 */
export function renderJson(report: HealthReport): HttpResponse {
  return json(report, {
    statusCode: httpStatusFor(report.status),
    headers: { 'Cache-Control': 'no-store' },
  })
}
