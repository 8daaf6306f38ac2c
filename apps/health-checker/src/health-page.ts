import { type AlbRequest, type HttpResponse, text } from '@albkit/core'
import type { HealthService } from './health-service.js'
import { reportFormat } from './negotiate.js'
import { renderHtml } from './render-html.js'
import { renderJson } from './render-json.js'
import { httpStatusFor } from './report.js'

const ALLOW = 'GET, HEAD'

/**
 * The answer for the load balancer's own health checks: 200 when no critical probe failed
 * (healthy or degraded), 503 otherwise, with a one-word body. The target group's matcher is
 * `200`, so the code alone decides; the body is for whoever reads the access logs.
 *
 * @example
 * await loadBalancerAnswer(service) // → { statusCode: 200, body: 'degraded', ... }
 */
export async function loadBalancerAnswer(service: HealthService): Promise<HttpResponse> {
  const report = await service.check()
  return text(report.status, {
    statusCode: httpStatusFor(report.status),
    headers: { 'Cache-Control': 'no-store' },
  })
}

/**
 * What a person gets at `/health`: the full report as JSON or an HTML table (`?format=` or
 * `Accept`), 200 when healthy or degraded, 503 when unhealthy. HEAD: same status and headers,
 * no body. Other methods: 405 with `Allow`.
 *
 * @example
 * await healthPage(context.alb, service) // → { statusCode: 200, body: '{"status":"healthy",...}' }
 */
export async function healthPage(req: AlbRequest, service: HealthService): Promise<HttpResponse> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return text(`method ${req.method} not allowed; use GET or HEAD`, {
      statusCode: 405,
      headers: { Allow: ALLOW },
    })
  }
  const format = reportFormat(req.query.get('format'), req.headers.get('accept'))
  const report = await service.check()
  const response = format === 'html' ? renderHtml(report) : renderJson(report)
  const headers = { ...response.headers, Vary: 'Accept' }
  return req.method === 'HEAD' ? { ...response, headers, body: '' } : { ...response, headers }
}
