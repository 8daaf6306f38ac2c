/**
 * The admin server (127.0.0.1, `--admin-port`): the local ALB console and its JSON API
 * (console/console-api.ts), and the original GET /targets (target health, like
 * `aws elbv2 describe-target-health`) and GET /routes (the listener rules in evaluation order).
 */
import { createServer, type Server } from 'node:http'
import type { LocalConfig } from '../config/index.js'
import { type ConsoleDeps, handleConsole, sendJson } from '../console/console-api.js'
import type { TargetReport } from './health-checker.js'
import { routeTable } from './route-table.js'

/**
 * @example
 * const admin = createAdminServer(config, () => checker.reports(), consoleDeps)
 * admin.listen(3001, '127.0.0.1')
 */
export function createAdminServer(
  config: LocalConfig,
  targets: () => TargetReport[],
  consoleDeps?: ConsoleDeps,
): Server {
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    const head = req.method === 'HEAD'
    if (path === '/targets' || path === '/routes') {
      if (req.method !== 'GET' && !head)
        return sendJson(res, 405, { message: 'only GET is supported' })
      return sendJson(res, 200, path === '/targets' ? targets() : routeTable(config), head)
    }
    const notFound = () =>
      sendJson(res, 404, {
        message: 'not found; try / (the console), GET /api/exchanges, /targets or /routes',
      })
    if (consoleDeps === undefined) return notFound()
    handleConsole(req, res, path, consoleDeps).then(
      (handled) => {
        if (!handled) notFound()
      },
      () => res.destroy(),
    )
  })
}
