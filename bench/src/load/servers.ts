/** The servers of the load test, each answering the fixture handler's bytes on /hello and /binary. */
import { mkdtempSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type ChildServer, freePort, spawnServer } from './child-server.js'

export const FIXTURE_DIR = fileURLToPath(new URL('../../fixtures/load/', import.meta.url))
const require = createRequire(import.meta.url)

export interface ServerKind {
  name: string
  start(): Promise<ChildServer>
}

const rawServer: ServerKind = {
  name: 'raw node:http (ceiling)',
  start: () =>
    spawnServer({
      name: 'raw node:http',
      args: [join(FIXTURE_DIR, 'raw-server.js')],
      ready: /listening (http\S+)/,
    }),
}

function albkitDev(isolation: 'thread' | 'shared'): ServerKind {
  return {
    name:
      isolation === 'thread'
        ? 'albkit dev (default: a worker thread per instance)'
        : 'albkit dev --isolation shared (instances share a thread per function)',
    start: () =>
      spawnServer({
        name: 'albkit dev',
        args: [
          '--expose-gc',
          fileURLToPath(new URL('./serve-albkit.mjs', import.meta.url)),
          join(FIXTURE_DIR, 'template.yaml'),
          mkdtempSync(join(tmpdir(), 'albkit-bench-logs-')),
          isolation,
        ],
        ready: /listening (http\S+)/,
      }),
  }
}

function serverlessOffline(inProcess: boolean): ServerKind {
  return {
    name: `serverless-offline${inProcess ? ' --useInProcess' : ' (default: worker threads)'}`,
    async start() {
      const ports = await Promise.all([freePort(), freePort(), freePort(), freePort()])
      const osls = require.resolve('osls/bin/serverless.js')
      return spawnServer({
        name: 'serverless-offline',
        cwd: FIXTURE_DIR,
        env: { SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off' },
        args: [
          osls,
          'offline',
          '--host',
          '127.0.0.1',
          '--albPort',
          String(ports[0]),
          '--httpPort',
          String(ports[1]),
          '--lambdaPort',
          String(ports[2]),
          '--websocketPort',
          String(ports[3]),
          ...(inProcess ? ['--useInProcess'] : []),
        ],
        ready: /ALB Server ready: (http\S+)/,
        timeoutMs: 60_000,
      })
    },
  }
}

export function serverKinds(): ServerKind[] {
  return [
    rawServer,
    albkitDev('thread'),
    albkitDev('shared'),
    serverlessOffline(false),
    serverlessOffline(true),
  ]
}
