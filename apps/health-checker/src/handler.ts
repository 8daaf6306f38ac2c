import { albHandler, type LogFn } from '@albkit/middy'
import { HEALTH_PATH, healthRoutes, loadBalancerAnswer } from './health-page.js'
import { createHealthService, type HealthService } from './health-service.js'
import { createProber } from './probe-dependency.js'
import { parseHealthConfig } from './probes-config.js'

/**
 * Builds the Lambda handler. The configuration is read on the first invocation, not at import,
 * so a cold start costs nothing extra and a bad `HEALTH_PROBES` fails checks (503, logged)
 * instead of failing the function's init. The probe cache lives as long as the warm instance.
 *
 * @example
 * export const handler = createHandler(process.env)
 * const quiet = createHandler({ HEALTH_PROBES: '[]' }, { log: () => {} }) // tests
 */
export function createHandler(
  env: Record<string, string | undefined>,
  options: { log?: LogFn } = {},
) {
  let service: HealthService | undefined
  const getService = () => {
    service ??= createHealthService(parseHealthConfig(env), { prober: createProber(env) })
    return service
  }
  const routes = healthRoutes(getService)
  return albHandler((_event, context) => routes.handle(context.alb), {
    ...options,
    healthCheckPath: HEALTH_PATH,
    probe: () => loadBalancerAnswer(getService()),
  })
}

/** The function behind the ALB: health checks get 200/503, people get the full report. */
export const handler = createHandler(process.env)
