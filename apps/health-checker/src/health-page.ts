import { type AlbRequest, type HttpResponse, text } from '@albkit/core'
import { createRouter, pickFormat, type Router } from '@albkit/middy'
import type { HealthService } from './health-service.js'
import { renderHtml } from './render-html.js'
import { renderJson } from './render-json.js'
import { httpStatusFor } from './report.js'

/** The path the target group's health checks and people use (HealthCheckPath and the listener rule). */
export const HEALTH_PATH = '/health'

/** The two shapes of the full report; JSON first: it wins ties (curl's *\/*, no Accept) and is the fallback. */
export const REPORT_FORMATS = { json: 'application/json', html: 'text/html' } as const

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
 * `Accept`; JSON when nothing matches), 200 when healthy or degraded, 503 when unhealthy.
 *
 * @example
 * await healthPage(context.alb, service) // → { statusCode: 200, body: '{"status":"healthy",...}' }
 */
export async function healthPage(req: AlbRequest, service: HealthService): Promise<HttpResponse> {
  const format = pickFormat(req, REPORT_FORMATS, { fallback: 'json' })
  const report = await service.check()
  const response = format === 'html' ? renderHtml(report, req) : renderJson(report)
  return { ...response, headers: { ...response.headers, Vary: 'Accept' } }
}

/**
 * The app's routes: `GET /health` (HEAD from GET, 405 with Allow otherwise, 404 elsewhere).
 *
 * @example
 * await healthRoutes(() => service).handle(context.alb)
 */
export function healthRoutes(service: () => HealthService): Router {
  return createRouter({ notFound: `Not found: this app answers GET ${HEALTH_PATH}` }).get(
    HEALTH_PATH,
    (req) => healthPage(req, service()),
  )
}
