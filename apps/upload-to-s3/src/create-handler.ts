import { albBodyLimit, albHandler } from '@albkit/middy'
import type { AppDeps } from './deps.js'
import { route, uploadRoutes } from './routes.js'

/**
 * The Lambda handler around {@link route}: albkit's standard stack (health checks answered
 * before any S3 call, errors as clear JSON, results in the target group's mode) plus a hard
 * body limit at the ALB's own 1,000,000 bytes for emulators that do not enforce it.
 *
 * @example
 * export const handler = createHandler({ config, store, presignPost })
 */
export function createHandler(deps: AppDeps) {
  const routes = uploadRoutes(deps)
  return albHandler((_event, context) => route(context.alb, routes), {
    ...(deps.log ? { log: deps.log } : {}),
    use: [albBodyLimit()],
  })
}
