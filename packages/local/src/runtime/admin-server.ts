/**
 * The admin endpoint: GET /targets (target health, like `aws elbv2 describe-target-health`)
 * and GET /routes (the listener rules in evaluation order), both JSON.
 */
import { createServer, type Server } from 'node:http'
import type { LocalConfig } from '../config/index.js'
import type { TargetReport } from './health-checker.js'
import { routeTable } from './route-table.js'

/**
 * @example
 * const admin = createAdminServer(config, () => checker.reports())
 * admin.listen(3001, '127.0.0.1')
 */
export function createAdminServer(config: LocalConfig, targets: () => TargetReport[]): Server {
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]
    let status = 200
    let body: unknown
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      status = 405
      body = { message: 'only GET is supported' }
    } else if (path === '/targets') body = targets()
    else if (path === '/routes') body = routeTable(config)
    else {
      status = 404
      body = { message: 'not found; try GET /targets or GET /routes' }
    }
    const text = JSON.stringify(body, null, 2)
    res.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    })
    res.end(text)
  })
}
